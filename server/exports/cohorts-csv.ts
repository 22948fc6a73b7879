/**
 * /export/compare-cohorts.csv: the reviews matching the filter (cohort A) against every other review
 * (cohort B), one row per theme, harm type and agency, strongest evidence first; as compareCohorts.
 */
import type { CohortComparison } from '../analytics/cohorts.ts';
import { csv } from './csv.ts';

export const COHORT_HEADER = [
  'kind',
  'id',
  'label',
  'a_count',
  'a_reviews',
  'a_share',
  'b_count',
  'b_reviews',
  'b_share',
  'ratio',
  'ratio_low',
  'ratio_high',
  'zero_corrected',
  'p_value',
  'small_counts',
];

export function compareCohortsCsv(result: CohortComparison): string {
  const digits = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(6)) : null);
  return csv(
    COHORT_HEADER,
    result.features.map((f) => [
      f.kind,
      f.id,
      f.label,
      f.a.count,
      result.a.reviews,
      digits(f.a.share),
      f.b.count,
      result.b.reviews,
      digits(f.b.share),
      digits(f.ratio),
      digits(f.ratioLow),
      digits(f.ratioHigh),
      f.zeroCorrected ? 'true' : 'false',
      f.pValue === 0 ? 0 : Number(f.pValue.toPrecision(6)),
      f.smallCounts ? 'true' : 'false',
    ]),
  );
}
