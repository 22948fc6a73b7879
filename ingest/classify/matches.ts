/**
 * Taxonomy matches in a stretch of text, as offsets into the whole document, and the spans they fall in.
 */
import { type CompiledEntry, type CompiledTaxonomy, matchTaxonomy } from '../taxonomy/compile.ts';
import type { Span } from './sentences.ts';

/** Every match of every entry, by entry, as offsets into the document text. */
export type Matches = Map<CompiledEntry, Span[]>;

/** Scans text.slice(span.start, span.end) and shifts the matches to document offsets. */
export function scanSpan(text: string, span: Span, compiled: CompiledTaxonomy): Matches {
  const found = matchTaxonomy(compiled, text.slice(span.start, span.end));
  if (span.start === 0) return found;
  // The spans are fresh objects owned by this scan: shift them in place.
  for (const spans of found.values()) {
    for (const m of spans) {
      m.start += span.start;
      m.end += span.start;
    }
  }
  return found;
}

/** The matches inside `span`. */
export function within(matches: Matches, entry: CompiledEntry, span: Span): Span[] {
  return (matches.get(entry) ?? []).filter((m) => m.start >= span.start && m.end <= span.end);
}

/** Index of the span (sorted, not overlapping) that contains [start, end), or -1. */
export function containing(spans: readonly Span[], start: number, end: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = spans[mid];
    if (!span) break;
    if (start < span.start) hi = mid - 1;
    else if (start >= span.end) lo = mid + 1;
    else return end <= span.end ? mid : -1;
  }
  return -1;
}
