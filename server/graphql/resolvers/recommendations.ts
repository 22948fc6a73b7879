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
  type MatrixLine,
  type Tally,
} from '../../analytics/recommendations/matrix.ts';
import {
  describeGroup,
  type GroupReview,
  type RecurringGroup,
} from '../../analytics/recommendations/recurring.ts';
import { checkFirst, decodeOffsetCursor, encodeOffsetCursor } from '../../pagination/cursor.ts';
import { catalogOf } from '../catalog.ts';
import type { RequestContext } from '../context.ts';
import { badInput } from '../errors.ts';
import { checkRange, readFilter } from './args.ts';
import type { PageRequest } from './pages.ts';
import { type Connection, connection, emptyConnection, statementFromHit } from './views.ts';

const ANY: Axis = { kind: 'any' };

/** Which recommendations a row, column or cell opens to, resolved only when asked for. */
interface Pick {
  entries: readonly BookEntry[];
  agency: Axis;
  theme: Axis;
}

function axisOf(id: string | null): Axis {
  return id === null ? { kind: 'none' } : { kind: 'id', id };
}

function tallyView(t: Tally) {
  return {
    recommendationCount: t.recommendations,
    reviewCount: t.reviews,
    firstYear: t.firstYear,
    lastYear: t.lastYear,
    years: t.years.map((y) => ({
      year: y.year,
      recommendationCount: y.recommendations,
      reviewCount: y.reviews,
    })),
    unknownYearCount: t.unknownYear,
  };
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

function askPage(entries: readonly BookEntry[], args: PageRequest, ctx: RequestContext) {
  const first = checkFirst(args.first, ctx.config.limits.maxFirst);
  const offset = decodeOffsetCursor(args.after);
  const page = entries.slice(offset, offset + first);
  if (!ctx.budget.takeItems(page.length)) return emptyConnection<BookEntry>();
  return connection(
    page,
    page.map((_, i) => encodeOffsetCursor(offset + i)),
    entries.length,
    offset + first < entries.length,
    offset > 0,
  );
}

function picked(parent: { pick: Pick }, args: PageRequest, ctx: RequestContext) {
  const { entries, agency, theme } = parent.pick;
  return askPage(inCell(entries, agency, theme), args, ctx);
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
    checkIds(ctx.index, 'agencies', args.agencies, 'agencies');
    checkIds(ctx.index, 'themes', args.themes, 'themes');
    const book = await recommendationBook(ctx.index, ctx.store);
    const { entries, population } = recommendationsIn(book, filter);
    const answer = countMatrix(book, entries);
    const catalog = catalogOf(ctx.index);
    const wanted = (ids: string[] | null | undefined) => {
      const set = ids && ids.length > 0 ? new Set(ids) : null;
      return (line: { id: string | null }) => set === null || (line.id !== null && set.has(line.id));
    };
    const rowWanted = wanted(args.agencies);
    const columnWanted = wanted(args.themes);
    const line = (l: MatrixLine, pick: Pick) => ({ ...tallyView(l), noneNamed: l.id === null, pick });
    return {
      population,
      total: tallyView(answer.total),
      rows: answer.agencies.filter(rowWanted).map((l) => ({
        ...line(l, { entries, agency: axisOf(l.id), theme: ANY }),
        agency: l.id === null ? null : catalog.agency(l.id),
      })),
      columns: answer.themes.filter(columnWanted).map((l) => ({
        ...line(l, { entries, agency: ANY, theme: axisOf(l.id) }),
        theme: l.id === null ? null : catalog.theme(l.id),
      })),
      cells: answer.cells
        .filter((c) => rowWanted({ id: c.agency }) && columnWanted({ id: c.theme }))
        .map((c) => ({
          ...tallyView(c),
          agency: c.agency === null ? null : catalog.agency(c.agency),
          theme: c.theme === null ? null : catalog.theme(c.theme),
          pick: { entries, agency: axisOf(c.agency), theme: axisOf(c.theme) },
        })),
      similarity: SIMILARITY_METHOD,
    };
  },

  recommendationsFor: async (_: unknown, args: RecommendationForArgs, ctx: RequestContext) => {
    const filter = readFilter(ctx.index, args.filter);
    const agency = readAxis(args.agency, args.noAgency, 'agency');
    const theme = readAxis(args.theme, args.noTheme, 'theme');
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
};

const openPick = { recommendations: picked };

export const RECOMMENDATION_TYPES = {
  RecommendationMatrixRow: openPick,
  RecommendationMatrixColumn: openPick,
  RecommendationMatrixCell: openPick,
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
      unit: 'UTF16_CODE_UNITS',
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
};
