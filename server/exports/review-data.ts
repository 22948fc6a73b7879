/**
 * Everything the tidy exports and the full graph need about the reviews a filter chooses, read in a fixed
 * number of store calls whatever the number of reviews: their records (in batches), their evidence-bearing
 * links, their learning and recommendations. Sources and taxonomy come from the analytics index.
 */
import type { CaseReviewRecord } from '../../graph/records.ts';
import type { CaseLinkRow, GraphStore, StatementHit, StatementKind } from '../../graph/store.ts';
import type { Bitset } from '../analytics/bitset.ts';
import type { ListField, NormalizedFilter } from '../analytics/filter.ts';
import type { AnalyticsIndex } from '../analytics/index.ts';

/** Records are read this many ids at a time (one UNWIND over the primary key per batch). */
const RECORD_BATCH = 5_000;
/** Larger than any statement count a database here holds: statements() pages, and an export wants them all. */
const ALL_STATEMENTS = 100_000_000;

export interface ReviewData {
  /** The chosen reviews, in listing order (newest report year first, unknown years last, then id). */
  reviews: CaseReviewRecord[];
  /** Their harm type, agency and theme links, one row per evidencing sentence. */
  links: CaseLinkRow[];
  learning: StatementHit[];
  recommendations: StatementHit[];
  /** Source ids per review id (PUBLISHED_IN), sorted. */
  sourcesOf: Map<string, string[]>;
  /** Harm type, agency and theme ids per review id, sorted (from the analytics index, no store read). */
  linkedOf: Map<string, LinkedIds>;
}

export interface LinkedIds {
  harmTypes: string[];
  agencies: string[];
  themes: string[];
}

/** What a file needs read: review records, links, statements (what it does not need stays empty). */
export type ReviewPart = 'reviews' | 'links' | 'statements';

export async function readReviewData(
  store: GraphStore,
  index: AnalyticsIndex,
  filter: NormalizedFilter,
  parts: readonly ReviewPart[],
): Promise<ReviewData> {
  const scope = index.match(filter);
  const ids = index.idsOf(scope);
  if (ids.length === 0)
    return {
      reviews: [],
      links: [],
      learning: [],
      recommendations: [],
      sourcesOf: new Map(),
      linkedOf: new Map(),
    };
  // Every review: the store reads whole tables instead of looking each id up.
  const restrict = ids.length === index.size ? null : ids;
  const none = { total: 0, items: [] };
  const statements = async (kind: StatementKind) =>
    parts.includes('statements')
      ? store.statements({ kind, caseIds: restrict ?? undefined, limit: ALL_STATEMENTS, offset: 0 })
      : none;
  const [reviews, links, learning, recommendations] = await Promise.all([
    parts.includes('reviews') ? recordsOf(store, ids) : [],
    parts.includes('links') ? store.caseLinks(restrict) : [],
    statements('learning'),
    statements('recommendation'),
  ]);
  const linkedOf = new Map<string, LinkedIds>(
    ids.map((id) => [id, { harmTypes: [], agencies: [], themes: [] }]),
  );
  for (const field of ['harmTypes', 'agencies', 'themes'] as const) {
    for (const [value, id] of membersOf(index, field, scope)) linkedOf.get(id)?.[field].push(value);
  }
  const sourcesOf = new Map<string, string[]>();
  for (const [value, id] of membersOf(index, 'sources', scope)) {
    const list = sourcesOf.get(id);
    if (list) list.push(value);
    else sourcesOf.set(id, [value]);
  }
  for (const list of sourcesOf.values()) list.sort();
  for (const linked of linkedOf.values()) for (const list of Object.values(linked)) list.sort();
  return {
    reviews,
    links,
    learning: learning.items,
    recommendations: recommendations.items,
    sourcesOf,
    linkedOf,
  };
}

/** [value, review id] for every review in scope carrying each value of a facet. */
function* membersOf(index: AnalyticsIndex, field: ListField, scope: Bitset): Generator<[string, string]> {
  for (const [value, set] of index.facetSets(field)) {
    for (const id of index.idsOf(set.and(scope))) yield [value, id];
  }
}

async function recordsOf(store: GraphStore, ids: string[]): Promise<CaseReviewRecord[]> {
  const batches: Promise<CaseReviewRecord[]>[] = [];
  for (let i = 0; i < ids.length; i += RECORD_BATCH)
    batches.push(store.casesByIds(ids.slice(i, i + RECORD_BATCH)));
  return (await Promise.all(batches)).flat();
}
