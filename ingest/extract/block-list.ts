/**
 * Block lists: a label alone on its line (or a "Learning points" heading) followed by list items
 * ("- ", "1. ", "- > "), with their wrapped lines, deeper sub-items and continuations after a blank line;
 * or, when no items follow, prose paragraphs, one statement each (or one per line when written so).
 */
import { isHeadingLike } from './headings.ts';
import { cachedLabelAt } from './labels.ts';
import { endsSentence, type Line, nextContentLine, startsLowercase } from './lines.ts';
import { indentOf, isListItem, listItemContent } from './list-markers.ts';
import { cleanItem, type Statement } from './statement-item.ts';
import type { TextView } from './view.ts';

export interface BlockOptions {
  /** Skip short sub-headings between groups of list items (national publication notes). */
  skipSubheadings?: boolean;
}

export function blockList(
  view: TextView,
  labelLine: Line,
  limit: number,
  opts: BlockOptions,
): { statements: Statement[]; end: number } {
  const { lines, text } = view;
  const statements: Statement[] = [];
  let end = labelLine.end;
  let sawItems = false;
  let i = labelLine.index + 1;
  while (i < lines.length) {
    const line = lines[i] as Line;
    if (line.start >= limit) break;
    if (line.blank) {
      i += 1;
      continue;
    }
    const content = listItemContent(view, line);
    if (content !== null) {
      const item = readItem(view, line, content, limit);
      if (item.statement) statements.push(item.statement);
      sawItems = true;
      end = item.end;
      i = item.nextIndex;
      continue;
    }
    if (cachedLabelAt(text, line.contentStart, view.labels)) break;
    if (standsAsHeading(view, line)) {
      if (opts.skipSubheadings && itemsFollow(view, line, limit)) {
        i += 1;
        continue;
      }
      break;
    }
    const itemLike = /^[A-Z][^.:\n]{1,60}:\s/.test(text.slice(line.contentStart, line.end));
    if (sawItems && !(itemLike && itemsFollow(view, line, limit))) break;
    const para = readParagraph(view, line, limit);
    statements.push(...paragraphItems(view, line.index, para.nextIndex, para.end));
    end = para.end;
    i = para.nextIndex;
  }
  return { statements, end };
}

/** A list item with its wrapped lines, deeper sub-items, and a continuation after a blank line. */
function readItem(
  view: TextView,
  first: Line,
  contentStart: number,
  limit: number,
): { statement: Statement | null; end: number; nextIndex: number } {
  const { lines } = view;
  const indent = indentOf(first);
  let last = first;
  let i = first.index + 1;
  while (i < lines.length) {
    const line = lines[i] as Line;
    if (line.start >= limit) break;
    if (line.blank) {
      const next = nextContentLine(lines, line);
      if (
        next &&
        next.line.start < limit &&
        !isListItem(view, next.line) &&
        continuesAfterBlank(last, next.line)
      ) {
        last = next.line;
        i = next.line.index + 1;
        continue;
      }
      break;
    }
    if (!belongsToItem(view, line, indent)) break;
    last = line;
    i += 1;
  }
  return { statement: cleanBlockItem(view.text, contentStart, last.end), end: last.end, nextIndex: i };
}

/**
 * A line straight after an item (no blank line between) belongs to it when it is a deeper sub-item, or
 * a wrapped line: indented, starting in lower case, or not a heading.
 */
function belongsToItem(view: TextView, line: Line, itemIndent: number): boolean {
  if (cachedLabelAt(view.text, line.contentStart, view.labels) || view.hintOf(line) === 'heading')
    return false;
  if (isListItem(view, line)) return indentOf(line) > itemIndent;
  return indentOf(line) > itemIndent || startsLowercase(line.text) || !isHeadingLike(view, line);
}

function continuesAfterBlank(last: Line, next: Line): boolean {
  return !endsSentence(last.text) && !/:\s*$/.test(last.text) && startsLowercase(next.text);
}

function readParagraph(view: TextView, first: Line, limit: number): { end: number; nextIndex: number } {
  const { lines } = view;
  let last = first;
  let i = first.index + 1;
  while (i < lines.length) {
    const line = lines[i] as Line;
    if (line.start >= limit) break;
    if (line.blank) {
      const next = nextContentLine(lines, line);
      if (next && next.line.start < limit && continuesAfterBlank(last, next.line)) {
        last = next.line;
        i = next.line.index + 1;
        continue;
      }
      break;
    }
    if (isListItem(view, line)) break;
    last = line;
    i += 1;
  }
  return { end: last.end, nextIndex: i };
}

function cleanBlockItem(text: string, start: number, end: number): Statement | null {
  return cleanItem(text, start, end, false);
}

/**
 * A paragraph under a label is one statement, unless it is a list written one item per line: several
 * lines, each break followed by a capital (wrapped prose carries on in lower case) or after a ";".
 */
function paragraphItems(view: TextView, firstIndex: number, nextIndex: number, end: number): Statement[] {
  const lines = view.lines.slice(firstIndex, nextIndex).filter((l) => !l.blank && l.start < end);
  const oneLinePerItem =
    lines.length >= 2 &&
    lines.every((l, i) => {
      const next = lines[i + 1];
      return (
        !next || /[;]\s*$/.test(l.text) || (!/[,]\s*$/.test(l.text) && /^\s*[\p{Lu}\d]/u.test(next.text))
      );
    }) &&
    lines.every((l) => l.end - l.contentStart <= 160);
  const items = oneLinePerItem
    ? lines.map((l) => cleanItem(view.text, l.contentStart, l.end, false))
    : [cleanBlockItem(view.text, lines[0]?.contentStart ?? end, end)];
  return items.filter((s): s is Statement => s !== null);
}

/**
 * A heading inside a block: heading-like and standing on its own (a blank line before it, and a blank
 * line or a list after it). A short line straight under a label is the list's first line, not a heading.
 */
function standsAsHeading(view: TextView, line: Line): boolean {
  if (view.hintOf(line) === 'heading') return true;
  if (!isHeadingLike(view, line) || !view.lines[line.index - 1]?.blank) return false;
  const next = view.lines[line.index + 1];
  return !next || next.blank || isListItem(view, next);
}

/** Whether list items come next, past at most three heading-like lines. */
function itemsFollow(view: TextView, line: Line, limit: number): boolean {
  let current = line;
  for (let hops = 0; hops < 4; hops += 1) {
    const next = nextContentLine(view.lines, current);
    if (!next || next.line.start >= limit) return false;
    if (isListItem(view, next.line)) return true;
    if (!isHeadingLike(view, next.line)) return false;
    current = next.line;
  }
  return false;
}
