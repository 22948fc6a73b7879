/**
 * Pure logic of the trends view: the trend of a theme said in words, the orders themes can be sorted in,
 * and what room-safe hides.
 */
import type { ThemeTrend, TrendDirection } from '../../api/analytics-queries.ts';
import { formatP, formatShare, hidden, safeCount, signed } from '../common/format.ts';
import type { TrendSort } from '../view-params.ts';

export const DIRECTION_WORDS: Record<TrendDirection, string> = {
  RISING: 'becoming more common',
  FALLING: 'getting rarer',
  NO_CLEAR_TREND: 'no clear trend',
  TOO_FEW_YEARS: 'too few years to tell',
};

export const SORT_LABELS: Record<TrendSort, string> = {
  strength: 'Strength of evidence (Mann–Kendall p)',
  falling: 'Steepest fall first',
  rising: 'Steepest rise first',
  reviews: 'Most reviews first',
  name: 'Name',
};

/** Percentage points a year, from a slope in shares a year. */
function points(slope: number): string {
  return `${signed(slope * 100)} points a year`;
}

/**
 * "getting rarer: Sen slope −1.2 points a year (95% interval −2.0 to −0.3), Mann–Kendall p = 0.03".
 * The interval is stated so that a slope of zero inside it reads as the uncertainty it is.
 */
export function describeTrend(t: ThemeTrend): string {
  const head = DIRECTION_WORDS[t.direction];
  if (t.direction === 'TOO_FEW_YEARS' || t.slope === null)
    return `${head}: fewer than five years with reviews`;
  const interval =
    t.slopeLow !== null && t.slopeHigh !== null
      ? ` (95% interval ${signed(t.slopeLow * 100)} to ${signed(t.slopeHigh * 100)})`
      : '';
  return `${head}: Sen slope ${points(t.slope)}${interval}, Mann–Kendall ${formatP(t.pValue)}`;
}

/** When the theme was seen, in words. */
export function span(t: ThemeTrend, hideBelow: number | null): string {
  const count = safeCount(t.reviews, hideBelow);
  const reviews = `${count} ${t.reviews === 1 ? 'review' : 'reviews'}`;
  if (t.firstYear === null || t.lastYear === null) return reviews;
  const years = t.firstYear === t.lastYear ? `in ${t.firstYear}` : `${t.firstYear}–${t.lastYear}`;
  return `${reviews}, ${years}`;
}

export function sortTrends(themes: readonly ThemeTrend[], sort: TrendSort): ThemeTrend[] {
  const byName = (a: ThemeTrend, b: ThemeTrend) => a.theme.label.localeCompare(b.theme.label);
  const p = (t: ThemeTrend) => t.pValue ?? Number.POSITIVE_INFINITY;
  const slope = (t: ThemeTrend) => t.slope ?? 0;
  const order: Record<TrendSort, (a: ThemeTrend, b: ThemeTrend) => number> = {
    strength: (a, b) => p(a) - p(b) || b.reviews - a.reviews || byName(a, b),
    falling: (a, b) => slope(a) - slope(b) || p(a) - p(b) || byName(a, b),
    rising: (a, b) => slope(b) - slope(a) || p(a) - p(b) || byName(a, b),
    reviews: (a, b) => b.reviews - a.reviews || byName(a, b),
    name: byName,
  };
  return [...themes].sort(order[sort]);
}

/** A year's point as shown on hover and in the table; null where room-safe hides its count. */
export interface YearPoint {
  year: number;
  reviews: number;
  total: number;
  share: number;
  hidden: boolean;
  text: string;
}

export function yearPoints(t: ThemeTrend, hideBelow: number | null): YearPoint[] {
  return t.years.map((y) => {
    const hide = hidden(y.reviews, hideBelow) || hidden(y.total, hideBelow);
    const text = hide
      ? `${y.year}: fewer than ${hideBelow} reviews (hidden in room-safe mode)`
      : `${y.year}: ${y.reviews} of ${y.total} ${y.total === 1 ? 'review' : 'reviews'} (${formatShare(y.share)})`;
    return { year: y.year, reviews: y.reviews, total: y.total, share: y.share, hidden: hide, text };
  });
}

/** The top of a chart's share axis: the largest share shown, rounded up to a tenth (at least 10%). */
export function shareCeiling(points: readonly YearPoint[]): number {
  const top = Math.max(0, ...points.filter((p) => !p.hidden).map((p) => p.share));
  return Math.max(0.1, Math.ceil(top * 10 - 1e-9) / 10);
}
