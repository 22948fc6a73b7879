import { type LineSpan, lineSpans, trimmedSpan } from './spans.ts';
import { firstHeading, firstLine } from './title.ts';
import type { ReadContent, StructureHint } from './types.ts';

/**
 * A line that starts a list item: "1." / "1)" / "a)" numbering or a bullet (•, -, *, – and friends),
 * optionally indented (the bulletins indent their numbered entries with a tab), followed by text.
 */
const LIST_MARKER = /^[ \t]*(?:\d{1,3}[.)]|[a-z]\)|[•◦▪‣●·*\-–])[ \t\u00a0]+\S/u;

const MAX_HEADING_LENGTH = 120;
const MAX_HEADING_WORDS = 16;
const TAB_WIDTH = 4;

export interface PlainTextOptions {
  /**
   * Lines known to be headings, keyed by the offset of their first non-space character, with their level.
   * The PDF reader knows this from font sizes; plain text has to guess.
   */
  headingLevels?: ReadonlyMap<number, number>;
}

export function readPlainText(text: string, warnings: string[]): ReadContent {
  const hints = plainTextHints(text);
  return { text, hints, title: firstHeading(text, hints) ?? firstLine(text), warnings };
}

/**
 * Layout hints for plain text, where layout has to be guessed:
 * - blocks are runs of non-blank lines separated by blank (or whitespace-only) lines;
 * - a line starting with a list marker is a list item; a following indented line continues it; the
 *   nesting level comes from indentation relative to the least indented item of its block;
 * - a block that is one short line (at most 120 characters and 16 words) with a letter in it, not starting
 *   in lower case and not ending in . , ; : ! or ? is a heading — a title line on its own, as headings are
 *   when pages are flattened to text; it has no level because plain text does not say;
 * - every other run of lines is a paragraph.
 */
export function plainTextHints(text: string, options: PlainTextOptions = {}): StructureHint[] {
  const hints: StructureHint[] = [];
  for (const block of blocksOf(text)) hints.push(...blockHints(text, block, options));
  return hints;
}

function blocksOf(text: string): LineSpan[][] {
  const blocks: LineSpan[][] = [];
  let current: LineSpan[] = [];
  for (const line of lineSpans(text)) {
    if (trimmedSpan(text, line.start, line.end)) {
      current.push(line);
    } else if (current.length > 0) {
      blocks.push(current);
      current = [];
    }
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

function blockHints(text: string, block: LineSpan[], options: PlainTextOptions): StructureHint[] {
  const first = block[0] as LineSpan;
  const last = block[block.length - 1] as LineSpan;
  const span = trimmedSpan(text, first.start, last.end) as LineSpan;
  const hasListItem = block.some((line) => isListItem(text, line));
  const forcedLevel = options.headingLevels?.get(span.start);
  // A numbered line set in a heading font ("2. What did we find?") is a heading, not a list item.
  if (forcedLevel !== undefined && (block.length === 1 || !hasListItem)) {
    return [{ kind: 'heading', ...span, level: forcedLevel }];
  }
  if (block.length === 1 && !hasListItem) {
    return [{ kind: looksLikeHeading(text.slice(span.start, span.end)) ? 'heading' : 'paragraph', ...span }];
  }
  return mixedBlockHints(text, block);
}

function mixedBlockHints(text: string, block: LineSpan[]): StructureHint[] {
  const levels = listLevels(text, block);
  const hints: StructureHint[] = [];
  let previous: StructureHint | null = null;
  for (const line of block) {
    const span = trimmedSpan(text, line.start, line.end) as LineSpan;
    if (isListItem(text, line)) {
      previous = { kind: 'list-item', ...span, level: levels.get(indentWidth(text, line)) ?? 1 };
      hints.push(previous);
    } else if (previous && (previous.kind === 'paragraph' || isIndented(text, line))) {
      // A paragraph runs on; an indented line after a list item is that item wrapped onto the next line.
      previous.end = span.end;
    } else {
      previous = { kind: 'paragraph', ...span };
      hints.push(previous);
    }
  }
  return hints;
}

/** Level 1 for the least indented list items of a block, 2 for the next indentation, and so on. */
function listLevels(text: string, block: LineSpan[]): Map<number, number> {
  const widths = [...new Set(block.filter((l) => isListItem(text, l)).map((l) => indentWidth(text, l)))];
  widths.sort((a, b) => a - b);
  return new Map(widths.map((width, i) => [width, i + 1]));
}

export function isListItem(text: string, line: LineSpan): boolean {
  return LIST_MARKER.test(text.slice(line.start, Math.min(line.end, line.start + 40)));
}

export function looksLikeHeading(line: string): boolean {
  if (line.length > MAX_HEADING_LENGTH || !/\p{L}/u.test(line)) return false;
  if (/[.,;:!?]$/.test(line) || /^\p{Ll}/u.test(line)) return false;
  return line.split(/\s+/).length <= MAX_HEADING_WORDS;
}

function indentWidth(text: string, line: LineSpan): number {
  let width = 0;
  for (let i = line.start; i < line.end; i++) {
    const ch = text[i];
    if (ch === '\t') width += TAB_WIDTH;
    else if (ch === ' ' || ch === '\u00a0') width += 1;
    else break;
  }
  return width;
}

function isIndented(text: string, line: LineSpan): boolean {
  return indentWidth(text, line) > 0;
}
