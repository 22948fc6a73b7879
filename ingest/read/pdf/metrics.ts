import type { PdfLine } from './lines.ts';

/** A line set this much larger than the body text is a heading. */
const HEADING_SIZE_RATIO = 1.15;
const MAX_HEADING_LEVEL = 6;
/** Without a known line spacing for the size, a gap of more than this many font sizes ends a paragraph. */
const PARAGRAPH_GAP = 1.5;
/** A gap this much wider than the line spacing ends a paragraph. */
const LINE_STEP_SLACK = 1.25;
/** Line spacing lies between these multiples of the font size; wider regular gaps are paragraph spacing. */
const MIN_STEP = 0.9;
const MAX_STEP = 1.75;
/** Share of the text width a wrapped line may leave empty at its end. */
const WRAP_SLACK = 0.08;
const RIGHT_MARGIN_QUANTILE = 0.95;
/** Only lines at least this long, and at least this many of them, show where the right margin is. */
const FULL_LINE_LENGTH = 40;
const MIN_MARGIN_LINES = 2;

/**
 * What the whole document says about its layout: the body font size, which larger sizes are headings,
 * the line spacing of each size and the right edge text wraps at.
 */
export class PdfMetrics {
  readonly headingLevels: ReadonlyMap<number, number>;
  private readonly steps: ReadonlyMap<number, number>;
  private readonly leftEdge: number;
  private readonly rightEdge: number;

  constructor(pages: readonly PdfLine[][]) {
    const lines = pages.flat();
    const bodySize = dominantSize(lines);
    this.headingLevels = headingSizeLevels(lines, bodySize);
    this.steps = lineSteps(pages);
    const body = lines.filter((line) => line.size === bodySize);
    const measured = (body.length > 0 ? body : lines).filter((line) => line.text.length >= FULL_LINE_LENGTH);
    // Without lines long enough to show the margin, nothing is taken for wrapped (a page of short titles).
    this.leftEdge = Math.min(...measured.map((line) => line.x));
    this.rightEdge = measured.length >= MIN_MARGIN_LINES ? rightMargin(measured) : Number.POSITIVE_INFINITY;
  }

  isHeading(line: PdfLine): boolean {
    return this.headingLevels.has(line.size);
  }

  /** The next line follows at ordinary line spacing (no paragraph gap, no jump to a new column). */
  closeTogether(previous: PdfLine, line: PdfLine): boolean {
    const gap = previous.y - line.y;
    if (gap <= 0) return false;
    const step = previous.size === line.size ? this.steps.get(line.size) : undefined;
    const size = Math.max(previous.size, line.size);
    return gap <= (step !== undefined ? step * LINE_STEP_SLACK : size * PARAGRAPH_GAP);
  }

  /**
   * The previous line ended only because the next line's first word did not fit after it: the text was
   * wrapped there, not broken on purpose.
   */
  wrapped(previous: PdfLine, line: PdfLine): boolean {
    if (!Number.isFinite(this.rightEdge)) return false;
    const charWidth = (line.xEnd - line.x) / Math.max(1, line.text.length);
    const firstWord = line.text.split(/\s/, 1)[0] ?? '';
    // Widths are estimated from the average character, and layout engines leave some room unused.
    const slack = Math.max(charWidth, (this.rightEdge - this.leftEdge) * WRAP_SLACK);
    return previous.xEnd + charWidth * (1 + firstWord.length) > this.rightEdge - slack;
  }
}

/**
 * Where body lines end when they are full: near the longest, but a wide table row or a landscape page
 * should not make every ordinary line look short.
 */
function rightMargin(lines: readonly PdfLine[]): number {
  const ends = lines.map((line) => line.xEnd).sort((a, b) => a - b);
  return ends[Math.floor((ends.length - 1) * RIGHT_MARGIN_QUANTILE)] ?? 0;
}

/**
 * The line spacing of each font size: the smallest regular gap between consecutive lines of that size
 * seen at least twice. The most common gap would be paragraph spacing in a page of one-line paragraphs.
 */
function lineSteps(pages: readonly PdfLine[][]): Map<number, number> {
  const counts = new Map<number, Map<number, number>>();
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const previous = lines[i - 1] as PdfLine;
      const line = lines[i] as PdfLine;
      const gap = Math.round(previous.y - line.y);
      if (previous.size !== line.size || gap < line.size * MIN_STEP || gap > line.size * MAX_STEP) continue;
      const bySize = counts.get(line.size) ?? new Map<number, number>();
      bySize.set(gap, (bySize.get(gap) ?? 0) + 1);
      counts.set(line.size, bySize);
    }
  }
  const steps = new Map<number, number>();
  for (const [size, gaps] of counts) {
    const regular = [...gaps].filter(([, count]) => count >= 2).map(([gap]) => gap);
    if (regular.length > 0) steps.set(size, Math.min(...regular));
  }
  return steps;
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
