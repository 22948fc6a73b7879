/**
 * The analysis views' own settings, and how they are written into the address. Defaults are left out so
 * links stay short; anything unreadable in a hand-edited link falls back to the default.
 */

export type YearBasis = 'PUBLICATION' | 'INCIDENT';
export type TrendSort = 'strength' | 'falling' | 'rising' | 'reviews' | 'name';
export type ComparePreset = 'infants' | 'deaths' | 'area' | 'recent' | 'filters';

/** Recommendations: what the matrix's rows are (the columns are the other). */
export type RecommendationRows = 'themes' | 'agencies';

export const TREND_SORTS: readonly TrendSort[] = ['strength', 'falling', 'rising', 'reviews', 'name'];
export const COMPARE_PRESETS: readonly ComparePreset[] = ['infants', 'deaths', 'area', 'recent', 'filters'];
export const RECOMMENDATION_ROWS: readonly RecommendationRows[] = ['themes', 'agencies'];
/** Recommendations: the choices for how many reviews must make an ask for it to be listed as recurring. */
export const RECURRING_MINIMA: readonly number[] = [2, 3, 4, 5];

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
  /**
   * Recommendations: themes down the side (agencies across), or agencies down the side. The recommendations
   * settings are absent while they hold their defaults (see recommendationParams).
   */
  recRows?: RecommendationRows;
  /** Recommendations: least reviews making an ask for it to be listed as recurring. */
  recMin?: number;
  /**
   * Recommendations: the matrix cell whose recommendations are listed, as "agency~theme" ids; an empty side
   * is the row or column of recommendations that name none. null or absent: no cell open.
   */
  recCell?: string | null;
}

export interface RecommendationParams {
  recRows: RecommendationRows;
  recMin: number;
  recCell: string | null;
}

export const DEFAULT_RECOMMENDATION_PARAMS: RecommendationParams = {
  recRows: 'themes',
  recMin: 2,
  recCell: null,
};

/** The recommendations view's settings, defaults filled in. */
export function recommendationParams(v: ViewParams): RecommendationParams {
  const d = DEFAULT_RECOMMENDATION_PARAMS;
  return { recRows: v.recRows ?? d.recRows, recMin: v.recMin ?? d.recMin, recCell: v.recCell ?? d.recCell };
}

export const DEFAULT_VIEW_PARAMS: ViewParams = {
  basis: 'PUBLICATION',
  trendSort: 'strength',
  preset: 'infants',
  area: '',
  split: null,
};

const AREA_MAX = 80;
/** "agency~theme": ids are slugs; either side may be empty (none named), not both. */
const CELL_KEY = /^(?=.*[^~])[\w.-]{0,120}~[\w.-]{0,120}$/;

export function writeViewParams(p: URLSearchParams, v: ViewParams): void {
  const d = DEFAULT_VIEW_PARAMS;
  if (v.basis !== d.basis) p.set('by', v.basis.toLowerCase());
  if (v.trendSort !== d.trendSort) p.set('sort', v.trendSort);
  if (v.preset !== d.preset) p.set('cmp', v.preset);
  if (v.area.trim()) p.set('area', v.area.trim());
  if (v.split !== null) p.set('split', String(v.split));
  const r = recommendationParams(v);
  const rd = DEFAULT_RECOMMENDATION_PARAMS;
  if (r.recRows !== rd.recRows) p.set('rrows', r.recRows);
  if (r.recMin !== rd.recMin) p.set('rmin', String(r.recMin));
  if (r.recCell !== null) p.set('rcell', r.recCell);
}

export function readViewParams(p: URLSearchParams): ViewParams {
  const sort = p.get('sort');
  const preset = p.get('cmp');
  const split = p.get('split');
  const rows = RECOMMENDATION_ROWS.find((r) => r === p.get('rrows'));
  const min = Number(p.get('rmin'));
  const cell = p.get('rcell');
  const rec: Partial<RecommendationParams> = {};
  if (rows && rows !== DEFAULT_RECOMMENDATION_PARAMS.recRows) rec.recRows = rows;
  if (RECURRING_MINIMA.includes(min) && min !== DEFAULT_RECOMMENDATION_PARAMS.recMin) rec.recMin = min;
  if (cell !== null && CELL_KEY.test(cell)) rec.recCell = cell;
  return {
    basis: p.get('by') === 'incident' ? 'INCIDENT' : 'PUBLICATION',
    trendSort: TREND_SORTS.find((s) => s === sort) ?? DEFAULT_VIEW_PARAMS.trendSort,
    preset: COMPARE_PRESETS.find((s) => s === preset) ?? DEFAULT_VIEW_PARAMS.preset,
    area: (p.get('area') ?? '').trim().slice(0, AREA_MAX),
    split: split !== null && /^\d{4}$/.test(split) ? Number(split) : null,
    ...rec,
  };
}
