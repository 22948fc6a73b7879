/**
 * The analytics queries behind the trends and comparison views, with the shapes of their answers. The
 * texts are also what "copy as GraphQL" hands over, so they are written to be read.
 */
import type { Operation } from './queries.ts';
import type { AgeBand, CaseFilter, Connection, Outcome, ReviewType } from './types.ts';

/** Values whose reviews a filter leaves out (CaseExclusion). */
export interface CaseExclusion {
  harmTypes?: string[];
  themes?: string[];
  agencies?: string[];
  outcome?: Outcome[];
  ageBands?: AgeBand[];
  reviewTypes?: ReviewType[];
  sources?: string[];
  partnerships?: string[];
}

/** A cohort: the CaseFilter with partnerships and exclusions. */
export interface CohortFilter extends CaseFilter {
  partnerships?: string[];
  not?: CaseExclusion;
}

export type YearBasis = 'PUBLICATION' | 'INCIDENT';
export type TrendDirection = 'RISING' | 'FALLING' | 'NO_CLEAR_TREND' | 'TOO_FEW_YEARS';
export type FeatureKind = 'THEME' | 'HARM_TYPE' | 'AGENCY';

export interface Population {
  reviews: number;
  excluded: { national: number; unknownYear: number };
}

export interface TrendYear {
  year: number;
  reviews: number;
  total: number;
  share: number;
}

export interface ThemeTrend {
  theme: { id: string; label: string };
  reviews: number;
  years: TrendYear[];
  firstYear: number | null;
  lastYear: number | null;
  slope: number | null;
  slopeLow: number | null;
  slopeHigh: number | null;
  kendallS: number;
  pValue: number | null;
  direction: TrendDirection;
}

export interface ThemeTrends {
  by: YearBasis;
  population: Population;
  years: number[];
  themes: ThemeTrend[];
}

export interface CohortCell {
  count: number;
  share: number;
}

export interface CohortFeature {
  kind: FeatureKind;
  id: string;
  label: string;
  a: CohortCell;
  b: CohortCell;
  ratio: number;
  ratioLow: number;
  ratioHigh: number;
  zeroCorrected: boolean;
  pValue: number;
  smallCounts: boolean;
}

export interface CohortComparison {
  a: Population;
  b: Population;
  overlap: number;
  bIsRest: boolean;
  totalCount: number;
  features: CohortFeature[];
}

/** A review behind a comparison row, with what is needed to place it in a cohort. */
export interface CohortReview {
  id: string;
  title: string;
  partnership: string | null;
  reportYear: number | null;
  reviewType: ReviewType;
  child: string | null;
  harmTypes: Array<{ harmType: { id: string } }>;
  agencies: Array<{ agency: { id: string } }>;
}

function operation<TData, TVars>(name: string, query: string): Operation<TData, TVars> {
  return { name, query: query.trim() };
}

export const THEME_TRENDS_FIELDS = `themeTrends(filter: $filter, by: $by) {
    by
    population { reviews: reviewCount excluded { national unknownYear } }
    years
    themes {
      theme { id label }
      reviews: reviewCount firstYear lastYear
      direction slope slopeLow slopeHigh kendallS pValue
      years { year reviews: reviewCount total share }
    }
  }`;

export const THEME_TRENDS = operation<{ themeTrends: ThemeTrends }, { filter: CaseFilter; by: YearBasis }>(
  'ThemeTrends',
  `
query ThemeTrends($filter: CaseFilter, $by: YearBasis) {
  ${THEME_TRENDS_FIELDS}
}`,
);

export const COMPARE_COHORTS_FIELDS = `compareCohorts(a: $a, b: $b, first: $first) {
    a { reviews: reviewCount excluded { national } }
    b { reviews: reviewCount excluded { national } }
    overlap bIsRest totalCount
    features {
      kind id label
      a { count: reviewCount share }
      b { count: reviewCount share }
      ratio ratioLow ratioHigh zeroCorrected pValue smallCounts
    }
  }`;

export const COMPARE_COHORTS = operation<
  { compareCohorts: CohortComparison },
  { a: CohortFilter; b: CohortFilter | null; first: number }
>(
  'CompareCohorts',
  `
query CompareCohorts($a: CaseFilter!, $b: CaseFilter, $first: Int) {
  ${COMPARE_COHORTS_FIELDS}
}`,
);

export const COHORT_REVIEWS = operation<
  { cases: Connection<CohortReview> },
  { cases: CohortFilter; first: number }
>(
  'CohortReviews',
  `
query CohortReviews($cases: CaseFilter, $first: Int) {
  cases(filter: $cases, first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      cursor
      node {
        id title partnership reportYear reviewType child
        harmTypes { harmType { id } }
        agencies { agency { id } }
      }
    }
  }
}`,
);

/** The partnerships (areas) the reviews name, with how many reviews name each. */
export const PARTNERSHIPS = operation<
  { facets: { partnerships: Array<{ id: string; count: number }> } },
  Record<string, never>
>(
  'Partnerships',
  `
query Partnerships {
  facets { partnerships { id count: reviewCount } }
}`,
);

export const ANALYTICS_OPERATIONS = [THEME_TRENDS, COMPARE_COHORTS, COHORT_REVIEWS, PARTNERSHIPS] as const;

/** Removing a document and everything that came only from it (needs the admin token). */
export const REMOVE_SOURCE = operation<{ removeSource: boolean }, { id: string }>(
  'RemoveSource',
  `
mutation RemoveSource($id: ID!) {
  removeSource(id: $id)
}`,
);

/** An agency or a theme as the recommendation answers name them. */
export interface Labelled {
  id: string;
  label: string;
}

/** A row, column or the whole of the recommendation matrix: recommendations counted once, and their reviews. */
export interface RecommendationTally {
  recommendationCount: number;
  reviewCount: number;
}

export interface RecommendationMatrixRow extends RecommendationTally {
  /** null: the recommendations that name no agency. */
  agency: Labelled | null;
  noneNamed: boolean;
}

export interface RecommendationMatrixColumn extends RecommendationTally {
  /** null: the recommendations that name no theme. */
  theme: Labelled | null;
  noneNamed: boolean;
}

export interface RecommendationMatrixCell extends RecommendationTally {
  agency: { id: string } | null;
  theme: { id: string } | null;
}

export interface RecommendationMatrix {
  population: Population;
  total: RecommendationTally;
  rows: RecommendationMatrixRow[];
  columns: RecommendationMatrixColumn[];
  cells: RecommendationMatrixCell[];
}

/** The review that makes a recommendation, with what is needed to name it safely and cite its source. */
export interface RecommendationReview {
  id: string;
  title: string;
  year: number | null;
  case: {
    child: string | null;
    reviewType: ReviewType;
    reportYear: number | null;
    partnership: string | null;
    sources: Array<{ id: string; title: string }>;
  } | null;
}

export interface AskedRecommendation {
  id: string;
  text: string;
  review: RecommendationReview;
  agencies: Labelled[];
  themes: Labelled[];
  evidence: { sourceId: string; quote: string; start: number; end: number };
}

export interface RecurringRecommendation {
  id: string;
  /** Absent from the room-safe copy of the query, which asks for no words of a review. */
  representative?: string;
  reviewCount: number;
  recommendationCount: number;
  wordingCount: number;
  firstYear: number | null;
  lastYear: number | null;
  reviews: RecommendationReview[];
  agencies: Array<{ agency: Labelled; recommendationCount: number }>;
  themes: Array<{ theme: Labelled; recommendationCount: number }>;
}

export interface RecurringRecommendations {
  population: Population;
  similarity: string;
  threshold: number;
  minReviews: number;
  totalCount: number;
  edges: Array<{ cursor: string; node: RecurringRecommendation }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export interface RecommendationsViewVars {
  filter: CaseFilter;
  minReviews: number;
  first: number;
  after?: string | null;
  reviews: number;
}

export const RECOMMENDATION_MATRIX_FIELDS = `recommendationMatrix(filter: $filter) {
    population { reviews: reviewCount excluded { national unknownYear } }
    total { recommendationCount reviewCount }
    rows { agency { id label } noneNamed recommendationCount reviewCount }
    columns { theme { id label } noneNamed recommendationCount reviewCount }
    cells { agency { id } theme { id } recommendationCount reviewCount }
  }`;

const REVIEW_FIELDS = 'id title year case { child reviewType reportYear partnership sources { id title } }';

export const RECURRING_RECOMMENDATIONS_FIELDS = `recurringRecommendations(filter: $filter, minReviews: $minReviews, first: $first, after: $after) {
    population { reviews: reviewCount excluded { national unknownYear } }
    similarity threshold minReviews totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      cursor
      node {
        id representative reviewCount recommendationCount wordingCount firstYear lastYear
        reviews(first: $reviews) { ${REVIEW_FIELDS} }
        agencies { agency { id label } recommendationCount }
        themes { theme { id label } recommendationCount }
      }
    }
  }`;

/** The recommendations view in one request: the agency × theme matrix and the recurring asks. */
export const RECOMMENDATIONS_VIEW = operation<
  { recommendationMatrix: RecommendationMatrix; recurringRecommendations: RecurringRecommendations },
  RecommendationsViewVars
>(
  'RecommendationsView',
  `
query RecommendationsView($filter: CaseFilter, $minReviews: Int, $first: Int, $after: String, $reviews: Int) {
  ${RECOMMENDATION_MATRIX_FIELDS}
  ${RECURRING_RECOMMENDATIONS_FIELDS}
}`,
);

/** More recurring asks, after the page already shown. */
export const RECURRING_RECOMMENDATIONS = operation<
  { recurringRecommendations: RecurringRecommendations },
  RecommendationsViewVars
>(
  'RecurringRecommendations',
  `
query RecurringRecommendations($filter: CaseFilter, $minReviews: Int, $first: Int, $after: String, $reviews: Int) {
  ${RECURRING_RECOMMENDATIONS_FIELDS}
}`,
);

export interface RecommendationsForVars {
  agency?: string | null;
  noAgency?: boolean;
  theme?: string | null;
  noTheme?: boolean;
  filter: CaseFilter;
  first: number;
  after?: string | null;
}

/** The recommendations of one matrix cell, with the review that makes each and where its words stand. */
export const RECOMMENDATIONS_FOR = operation<
  { recommendationsFor: Connection<AskedRecommendation> },
  RecommendationsForVars
>(
  'RecommendationsFor',
  `
query RecommendationsFor($agency: ID, $noAgency: Boolean, $theme: ID, $noTheme: Boolean, $filter: CaseFilter, $first: Int, $after: String) {
  recommendationsFor(agency: $agency, noAgency: $noAgency, theme: $theme, noTheme: $noTheme, filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      cursor
      node {
        id text
        review { ${REVIEW_FIELDS} }
        agencies { id label }
        themes { id label }
        evidence { sourceId quote start end }
      }
    }
  }
}`,
);

export const RECOMMENDATION_OPERATIONS = [
  RECOMMENDATIONS_VIEW,
  RECURRING_RECOMMENDATIONS,
  RECOMMENDATIONS_FOR,
] as const;
