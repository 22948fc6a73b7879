/**
 * The recommendation answers as CSV, under the same filter as the API:
 *   /export/recommendation-matrix.csv      one row per non-empty agency × theme cell, then a row per agency
 *                                          (kind "agency"), per theme (kind "theme") and one overall ("total");
 *                                          an empty id with the label "(none named)" is the row or column of
 *                                          recommendations that name no agency or no theme
 *   /export/recurring-recommendations.csv  one row per group of near-identical recommendations made in at
 *                                          least two reviews, most reviews first (see recurringRecommendations)
 */
import type { GraphStore } from '../../graph/store.ts';
import type { NormalizedFilter } from '../analytics/filter.ts';
import type { AnalyticsIndex } from '../analytics/index.ts';
import { matrixAnswer, recurringAnswer } from '../analytics/recommendations/answers.ts';
import { recommendationBook } from '../analytics/recommendations/load.ts';
import type { MatrixCounts, Tally } from '../analytics/recommendations/matrix.ts';
import type { CountedId, RecurringGroup } from '../analytics/recommendations/recurring.ts';
import { catalogOf } from '../graphql/catalog.ts';
import { csv } from './csv.ts';

export const RECOMMENDATION_EXPORTS = ['recommendation-matrix.csv', 'recurring-recommendations.csv'] as const;
export type RecommendationExport = (typeof RECOMMENDATION_EXPORTS)[number];

export function isRecommendationExport(file: string): file is RecommendationExport {
  return (RECOMMENDATION_EXPORTS as readonly string[]).includes(file);
}

/** Groups listed in the recurring CSV come from at least this many reviews, as the API's default. */
const MIN_REVIEWS = 2;

/** One of the two files, for the reviews the (already checked) filter chooses. */
export async function recommendationCsv(
  index: AnalyticsIndex,
  store: Pick<GraphStore, 'recommendationRows'>,
  file: RecommendationExport,
  filter: NormalizedFilter,
): Promise<string> {
  const book = await recommendationBook(index, store);
  const catalog = catalogOf(index);
  const labels: Labels = {
    agency: (id) => catalog.agency(id).label,
    theme: (id) => catalog.theme(id).label,
  };
  return file === 'recommendation-matrix.csv'
    ? recommendationMatrixCsv(matrixAnswer(book, filter), labels)
    : recurringRecommendationsCsv(recurringAnswer(book, filter, MIN_REVIEWS).groups, labels);
}

export interface Labels {
  agency(id: string): string;
  theme(id: string): string;
}

export const NONE_NAMED = '(none named)';

export const MATRIX_HEADER = [
  'kind',
  'agency_id',
  'agency_label',
  'theme_id',
  'theme_label',
  'recommendations',
  'reviews',
  'first_year',
  'last_year',
  'unknown_year_recommendations',
  'recommendations_by_year',
];

export const RECURRING_HEADER = [
  'rank',
  'id',
  'representative',
  'reviews',
  'recommendations',
  'wordings',
  'first_year',
  'last_year',
  'agencies',
  'themes',
  'review_ids',
  'review_titles',
  'review_years',
];

type Cell = string | number | null;

function side(id: string | null, label: (id: string) => string): Cell[] {
  return id === null ? ['', NONE_NAMED] : [id, label(id)];
}

function counts(t: Tally): Cell[] {
  return [
    t.recommendations,
    t.reviews,
    t.firstYear,
    t.lastYear,
    t.unknownYear,
    t.years.map((y) => `${y.year}:${y.recommendations}`).join(';'),
  ];
}

export function recommendationMatrixCsv(matrix: MatrixCounts, labels: Labels): string {
  const rows: Cell[][] = [
    ...matrix.cells.map((c) => [
      'cell',
      ...side(c.agency, labels.agency),
      ...side(c.theme, labels.theme),
      ...counts(c),
    ]),
    ...matrix.agencies.map((l) => ['agency', ...side(l.id, labels.agency), '', '', ...counts(l)]),
    ...matrix.themes.map((l) => ['theme', '', '', ...side(l.id, labels.theme), ...counts(l)]),
    ['total', '', '', '', '', ...counts(matrix.total)],
  ];
  return csv(MATRIX_HEADER, rows);
}

function countedList(ids: readonly CountedId[], label: (id: string) => string): string {
  return ids.map((c) => `${label(c.id)} (${c.recommendations})`).join('; ');
}

export function recurringRecommendationsCsv(groups: readonly RecurringGroup[], labels: Labels): string {
  return csv(
    RECURRING_HEADER,
    groups.map((g, i) => [
      i + 1,
      g.id,
      g.representative,
      g.reviews.length,
      g.recommendations.length,
      g.wordings,
      g.firstYear,
      g.lastYear,
      countedList(g.agencies, labels.agency),
      countedList(g.themes, labels.theme),
      g.reviews.map((r) => r.id).join('; '),
      g.reviews.map((r) => r.title).join('; '),
      g.reviews.map((r) => (r.year === null ? '' : String(r.year))).join('; '),
    ]),
  );
}
