/**
 * The text as lines with offsets. Everything downstream speaks in offsets into the original text, so lines
 * never copy or normalise anything: `text.slice(line.start, line.end) === line.text` always holds.
 */

export interface Line {
  index: number;
  start: number;
  /** Exclusive; excludes the line break (and a `\r` before it). */
  end: number;
  text: string;
  /** Only whitespace (spaces, tabs, no-break spaces). */
  blank: boolean;
  /** Offset of the first non-whitespace character (== end for blank lines). */
  contentStart: number;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  let index = 0;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const rawEnd = nl === -1 ? text.length : nl;
    const end = rawEnd > start && text[rawEnd - 1] === '\r' ? rawEnd - 1 : rawEnd;
    const lineText = text.slice(start, end);
    const lead = lineText.length - lineText.replace(/^\s+/, '').length;
    lines.push({
      index,
      start,
      end,
      text: lineText,
      blank: lead === lineText.length,
      contentStart: start + lead,
    });
    index += 1;
    if (nl === -1) break;
    start = nl + 1;
  }
  return lines;
}

/** Narrow [start, end) so it neither begins nor ends with whitespace. */
export function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start] ?? '')) start += 1;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end -= 1;
  return { start, end };
}

/** The line containing `offset` (binary search). */
export function lineAt(lines: readonly Line[], offset: number): Line {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lines[mid]?.start ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lines[lo] as Line;
}

/** The next non-blank line after `line`, and whether a blank line separates them. */
export function nextContentLine(
  lines: readonly Line[],
  line: Line,
): { line: Line; afterBlank: boolean } | null {
  let afterBlank = false;
  for (let i = line.index + 1; i < lines.length; i += 1) {
    const next = lines[i] as Line;
    if (!next.blank) return { line: next, afterBlank };
    afterBlank = true;
  }
  return null;
}

/** Groups of consecutive non-blank lines. */
export interface Paragraph {
  lines: Line[];
  start: number;
  end: number;
}

export function paragraphsOf(lines: readonly Line[]): Paragraph[] {
  const out: Paragraph[] = [];
  let current: Line[] = [];
  const flush = () => {
    const first = current[0];
    const last = current[current.length - 1];
    if (first && last) out.push({ lines: current, start: first.contentStart, end: last.end });
    current = [];
  };
  for (const line of lines) {
    if (line.blank) flush();
    else current.push(line);
  }
  flush();
  return out;
}

export function endsSentence(s: string): boolean {
  return /[.!?]["'’”)\]*]*\s*$/.test(s);
}

export function startsLowercase(s: string): boolean {
  return /^\s*[a-z]/.test(s);
}

/** The "[...]" line where an excerpt was cut (at or after `from`): nothing after it is the document's. */
export function cutLine(lines: readonly Line[], from = 0): Line | undefined {
  return lines.find((l) => l.start >= from && /^\s*\[(?:\.\.\.|…)\]\s*$/.test(l.text));
}
