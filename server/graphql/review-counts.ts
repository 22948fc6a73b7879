/**
 * One name for one measure: a number of reviews is `reviewCount` on every type. The older names (caseCount,
 * count, weight, shared, reviews, cases) stay as deprecated fields; these resolvers read reviewCount from
 * the value each parent already carries under its older name.
 */

import type { Resolvers } from './generated/resolvers.ts';

type Counted<K extends string> = { readonly [key in K]: number };

function from<K extends string>(key: K) {
  return { reviewCount: (parent: Counted<K>) => parent[key] };
}

export const REVIEW_COUNTS = {
  HarmType: from('caseCount'),
  Agency: from('caseCount'),
  Theme: from('caseCount'),
  Source: from('caseCount'),
  ThemeNetwork: from('caseCount'),
  ThemeNode: from('weight'),
  ThemeEdge: from('weight'),
  RelatedTheme: from('shared'),
  FacetValue: from('count'),
  IngestResult: from('cases'),
  Stats: from('cases'),
  Population: from('reviews'),
  ThemeCommunity: from('reviews'),
  ThemeTrend: from('reviews'),
  TrendYear: from('reviews'),
  CohortCell: from('count'),
} as const satisfies Resolvers;
