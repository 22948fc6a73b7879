/**
 * Which reviews an analytics answer counts. By default the case reviews only: national publications
 * (reviewType NATIONAL, e.g. a triennial analysis) are not reviews of one child's case, so they are left out
 * unless the filter's reviewTypes names NATIONAL. Every answer reports what it counted and what it left out.
 */
import type { Bitset } from './bitset.ts';
import { type NormalizedFilter, withKey } from './filter.ts';
import type { AnalyticsIndex } from './index.ts';

export const NATIONAL = 'NATIONAL';

export interface Population {
  /** Reviews counted. */
  reviews: number;
  excluded: {
    /** National publications matching the filter, left out because the filter did not ask for them. */
    national: number;
    /** Reviews matching the filter left out because they report no year (only for answers by year). */
    unknownYear: number;
  };
}

export interface ScopedPopulation {
  scope: Bitset;
  population: Population;
}

/** True when the filter asks for national publications (its reviewTypes lists NATIONAL). */
export function asksForNational(filter: NormalizedFilter): boolean {
  return filter.lists.reviewTypes?.includes(NATIONAL) ?? false;
}

/** The reviews an analytics answer counts under a filter: national publications only when asked for. */
export function populationOf(index: AnalyticsIndex, filter: NormalizedFilter): ScopedPopulation {
  const matched = index.match(filter);
  const national = index.facetSets('reviewTypes').get(NATIONAL);
  if (asksForNational(filter) || !national) {
    return { scope: matched, population: counted(matched.count(), 0) };
  }
  const scope = matched.andNot(national);
  return { scope, population: counted(scope.count(), matched.countAnd(national)) };
}

/**
 * The filter that chooses exactly the population: the same filter with national publications added to its
 * exclusions unless it asks for them. Anything that takes a filter (counts per value, a theme's related
 * themes, a page of cases) then follows the population rule, and its cache keys stay distinct.
 */
export function populationFilter(filter: NormalizedFilter): NormalizedFilter {
  if (asksForNational(filter) || filter.excluded.reviewTypes?.includes(NATIONAL)) return filter;
  const reviewTypes = [...(filter.excluded.reviewTypes ?? []), NATIONAL].sort();
  return withKey({ ...filter, excluded: { ...filter.excluded, reviewTypes } });
}

export function counted(reviews: number, national: number, unknownYear = 0): Population {
  return { reviews, excluded: { national, unknownYear } };
}
