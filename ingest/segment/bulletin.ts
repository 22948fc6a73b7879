/**
 * Repository bulletins: each entry is a title line, an incident summary, then lines that start with a
 * statement label ("Learning includes:", "Recommendations include:") and an "Other resources" line.
 *
 * Entries are found from that rhythm rather than from numbering, because numbers go missing, move behind
 * tabs, or are absent altogether: runs of label lines ("tails") separate the heads of consecutive entries,
 * and within each head the title is the numbered line, else the line naming a review type, else simply
 * the first line after the previous entry's tail.
 */
import { buildCase, type EntryParts } from '../extract/case.ts';
import { cachedLabelAt } from '../extract/labels.ts';
import { endsSentence, type Line, startsLowercase, trimSpan } from '../extract/lines.ts';
import { reviewTypeIn } from '../extract/review-type.ts';
import type { TextView } from '../extract/view.ts';
import type { SegmentContext, SegmentResult } from './segment-types.ts';

/** "1. Title", "\t2. Title", "## 3. Title" (Markdown). */
const NUMBERED = /^[ \t\u00a0]*(?:#+[ \t]*)?(\d{1,3})[.)][ \t\u00a0]+(?=\S)/;
const HEADING_MARKS = /^[ \t\u00a0]*#+[ \t]*/;

interface Group {
  kind: 'head' | 'tail';
  lines: Line[];
}

export function segmentBulletin(view: TextView, ctx: SegmentContext): SegmentResult {
  const groups = groupLines(view);
  const warnings: string[] = [];
  const entries: EntryParts[] = [];
  groups.forEach((group, g) => {
    if (group.kind !== 'head') return;
    const tail = groups[g + 1];
    // The document title is no entry, unless the document is a single review titled by its own name.
    const lines = group.lines.filter((l) => l.contentStart !== ctx.titleStart || isHeadingCandidate(l));
    const headings = headingLines(lines, g === 0);
    headings.forEach((heading, h) => {
      const next = headings[h + 1];
      const lastLine = next
        ? lines[lines.indexOf(next) - 1]
        : (tail?.lines[tail.lines.length - 1] ?? lines[lines.length - 1]);
      entries.push(entryParts(view, heading, lastLine ?? heading, ctx));
    });
  });
  warnings.push(...numberingWarnings(view, entries));
  const cases = entries.map((parts) => {
    const built = buildCase(view, parts);
    warnings.push(...built.warnings);
    return built.case;
  });
  return { cases, warnings };
}

/** Alternating runs of head lines (title, summary) and tail lines (labels, their continuations, links). */
function groupLines(view: TextView): Group[] {
  const groups: Group[] = [];
  let previous: { line: Line; kind: Group['kind'] } | null = null;
  for (const line of view.lines) {
    if (line.blank) continue;
    const kind: Group['kind'] = isTailLine(view, line, previous) ? 'tail' : 'head';
    const last = groups[groups.length - 1];
    if (last && last.kind === kind) last.lines.push(line);
    else groups.push({ kind, lines: [line] });
    previous = { line, kind };
  }
  return groups;
}

/**
 * Label lines, and the lines a label line runs on to: after a blank line only when the text plainly
 * continues in lower case; straight after it (hard-wrapped text) unless the line is a new title.
 */
function isTailLine(
  view: TextView,
  line: Line,
  previous: { line: Line; kind: Group['kind'] } | null,
): boolean {
  if (cachedLabelAt(view.text, line.contentStart, view.labels)) return true;
  if (previous?.kind !== 'tail' || endsSentence(previous.line.text)) return false;
  if (startsLowercase(line.text)) return true;
  return previous.line.index === line.index - 1 && !isHeadingCandidate(line);
}

/**
 * A numbered line, or a title-like line naming a review type: not a finished sentence, starting with a
 * capital, and either naming the review early or holding a colon ("Baby 'R': Local ... review"). A summary
 * line wrapped mid-sentence that happens to mention a serious case review does not qualify.
 */
function isHeadingCandidate(line: Line): boolean {
  if (NUMBERED.test(line.text)) return true;
  const t = line.text.replace(HEADING_MARKS, '').trim();
  const type = reviewTypeIn(t);
  if (type === null || endsSentence(t) || t.length > 300 || !/^[\p{Lu}\d'‘"“]/u.test(t)) return false;
  const early = reviewTypeIn(t.slice(0, 60)) !== null;
  if (!early && !t.includes(':')) return false;
  return type !== 'OTHER' || (t.length <= 120 && t.includes(':'));
}

/** The title lines in one head group (several when an entry had no statements at all). */
function headingLines(lines: Line[], first: boolean): Line[] {
  // A candidate straight after another candidate leaves the earlier one without a summary: it is an
  // introduction mentioning reviews, not an entry.
  const candidates = lines.filter(
    (l, i) => isHeadingCandidate(l) && !(lines[i + 1] && isHeadingCandidate(lines[i + 1] as Line)),
  );
  if (first) {
    if (candidates.length > 0) return candidates;
    const guess = lines[lines.length - 2];
    return guess ? [guess] : [];
  }
  const lead = lines[0];
  if (!lead) return [];
  // An unmarked first line followed straight by a title is a note between entries, not an entry.
  const next = lines[1];
  if (candidates[0] === lead || (next && isHeadingCandidate(next))) return candidates;
  return [lead, ...candidates];
}

function entryParts(view: TextView, heading: Line, last: Line, ctx: SegmentContext): EntryParts {
  const number = NUMBERED.exec(heading.text) ?? HEADING_MARKS.exec(heading.text);
  const titleSpan = trimSpan(view.text, heading.start + (number ? number[0].length : 0), heading.end);
  return {
    start: heading.contentStart,
    end: last.end,
    title: view.text.slice(titleSpan.start, titleSpan.end),
    bodyStart: heading.end,
    fallbackReportYear: ctx.publishedYear,
  };
}

function numberingWarnings(view: TextView, entries: EntryParts[]): string[] {
  const numbers = entries.map((e) => {
    const m = NUMBERED.exec(view.text.slice(e.start, e.end));
    return m?.[1] ? Number(m[1]) : null;
  });
  if (numbers.every((n) => n === null)) return [];
  const warnings: string[] = [];
  numbers.forEach((n, i) => {
    if (n === null) warnings.push(`entry ${i + 1} ("${entries[i]?.title}") is printed without its number`);
  });
  return warnings;
}
