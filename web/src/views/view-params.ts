/**
 * The trends and comparison views' own settings, and how they are written into the address. Defaults are
 * left out so links stay short; anything unreadable in a hand-edited link falls back to the default.
 */

export type YearBasis = 'PUBLICATION' | 'INCIDENT';
export type TrendSort = 'strength' | 'falling' | 'rising' | 'reviews' | 'name';
export type ComparePreset = 'infants' | 'deaths' | 'area' | 'recent' | 'filters';

export const TREND_SORTS: readonly TrendSort[] = ['strength', 'falling', 'rising', 'reviews', 'name'];
export const COMPARE_PRESETS: readonly ComparePreset[] = ['infants', 'deaths', 'area', 'recent', 'filters'];

export interface ViewParams {
  /** Trends: which year places a review on the timeline. */
  basis: YearBasis;
  trendSort: TrendSort;
  /** Comparison: which question the two cohorts answer. */
  preset: ComparePreset;
  /** Comparison, 'area' preset: words naming the partnership or area. */
  area: string;
  /** Comparison, 'recent' preset: the first year counted as recent; null takes the last five years. */
  split: number | null;
}

export const DEFAULT_VIEW_PARAMS: ViewParams = {
  basis: 'PUBLICATION',
  trendSort: 'strength',
  preset: 'infants',
  area: '',
  split: null,
};

const AREA_MAX = 80;

export function writeViewParams(p: URLSearchParams, v: ViewParams): void {
  const d = DEFAULT_VIEW_PARAMS;
  if (v.basis !== d.basis) p.set('by', v.basis.toLowerCase());
  if (v.trendSort !== d.trendSort) p.set('sort', v.trendSort);
  if (v.preset !== d.preset) p.set('cmp', v.preset);
  if (v.area.trim()) p.set('area', v.area.trim());
  if (v.split !== null) p.set('split', String(v.split));
}

export function readViewParams(p: URLSearchParams): ViewParams {
  const sort = p.get('sort');
  const preset = p.get('cmp');
  const split = p.get('split');
  return {
    basis: p.get('by') === 'incident' ? 'INCIDENT' : 'PUBLICATION',
    trendSort: TREND_SORTS.find((s) => s === sort) ?? DEFAULT_VIEW_PARAMS.trendSort,
    preset: COMPARE_PRESETS.find((s) => s === preset) ?? DEFAULT_VIEW_PARAMS.preset,
    area: (p.get('area') ?? '').trim().slice(0, AREA_MAX),
    split: split !== null && /^\d{4}$/.test(split) ? Number(split) : null,
  };
}
