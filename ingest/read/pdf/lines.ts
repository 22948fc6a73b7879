/** The parts of a pdf.js text item this reader uses. */
export interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

/**
 * One visual line of a page: its text, baseline height, horizontal extent and the font size most of its
 * text is set in.
 */
export interface PdfLine {
  text: string;
  y: number;
  size: number;
  x: number;
  xEnd: number;
}

interface OpenLine {
  parts: string[];
  y: number;
  size: number;
  longest: number;
  x: number;
  xEnd: number;
  ended: boolean;
}

/** Items closer together than this share of the font size are one word; further apart get a space. */
const WORD_GAP = 0.15;

export function isTextItem(item: unknown): item is PdfTextItem {
  return typeof item === 'object' && item !== null && typeof (item as PdfTextItem).str === 'string';
}

/**
 * Rebuilds the lines of a page from pdf.js text items, in content order: a new line starts after an item
 * marked end-of-line or when the baseline moves by more than half the font size; items on one line are
 * joined with a space when there is a visible gap between them.
 */
export function linesOf(items: readonly PdfTextItem[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let open: OpenLine | null = null;
  for (const item of items) {
    const [, , c = 0, d = 0, x = 0, y = 0] = item.transform;
    const size = Math.hypot(c, d) || item.height || 1;
    if (item.str === '') {
      if (item.hasEOL && open) open.ended = true;
      continue;
    }
    if (!open || open.ended || Math.abs(y - open.y) > Math.max(size, open.size) / 2) {
      if (open) pushLine(lines, open);
      open = { parts: [], y, size, longest: 0, x, xEnd: x, ended: false };
    }
    const gap = x - open.xEnd;
    const previous = open.parts[open.parts.length - 1];
    if (previous !== undefined && gap > size * WORD_GAP && !/\s$/.test(previous) && !/^\s/.test(item.str)) {
      open.parts.push(' ');
    }
    open.parts.push(item.str);
    if (item.str.length > open.longest) {
      open.longest = item.str.length;
      open.size = size;
    }
    open.xEnd = x + item.width;
    open.ended = item.hasEOL;
  }
  if (open) pushLine(lines, open);
  return lines;
}

/** Typographic ligatures some fonts map to one character; words are searched for letter by letter. */
const LIGATURES: Readonly<Record<string, string>> = {
  '\ufb00': 'ff',
  '\ufb01': 'fi',
  '\ufb02': 'fl',
  '\ufb03': 'ffi',
  '\ufb04': 'ffl',
  '\ufb05': 'st',
  '\ufb06': 'st',
};

function pushLine(lines: PdfLine[], open: OpenLine): void {
  const text = open.parts
    .join('')
    .replace(/[\ufb00-\ufb06]/g, (ligature) => LIGATURES[ligature] ?? ligature)
    // A soft hyphen is only printed where a word breaks at the line end; elsewhere it is invisible.
    .replace(/\u00ad(?=.)/g, '')
    .replace(/\s+$/, '')
    .replace(/^\s+/, '');
  if (text) lines.push({ text, y: open.y, size: round(open.size), x: open.x, xEnd: open.xEnd });
}

function round(size: number): number {
  return Math.round(size * 2) / 2;
}
