/**
 * Stable, content-derived case ids.
 *
 * The rule: id = slug of [who, where, when] (+ a short hash when "where" is unknown), where
 * - who   = the child's pseudonym as normalised by extraction ("Child B", "Baby R", "David and Daniel");
 *           for a review without a pseudonym (thematic, national), the title without review-type words;
 * - where = the area the partnership serves ("Camden Safeguarding Children Board" -> camden);
 * - when  = the report year;
 * - hash  = 6 hex characters of the normalised incident summary (or the title when there is no summary),
 *           added only when the partnership is unknown, since a pseudonym and a year alone do not tell
 *           "Child R" of one area from "Child R" of another.
 * The review type is deliberately left out: one document may call a review "serious case review" and
 * another "SCR overview report". National publications key on their title (and year when known).
 * So: the same review met in two documents gets the same id; two reviews sharing a pseudonym differ in
 * area, year or summary, and so in id. Examples: `child-b-camden-2016`, `child-r-2022-3fa9c1`.
 */
import { createHash } from 'node:crypto';
import type { ExtractedCase } from '../extract/types.ts';
import { areaOf } from './area.ts';
import { slugify } from './slug.ts';

const REVIEW_WORDS =
  /\b(?:(?:local|national)\s+)?(?:child\s+safeguarding\s+practice|serious\s+case|learning|thematic|case)\s+reviews?\b|\b(?:L?CSPR|SCR)\b|\b(?:full\s+|independent\s+)?overview\s+report\b/gi;

export function caseId(c: ExtractedCase): string {
  const national = c.reviewType === 'NATIONAL';
  const who = national
    ? slugify(c.title, 80)
    : slugify(c.child ?? c.title.replace(REVIEW_WORDS, ' '), 60) || 'review';
  const area = areaOf(c.partnership);
  const parts = [who, area ? slugify(area, 40) : null, c.reportYear === null ? null : String(c.reportYear)];
  if (!area && !national) parts.push(contentHash(c.summary ?? c.title));
  return parts.filter((p): p is string => Boolean(p)).join('-');
}

/** Hash of the text with case, punctuation, quotes and spacing ignored, so re-flowed copies agree. */
export function contentHash(text: string): string {
  const normalised = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return createHash('sha256').update(normalised).digest('hex').slice(0, 6);
}
