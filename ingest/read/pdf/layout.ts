import { chromeBlocks, type TextBlock } from '../chrome.ts';
import { LineJoiner } from './join.ts';
import type { PdfLine } from './lines.ts';
import { PdfMetrics } from './metrics.ts';

export interface PdfLayout {
  text: string;
  /** Offsets of heading lines (set in a larger font than the body), with their level. */
  headingLevels: Map<number, number>;
}

/**
 * A run of lines at ordinary spacing: a paragraph or a list, its wrapped lines joined into one; or a
 * heading, all its lines joined into one.
 */
interface Block {
  level?: number;
  lines: string[];
}

/** How a line relates to the one before it. */
type Relation = 'wrap' | 'line' | 'block';

const LIST_MARKER = /^(?:\d{1,3}[.)]|[a-z]\)|[•◦▪‣●·*\-–\uf0b7])\s/u;
const HYPHEN_END = /[\p{L}\p{N}][-\u00ad]$/u;
const SENTENCE_END = /[.!?:]["”’)]?$/;

/**
 * Lays out the lines of every page as text: a line wrapped at the right margin is joined with the next
 * (and a word hyphenated there is rejoined), a heading wrapped over several lines becomes one line, a
 * blank line goes where the vertical gap shows a new paragraph, around headings and between pages unless
 * a sentence runs on. Web-page chrome printed with a saved page is left out.
 */
export function layoutPages(pages: readonly PdfLine[][]): PdfLayout {
  const metrics = new PdfMetrics(pages);
  const joiner = new LineJoiner(pages.flat().map((line) => line.text));
  return assemble(withoutChrome(blocksOf(pages, metrics, joiner)));
}

function blocksOf(pages: readonly PdfLine[][], metrics: PdfMetrics, joiner: LineJoiner): Block[] {
  const blocks: Block[] = [];
  let previous: PdfLine | null = null;
  for (const lines of pages) {
    lines.forEach((line, i) => {
      const current = blocks[blocks.length - 1];
      const relation: Relation =
        previous === null || current === undefined
          ? 'block'
          : i === 0
            ? acrossPages(previous, line, metrics)
            : relationOf(previous, line, metrics);
      if (relation === 'block' || current === undefined) {
        blocks.push({ level: metrics.headingLevels.get(line.size), lines: [line.text] });
      } else if (relation === 'line') {
        current.lines.push(line.text);
      } else {
        const last = current.lines.length - 1;
        current.lines[last] = joiner.join(current.lines[last] ?? '', line.text);
      }
      previous = line;
    });
  }
  return blocks;
}

function relationOf(previous: PdfLine, line: PdfLine, metrics: PdfMetrics): Relation {
  if (!metrics.closeTogether(previous, line)) return 'block';
  const heading = metrics.isHeading(line);
  if (heading || metrics.isHeading(previous)) {
    return heading && previous.size === line.size ? 'wrap' : 'block';
  }
  if (LIST_MARKER.test(line.text)) return 'line';
  // Nobody ends a line with a hyphen on purpose: the word or compound goes on.
  if (HYPHEN_END.test(previous.text)) return 'wrap';
  return metrics.wrapped(previous, line) ? 'wrap' : 'line';
}

/** A sentence that runs from the foot of one page onto the next is one paragraph. */
function acrossPages(previous: PdfLine, line: PdfLine, metrics: PdfMetrics): Relation {
  if (metrics.isHeading(previous) || metrics.isHeading(line) || previous.size !== line.size) return 'block';
  if (LIST_MARKER.test(line.text) || SENTENCE_END.test(previous.text)) return 'block';
  return HYPHEN_END.test(previous.text) || metrics.wrapped(previous, line) ? 'wrap' : 'block';
}

function withoutChrome(blocks: readonly Block[]): Block[] {
  const flat: TextBlock[] = [];
  const owners: { block: number; line: number }[] = [];
  blocks.forEach((block, b) => {
    block.lines.forEach((text, l) => {
      const kind = block.level !== undefined ? 'heading' : LIST_MARKER.test(text) ? 'list-item' : 'paragraph';
      flat.push({ kind, text });
      owners.push({ block: b, line: l });
    });
  });
  const chrome = chromeBlocks(flat);
  const dropped = new Set([...chrome].map((i) => `${owners[i]?.block}:${owners[i]?.line}`));
  return blocks
    .map((block, b) => ({ ...block, lines: block.lines.filter((_, l) => !dropped.has(`${b}:${l}`)) }))
    .filter((block) => block.lines.length > 0);
}

function assemble(blocks: readonly Block[]): PdfLayout {
  const parts: string[] = [];
  const headingLevels = new Map<number, number>();
  let length = 0;
  for (const block of blocks) {
    if (parts.length > 0) {
      parts.push('\n\n');
      length += 2;
    }
    if (block.level !== undefined) headingLevels.set(length, block.level);
    // A soft hyphen left at a line end that was not joined is printed there as a hyphen.
    const body = block.lines.join('\n').replace(/\u00ad/g, '-');
    parts.push(body);
    length += body.length;
  }
  return { text: parts.join(''), headingLevels };
}
