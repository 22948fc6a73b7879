/** Case reviews: the compact facet rows, records by id, and one case with everything linked to it. */

import type { LbugValue } from '@ladybugdb/core';
import { compareCaseLinks, compareLinkedEntities, compareStatements } from '../../read-rules.ts';
import type { CaseReviewRecord } from '../../records.ts';
import { CASE_REVIEW_PROPERTIES, type RelType } from '../../schema/model.ts';
import type {
  CaseDetail,
  CaseFacets,
  CaseLinkRow,
  LearningDetail,
  LinkedEntity,
  RecommendationDetail,
} from '../../store.ts';
import { inTransaction, type Row, type Rows, type Session } from '../database.ts';

import { compareSources, SOURCE_SUMMARY_COLUMNS, sourceSummary } from './catalogue.ts';
import { int, intOrNull, text, textOrNull } from './values.ts';

const CASE_COLUMNS = CASE_REVIEW_PROPERTIES.map(({ name }) => `c.${name} AS ${name}`).join(', ');

/** Stored vocabulary values are written only by the store's own loads, so they are taken as they are. */
function caseRecord(row: Row): CaseReviewRecord {
  const fields = CASE_REVIEW_PROPERTIES.map((p) => {
    if (p.type === 'INT64') return [p.name, intOrNull(row, p.name)];
    return [p.name, 'required' in p ? text(row, p.name) : textOrNull(row, p.name)];
  });
  return Object.fromEntries(fields) as CaseReviewRecord;
}

/** In place: the default sort orders strings by code unit, as graph/read-rules.ts does. */
function sortDistinct(ids: string[]): void {
  if (ids.length < 2) return;
  ids.sort();
  let kept = 1;
  for (let i = 1; i < ids.length; i++) if (ids[i] !== ids[kept - 1]) ids[kept++] = ids[i] as string;
  ids.length = kept;
}

const FACET_LINKS = 'CONCERNS|INVOLVED|HAS_THEME|PUBLISHED_IN';
const FACET_KEY: Record<string, 'harmTypes' | 'agencies' | 'themes' | 'sources'> = {
  HarmType: 'harmTypes',
  Agency: 'agencies',
  Theme: 'themes',
  Source: 'sources',
};

/**
 * Two aggregate queries in one read-only snapshot, whatever the number of cases: the case columns as lists
 * (one row), and per linked node the cases linking to it, named by their internal offsets (numbers travel far
 * cheaper than 100k id strings). At 100k cases this takes about a second, where one row per case took several.
 */
export async function caseFacets(session: Session): Promise<CaseFacets[]> {
  const [columns, linked] = await inTransaction(
    session,
    async () => [
      await session.rows(
        // collect() drops nulls, which would shift one column against another: stand-ins keep them aligned.
        'MATCH (c:CaseReview) RETURN collect(offset(id(c))) AS at, collect(c.id) AS id, ' +
          "collect(coalesce(c.reportYear, -1)) AS reportYear, collect(coalesce(c.outcome, '')) AS outcome, " +
          "collect(coalesce(c.ageBand, '')) AS ageBand, collect(coalesce(c.reviewType, '')) AS reviewType",
      ),
      await session.rows(
        `MATCH (c:CaseReview)-[:${FACET_LINKS}]->(x) RETURN label(x) AS label, x.id AS id, collect(offset(id(c))) AS cases`,
      ),
    ],
    'READ ONLY',
  );
  const row = columns[0] ?? {};
  const list = (key: string): LbugValue[] => (Array.isArray(row[key]) ? (row[key] as LbugValue[]) : []);
  const [at, ids, years, outcomes, bands, types] = [
    'at',
    'id',
    'reportYear',
    'outcome',
    'ageBand',
    'reviewType',
  ].map(list);
  // Internal offsets are small dense integers: an array indexed by them beats a Map at this size.
  const byOffset: Array<CaseFacets | undefined> = [];
  const str = (v: LbugValue | undefined) => (v === null || v === undefined || v === '' ? null : String(v));
  (ids ?? []).forEach((id, i) => {
    const year = years?.[i];
    byOffset[Number(at?.[i])] = {
      id: String(id),
      reportYear: year === null || year === undefined || Number(year) < 0 ? null : Number(year),
      outcome: str(outcomes?.[i]),
      ageBand: str(bands?.[i]),
      reviewType: String(types?.[i] ?? ''),
      harmTypes: [],
      agencies: [],
      themes: [],
      sources: [],
    };
  });
  for (const link of linked) {
    const key = FACET_KEY[text(link, 'label')];
    if (!key || !Array.isArray(link.cases)) continue;
    const target = text(link, 'id');
    for (const offset of link.cases) byOffset[offset as number]?.[key].push(target);
  }
  const facets = byOffset.filter((f): f is CaseFacets => f !== undefined);
  for (const f of facets) {
    sortDistinct(f.harmTypes);
    sortDistinct(f.agencies);
    sortDistinct(f.themes);
    sortDistinct(f.sources);
  }
  return facets.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export async function casesByIds(session: Session, ids: readonly string[]): Promise<CaseReviewRecord[]> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return [];
  const rows = await session.rows(
    `UNWIND $ids AS i MATCH (c:CaseReview) WHERE c.id = i RETURN ${CASE_COLUMNS}`,
    {
      ids: wanted,
    },
  );
  const found = new Map(rows.map((row) => [text(row, 'id'), caseRecord(row)]));
  return wanted.flatMap((id) => found.get(id) ?? []);
}

const EVIDENCE_COLUMNS = 'r.sourceId AS sourceId, r.quote AS quote, r.start AS start, r.`end` AS stop';

/** A link from a statement that quotes the whole statement stores no quote of its own (write/tables.ts). */
const STATEMENT_EVIDENCE_COLUMNS =
  'r.sourceId AS sourceId, coalesce(r.quote, s.text) AS quote, r.start AS start, r.`end` AS stop';

function linkedEntity(row: Row, idKey = 'id', labelKey = 'label'): LinkedEntity {
  return {
    id: text(row, idKey),
    label: text(row, labelKey),
    evidence: {
      sourceId: text(row, 'sourceId'),
      quote: text(row, 'quote'),
      start: int(row, 'start'),
      end: int(row, 'stop'),
    },
  };
}

/** The harm types, agencies and themes of a case, in one query. */
async function caseLinks(rows: Rows, caseId: string): Promise<Map<string, LinkedEntity[]>> {
  const found = await rows(
    'MATCH (c:CaseReview)-[r:CONCERNS|INVOLVED|HAS_THEME]->(x) WHERE c.id = $id ' +
      `RETURN label(r) AS type, x.id AS id, x.label AS label, ${EVIDENCE_COLUMNS}`,
    { id: caseId },
  );
  return groupBy(found, 'type', (row) => linkedEntity(row));
}

const STATEMENT_COLUMNS = 's.id AS id, s.text AS text, s.sourceId AS sId, s.start AS sStart, s.`end` AS sEnd';

function statement(row: Row) {
  return {
    id: text(row, 'id'),
    text: text(row, 'text'),
    sourceId: text(row, 'sId'),
    start: int(row, 'sStart'),
    end: int(row, 'sEnd'),
  };
}

/** The learning statements and recommendations of a case, and their links, in two queries. */
async function caseStatements(rows: Rows, caseId: string) {
  const [statements, links] = await Promise.all([
    rows(
      'MATCH (c:CaseReview)-[:HAS_LEARNING|MAKES]->(s) WHERE c.id = $id ' +
        `RETURN DISTINCT label(s) AS kind, ${STATEMENT_COLUMNS}`,
      { id: caseId },
    ),
    rows(
      'MATCH (c:CaseReview)-[:HAS_LEARNING|MAKES]->(s)-[r:ABOUT|ADDRESSES|TARGETS]->(x) WHERE c.id = $id ' +
        `RETURN DISTINCT label(r) AS type, s.id AS sid, x.id AS id, x.label AS label, ${STATEMENT_EVIDENCE_COLUMNS}`,
      { id: caseId },
    ),
  ]);
  const byKind = groupBy(statements, 'kind', statement);
  const byTypeAndStatement = groupBy(links, 'type', (row) => row);
  const linksOf = (type: RelType, sid: string) =>
    (byTypeAndStatement.get(type) ?? [])
      .filter((row) => text(row, 'sid') === sid)
      .map((row) => linkedEntity(row))
      .sort(compareLinkedEntities);
  const sorted = (kind: string) => (byKind.get(kind) ?? []).sort(compareStatements);
  return { learning: sorted('Learning'), recommendations: sorted('Recommendation'), linksOf };
}

function groupBy<T>(rows: Row[], column: string, map: (row: Row) => T): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = text(row, column);
    const group = groups.get(key) ?? [];
    group.push(map(row));
    groups.set(key, group);
  }
  return groups;
}

/**
 * Five queries, whatever the number of statements and links, sent together: `rows` may run each on its own
 * reader, so the case costs the slowest of them rather than their sum (at 100k reviews each takes several
 * milliseconds to reach its column pages).
 */
export async function caseDetail(rows: Rows, caseId: string): Promise<CaseDetail | null> {
  const [found, sources, links, statements] = await Promise.all([
    rows(`MATCH (c:CaseReview) WHERE c.id = $id RETURN ${CASE_COLUMNS}`, { id: caseId }),
    rows(
      'MATCH (review:CaseReview)-[:PUBLISHED_IN]->(s:Source)<-[:PUBLISHED_IN]-(c:CaseReview) WHERE review.id = $id ' +
        `WITH s, count(DISTINCT c) AS caseCount RETURN ${SOURCE_SUMMARY_COLUMNS}, caseCount AS caseCount`,
      { id: caseId },
    ),
    caseLinks(rows, caseId),
    caseStatements(rows, caseId),
  ]);
  if (!found[0]) return null;
  const linksOf = (type: RelType) => (links.get(type) ?? []).sort(compareLinkedEntities);
  return {
    review: caseRecord(found[0]),
    sources: sources.map(sourceSummary).sort(compareSources),
    harmTypes: linksOf('CONCERNS'),
    agencies: linksOf('INVOLVED'),
    themes: linksOf('HAS_THEME'),
    learning: statements.learning.map(
      (s): LearningDetail => ({ ...s, themes: statements.linksOf('ABOUT', s.id) }),
    ),
    recommendations: statements.recommendations.map(
      (s): RecommendationDetail => ({
        ...s,
        themes: statements.linksOf('ADDRESSES', s.id),
        agencies: statements.linksOf('TARGETS', s.id),
      }),
    ),
  };
}

/** Past this many cases one scan of every link beats looking each case up (`IN $list` is a nested loop). */
const LINK_SCAN_FROM = 2_000;

/**
 * The evidence-bearing links of many cases in one read: by primary key for a few cases, else one scan of
 * every link, kept when its case was asked for.
 */
export async function linksOfCases(
  session: Session,
  caseIds: readonly string[] | null,
): Promise<CaseLinkRow[]> {
  const wanted = caseIds === null ? null : new Set(caseIds);
  if (wanted?.size === 0) return [];
  const columns = `RETURN c.id AS caseId, label(r) AS type, x.id AS id, ${EVIDENCE_COLUMNS}`;
  const found =
    wanted === null || wanted.size >= LINK_SCAN_FROM
      ? await session.rows(`MATCH (c:CaseReview)-[r:CONCERNS|INVOLVED|HAS_THEME]->(x) ${columns}`)
      : await session.rows(
          `UNWIND $ids AS i MATCH (c:CaseReview)-[r:CONCERNS|INVOLVED|HAS_THEME]->(x) WHERE c.id = i ${columns}`,
          { ids: [...wanted] },
        );
  const links: CaseLinkRow[] = [];
  for (const row of found) {
    const caseId = text(row, 'caseId');
    if (wanted !== null && !wanted.has(caseId)) continue;
    const entity = linkedEntity(row, 'id', 'id');
    links.push({
      caseId,
      type: text(row, 'type') as CaseLinkRow['type'],
      targetId: entity.id,
      evidence: entity.evidence,
    });
  }
  return links.sort(compareCaseLinks);
}
