/**
 * The kind of a local review in England when the text names none, from the year it was published: serious
 * case reviews gave way to local child safeguarding practice reviews under Working Together 2018, the last
 * serious case reviews being published in 2020. A "child safeguarding practice review" commissioned by a
 * local partnership is a local one.
 */
import type { ReviewType } from '../../graph/records.ts';

const LAST_SCR_YEAR = 2020;

export function localReviewType(
  named: ReviewType | null,
  year: number | null,
  partnership: string | null,
): ReviewType | null {
  if (named === 'CSPR' && partnership && !/\bpanel\b|\bnational\b/i.test(partnership)) return 'LCSPR';
  if (named !== null || year === null) return named;
  return year <= LAST_SCR_YEAR ? 'SCR' : 'LCSPR';
}
