import type { PdfLine } from './lines.ts';

/**
 * Removes page furniture: running headers and footers (the same line at the top or bottom of most pages,
 * page numbers inside them allowed to differ) and page numbers ("Page 3 of 12", "3 / 12", "- 3 -", or a
 * bare number that counts along with the pages). Left in, they split sentences that run across pages and
 * turn up inside review entries.
 */
export function withoutFurniture(pages: readonly PdfLine[][]): PdfLine[][] {
  const edges = pages.map(edgeLines);
  const furniture = new Set([...runningLines(edges), ...pageNumberLines(edges)]);
  for (const line of edges.flat()) if (PAGE_LABEL.test(line.text)) furniture.add(line);
  return pages.map((lines) => lines.filter((line) => !furniture.has(line)));
}

/** How many lines at the top and at the bottom of a page can be furniture. */
const EDGE_LINES = 2;
/** A line is running furniture when it is at the edge of at least this share of the pages (and two). */
const RUNNING_SHARE = 0.5;
/** Points of height within which a header or footer counts as in the same place. */
const Y_TOLERANCE = 6;
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

/** Page numbers inside a running header ("Child T review – page 4") do not stop it matching. */
function furnitureKey(line: PdfLine): string {
  return line.text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

/** Headers and footers are a title, a name or a date with a page number, not sentences of the text. */
function mayRun(line: PdfLine): boolean {
  return /\p{L}/u.test(line.text) && line.text.split(/\s+/).length <= MAX_RUNNING_WORDS;
}

/** Edge lines whose text recurs, at about the same height, on enough pages to be running furniture. */
function runningLines(edges: readonly PdfLine[][]): PdfLine[] {
  if (edges.length < 2) return [];
  const byKey = new Map<string, { line: PdfLine; page: number }[]>();
  edges.forEach((lines, page) => {
    for (const line of lines.filter(mayRun)) {
      const key = furnitureKey(line);
      const group = byKey.get(key) ?? [];
      group.push({ line, page });
      byKey.set(key, group);
    }
  });
  const needed = Math.max(2, Math.ceil(edges.length * RUNNING_SHARE));
  return [...byKey.values()]
    .flatMap(sameHeightGroups)
    .filter((group) => new Set(group.map((entry) => entry.page)).size >= needed)
    .flatMap((group) => group.map((entry) => entry.line));
}

/** Splits same-text lines into groups at about the same height (a cover title is not its page header). */
function sameHeightGroups<T extends { line: PdfLine }>(entries: T[]): T[][] {
  const sorted = [...entries].sort((a, b) => a.line.y - b.line.y);
  const groups: T[][] = [];
  for (const entry of sorted) {
    const group = groups[groups.length - 1];
    const last = group?.[group.length - 1];
    if (group && last && entry.line.y - last.line.y <= Y_TOLERANCE) group.push(entry);
    else groups.push([entry]);
  }
  return groups;
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
      const group = byOffset.get(offset) ?? [];
      group.push(line);
      byOffset.set(offset, group);
    }
  });
  const numbered = new Set<PdfLine>();
  for (const lines of byOffset.values()) if (lines.length >= 2) for (const line of lines) numbered.add(line);
  return numbered;
}
