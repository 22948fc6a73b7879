/** Learning and recommendations across cases, filtered and paged; the evidence behind case-theme links. */

import { compareBy, compareStatementHits } from '../../read-rules.ts';
import type { Evidence } from '../../records.ts';
import type { StatementHit, StatementQuery } from '../../store.ts';
import type { Params, Session } from '../database.ts';
import { distinctSorted, int, text, textList } from './values.ts';

const SHAPES = {
  learning: { label: 'Learning', holds: 'HAS_LEARNING', themes: 'ABOUT', agencies: null },
  recommendation: { label: 'Recommendation', holds: 'MAKES', themes: 'ADDRESSES', agencies: 'TARGETS' },
} as const;

/**
 * The MATCH … WITH s, caseId part shared by the total and the page, starting from the most selective filter:
 * the case ids (through the primary key: `IN $list` over a long list is a nested loop in LadybugDB), else
 * the themes or agencies named. Clauses are fixed text chosen by which filters are present; values are
 * parameters. Filters are MATCHes rather than EXISTS subqueries, which LadybugDB 0.19 answers wrongly after
 * an UNWIND.
 */
function matching(query: StatementQuery): { cypher: string; params: Params } | null {
  const shape = SHAPES[query.kind];
  const themes = query.themes ?? [];
  const agencies = query.agencies ?? [];
  const caseIds = query.caseIds ?? [];
  if (agencies.length > 0 && !shape.agencies) return null;
  const params: Params = {};
  const filters: string[] = [];
  if (themes.length > 0) {
    params.themes = [...new Set(themes)];
    filters.push(`MATCH (s)-[:${shape.themes}]->(t:Theme) WHERE t.id IN $themes WITH DISTINCT s`);
  }
  if (agencies.length > 0 && shape.agencies) {
    params.agencies = [...new Set(agencies)];
    filters.push(`MATCH (s)-[:${shape.agencies}]->(a:Agency) WHERE a.id IN $agencies WITH DISTINCT s`);
  }
  const holders = `MATCH (c:CaseReview)-[:${shape.holds}]->(s:${shape.label})`;
  let cypher: string;
  if (caseIds.length > 0) {
    params.caseIds = [...new Set(caseIds)];
    const narrowed = filters.map((f) => f.replace('WITH DISTINCT s', 'WITH DISTINCT s, caseId'));
    cypher = [
      `UNWIND $caseIds AS cid ${holders} WHERE c.id = cid WITH s, min(c.id) AS caseId`,
      ...narrowed,
    ].join(' ');
  } else if (filters.length > 0) {
    const [first, ...rest] = filters;
    const start = (first ?? '').replace('MATCH (s)-', `MATCH (s:${shape.label})-`);
    cypher = [start, ...rest, `${holders} WITH s, min(c.id) AS caseId`].join(' ');
  } else {
    cypher = `${holders} WITH s, min(c.id) AS caseId`;
  }
  return { cypher, params };
}

async function linkedIdsOf(session: Session, label: string, rel: string, ids: string[]) {
  const rows = await session.rows(
    `UNWIND $ids AS i MATCH (s:${label})-[:${rel}]->(x) WHERE s.id = i RETURN s.id AS id, collect(x.id) AS ids`,
    { ids },
  );
  return new Map(rows.map((row) => [text(row, 'id'), distinctSorted(textList(row, 'ids'))]));
}

export async function statements(
  session: Session,
  query: StatementQuery,
): Promise<{ total: number; items: StatementHit[] }> {
  const match = matching(query);
  if (!match) return { total: 0, items: [] };
  const totalRows = await session.rows(`${match.cypher} RETURN count(*) AS total`, match.params);
  const total = int(totalRows[0] ?? {}, 'total');
  const limit = Math.max(0, Math.floor(query.limit));
  const offset = Math.max(0, Math.floor(query.offset));
  if (limit === 0 || offset >= total) return { total, items: [] };
  const rows = await session.rows(
    `${match.cypher} RETURN s.id AS id, s.text AS text, s.sourceId AS sourceId, s.start AS start, ` +
      's.`end` AS stop, caseId AS caseId ORDER BY caseId, start, id SKIP $offset LIMIT $limit',
    { ...match.params, offset, limit },
  );
  const shape = SHAPES[query.kind];
  const ids = rows.map((row) => text(row, 'id'));
  const themes = await linkedIdsOf(session, shape.label, shape.themes, ids);
  const agencies = shape.agencies ? await linkedIdsOf(session, shape.label, shape.agencies, ids) : new Map();
  const items = rows.map(
    (row): StatementHit => ({
      kind: query.kind,
      id: text(row, 'id'),
      text: text(row, 'text'),
      sourceId: text(row, 'sourceId'),
      start: int(row, 'start'),
      end: int(row, 'stop'),
      caseId: text(row, 'caseId'),
      themes: themes.get(text(row, 'id')) ?? [],
      agencies: agencies.get(text(row, 'id')) ?? [],
    }),
  );
  return { total, items: items.sort(compareStatementHits) };
}

type ThemeEvidence = { caseId: string; themeId: string; evidence: Evidence };

const compareThemeEvidence = compareBy<ThemeEvidence>(
  (e) => e.caseId,
  (e) => e.themeId,
  (e) => e.evidence.sourceId,
  (e) => e.evidence.start,
  (e) => e.evidence.end,
);

/**
 * The hint makes LadybugDB 0.19 start from the listed cases and follow their links; left to itself it scans
 * every HAS_THEME link (300 ms at 100k reviews for a page of 20, against 18 ms this way).
 */
export async function themeEvidence(
  session: Session,
  caseIds: readonly string[],
  themeIds: readonly string[],
): Promise<ThemeEvidence[]> {
  if (caseIds.length === 0 || themeIds.length === 0) return [];
  const wanted = new Set(themeIds);
  const rows = await session.rows(
    'MATCH (c:CaseReview)-[r:HAS_THEME]->(t:Theme) WHERE c.id IN $caseIds HINT (c JOIN r) JOIN t ' +
      'RETURN c.id AS caseId, t.id AS themeId, r.sourceId AS sourceId, r.quote AS quote, r.start AS start, ' +
      'r.`end` AS stop',
    { caseIds: [...new Set(caseIds)] },
  );
  return rows
    .filter((row) => wanted.has(text(row, 'themeId')))
    .map((row) => ({
      caseId: text(row, 'caseId'),
      themeId: text(row, 'themeId'),
      evidence: {
        sourceId: text(row, 'sourceId'),
        quote: text(row, 'quote'),
        start: int(row, 'start'),
        end: int(row, 'stop'),
      },
    }))
    .sort(compareThemeEvidence);
}
