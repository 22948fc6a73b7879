import type { PdfLine } from './lines.ts';

export interface PdfLayout {
  text: string;
  /** Offsets of heading lines (set in a larger font than the body), with their level. */
  headingLevels: Map<number, number>;
}

/** A line set this much larger than the body text is a heading. */
const HEADING_SIZE_RATIO = 1.15;
const MAX_HEADING_LEVEL = 6;
/** Without a typical line spacing to go by, a gap of more than this many font sizes ends a paragraph. */
const PARAGRAPH_GAP = 1.5;
/** A gap this much wider than the typical line spacing ends a paragraph. */
const LINE_STEP_SLACK = 1.25;

/**
 * Lays out the lines of every page as text: lines joined by line breaks, a blank line where the vertical
 * gap shows a new paragraph, around headings and between pages. Heading lines are those set in a font
 * clearly larger than the body text; the largest size is level 1.
 */
export function layoutPages(pages: readonly PdfLine[][]): PdfLayout {
  const bodySize = dominantSize(pages.flat());
  const levels = headingSizeLevels(pages.flat(), bodySize);
  const parts: string[] = [];
  const headingLevels = new Map<number, number>();
  let length = 0;
  for (const lines of pages) {
    const step = typicalLineStep(lines);
    lines.forEach((line, i) => {
      const previous = i > 0 ? lines[i - 1] : undefined;
      const separator = length === 0 ? '' : separatorBefore(line, previous, step, levels);
      const level = levels.get(line.size);
      length += separator.length;
      if (level !== undefined && !continuesHeading(line, previous, step, levels))
        headingLevels.set(length, level);
      parts.push(separator, line.text);
      length += line.text.length;
    });
  }
  return { text: parts.join(''), headingLevels };
}

function separatorBefore(
  line: PdfLine,
  previous: PdfLine | undefined,
  step: number | null,
  levels: ReadonlyMap<number, number>,
): string {
  if (!previous) return '\n\n';
  if (continuesHeading(line, previous, step, levels)) return '\n';
  if (levels.has(line.size) || levels.has(previous.size)) return '\n\n';
  return isParagraphGap(previous, line, step) ? '\n\n' : '\n';
}

/** A heading wrapped onto a second line: same heading size, normal spacing. */
function continuesHeading(
  line: PdfLine,
  previous: PdfLine | undefined,
  step: number | null,
  levels: ReadonlyMap<number, number>,
): boolean {
  if (previous === undefined || previous.size !== line.size || !levels.has(line.size)) return false;
  return !isParagraphGap(previous, line, step);
}

function isParagraphGap(previous: PdfLine, line: PdfLine, step: number | null): boolean {
  const gap = previous.y - line.y;
  if (gap <= 0) return true; // moved up the page: a new column or a box placed out of order
  const size = Math.max(previous.size, line.size);
  return gap > (step !== null ? step * LINE_STEP_SLACK : size * PARAGRAPH_GAP);
}

/** The most common distance between consecutive baselines on a page, when there are enough to tell. */
function typicalLineStep(lines: readonly PdfLine[]): number | null {
  const counts = new Map<number, number>();
  for (let i = 1; i < lines.length; i++) {
    const previous = lines[i - 1] as PdfLine;
    const line = lines[i] as PdfLine;
    const gap = Math.round((previous.y - line.y) * 2) / 2;
    if (gap > 0 && gap < 3 * line.size && previous.size === line.size)
      counts.set(gap, (counts.get(gap) ?? 0) + 1);
  }
  let best: number | null = null;
  let bestCount = 2;
  for (const [gap, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== null && gap < best)) {
      best = gap;
      bestCount = count;
    }
  }
  return best;
}

/** The font size carrying the most characters. */
function dominantSize(lines: readonly PdfLine[]): number {
  const weights = new Map<number, number>();
  for (const line of lines) weights.set(line.size, (weights.get(line.size) ?? 0) + line.text.length);
  let best = 0;
  let bestWeight = -1;
  for (const [size, weight] of weights) {
    if (weight > bestWeight) {
      best = size;
      bestWeight = weight;
    }
  }
  return best;
}

function headingSizeLevels(lines: readonly PdfLine[], bodySize: number): Map<number, number> {
  const larger = [...new Set(lines.map((l) => l.size))].filter((s) => s >= bodySize * HEADING_SIZE_RATIO);
  larger.sort((a, b) => b - a);
  return new Map(larger.map((size, i) => [size, Math.min(i + 1, MAX_HEADING_LEVEL)]));
}
