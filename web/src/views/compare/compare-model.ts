/**
 * Pure logic of the comparison view: the rows as shown (room-safe applied), the log scale of the forest
 * plot, and which filter finds the reviews behind a row.
 */
import type { CohortFeature, CohortFilter, CohortReview, FeatureKind } from '../../api/analytics-queries.ts';
import { formatP, formatRatio, formatShare, hidden } from '../common/format.ts';

export const KIND_LABELS: Record<FeatureKind, string> = {
  THEME: 'Theme',
  HARM_TYPE: 'Harm type',
  AGENCY: 'Agency',
};

export interface CellText {
  count: string;
  share: string;
}

export interface RowText {
  a: CellText;
  b: CellText;
  ratio: string;
  interval: string;
  p: string;
  /** Why the row needs care, or null. */
  warning: string | null;
}

function cell(count: number, share: number, hideBelow: number | null): CellText {
  if (hidden(count, hideBelow)) return { count: `fewer than ${hideBelow}`, share: '—' };
  return { count: String(count), share: formatShare(share) };
}

export function rowText(f: CohortFeature, hideBelow: number | null): RowText {
  const warnings: string[] = [];
  if (f.smallCounts) warnings.push('few reviews');
  if (f.zeroCorrected) warnings.push('none in one cohort');
  return {
    a: cell(f.a.count, f.a.share, hideBelow),
    b: cell(f.b.count, f.b.share, hideBelow),
    ratio: formatRatio(f.ratio),
    interval: `${formatRatio(f.ratioLow)} to ${formatRatio(f.ratioHigh)}`,
    p: formatP(f.pValue).replace(/^p = /, '').replace(/^p /, ''),
    warning: warnings.length ? warnings.join('; ') : null,
  };
}

/** One sentence a person can read aloud for a row. */
export function rowSentence(f: CohortFeature, aLabel: string, bLabel: string): string {
  const r = f.ratio;
  const how = r >= 1 ? `${formatRatio(r)} times as common` : `${formatRatio(1 / r)} times less common`;
  return `${f.label}: ${how} in ${aLabel.toLowerCase()} as in ${bLabel.toLowerCase()} (95% interval ${formatRatio(f.ratioLow)} to ${formatRatio(f.ratioHigh)}, ${formatP(f.pValue)}).`;
}

export interface LogScale {
  min: number;
  max: number;
}

const FLOOR = 1 / 256;
const CEILING = 256;

/** A symmetric log scale around 1 covering every interval shown (clamped to 1/256–256). */
export function forestScale(features: readonly CohortFeature[]): LogScale {
  let extent = Math.log2(4);
  for (const f of features) {
    for (const v of [f.ratioLow, f.ratioHigh]) {
      const clamped = Math.min(CEILING, Math.max(FLOOR, v));
      extent = Math.max(extent, Math.abs(Math.log2(clamped)));
    }
  }
  const power = Math.ceil(extent);
  return { min: 2 ** -power, max: 2 ** power };
}

/** Position 0–1 of a ratio on the scale; values beyond it sit at the ends. */
export function place(value: number, scale: LogScale): number {
  const v = Math.min(scale.max, Math.max(scale.min, value));
  return (Math.log2(v) - Math.log2(scale.min)) / (Math.log2(scale.max) - Math.log2(scale.min));
}

/** Tick values for the scale: 1 and powers of 2 either side of it, at most five. */
export function ticks(scale: LogScale): number[] {
  const power = Math.round(Math.log2(scale.max));
  // At most five labels: the axis is narrow.
  const step = Math.max(1, Math.ceil(power / 2));
  const out = [1];
  for (let p = step; p <= power; p += step) {
    out.push(2 ** p);
    out.unshift(2 ** -p);
  }
  return out;
}

type ListKey = 'themes' | 'harmTypes' | 'agencies';

const LIST_OF: Record<FeatureKind, ListKey> = { THEME: 'themes', HARM_TYPE: 'harmTypes', AGENCY: 'agencies' };

/**
 * The filter for the reviews of a cohort that have a feature. Lists are OR-ed, so when the cohort already
 * lists other values of the same kind the API cannot say "one of those AND this one": the filter then
 * asks for the feature and `within` names the cohort's list, which the caller checks on each review.
 */
export function featureFilter(
  cohort: CohortFilter,
  kind: FeatureKind,
  id: string,
): { filter: CohortFilter; within: { key: ListKey; ids: string[] } | null } {
  if (kind === 'THEME')
    return { filter: { ...cohort, themesAll: [...(cohort.themesAll ?? []), id] }, within: null };
  const key = LIST_OF[kind];
  const listed = cohort[key] ?? [];
  const within = listed.length && !listed.includes(id) ? { key, ids: [...listed] } : null;
  return { filter: { ...cohort, [key]: [id] }, within };
}

/** Reviews with the feature that are not in cohort A: what "all other reviews" holds for the row. */
export function restReviews(
  withFeature: readonly CohortReview[],
  inA: readonly CohortReview[],
  nationalCounted: boolean,
): CohortReview[] {
  const a = new Set(inA.map((r) => r.id));
  return withFeature.filter((r) => !a.has(r.id) && (nationalCounted || r.reviewType !== 'NATIONAL'));
}

/** Keeps the reviews that also carry one of the cohort's own values of the feature's kind. */
export function keepWithin(
  reviews: readonly CohortReview[],
  within: { key: ListKey; ids: string[] } | null,
): CohortReview[] {
  if (!within || within.key === 'themes') return [...reviews];
  const wanted = new Set(within.ids);
  return reviews.filter((r) =>
    within.key === 'harmTypes'
      ? r.harmTypes.some((x) => wanted.has(x.harmType.id))
      : r.agencies.some((x) => wanted.has(x.agency.id)),
  );
}

/** The cohort as /export query parameters: lists comma-separated (a comma inside a name escaped), exclusions as not.<field>. */
export function exportParams(filter: CohortFilter): URLSearchParams {
  const p = new URLSearchParams();
  const put = (key: string, value: unknown) => {
    if (Array.isArray(value)) p.set(key, value.map((v) => String(v).replace(/,/g, '\\,')).join(','));
    else if (value !== undefined && value !== null) p.set(key, String(value));
  };
  for (const [key, value] of Object.entries(filter)) {
    if (key === 'not' && value) for (const [field, list] of Object.entries(value)) put(`not.${field}`, list);
    else put(key, value);
  }
  return p;
}
