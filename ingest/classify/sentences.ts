/**
 * Splits review text into the units evidence is quoted from: sentences, and the items of the
 * semicolon-separated lists reviews use for learning and recommendations ("Learning includes: a; b; c").
 * A quote is always an exact slice of the text, so offsets are kept, never rebuilt.
 */

export interface Span {
  start: number;
  end: number;
}

const UNIT_BOUNDARY = /;|:(?=\s)|[.!?]["'\u2019\u201d)\]]*(?=\s)|\n\s*/g;
const SENTENCE_BOUNDARY = /[.!?]["'\u2019\u201d)\]]*(?=\s)|\n\s*/g;
const ABBREVIATIONS = new Set([
  'e.g',
  'i.e',
  'eg',
  'ie',
  'dr',
  'mr',
  'mrs',
  'ms',
  'st',
  'no',
  'vs',
  'cf',
  'al',
  'approx',
  'inc',
  'ltd',
  'co',
  'fig',
  'pp',
  'vol',
]);
const LEADING_MARK = /^[\s>\-\u2022*\u2013\u2014]+/;

/** Sentence and list-item spans covering text.slice(start, end), trimmed, as offsets into `text`. */
export function unitSpans(text: string, start: number, end: number): Span[] {
  return split(text, start, end, UNIT_BOUNDARY);
}

/** Whole sentences only (list items and labels stay inside their sentence). */
export function sentenceSpans(text: string, start: number, end: number): Span[] {
  return split(text, start, end, SENTENCE_BOUNDARY);
}

function split(text: string, start: number, end: number, boundary: RegExp): Span[] {
  const region = text.slice(start, end);
  const spans: Span[] = [];
  let from = 0;
  boundary.lastIndex = 0;
  for (let m = boundary.exec(region); m !== null; m = boundary.exec(region)) {
    const cut = m.index + m[0].length;
    if (!isBoundary(region, m.index, cut, m[0])) continue;
    pushTrimmed(spans, region, from, cut, start);
    from = cut;
  }
  pushTrimmed(spans, region, from, region.length, start);
  return spans;
}

const NEXT_VISIBLE = /\s*(\S)/y;

function isBoundary(region: string, at: number, cut: number, mark: string): boolean {
  NEXT_VISIBLE.lastIndex = cut;
  const next = NEXT_VISIBLE.exec(region)?.[1] ?? '';
  if (mark.startsWith('\n')) return !/[a-z]/.test(next);
  if (mark === ';' || mark === ':') return true;
  if (mark.startsWith('.')) {
    if (/[a-z0-9]/.test(next)) return false;
    const word =
      region
        .slice(Math.max(0, at - 8), at)
        .match(/([A-Za-z.]+)$/)?.[1]
        ?.toLowerCase() ?? '';
    if (ABBREVIATIONS.has(word)) return false;
  }
  return true;
}

function pushTrimmed(spans: Span[], region: string, from: number, to: number, offset: number): void {
  let s = from;
  let e = to;
  const lead = region.slice(s, e).match(LEADING_MARK);
  if (lead) s += lead[0].length;
  while (e > s && /\s/.test(region[e - 1] ?? '')) e--;
  if (e > s) spans.push({ start: offset + s, end: offset + e });
}

/** The span containing `position`, or null when it falls between spans (in trimmed whitespace). */
export function spanAt(spans: readonly Span[], position: number): Span | null {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = spans[mid];
    if (!span) break;
    if (position < span.start) hi = mid - 1;
    else if (position >= span.end) lo = mid + 1;
    else return span;
  }
  return null;
}
