/**
 * Theme trends: for each theme and year, the reviews carrying the theme among all reviews of that year, and
 * a trend in that share over the years: the Mann–Kendall test (two-sided) with Sen's slope and its 95%
 * interval, over the years that have at least one review. Reviews with no year (by the chosen basis) cannot
 * be placed on the timeline: they are counted in population.excluded.unknownYear, never dropped silently.
 */
import type { NormalizedFilter } from './filter.ts';
import type { AnalyticsIndex, YearBasis } from './index.ts';
import { counted, type Population, populationOf } from './population.ts';
import { mannKendall } from './stats.ts';

export interface TrendYear {
  year: number;
  /** Reviews of that year carrying the theme. */
  reviews: number;
  /** All reviews of that year (in the population). */
  total: number;
  share: number;
}

export type TrendDirection = 'rising' | 'falling' | 'no-clear-trend' | 'too-few-years';

export interface ThemeTrend {
  theme: string;
  label: string;
  /** Reviews carrying the theme in all the years counted. */
  reviews: number;
  years: TrendYear[];
  firstYear: number | null;
  lastYear: number | null;
  /** Sen's slope of the yearly share (share points per year, 0.01 = one percentage point). */
  slope: number | null;
  slopeLow: number | null;
  slopeHigh: number | null;
  /** Kendall's S and the Mann–Kendall two-sided p-value. */
  kendallS: number;
  pValue: number | null;
  direction: TrendDirection;
}

export interface ThemeTrends {
  by: YearBasis;
  population: Population;
  /** Years with at least one review counted, ascending. */
  years: number[];
  themes: ThemeTrend[];
}

/**
 * Fewer years than this give no trend: with four points the smallest two-sided Mann–Kendall p-value is
 * 0.089, so no trend could ever be shown; from five it can go below 0.05.
 */
export const MIN_TREND_YEARS = 5;

export function themeTrends(
  index: AnalyticsIndex,
  filter: NormalizedFilter,
  themes: readonly string[] | null,
  by: YearBasis,
): ThemeTrends {
  const { scope, population } = populationOf(index, filter);
  const tally = index.themeYearCounts(scope, by);
  const span = tally.years.length;
  const yearSets = tally.years
    .map((year, i) => ({ year, at: i, total: tally.totals[i] ?? 0 }))
    .filter((y) => y.total > 0);
  const dated = yearSets.reduce((n, y) => n + y.total, 0);
  const labels = new Map(index.taxonomy.themes.map((t) => [t.id, t.label]));
  const wanted = themes ?? tally.themeIds.filter((_, t) => (tally.inScope[t] ?? 0) > 0).sort();
  const out: ThemeTrend[] = wanted.map((id) => {
    const t = index.themePositionOf(id);
    const years: TrendYear[] = yearSets.map(({ year, at, total }) => {
      const reviews = t === undefined ? 0 : (tally.counts[t * span + at] ?? 0);
      return { year, reviews, total, share: reviews / total };
    });
    const seen = years.filter((y) => y.reviews > 0);
    const mk = mannKendall(years.map((y) => ({ t: y.year, y: y.share })));
    const enough = years.length >= MIN_TREND_YEARS && mk.p !== null;
    const direction: TrendDirection = !enough
      ? 'too-few-years'
      : (mk.p ?? 1) < 0.05
        ? mk.s > 0
          ? 'rising'
          : 'falling'
        : 'no-clear-trend';
    return {
      theme: id,
      label: labels.get(id) ?? id,
      reviews: seen.reduce((n, y) => n + y.reviews, 0),
      years,
      firstYear: seen[0]?.year ?? null,
      lastYear: seen.at(-1)?.year ?? null,
      slope: enough ? mk.slope : null,
      slopeLow: enough ? mk.slopeLow : null,
      slopeHigh: enough ? mk.slopeHigh : null,
      kendallS: mk.s,
      pValue: enough ? mk.p : null,
      direction,
    };
  });
  out.sort((a, b) => (a.pValue ?? 2) - (b.pValue ?? 2) || b.reviews - a.reviews || cmp(a.theme, b.theme));
  return {
    by,
    population: counted(dated, population.excluded.national, population.reviews - dated),
    years: yearSets.map((y) => y.year),
    themes: out,
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
