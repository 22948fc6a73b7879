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
    population { reviews excluded { national unknownYear } }
    years
    themes {
      theme { id label }
      reviews firstYear lastYear
      direction slope slopeLow slopeHigh kendallS pValue
      years { year reviews total share }
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
    a { reviews excluded { national } }
    b { reviews excluded { national } }
    overlap bIsRest totalCount
    features {
      kind id label
      a { count share }
      b { count share }
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
  facets { partnerships { id count } }
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
