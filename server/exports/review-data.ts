/**
 * Everything the tidy exports and the full graph need about the reviews a filter chooses, read in a fixed
 * number of store calls whatever the number of reviews: their records (in batches), their evidence-bearing
 * links, their learning and recommendations. Sources and taxonomy come from the analytics index.
 */
import type { CaseReviewRecord } from '../../graph/records.ts';
import type { CaseLinkRow, GraphStore, StatementHit, StatementKind } from '../../graph/store.ts';
import type { NormalizedFilter } from '../analytics/filter.ts';
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
}

export async function readReviewData(
  store: GraphStore,
  index: AnalyticsIndex,
  filter: NormalizedFilter,
): Promise<ReviewData> {
  const scope = index.match(filter);
  const ids = index.idsOf(scope);
  if (ids.length === 0)
    return { reviews: [], links: [], learning: [], recommendations: [], sourcesOf: new Map() };
  // Every review: the store reads whole tables instead of looking each id up.
  const restrict = ids.length === index.size ? null : ids;
  const statements = (kind: StatementKind) =>
    store.statements({ kind, caseIds: restrict ?? undefined, limit: ALL_STATEMENTS, offset: 0 });
  const [reviews, links, learning, recommendations] = await Promise.all([
    recordsOf(store, ids),
    store.caseLinks(restrict),
    statements('learning'),
    statements('recommendation'),
  ]);
  const sourcesOf = new Map<string, string[]>();
  for (const [sourceId, set] of index.facetSets('sources')) {
    for (const id of index.idsOf(set.and(scope))) {
      const list = sourcesOf.get(id);
      if (list) list.push(sourceId);
      else sourcesOf.set(id, [sourceId]);
    }
  }
  for (const list of sourcesOf.values()) list.sort();
  return { reviews, links, learning: learning.items, recommendations: recommendations.items, sourcesOf };
}

async function recordsOf(store: GraphStore, ids: string[]): Promise<CaseReviewRecord[]> {
  const batches: Promise<CaseReviewRecord[]>[] = [];
  for (let i = 0; i < ids.length; i += RECORD_BATCH)
    batches.push(store.casesByIds(ids.slice(i, i + RECORD_BATCH)));
  return (await Promise.all(batches)).flat();
}
