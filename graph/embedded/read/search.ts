/**
 * Case-insensitive substring search over case titles and pseudonyms, partnerships, taxonomy labels,
 * statement text and review summaries. Each kind returns its own best `limit` hits (ranked the same way in
 * Cypher), then graph/read-rules.ts ranks them together. A review found only by its summary comes after
 * every hit found by its caption: a word somewhere in a summary says less than a word in a name.
 */
import { rankSearchHits, searchNeedle } from '../../read-rules.ts';
import type { SearchHit, SearchKind } from '../../store.ts';
import type { Rows } from '../database.ts';
import { text, textOrNull } from './values.ts';

/** Each query yields (id, caption, caseId) for rows whose text matches $q. */
const QUERIES: ReadonlyArray<{ kind: SearchKind; cypher: string }> = [
  {
    kind: 'theme',
    cypher:
      'MATCH (n:Theme) WHERE lower(n.label) CONTAINS $q WITH n.id AS id, n.label AS caption, NULL AS caseId',
  },
  {
    kind: 'harmType',
    cypher:
      'MATCH (n:HarmType) WHERE lower(n.label) CONTAINS $q WITH n.id AS id, n.label AS caption, NULL AS caseId',
  },
  {
    kind: 'agency',
    cypher:
      'MATCH (n:Agency) WHERE lower(n.label) CONTAINS $q WITH n.id AS id, n.label AS caption, NULL AS caseId',
  },
  {
    kind: 'case',
    cypher:
      'MATCH (c:CaseReview) WHERE lower(c.title) CONTAINS $q OR lower(c.child) CONTAINS $q ' +
      'WITH c.id AS id, c.title AS caption, NULL AS caseId',
  },
  {
    kind: 'partnership',
    cypher:
      'MATCH (c:CaseReview) WHERE lower(c.partnership) CONTAINS $q ' +
      'AND NOT coalesce(lower(c.title) CONTAINS $q OR lower(c.child) CONTAINS $q, false) ' +
      'WITH c.id AS id, c.partnership AS caption, c.id AS caseId',
  },
  {
    kind: 'learning',
    cypher:
      'MATCH (c:CaseReview)-[:HAS_LEARNING]->(s:Learning) WHERE lower(s.text) CONTAINS $q ' +
      'WITH s, min(c.id) AS firstCase WITH s.id AS id, s.text AS caption, firstCase AS caseId',
  },
  {
    kind: 'recommendation',
    cypher:
      'MATCH (c:CaseReview)-[:MAKES]->(s:Recommendation) WHERE lower(s.text) CONTAINS $q ' +
      'WITH s, min(c.id) AS firstCase WITH s.id AS id, s.text AS caption, firstCase AS caseId',
  },
];

/** Reviews whose summary alone matches: not by title, pseudonym or partnership (those are hits already). */
const SUMMARY_ONLY =
  'MATCH (c:CaseReview) WHERE lower(c.summary) CONTAINS $q ' +
  'AND NOT coalesce(lower(c.title) CONTAINS $q OR lower(c.child) CONTAINS $q, false) ' +
  'AND NOT coalesce(lower(c.partnership) CONTAINS $q, false) ' +
  'RETURN c.id AS id, c.title AS caption ORDER BY caption, id LIMIT $limit';

const RANKED =
  ' WITH id, caption, caseId, CASE WHEN lower(caption) = $q THEN 0 WHEN lower(caption) STARTS WITH $q THEN 1 ' +
  'ELSE 2 END AS tier RETURN id AS id, caption AS caption, caseId AS caseId ORDER BY tier, caption, id LIMIT $limit';

/** The eight queries go out together: `rows` may run each on its own reader, using every core. */
export async function search(rows: Rows, input: string, limit: number): Promise<SearchHit[]> {
  const q = searchNeedle(input);
  const max = Math.floor(limit);
  if (q === '' || max < 1) return [];
  const [perKind, bySummary] = await Promise.all([captionHits(rows, q, max), summaryHits(rows, q, max)]);
  return [...rankSearchHits(perKind, q, max), ...bySummary].slice(0, max);
}

async function summaryHits(rows: Rows, q: string, max: number): Promise<SearchHit[]> {
  return (await rows(SUMMARY_ONLY, { q, limit: max })).map(
    (row): SearchHit => ({ kind: 'case', id: text(row, 'id'), caption: text(row, 'caption'), caseId: null }),
  );
}

async function captionHits(rows: Rows, q: string, max: number): Promise<SearchHit[]> {
  const perKind = await Promise.all(
    QUERIES.map(async ({ kind, cypher }) =>
      (await rows(cypher + RANKED, { q, limit: max })).map(
        (row): SearchHit => ({
          kind,
          id: text(row, 'id'),
          caption: text(row, 'caption'),
          caseId: textOrNull(row, 'caseId'),
        }),
      ),
    ),
  );
  return perKind.flat();
}
