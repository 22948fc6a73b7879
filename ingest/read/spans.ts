/** A line of text: [start, end) excluding its line break. */
export interface LineSpan {
  start: number;
  end: number;
}

export function lineSpans(text: string): LineSpan[] {
  const lines: LineSpan[] = [];
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    lines.push({ start, end });
    if (newline === -1) break;
    start = newline + 1;
  }
  return lines;
}

/** The span narrowed to exclude leading and trailing whitespace, or null when nothing else is left. */
export function trimmedSpan(text: string, start: number, end: number): LineSpan | null {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return start < end ? { start, end } : null;
}

export function isBlank(text: string, span: LineSpan): boolean {
  return trimmedSpan(text, span.start, span.end) === null;
}

/** Same notion of whitespace as String.prototype.trim, so a trimmed span equals slice().trim(). */
function isSpace(code: number): boolean {
  return /\s/.test(String.fromCharCode(code));
}
