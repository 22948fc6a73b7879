/**
 * One statement as printed: a trimmed span of the source (`text.slice(start, end) === text`), without
 * the separators and markers around it.
 */
import { trimSpan } from './lines.ts';

export interface Statement {
  text: string;
  start: number;
  end: number;
}

/** What may open an item and is not part of it: "and", a bullet, an enumerator ("(2)", "b)", "3."). */
const LEAD = /(?:(?:and|or)\s+|[-•]\s+|\.{3}\s*|\(?(?:\d{1,2}|[a-h]|[ivx]{1,4})\)\s+|\d{1,2}\.\s+)/iy;

/** Trim an item: whitespace, list markers, a leading "and"/"or", trailing separators and "and". */
export function cleanItem(text: string, start: number, end: number, last: boolean): Statement | null {
  let span = trimSpan(text, start, end);
  for (let changed = true; changed && span.start < span.end; ) {
    changed = false;
    LEAD.lastIndex = span.start;
    const lead = LEAD.exec(text);
    if (lead && span.start + lead[0].length < span.end) {
      span = trimSpan(text, span.start + lead[0].length, span.end);
      changed = true;
    }
    const cut = trailingSeparator(text, span.start, span.end, last);
    if (cut > span.start && cut < span.end) {
      span = trimSpan(text, span.start, cut);
      changed = true;
    }
  }
  if (span.end <= span.start || !/[\p{L}\p{N}]/u.test(text.slice(span.start, span.end))) return null;
  return { text: text.slice(span.start, span.end), start: span.start, end: span.end };
}

/**
 * Where a trailing separator (",", ";", ":", a dangling "and"/"or", and for the last item a single
 * closing full stop) begins, or `end` when there is none.
 */
function trailingSeparator(text: string, start: number, end: number, last: boolean): number {
  const ch = text[end - 1];
  if (ch === ',' || ch === ';' || ch === ':') return end - 1;
  if (ch === '.' && last && text[end - 2] !== '.') return end - 1;
  const from = Math.max(start, end - 4);
  const word = /\s(?:and|or)$/i.exec(text.slice(from, end));
  return word ? from + word.index : end;
}
