/**
 * List items as they survive text extraction: "- ", "• ", "- > " (flattened PDF arrows), "1. ", "a) ",
 * "(iv) ", or a line the reader marked as a list item.
 */
import type { Line } from './lines.ts';
import type { TextView } from './view.ts';

const MARKER =
  /^[ \t\u00a0]*(?:[-*•▪●◦–]|\d{1,2}[.)]|[a-z][.)]|\([a-z0-9]{1,4}\))[ \t\u00a0]+(?:>[ \t\u00a0]+)?/;

/** Offset where the item's own text begins, or null when the line is not a list item. */
export function listItemContent(view: TextView, line: Line): number | null {
  if (line.blank) return null;
  const m = MARKER.exec(line.text);
  if (m) return line.start + m[0].length;
  return view.hintOf(line) === 'list-item' ? line.contentStart : null;
}

export function isListItem(view: TextView, line: Line): boolean {
  return listItemContent(view, line) !== null;
}

/** Indentation width of the line's first visible character (tabs count as 4). */
export function indentOf(line: Line): number {
  let width = 0;
  for (const ch of line.text) {
    if (ch === '\t') width += 4;
    else if (ch === ' ' || ch === '\u00a0') width += 1;
    else break;
  }
  return width;
}
