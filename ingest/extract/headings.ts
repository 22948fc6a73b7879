import type { Line } from './lines.ts';
import type { TextView } from './view.ts';

/** A short line without closing punctuation: a heading, a sub-heading, or a list intro ending in ":". */
export function isHeadingLike(view: TextView, line: Line): boolean {
  if (view.hintOf(line) === 'heading') return true;
  const t = line.text.trim();
  return t.length > 0 && t.length <= 100 && !/[.!?;,]["'’”)\]*]*$/.test(t) && /\p{L}/u.test(t);
}
