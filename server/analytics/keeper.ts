/**
 * Keeps the current AnalyticsIndex and rebuilds it from the store after writes. Rebuilds are serialised
 * and swapped in whole, so a request always reads one consistent index. Case texts (for the text filter)
 * and incident years (for trends by incident year) are fetched only for cases that are new or whose
 * sources changed.
 *
 * The first build reads every case review (seconds at 100k), so a server can start it in the background and
 * listen at once (IndexKeeper.start): until it is in place the keeper is "warming", and a request waits for
 * it a bounded time, then is told to come back (IndexWarmingError).
 *
 * Beside it the keeper keeps the search index (server/search/keeper.ts), fed with the same reads: built in
 * the background once the first analytics index is in place, and brought up to date by every later rebuild
 * before that rebuild resolves.
 */
import type { CaseReviewRecord } from '../../graph/records.ts';
import type { GraphStore, StatementKind } from '../../graph/store.ts';
import { SearchKeeper } from '../search/keeper.ts';
import { AnalyticsIndex, type CaseExtras, type IndexContents, type IndexedCase } from './index.ts';
import { markOf, readSavedIndex, type StoreMark, writeSavedIndex } from './persisted-index.ts';
import { listingStates } from './recommendations/load.ts';
import { LatestSave } from './saved-file.ts';

/**
 * Case texts are read in batches, two at a time: the store answers a batch from one reader session, and a
 * second batch in flight keeps its other cores busy (at 100k reviews, about 1.5x faster than one at a time).
 */
const TEXT_BATCH = 2500;
const TEXT_READS_AT_ONCE = 2;

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

export type IndexState = 'warming' | 'ready';

/**
 * What answers from memory now: the analytics index, the search index (search asks the store until it is
 * ready), and the current index's listing of each kind of statement (pages come from the store until it is
 * read; the first page asked for starts the read).
 */
export interface KeeperStates {
  index: IndexState;
  search: IndexState;
  listings: Record<StatementKind, IndexState>;
}

/** How long a caller turned away while the index warms is asked to wait before trying again. */
export const WARMING_RETRY_SECONDS = 2;

/** The index was asked for while its first build was still running, and did not arrive within the wait. */
export class IndexWarmingError extends Error {
  override readonly name = 'IndexWarmingError';
  readonly kind = 'warming';
  readonly retryAfterSeconds = WARMING_RETRY_SECONDS;
  constructor() {
    super(
      `The server has just started and is still building its analytics index; try again in ${WARMING_RETRY_SECONDS} seconds.`,
    );
  }
}

export function isIndexWarmingError(e: unknown): e is IndexWarmingError {
  return e instanceof IndexWarmingError;
}

export interface KeeperOptions {
  /**
   * Where the index is saved after each build and read back at the first one (persisted-index.ts); null
   * or absent: never saved.
   */
  savedIndex?: string | null;
  /** Where the search index is saved and read back (server/search/saved-search.ts); null: never saved. */
  savedSearch?: string | null;
  /** Where it says what happened to the saved indexes (one line each); defaults to stderr. */
  log?: (line: string) => void;
}

/** A build's cases and the store mark they were read under, waiting to be saved. */
interface SaveJob {
  mark: string;
  state: Readonly<IndexContents>;
}

export class IndexKeeper {
  /** The texts of the current index's cases, by id; null after a restore until a rebuild needs them. */
  private texts: Map<string, CaseExtras> | null = new Map();
  private queue: Promise<unknown> = Promise.resolve();
  private current: AnalyticsIndex = emptyIndex();
  private built = false;
  /** The first build while it runs; null before it starts and after it failed (the next ask starts another). */
  private firstBuild: Promise<AnalyticsIndex> | null = null;
  /** The inverted index over the graph's text that search reads (falls back to the store until ready). */
  readonly search: SearchKeeper;

  private readonly savedIndex: string | null;
  private readonly log: (line: string) => void;
  /** Saves builds in the background, the latest only; null: never saved. */
  private readonly saver: LatestSave<SaveJob> | null;

  private constructor(
    private readonly store: GraphStore,
    options: KeeperOptions,
  ) {
    this.savedIndex = options.savedIndex ?? null;
    this.log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
    const currentMark = async () => markOf(await this.storeMark());
    const path = this.savedIndex;
    this.saver =
      path === null
        ? null
        : new LatestSave<SaveJob>({
            write: (job) => writeSavedIndex(path, job.mark, job.state),
            // A write while the build read the store changed the mark: its rebuild saves instead.
            currentMark,
            failed: (e) =>
              this.log(
                `threadline: the analytics index could not be saved to ${path} (${e instanceof Error ? e.message : String(e)}); the next start builds it from the store`,
              ),
          });
    const savedSearch = options.savedSearch ?? null;
    this.search = new SearchKeeper(store, {
      saved: savedSearch === null ? null : { path: savedSearch, currentMark },
      log: this.log,
    });
  }

  /** Builds the index, then returns the keeper: for callers that cannot answer without it. */
  static async open(store: GraphStore, options: KeeperOptions = {}): Promise<IndexKeeper> {
    const keeper = IndexKeeper.start(store, options);
    await keeper.ready();
    return keeper;
  }

  /** Returns at once, with the first build running in the background; `ready()` waits for it. */
  static start(store: GraphStore, options: KeeperOptions = {}): IndexKeeper {
    const keeper = new IndexKeeper(store, options);
    keeper.warm();
    return keeper;
  }

  /** Resolves once every build so far has been saved (or failed to be, which is logged), search index too. */
  async saved(): Promise<void> {
    await this.saver?.saved();
    await this.search.saved();
  }

  get state(): IndexState {
    return this.built ? 'ready' : 'warming';
  }

  get states(): KeeperStates {
    return {
      index: this.state,
      search: this.search.ready ? 'ready' : 'warming',
      listings: listingStates(this.current),
    };
  }

  /** The index in place now: an empty one while warming (callers that need the real one use `ready()`). */
  get index(): AnalyticsIndex {
    return this.current;
  }

  /**
   * The index once it has been built. While the first build runs, waits for it at most `waitMs`, then
   * rejects with IndexWarmingError. A first build that failed rejects with its error, and the next call
   * tries again.
   */
  async ready(waitMs = Number.POSITIVE_INFINITY): Promise<AnalyticsIndex> {
    if (this.built) return this.current;
    const build = this.firstBuild ?? this.warm();
    if (!Number.isFinite(waitMs)) return build;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new IndexWarmingError()), waitMs);
    });
    try {
      return await Promise.race([build, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private warm(): Promise<AnalyticsIndex> {
    const build = this.firstBuild === null && !this.triedSaved ? this.restoreOrBuild() : this.rebuild(null);
    this.firstBuild = build;
    // The failure reaches whoever waits in ready(); here it only clears the way for another attempt.
    build.catch(() => {
      if (this.firstBuild === build) this.firstBuild = null;
    });
    return build;
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

  /** Whether the first build has looked for a saved index (it is looked for once per keeper). */
  private triedSaved = false;

  /** The first build: from the saved index when it holds for the store now, else from the store. */
  private restoreOrBuild(): Promise<AnalyticsIndex> {
    this.triedSaved = true;
    const run = this.queue.then(async () => (await this.restore()) ?? this.build(null));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The index from the saved file, or null (with a line saying why) when there is none to trust. */
  private async restore(): Promise<AnalyticsIndex | null> {
    if (this.savedIndex === null) return null;
    const reading = this.storeMark();
    const loaded = await readSavedIndex(this.savedIndex, reading.then(markOf));
    const mark = await reading;
    if (!loaded.ok) {
      this.log(`threadline: ${loaded.problem.message}`);
      return null;
    }
    const index = this.place(
      new AnalyticsIndex({
        state: loaded.state,
        taxonomy: mark.taxonomy,
        sources: mark.sources,
        counts: mark.counts,
      }),
      null,
    );
    // The search index reads the reviews itself: they were not read here.
    this.search.update({
      full: true,
      records: [],
      stale: [],
      sources: [],
      present: loaded.state.ids,
      mark: markOf(mark),
    });
    return index;
  }

  private async storeMark(): Promise<StoreMark> {
    const [taxonomy, sources, counts] = await Promise.all([
      this.store.taxonomy(),
      this.store.listSources(),
      this.store.counts(),
    ]);
    return { taxonomy, sources, counts };
  }

  /**
   * Puts an index in place with the texts of its cases (null: not known yet; the next rebuild takes them
   * from the index).
   */
  private place(index: AnalyticsIndex, texts: Map<string, CaseExtras> | null): AnalyticsIndex {
    this.texts = texts;
    this.current = index;
    this.built = true;
    this.firstBuild = null;
    return index;
  }

  private async build(changedSet: ChangeSet | null): Promise<AnalyticsIndex> {
    // The mark is read before the cases, and again before saving: equal, no write came in between.
    const mark = await this.storeMark();
    const facets = await this.store.caseFacets();
    const sources = new Set(changedSet?.sources ?? []);
    const cases = new Set(changedSet?.cases ?? []);
    this.texts ??= this.current.caseExtras();
    const known = this.texts;
    const stale = facets
      .filter(
        (f) =>
          changedSet === null || !known.has(f.id) || cases.has(f.id) || f.sources.some((s) => sources.has(s)),
      )
      .map((f) => f.id);
    const texts = new Map<string, CaseExtras>();
    for (const f of facets) {
      const kept = known.get(f.id);
      if (kept !== undefined) texts.set(f.id, kept);
    }
    const records = await this.readCases(stale);
    for (const record of records) {
      texts.set(record.id, {
        text: caseText(record),
        incidentYear: record.incidentYear ?? null,
        partnership: record.partnership ?? null,
      });
    }
    const rows: IndexedCase[] = facets.map((f) => ({
      ...f,
      text: texts.get(f.id)?.text ?? '',
      incidentYear: texts.get(f.id)?.incidentYear ?? null,
      partnership: texts.get(f.id)?.partnership ?? null,
    }));
    const index = this.place(
      new AnalyticsIndex({
        cases: rows,
        taxonomy: mark.taxonomy,
        sources: mark.sources,
        counts: mark.counts,
      }),
      texts,
    );
    const digest = markOf(mark);
    this.saver?.save({ mark: digest, state: index.state });
    const searchReady = this.search.ready;
    const searched = this.search.update({
      full: changedSet === null,
      records,
      stale,
      sources: changedSet?.sources ?? [],
      present: facets.map((f) => f.id),
      mark: digest,
    });
    // The first build does not wait for the search index (search asks the store meanwhile); a write does,
    // so that what it added is found as soon as it returns.
    if (searchReady) await searched;
    return index;
  }

  /** The records of these cases, read TEXT_BATCH at a time with TEXT_READS_AT_ONCE batches in flight. */
  private async readCases(ids: readonly string[]): Promise<CaseReviewRecord[]> {
    const queue = batches(ids, TEXT_BATCH);
    const read: CaseReviewRecord[][] = [];
    const reader = async () => {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        read.push(await this.store.casesByIds(next));
      }
    };
    await Promise.all(Array.from({ length: TEXT_READS_AT_ONCE }, reader));
    return read.flat();
  }
}

function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function emptyIndex(): AnalyticsIndex {
  return new AnalyticsIndex({
    cases: [],
    taxonomy: { harmTypes: [], agencies: [], themes: [] },
    sources: [],
    counts: { nodes: {}, relationships: {} } as AnalyticsIndex['counts'],
  });
}
