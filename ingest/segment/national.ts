/**
 * National publications. Two layouts:
 * - a note on several national publications: numbered items ("1. Title") each describing one publication,
 *   with a summary paragraph and lists of findings or messages (sometimes under sub-headings);
 * - a briefing on one national analysis: the whole document is one review, its learning the items under
 *   "Learning points" headings. Case studies and vignettes inside it are examples, never reviews.
 * Both give reviews of type NATIONAL.
 */
import { buildCase, type EntryParts } from '../extract/case.ts';
import { isHeadingLike } from '../extract/headings.ts';
import type { StatementLabel } from '../extract/labels.ts';
import { endsSentence, type Line, lineAt, paragraphsOf, trimSpan } from '../extract/lines.ts';
import { isListItem } from '../extract/list-markers.ts';
import type { ExtractedCase } from '../extract/types.ts';
import type { TextView } from '../extract/view.ts';
import { editorialNoteLines, titleYear } from './document-meta.ts';
import type { SegmentContext, SegmentResult } from './segment-types.ts';

const ITEM = /^(\d{1,2})\.[ \t\u00a0]+(?=\S)/;
const LIST_INTRO = /\b(?:learning|findings|lessons|themes|messages)\b/i;
const LEARNING_HEADING = /^[\s#*]*(?:key\s+)?learning\s+points?[\s*]*:?[\s*]*$/i;
const RECOMMENDATIONS_HEADING = /^[\s#*]*(?:key\s+)?recommendations[\s*]*:?[\s*]*$/i;

/** The numbered items of a national publications note: the longest run 1, 2, 3, ... at the margin. */
export function numberedItems(view: TextView): Line[] {
  let best: Line[] = [];
  let run: Line[] = [];
  for (const line of view.lines) {
    const m = ITEM.exec(line.text);
    if (!m) continue;
    const n = Number(m[1]);
    if (n === 1) run = [line];
    else if (n === run.length + 1) run.push(line);
    else continue;
    if (run.length > best.length) best = [...run];
  }
  return best;
}

export function segmentNationalPublications(view: TextView, _ctx: SegmentContext): SegmentResult {
  const items = numberedItems(view);
  const warnings: string[] = [];
  const cases = items.map((line, i) => {
    const next = items[i + 1];
    const end = next ? next.start : view.text.length;
    const titleSpan = trimSpan(view.text, line.start + (ITEM.exec(line.text)?.[0].length ?? 0), line.end);
    const titleEnd = view.text[titleSpan.end - 1] === '.' ? titleSpan.end - 1 : titleSpan.end;
    const parts: EntryParts = {
      start: line.start,
      end: trimSpan(view.text, line.start, end).end,
      title: view.text.slice(titleSpan.start, titleEnd),
      bodyStart: line.end,
      summary: firstProse(view, line.end, end),
      extraLabels: listIntros(view, line.end, end),
      reviewType: 'NATIONAL',
      fallbackReportYear: null,
      listOptions: { skipSubheadings: true },
    };
    const built = buildCase(view, parts);
    warnings.push(...built.warnings);
    return tightenEnd(built.case);
  });
  return { cases, warnings };
}

export function segmentNationalBriefing(view: TextView, ctx: SegmentContext): SegmentResult {
  const notes = new Set(editorialNoteLines(view));
  const first = view.lines.find((l) => !l.blank && !notes.has(l.index));
  if (!first) return { cases: [], warnings: ['the briefing has no text'] };
  const end = trimSpan(view.text, 0, view.text.length).end;
  const author = /^[ \t]*Authors?:[ \t]*(.+?)[ \t]*$/m.exec(view.text);
  const built = buildCase(view, {
    start: first.contentStart,
    end,
    title: ctx.title,
    bodyStart: first.end,
    summary: firstProse(view, first.end, end),
    extraLabels: headingLabels(view, first.end, end),
    reviewType: 'NATIONAL',
    meta: { authors: author ? (author[1] as string) : null },
    fallbackReportYear: ctx.publishedYear ?? yearInTitle(ctx.title),
  });
  return { cases: [built.case], warnings: built.warnings };
}

function yearInTitle(title: string): number | null {
  const year = titleYear(title);
  return year ? Number(year) : null;
}

/** The lines lying wholly inside [from, to). */
function linesWithin(view: TextView, from: number, to: number): Line[] {
  const first = lineAt(view.lines, from);
  const startIndex = first.start >= from ? first.index : first.index + 1;
  const out: Line[] = [];
  for (let i = startIndex; i < view.lines.length; i += 1) {
    const line = view.lines[i] as Line;
    if (line.end > to) break;
    out.push(line);
  }
  return out;
}

/** The first real paragraph: not a heading, contents line or list item, and a full sentence. */
function firstProse(view: TextView, from: number, to: number): { start: number; end: number } | null {
  const lines = linesWithin(view, from, to);
  for (const p of paragraphsOf(lines)) {
    const first = p.lines[0] as Line;
    const text = view.text.slice(p.start, p.end);
    if (isListItem(view, first) || p.lines.some((l) => isHeadingLike(view, l) || /\t\d+\s*$/.test(l.text)))
      continue;
    if (text.length >= 60 && endsSentence(text)) return trimSpan(view.text, p.start, p.end);
  }
  return null;
}

/** A line announcing the list that follows ("Key findings listed below ..."), even without a colon. */
function listIntros(view: TextView, from: number, to: number): StatementLabel[] {
  const labels: StatementLabel[] = [];
  for (const line of linesWithin(view, from, to)) {
    if (line.blank || isListItem(view, line)) continue;
    const text = line.text.trim();
    if (text.length > 200 || !LIST_INTRO.test(text) || /:\s*-?\s*$/.test(text)) continue;
    if (!listFollows(view, line, to)) continue;
    labels.push({
      kind: 'learning',
      start: line.contentStart,
      end: line.end,
      targetHint: null,
      hintScope: 'all',
    });
  }
  return labels;
}

function listFollows(view: TextView, line: Line, to: number): boolean {
  for (let i = line.index + 1, hops = 0; i < view.lines.length && hops < 4; i += 1) {
    const next = view.lines[i] as Line;
    if (next.start >= to) return false;
    if (next.blank) continue;
    if (isListItem(view, next)) return true;
    if (!isHeadingLike(view, next)) return false;
    hops += 1;
  }
  return false;
}

/** "Learning points" and "Recommendations" headings, each introducing the list below it. */
function headingLabels(view: TextView, from: number, to: number): StatementLabel[] {
  const labels: StatementLabel[] = [];
  for (const line of linesWithin(view, from, to)) {
    if (line.blank) continue;
    const kind = LEARNING_HEADING.test(line.text)
      ? 'learning'
      : RECOMMENDATIONS_HEADING.test(line.text)
        ? 'recommendations'
        : null;
    if (kind)
      labels.push({ kind, start: line.contentStart, end: line.end, targetHint: null, hintScope: 'all' });
  }
  return labels;
}

/** End a national item at its last summary or statement, not at the next item's doorstep. */
function tightenEnd(c: ExtractedCase): ExtractedCase {
  const ends = [
    c.summarySpan?.end ?? 0,
    ...c.learning.map((s) => s.end),
    ...c.recommendations.map((s) => s.end),
  ];
  const last = Math.max(c.start, ...ends);
  return last > c.start && last < c.end ? { ...c, end: last } : c;
}
