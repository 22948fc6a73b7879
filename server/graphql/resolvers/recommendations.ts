/**
 * Resolvers of the recommendation answers: the agency × theme matrix, the recommendations behind any of
 * its cells, and recurring asks. All read the RecommendationBook of the request's index (see
 * server/analytics/recommendations/).
 */

import type { CaseFilter } from '../../analytics/filter.ts';
import type { AnalyticsIndex } from '../../analytics/index.ts';
import { rankedAnswer, recommendationsIn } from '../../analytics/recommendations/answers.ts';
import {
  type BookEntry,
  SIMILARITY_METHOD,
  SIMILARITY_THRESHOLD,
} from '../../analytics/recommendations/book.ts';
import { recommendationBook } from '../../analytics/recommendations/load.ts';
import {
  type Axis,
  countMatrix,
  inCell,
  type Tally,
  type YearCount,
} from '../../analytics/recommendations/matrix.ts';
import {
  describeGroup,
  type GroupReview,
  type RecurringGroup,
} from '../../analytics/recommendations/recurring.ts';
import {
  type AskKey,
  checkFirst,
  compareAskKeys,
  decodeAskCursor,
  decodeOffsetCursor,
  encodeAskCursor,
  encodeOffsetCursor,
  firstAfter,
} from '../../pagination/cursor.ts';
import { catalogOf } from '../catalog.ts';
import type { RequestContext } from '../context.ts';
import { badInput } from '../errors.ts';
import type { QueryResolvers, Resolvers } from '../generated/resolvers.ts';
import { plainIdOf, plainIdsOf } from '../node-id.ts';
import { checkRange, readFilter } from './args.ts';
import type { PageRequest } from './pages.ts';
import { type Connection, connection, emptyConnection, statementFromHit } from './views.ts';

const ANY: Axis = { kind: 'any' };

/**
 * A row, column or cell of the matrix: its counts, and which recommendations it opens to. Fields (counts,
 * the agency and theme objects, the recommendations) are read from it only when a query asks for them.
 */
export interface MatrixPart {
  tally: Tally;
  entries: readonly BookEntry[];
  agency: Axis;
  theme: Axis;
}

function axisOf(id: string | null): Axis {
  return id === null ? { kind: 'none' } : { kind: 'id', id };
}

/** Checks ids of one kind against the index; the message lists the unknown ones and where to find ids. */
function checkIds(
  index: AnalyticsIndex,
  kind: 'agencies' | 'themes',
  ids: readonly string[] | null | undefined,
  argument: string,
): void {
  if (!ids || ids.length === 0) return;
  const unknown = index.unknownIds({ [kind]: ids });
  if (unknown.length > 0) throw badInput(unknown.join('; ').replaceAll(`filter.${kind}`, argument), argument);
}

function askKey(e: BookEntry): AskKey {
  return { year: e.year, caseId: e.row.caseId, start: e.row.start, id: e.row.id };
}

/**
 * A page of recommendations in listing order. Its cursors are keysets (the recommendation's place in that
 * order), so the next page starts after the same recommendation when documents have been added since.
 */
function askPage(entries: readonly BookEntry[], args: PageRequest, ctx: RequestContext) {
  const first = checkFirst(args.first, ctx.config.limits.maxFirst);
  const after = decodeAskCursor(args.after);
  const offset =
    after.kind === 'key'
      ? firstAfter(entries, after.key, askKey, compareAskKeys)
      : after.kind === 'offset'
        ? after.offset
        : 0;
  const page = entries.slice(offset, offset + first);
  if (!ctx.budget.takeItems(page.length)) return emptyConnection<BookEntry>();
  return connection(
    page,
    page.map((e) => encodeAskCursor(askKey(e))),
    entries.length,
    offset + first < entries.length,
    offset > 0,
  );
}

function picked(parent: MatrixPart, args: PageRequest, ctx: RequestContext) {
  return askPage(inCell(parent.entries, parent.agency, parent.theme), args, ctx);
}

interface RecommendationForArgs extends PageRequest {
  agency?: string | null;
  noAgency?: boolean | null;
  theme?: string | null;
  noTheme?: boolean | null;
  filter?: CaseFilter | null;
}

function readAxis(id: string | null | undefined, none: boolean | null | undefined, name: string): Axis {
  const noneName = `no${name[0]?.toUpperCase()}${name.slice(1)}`;
  if (id != null && none === true)
    throw badInput(
      `give ${name} or ${noneName}: true, not both (${noneName} asks for those naming none)`,
      name,
    );
  if (none === true) return { kind: 'none' };
  return id == null ? ANY : { kind: 'id', id };
}

export const RecommendationsQuery = {
  recommendationMatrix: async (
    _: unknown,
    args: { filter?: CaseFilter | null; agencies?: string[] | null; themes?: string[] | null },
    ctx: RequestContext,
  ) => {
    const filter = readFilter(ctx.index, args.filter);
    const agencies = plainIdsOf(args.agencies, 'Agency', 'agencies');
    const themes = plainIdsOf(args.themes, 'Theme', 'themes');
    checkIds(ctx.index, 'agencies', agencies, 'agencies');
    checkIds(ctx.index, 'themes', themes, 'themes');
    const book = await recommendationBook(ctx.index, ctx.store);
    const { entries, population } = recommendationsIn(book, filter);
    const answer = countMatrix(book, entries);
    const wanted = (ids: string[] | null | undefined) => {
      const set = ids && ids.length > 0 ? new Set(ids) : null;
      return (id: string | null) => set === null || (id !== null && set.has(id));
    };
    const rowWanted = wanted(agencies);
    const columnWanted = wanted(themes);
    const part = (tally: Tally, agency: Axis, theme: Axis): MatrixPart => ({ tally, entries, agency, theme });
    return {
      population,
      total: part(answer.total, ANY, ANY),
      rows: answer.agencies.filter((l) => rowWanted(l.id)).map((l) => part(l, axisOf(l.id), ANY)),
      columns: answer.themes.filter((l) => columnWanted(l.id)).map((l) => part(l, ANY, axisOf(l.id))),
      cells: answer.cells
        .filter((c) => rowWanted(c.agency) && columnWanted(c.theme))
        .map((c) => part(c, axisOf(c.agency), axisOf(c.theme))),
      similarity: SIMILARITY_METHOD,
    };
  },

  recommendationsFor: async (_: unknown, args: RecommendationForArgs, ctx: RequestContext) => {
    const filter = readFilter(ctx.index, args.filter);
    const agency = readAxis(
      args.agency && plainIdOf(args.agency, 'Agency', 'agency'),
      args.noAgency,
      'agency',
    );
    const theme = readAxis(args.theme && plainIdOf(args.theme, 'Theme', 'theme'), args.noTheme, 'theme');
    if (agency.kind === 'id') checkIds(ctx.index, 'agencies', [agency.id], 'agency');
    if (theme.kind === 'id') checkIds(ctx.index, 'themes', [theme.id], 'theme');
    const book = await recommendationBook(ctx.index, ctx.store);
    return askPage(inCell(recommendationsIn(book, filter).entries, agency, theme), args, ctx);
  },

  recurringRecommendations: async (
    _: unknown,
    args: PageRequest & { filter?: CaseFilter | null; minReviews?: number | null },
    ctx: RequestContext,
  ) => {
    const filter = readFilter(ctx.index, args.filter);
    const minReviews = checkRange('minReviews', args.minReviews, 2, 1, 1_000_000);
    const first = checkFirst(args.first, ctx.config.limits.maxFirst);
    const offset = decodeOffsetCursor(args.after);
    const book = await recommendationBook(ctx.index, ctx.store);
    const answer = rankedAnswer(book, filter, minReviews);
    const page = answer.groups.slice(offset, offset + first).map(describeGroup);
    const groups: Connection<RecurringGroup> = connection(
      page,
      page.map((_, i) => encodeOffsetCursor(offset + i)),
      answer.groups.length,
      offset + first < answer.groups.length,
      offset > 0,
    );
    return {
      ...groups,
      population: answer.population,
      similarity: SIMILARITY_METHOD,
      threshold: SIMILARITY_THRESHOLD,
      minReviews,
    };
  },
} satisfies QueryResolvers;

const counts = {
  recommendationCount: (p: MatrixPart) => p.tally.recommendations,
  reviewCount: (p: MatrixPart) => p.tally.reviews,
  firstYear: (p: MatrixPart) => p.tally.firstYear,
  lastYear: (p: MatrixPart) => p.tally.lastYear,
  years: (p: MatrixPart) => p.tally.years,
  unknownYearCount: (p: MatrixPart) => p.tally.unknownYear,
};

const agencyOf = (p: MatrixPart, _: unknown, ctx: RequestContext) =>
  p.agency.kind === 'id' ? catalogOf(ctx.index).agency(p.agency.id) : null;
const themeOf = (p: MatrixPart, _: unknown, ctx: RequestContext) =>
  p.theme.kind === 'id' ? catalogOf(ctx.index).theme(p.theme.id) : null;

export const RECOMMENDATION_TYPES = {
  RecommendationYear: {
    recommendationCount: (y: YearCount) => y.recommendations,
    reviewCount: (y: YearCount) => y.reviews,
  },
  RecommendationTotal: counts,
  RecommendationMatrixRow: {
    ...counts,
    agency: agencyOf,
    noneNamed: (p: MatrixPart) => p.agency.kind === 'none',
    recommendations: picked,
  },
  RecommendationMatrixColumn: {
    ...counts,
    theme: themeOf,
    noneNamed: (p: MatrixPart) => p.theme.kind === 'none',
    recommendations: picked,
  },
  RecommendationMatrixCell: { ...counts, agency: agencyOf, theme: themeOf, recommendations: picked },
  RecommendationReview: {
    case: (parent: GroupReview, _: unknown, ctx: RequestContext) =>
      ctx.loaders.caseRecord.load(parent.id).then((r) => r ?? null),
  },
  AskedRecommendation: {
    id: (e: BookEntry) => e.row.id,
    text: (e: BookEntry) => e.row.text,
    review: (e: BookEntry): GroupReview => ({ id: e.row.caseId, title: e.row.caseTitle, year: e.year }),
    agencies: (e: BookEntry, _: unknown, ctx: RequestContext) =>
      e.row.agencies.map((id) => catalogOf(ctx.index).agency(id)),
    themes: (e: BookEntry, _: unknown, ctx: RequestContext) =>
      e.row.themes.map((id) => catalogOf(ctx.index).theme(id)),
    evidence: (e: BookEntry) => ({
      sourceId: e.row.sourceId,
      quote: e.row.text,
      start: e.row.start,
      end: e.row.end,
    }),
    recommendation: (e: BookEntry, _: unknown, ctx: RequestContext) => {
      const catalog = catalogOf(ctx.index);
      return statementFromHit({ ...e.row, kind: 'recommendation' }, (kind, id) =>
        kind === 'themes' ? catalog.theme(id).label : catalog.agency(id).label,
      );
    },
  },
  RecurringRecommendation: {
    reviewCount: (g: RecurringGroup) => g.reviews.length,
    recommendationCount: (g: RecurringGroup) => g.recommendations.length,
    wordingCount: (g: RecurringGroup) => g.wordings,
    reviews: (g: RecurringGroup, args: { first?: number | null }, ctx: RequestContext) =>
      g.reviews.slice(0, checkFirst(args.first, ctx.config.limits.maxFirst)),
    agencies: (g: RecurringGroup, _: unknown, ctx: RequestContext) =>
      g.agencies.map((a) => ({
        agency: catalogOf(ctx.index).agency(a.id),
        recommendationCount: a.recommendations,
      })),
    themes: (g: RecurringGroup, _: unknown, ctx: RequestContext) =>
      g.themes.map((t) => ({
        theme: catalogOf(ctx.index).theme(t.id),
        recommendationCount: t.recommendations,
      })),
    recommendations: (g: RecurringGroup, args: PageRequest, ctx: RequestContext) =>
      askPage(g.recommendations, args, ctx),
  },
} satisfies Resolvers;
