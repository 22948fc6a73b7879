/**
 * Keeps the current AnalyticsIndex and rebuilds it from the store after writes. Rebuilds are serialised
 * and swapped in whole, so a request always reads one consistent index. Case texts (for the text filter)
 * and incident years (for trends by incident year) are fetched only for cases that are new or whose
 * sources changed.
 */
import type { CaseReviewRecord } from '../../graph/records.ts';
import type { GraphStore } from '../../graph/store.ts';
import { AnalyticsIndex } from './index.ts';

const TEXT_BATCH = 1000;

export interface ChangeSet {
  sources: readonly string[];
  cases: readonly string[];
}

export function caseText(c: CaseReviewRecord): string {
  return [c.title, c.child, c.partnership, c.summary]
    .filter((part): part is string => typeof part === 'string' && part.length > 0)
    .join('\n')
    .toLowerCase();
}

interface CaseExtras {
  text: string;
  incidentYear: number | null;
  partnership: string | null;
}

export class IndexKeeper {
  private texts = new Map<string, CaseExtras>();
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly store: GraphStore,
    private current: AnalyticsIndex,
  ) {}

  static async open(store: GraphStore): Promise<IndexKeeper> {
    const keeper = new IndexKeeper(store, emptyIndex());
    await keeper.rebuild(null);
    return keeper;
  }

  get index(): AnalyticsIndex {
    return this.current;
  }

  /**
   * Rebuilds from the store. `changed` names what a write touched: cases of these sources, and these cases,
   * get their text read again (null = everything). Resolves once the new index is in place.
   */
  rebuild(changed: ChangeSet | null): Promise<AnalyticsIndex> {
    const run = this.queue.then(() => this.build(changed));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async build(changedSet: ChangeSet | null): Promise<AnalyticsIndex> {
    const [facets, taxonomy, sourceList, counts] = await Promise.all([
      this.store.caseFacets(),
      this.store.taxonomy(),
      this.store.listSources(),
      this.store.counts(),
    ]);
    const sources = new Set(changedSet?.sources ?? []);
    const cases = new Set(changedSet?.cases ?? []);
    const stale = facets
      .filter(
        (f) =>
          changedSet === null ||
          !this.texts.has(f.id) ||
          cases.has(f.id) ||
          f.sources.some((s) => sources.has(s)),
      )
      .map((f) => f.id);
    const texts = new Map<string, CaseExtras>();
    for (const f of facets) {
      const known = this.texts.get(f.id);
      if (known !== undefined) texts.set(f.id, known);
    }
    for (let i = 0; i < stale.length; i += TEXT_BATCH) {
      for (const record of await this.store.casesByIds(stale.slice(i, i + TEXT_BATCH))) {
        texts.set(record.id, {
          text: caseText(record),
          incidentYear: record.incidentYear ?? null,
          partnership: record.partnership ?? null,
        });
      }
    }
    const index = new AnalyticsIndex({
      cases: facets.map((f) => ({
        ...f,
        text: texts.get(f.id)?.text ?? '',
        incidentYear: texts.get(f.id)?.incidentYear ?? null,
        partnership: texts.get(f.id)?.partnership ?? null,
      })),
      taxonomy,
      sources: sourceList,
      counts,
    });
    this.texts = texts;
    this.current = index;
    return index;
  }
}

function emptyIndex(): AnalyticsIndex {
  return new AnalyticsIndex({
    cases: [],
    taxonomy: { harmTypes: [], agencies: [], themes: [] },
    sources: [],
    counts: { nodes: {}, relationships: {} } as AnalyticsIndex['counts'],
  });
}
