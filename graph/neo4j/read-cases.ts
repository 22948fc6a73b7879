/** Reads about case reviews and their statements. */
import { int } from 'neo4j-driver';
import {
  compareBy,
  compareCaseLinks,
  compareLinkedEntities,
  compareStatementHits,
  compareStatements,
} from '../read-rules.ts';
import type { CaseReviewRecord, Evidence } from '../records.ts';
import type {
  CaseDetail,
  CaseFacets,
  CaseLinkRow,
  LinkedEntity,
  RecommendationRow,
  StatementHit,
  StatementKind,
  StatementQuery,
} from '../store.ts';
import { compareSources } from './read-catalogue.ts';
import { caseReviewOf, evidenceOf, type RowReader, readerOf, sourceSummaryOf } from './rows.ts';
import type { QueryRunner } from './session.ts';

export async function caseFacetsIn(q: QueryRunner): Promise<CaseFacets[]> {
  const facets = (await q.run('case-facets')).map(readerOf('case-facets')).map((r) => ({
    id: r.str('id'),
    reportYear: r.numOrNull('reportYear'),
    outcome: r.strOrNull('outcome'),
    ageBand: r.strOrNull('ageBand'),
    reviewType: r.str('reviewType'),
    harmTypes: r.strList('harmTypes'),
    agencies: r.strList('agencies'),
    themes: r.strList('themes'),
    sources: r.strList('sources'),
  }));
  return facets.sort(compareBy((f) => f.id));
}

/** In the order asked for, each id once; unknown ids are left out. */
export async function casesByIdsIn(q: QueryRunner, ids: readonly string[]): Promise<CaseReviewRecord[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const found = (await q.run('cases-by-ids', { ids: unique }))
    .map(readerOf('cases-by-ids'))
    .map(caseReviewOf);
  const byId = new Map(found.map((c) => [c.id, c]));
  return unique.flatMap((id) => byId.get(id) ?? []);
}

function linkedEntityOf(r: RowReader): LinkedEntity {
  return { id: r.str('id'), label: r.str('label'), evidence: evidenceOf(r) };
}

const linkedEntitiesOf = (rows: RowReader[]) => rows.map(linkedEntityOf).sort(compareLinkedEntities);

function statementOf(r: RowReader) {
  return {
    id: r.str('id'),
    text: r.str('text'),
    sourceId: r.str('sourceId'),
    start: r.num('start'),
    end: r.num('end'),
  };
}

export async function caseDetailIn(q: QueryRunner, caseId: string): Promise<CaseDetail | null> {
  const [review] = await casesByIdsIn(q, [caseId]);
  if (!review) return null;
  const sources = (await q.run('case-sources', { caseId }))
    .map(readerOf('case-sources'))
    .map(sourceSummaryOf)
    .sort(compareSources);
  const links = (await q.run('case-links', { caseId })).map(readerOf('case-links'));
  const linksOf = (type: string) => linkedEntitiesOf(links.filter((r) => r.str('type') === type));
  const learning = (await q.run('case-learning', { caseId })).map(readerOf('case-learning')).map((r) => ({
    ...statementOf(r),
    themes: linkedEntitiesOf(r.rows('themes')),
  }));
  const recommendations = (await q.run('case-recommendations', { caseId }))
    .map(readerOf('case-recommendations'))
    .map((r) => ({
      ...statementOf(r),
      themes: linkedEntitiesOf(r.rows('themes')),
      agencies: linkedEntitiesOf(r.rows('agencies')),
    }));
  return {
    review,
    sources,
    harmTypes: linksOf('CONCERNS'),
    agencies: linksOf('INVOLVED'),
    themes: linksOf('HAS_THEME'),
    learning: learning.sort(compareStatements),
    recommendations: recommendations.sort(compareStatements),
  };
}

const compareThemeEvidence = compareBy<{ caseId: string; themeId: string; evidence: Evidence }>(
  (e) => e.caseId,
  (e) => e.themeId,
  (e) => e.evidence.sourceId,
  (e) => e.evidence.start,
  (e) => e.evidence.end,
);

const STATEMENT_QUERIES = {
  learning: { page: 'learning-page', total: 'learning-total' },
  recommendation: { page: 'recommendation-page', total: 'recommendation-total' },
} as const satisfies Record<StatementKind, { page: string; total: string }>;

export async function statementsIn(
  q: QueryRunner,
  query: StatementQuery,
): Promise<{ total: number; items: StatementHit[] }> {
  const names = STATEMENT_QUERIES[query.kind];
  const filters = {
    caseIds: query.caseIds ?? [],
    themes: query.themes ?? [],
    agencies: query.agencies ?? [],
  };
  const [totalRow] = await q.run(names.total, filters);
  const total = totalRow ? readerOf(names.total)(totalRow).num('total') : 0;
  const limit = Math.max(0, Math.floor(query.limit));
  const offset = Math.max(0, Math.floor(query.offset));
  if (limit === 0 || offset >= total) return { total, items: [] };
  const rows = await q.run(names.page, { ...filters, offset: int(offset), limit: int(limit) });
  const items = rows.map(readerOf(names.page)).map((r) => ({
    ...statementOf(r),
    kind: query.kind,
    caseId: r.str('caseId'),
    themes: r.strList('themes'),
    agencies: query.kind === 'recommendation' ? r.strList('agencies') : [],
  }));
  return { total, items: items.sort(compareStatementHits) };
}

export async function themeEvidenceIn(
  q: QueryRunner,
  caseIds: readonly string[],
  themeIds: readonly string[],
): Promise<Array<{ caseId: string; themeId: string; evidence: Evidence }>> {
  if (caseIds.length === 0 || themeIds.length === 0) return [];
  const rows = await q.run('theme-evidence', {
    caseIds: [...new Set(caseIds)],
    themeIds: [...new Set(themeIds)],
  });
  return rows
    .map(readerOf('theme-evidence'))
    .map((r) => ({ caseId: r.str('caseId'), themeId: r.str('themeId'), evidence: evidenceOf(r) }))
    .sort(compareThemeEvidence);
}

export async function recommendationRowsIn(q: QueryRunner): Promise<RecommendationRow[]> {
  const rows = (await q.run('recommendation-rows')).map(readerOf('recommendation-rows')).map((r) => ({
    ...statementOf(r),
    caseId: r.str('caseId'),
    caseTitle: r.str('caseTitle'),
    agencies: r.strList('agencies'),
    themes: r.strList('themes'),
  }));
  return rows.sort(compareStatementHits);
}

export async function caseLinksIn(q: QueryRunner, caseIds: readonly string[] | null): Promise<CaseLinkRow[]> {
  if (caseIds !== null && caseIds.length === 0) return [];
  const rows = await q.run('case-links-bulk', {
    all: caseIds === null,
    caseIds: caseIds === null ? [] : [...new Set(caseIds)],
  });
  return rows
    .map(readerOf('case-links-bulk'))
    .map((r) => ({
      caseId: r.str('caseId'),
      type: r.oneOf('type', ['CONCERNS', 'INVOLVED', 'HAS_THEME'] as const),
      targetId: r.str('id'),
      evidence: evidenceOf(r),
    }))
    .sort(compareCaseLinks);
}
