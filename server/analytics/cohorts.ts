/**
 * Two cohorts of reviews compared feature by feature (every theme, harm type and agency): the share of each
 * cohort with the feature, the ratio of the shares with a 95% interval (log method; 0.5 added to every cell
 * of a table with a zero cell) and a two-sided Fisher exact p-value, strongest evidence first. Cohort B is,
 * by default, every other review in the population.
 */
import type { Bitset } from './bitset.ts';
import type { NormalizedFilter } from './filter.ts';
import type { AnalyticsIndex } from './index.ts';
import { asksForNational, counted, NATIONAL, type Population, populationOf } from './population.ts';
import { fisherTwoSided, hasSmallExpected, shareRatio } from './stats.ts';

export type FeatureKind = 'theme' | 'harmType' | 'agency';

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
  /** share in A / share in B (from the corrected cells when zeroCorrected). */
  ratio: number;
  ratioLow: number;
  ratioHigh: number;
  /** True when a cell was zero and 0.5 was added to every cell for the ratio and its interval. */
  zeroCorrected: boolean;
  pValue: number;
  /** True when an expected count of the 2x2 table is below 5: read the ratio with care. */
  smallCounts: boolean;
}

export interface CohortComparison {
  a: Population;
  b: Population;
  /** Reviews in both cohorts (only when B is given and overlaps A; the test assumes none). */
  overlap: number;
  bIsRest: boolean;
  features: CohortFeature[];
}

const FIELDS: { kind: FeatureKind; field: 'themes' | 'harmTypes' | 'agencies' }[] = [
  { kind: 'theme', field: 'themes' },
  { kind: 'harmType', field: 'harmTypes' },
  { kind: 'agency', field: 'agencies' },
];

export function compareCohorts(
  index: AnalyticsIndex,
  filterA: NormalizedFilter,
  filterB: NormalizedFilter | null,
): CohortComparison {
  const a = populationOf(index, filterA);
  let b: { scope: Bitset; population: Population };
  if (filterB === null) {
    // Everyone else: every review (national publications only if A asked for them) not in A.
    const national = index.facetSets('reviewTypes').get(NATIONAL);
    const withNational = asksForNational(filterA) || national === undefined;
    const pool = withNational ? index.allCases() : index.allCases().andNot(national);
    const rest = pool.andNot(a.scope);
    b = {
      scope: rest,
      population: counted(rest.count(), withNational ? 0 : national.andNot(a.scope).count()),
    };
  } else {
    b = populationOf(index, filterB);
  }
  const n1 = a.population.reviews;
  const n2 = b.population.reviews;
  const labels = labelMaps(index);
  const features: CohortFeature[] = [];
  for (const { kind, field } of FIELDS) {
    for (const [id, set] of index.facetSets(field)) {
      const x = set.countAnd(a.scope);
      const y = set.countAnd(b.scope);
      if (x + y === 0) continue;
      const r = shareRatio(x, n1, y, n2);
      features.push({
        kind,
        id,
        label: labels[kind].get(id) ?? id,
        a: { count: x, share: n1 === 0 ? 0 : x / n1 },
        b: { count: y, share: n2 === 0 ? 0 : y / n2 },
        ratio: r.ratio,
        ratioLow: r.low,
        ratioHigh: r.high,
        zeroCorrected: r.corrected,
        pValue: fisherTwoSided(x, n1 - x, y, n2 - y),
        smallCounts: hasSmallExpected(x, n1, y, n2),
      });
    }
  }
  features.sort(
    (p, q) =>
      p.pValue - q.pValue ||
      Math.abs(Math.log(q.ratio)) - Math.abs(Math.log(p.ratio)) ||
      (p.kind < q.kind ? -1 : p.kind > q.kind ? 1 : 0) ||
      (p.id < q.id ? -1 : p.id > q.id ? 1 : 0),
  );
  return {
    a: a.population,
    b: b.population,
    overlap: filterB === null ? 0 : a.scope.countAnd(b.scope),
    bIsRest: filterB === null,
    features,
  };
}

function labelMaps(index: AnalyticsIndex): Record<FeatureKind, Map<string, string>> {
  const t = index.taxonomy;
  return {
    theme: new Map(t.themes.map((e) => [e.id, e.label])),
    harmType: new Map(t.harmTypes.map((e) => [e.id, e.label])),
    agency: new Map(t.agencies.map((e) => [e.id, e.label])),
  };
}
