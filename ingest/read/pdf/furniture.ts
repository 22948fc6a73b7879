import type { PdfLine } from './lines.ts';

/**
 * Removes page furniture: running headers and footers (the same line at the top or bottom of most pages,
 * page numbers inside them allowed to differ) and page numbers ("Page 3 of 12", "3 / 12", "- 3 -", or a
 * bare number that counts along with the pages). Left in, they split sentences that run across pages and
 * turn up inside review entries.
 */
export function withoutFurniture(pages: readonly PdfLine[][]): PdfLine[][] {
  const edges = pages.map(edgeLines);
  const running = runningKeys(edges, pages.length);
  const numbered = pageNumberLines(edges);
  return pages.map((lines, page) =>
    lines.filter((line) => {
      if (!edges[page]?.includes(line)) return true;
      return !running.has(furnitureKey(line)) && !numbered.has(line) && !PAGE_LABEL.test(line.text);
    }),
  );
}

/** How many lines at the top and at the bottom of a page can be furniture. */
const EDGE_LINES = 2;
/** A line is running furniture when it is at the edge of at least this share of the pages (and two). */
const RUNNING_SHARE = 0.5;
/** Points of height within which a header or footer counts as in the same place. */
const Y_TOLERANCE = 4;
const MAX_RUNNING_WORDS = 20;

/** "Page 3", "Page 3 of 12", "3 of 12", "3 / 12", "- 3 -": unmistakably a page number. */
const PAGE_LABEL =
  /^(?:page\s+\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?|\d{1,4}\s*(?:of|\/)\s*\d{1,4}|[-–—]\s*\d{1,4}\s*[-–—])$/i;
const BARE_NUMBER = /^\d{1,4}$/;

/** The top and bottom lines of a page, by height on the page rather than by drawing order. */
function edgeLines(lines: readonly PdfLine[]): PdfLine[] {
  const byHeight = [...lines].sort((a, b) => b.y - a.y);
  if (byHeight.length <= EDGE_LINES * 2) return byHeight;
  return [...byHeight.slice(0, EDGE_LINES), ...byHeight.slice(-EDGE_LINES)];
}

/**
 * Running furniture sits at the same height on every page; page numbers inside it ("Child T review – page
 * 4") do not stop it matching.
 */
function furnitureKey(line: PdfLine): string {
  const text = line.text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
  return `${Math.round(line.y / Y_TOLERANCE)}|${text}`;
}

/** Headers and footers are a title, a name or a date with a page number, not sentences of the text. */
function mayRun(line: PdfLine): boolean {
  return /\p{L}/u.test(line.text) && line.text.split(/\s+/).length <= MAX_RUNNING_WORDS;
}

function runningKeys(edges: readonly PdfLine[][], pageCount: number): Set<string> {
  const running = new Set<string>();
  if (pageCount < 2) return running;
  const counts = new Map<string, number>();
  for (const lines of edges) {
    for (const key of new Set(lines.filter(mayRun).map(furnitureKey))) {
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const needed = Math.max(2, Math.ceil(pageCount * RUNNING_SHARE));
  for (const [key, count] of counts) if (count >= needed) running.add(key);
  return running;
}

/**
 * Bare numbers at page edges that count along with the pages (the same offset from the page index on at
 * least two pages); a lone number in a contents list or a table does not.
 */
function pageNumberLines(edges: readonly PdfLine[][]): Set<PdfLine> {
  const byOffset = new Map<number, PdfLine[]>();
  edges.forEach((lines, page) => {
    for (const line of lines) {
      if (!BARE_NUMBER.test(line.text)) continue;
      const offset = Number(line.text) - page;
      byOffset.set(offset, [...(byOffset.get(offset) ?? []), line]);
    }
  });
  const numbered = new Set<PdfLine>();
  for (const lines of byOffset.values()) if (lines.length >= 2) for (const line of lines) numbered.add(line);
  return numbered;
}
