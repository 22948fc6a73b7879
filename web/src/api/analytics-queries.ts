/**
 * The analytics queries behind the trends and comparison views, with the shapes of their answers. The
 * texts are also what "copy as GraphQL" hands over, so they are written to be read.
 */
import type {
  CohortReviewsQuery,
  CohortReviewsQueryVariables,
  CompareCohortsQuery,
  CompareCohortsQueryVariables,
  FeatureKind,
  PartnershipsQuery,
  PartnershipsQueryVariables,
  RecommendationsForQuery,
  RecommendationsViewQuery,
  RecurringRecommendationsQuery,
  RemoveSourceMutation,
  RemoveSourceMutationVariables,
  ThemeTrendsQuery,
  ThemeTrendsQueryVariables,
  TrendDirection,
  YearBasis,
} from './generated/operations.ts';
import type { Operation } from './queries.ts';
import type { AgeBand, CaseFilter, Outcome, ReviewType } from './types.ts';

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

export type { FeatureKind, TrendDirection, YearBasis };

export type ThemeTrends = ThemeTrendsQuery['themeTrends'];

/** Reviews counted, and the national publications and reviews without a year left out of the count. */
export type Population = ThemeTrends['population'];

export type ThemeTrend = ThemeTrends['themes'][number];

export type TrendYear = ThemeTrend['years'][number];

export type CohortComparison = CompareCohortsQuery['compareCohorts'];

export type CohortFeature = CohortComparison['features'][number];

export type CohortCell = CohortFeature['a'];

/** A review behind a comparison row, with what is needed to place it in a cohort. */
export type CohortReview = CohortReviewsQuery['cases']['edges'][number]['node'];

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

export const THEME_TRENDS = operation<ThemeTrendsQuery, ThemeTrendsQueryVariables>(
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

export const COMPARE_COHORTS = operation<CompareCohortsQuery, CompareCohortsQueryVariables>(
  'CompareCohorts',
  `
query CompareCohorts($a: CaseFilter!, $b: CaseFilter, $first: Int) {
  ${COMPARE_COHORTS_FIELDS}
}`,
);

export const COHORT_REVIEWS = operation<CohortReviewsQuery, CohortReviewsQueryVariables>(
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
export const PARTNERSHIPS = operation<PartnershipsQuery, PartnershipsQueryVariables>(
  'Partnerships',
  `
query Partnerships {
  facets { partnerships { id count: reviewCount } }
}`,
);

export const ANALYTICS_OPERATIONS = [THEME_TRENDS, COMPARE_COHORTS, COHORT_REVIEWS, PARTNERSHIPS] as const;

/** Removing a document and everything that came only from it (needs the admin token). */
export const REMOVE_SOURCE = operation<RemoveSourceMutation, RemoveSourceMutationVariables>(
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

export type RecommendationMatrix = RecommendationsViewQuery['recommendationMatrix'];

export type RecommendationMatrixRow = RecommendationMatrix['rows'][number];

export type RecommendationMatrixColumn = RecommendationMatrix['columns'][number];

export type RecommendationMatrixCell = RecommendationMatrix['cells'][number];

type RecurringAnswer = RecommendationsViewQuery['recurringRecommendations'];

type RecurringNode = RecurringAnswer['edges'][number]['node'];

/** The review that makes a recommendation, with what is needed to name it safely and cite its source. */
export type RecommendationReview = RecurringNode['reviews'][number];

export type AskedRecommendation = RecommendationsForQuery['recommendationsFor']['edges'][number]['node'];

export type RecurringRecommendation = Omit<RecurringNode, 'representative'> & {
  /** Absent from the room-safe copy of the query, which asks for no words of a review. */
  representative?: string;
};

export type RecurringRecommendations = Omit<RecurringAnswer, 'edges'> & {
  edges: Array<{ cursor: string; node: RecurringRecommendation }>;
};

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
export const RECOMMENDATIONS_VIEW = operation<RecommendationsViewQuery, RecommendationsViewVars>(
  'RecommendationsView',
  `
query RecommendationsView($filter: CaseFilter, $minReviews: Int, $first: Int, $after: String, $reviews: Int) {
  ${RECOMMENDATION_MATRIX_FIELDS}
  ${RECURRING_RECOMMENDATIONS_FIELDS}
}`,
);

/** More recurring asks, after the page already shown. */
export const RECURRING_RECOMMENDATIONS = operation<RecurringRecommendationsQuery, RecommendationsViewVars>(
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
export const RECOMMENDATIONS_FOR = operation<RecommendationsForQuery, RecommendationsForVars>(
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
