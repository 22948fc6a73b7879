/** Learning and recommendations across cases, filtered and paged; the evidence behind case-theme links. */

import { compareBy, compareStatementHits } from '../../read-rules.ts';
import type { Evidence } from '../../records.ts';
import type { RecommendationRow, StatementHit, StatementQuery } from '../../store.ts';
import type { Params, Rows, Session } from '../database.ts';
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

/** Past this many statements one scan of the link table beats `IN $ids`, a nested loop over the list. */
const LINK_SCAN_FROM = 2_000;

/**
 * The themes or agencies of a page of statements. For a page, the hint keeps LadybugDB 0.19 from scanning
 * the whole link table (170 ms against 36 ms at 100k reviews); for thousands of statements (a file export)
 * the scan is the fast way (40k learning statements: 0.3 s against 15 s).
 */
async function linkedIdsOf(rows: Rows, label: string, rel: string, target: string, ids: string[]) {
  const scan = ids.length >= LINK_SCAN_FROM;
  const found = await rows(
    scan
      ? `MATCH (s:${label})-[r:${rel}]->(x:${target}) RETURN s.id AS id, collect(x.id) AS ids`
      : `MATCH (s:${label})-[r:${rel}]->(x:${target}) WHERE s.id IN $ids HINT (s JOIN r) JOIN x ` +
          'RETURN s.id AS id, collect(x.id) AS ids',
    scan ? {} : { ids },
  );
  const wanted = scan ? new Set(ids) : null;
  return new Map(
    found
      .filter((row) => wanted === null || wanted.has(text(row, 'id')))
      .map((row) => [text(row, 'id'), distinctSorted(textList(row, 'ids'))]),
  );
}

/** The total and the page go out together, then the page's themes and agencies together. */
export async function statements(
  rows: Rows,
  query: StatementQuery,
): Promise<{ total: number; items: StatementHit[] }> {
  const match = matching(query);
  if (!match) return { total: 0, items: [] };
  const limit = Math.max(0, Math.floor(query.limit));
  const offset = Math.max(0, Math.floor(query.offset));
  const [totalRows, page] = await Promise.all([
    rows(`${match.cypher} RETURN count(*) AS total`, match.params),
    limit === 0
      ? Promise.resolve([])
      : rows(
          `${match.cypher} RETURN s.id AS id, s.text AS text, s.sourceId AS sourceId, s.start AS start, ` +
            's.`end` AS stop, caseId AS caseId ORDER BY caseId, start, id SKIP $offset LIMIT $limit',
          { ...match.params, offset, limit },
        ),
  ]);
  const total = int(totalRows[0] ?? {}, 'total');
  if (page.length === 0) return { total, items: [] };
  const shape = SHAPES[query.kind];
  const ids = page.map((row) => text(row, 'id'));
  const [themes, agencies] = await Promise.all([
    linkedIdsOf(rows, shape.label, shape.themes, 'Theme', ids),
    shape.agencies
      ? linkedIdsOf(rows, shape.label, shape.agencies, 'Agency', ids)
      : new Map<string, string[]>(),
  ]);
  const items = page.map(
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

/**
 * Every recommendation at once, for the server's recommendation analytics: three flat reads (who makes
 * each, what each targets, what each addresses) joined here, which LadybugDB answers far faster than one
 * query collecting per row.
 */
export async function recommendationRows(session: Session): Promise<RecommendationRow[]> {
  const made = await session.rows(
    'MATCH (c:CaseReview)-[:MAKES]->(s:Recommendation) RETURN c.id AS caseId, c.title AS caseTitle, ' +
      's.id AS id, s.text AS text, s.sourceId AS sourceId, s.start AS start, s.`end` AS stop',
  );
  const targets = await linkPairs(session, 'TARGETS', 'Agency');
  const addresses = await linkPairs(session, 'ADDRESSES', 'Theme');
  const byId = new Map<string, RecommendationRow>();
  for (const row of made) {
    const id = text(row, 'id');
    const caseId = text(row, 'caseId');
    const known = byId.get(id);
    if (known && known.caseId <= caseId) continue;
    byId.set(id, {
      id,
      text: text(row, 'text'),
      sourceId: text(row, 'sourceId'),
      start: int(row, 'start'),
      end: int(row, 'stop'),
      caseId,
      caseTitle: text(row, 'caseTitle'),
      agencies: distinctSorted(targets.get(id) ?? []),
      themes: distinctSorted(addresses.get(id) ?? []),
    });
  }
  return [...byId.values()].sort(compareStatementHits);
}

async function linkPairs(session: Session, rel: string, target: string): Promise<Map<string, string[]>> {
  const rows = await session.rows(
    `MATCH (s:Recommendation)-[:${rel}]->(x:${target}) RETURN s.id AS id, x.id AS target`,
  );
  const out = new Map<string, string[]>();
  for (const row of rows) {
    const id = text(row, 'id');
    const list = out.get(id);
    if (list) list.push(text(row, 'target'));
    else out.set(id, [text(row, 'target')]);
  }
  return out;
}
