/**
 * Hiding child pseudonyms for a room: a review is then named by its type and year ("a child (SCR, 2016)"),
 * and the pseudonym is replaced wherever it appears in quoted text.
 */
import type { ReviewType } from '../api/types.ts';

export interface NamedReview {
  title: string;
  child: string | null;
  reviewType: ReviewType;
  reportYear: number | null;
}

/** "David and Daniel" -> ["David", "Daniel"]; "Child B" -> ["Child B"]; "Children A, B" -> ["Children A, B", "Children A", "B"]. */
export function pseudonymsOf(child: string | null): string[] {
  if (!child) return [];
  const whole = child.trim();
  if (!whole) return [];
  const parts = whole
    .split(/\s*(?:,|&|\band\b)\s*/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  return [...new Set([whole, ...parts])].sort((a, b) => b.length - a.length);
}

export function anonymousCaption(review: Pick<NamedReview, 'reviewType' | 'reportYear'>): string {
  const year = review.reportYear === null ? '' : `, ${review.reportYear}`;
  return `a child (${review.reviewType}${year})`;
}

/** The review's name as shown: its title, or "a child (TYPE, year)" when pseudonyms are hidden. */
export function reviewCaption(review: NamedReview, roomSafe: boolean): string {
  if (!roomSafe) return review.title;
  return capitalise(anonymousCaption(review));
}

/** Replaces every pseudonym in the text ("Child B's" -> "the child's"); longer names are replaced first. */
export function anonymise(text: string, names: readonly string[]): string {
  let out = text;
  for (const name of [...names].sort((a, b) => b.length - a.length)) {
    if (name.length < 2) continue;
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, 'gu');
    out = out.replace(pattern, (_m, offset: number) =>
      startsSentence(out, offset) ? 'The child' : 'the child',
    );
  }
  return out;
}

function startsSentence(text: string, offset: number): boolean {
  const before = text.slice(0, offset).trimEnd();
  return before === '' || /[.!?:]$/.test(before);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
