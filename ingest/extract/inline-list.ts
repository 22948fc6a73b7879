/**
 * Inline lists ("Learning includes: a; b; and c.") run to the end of their line, carry on across a line
 * or paragraph break when the text plainly continues (no closing full stop, next part in lower case),
 * and stop at the first sentence end after which no further ";" follows, so a trailing remark such as
 * "Uses a systems method." is not taken as a statement. Items split on ";" and inline bullets, never
 * inside brackets or quotes.
 */
import { cachedLabelAt } from './labels.ts';
import { endsSentence, type Line, lineAt, nextContentLine, startsLowercase } from './lines.ts';
import { isListItem } from './list-markers.ts';
import { topLevelMask } from './nesting.ts';
import { cleanItem, type Statement } from './statement-item.ts';
import type { TextView } from './view.ts';

export function inlineList(
  view: TextView,
  from: number,
  limit: number,
): { statements: Statement[]; end: number } {
  const { text } = view;
  const regionEnd = inlineRegionEnd(view, from, limit);
  const top = topLevelMask(text, from, regionEnd);
  const end = firstClosingSentenceEnd(text, from, regionEnd, top);
  const statements: Statement[] = [];
  let itemStart = from;
  for (let i = from; i <= end; i += 1) {
    const atEnd = i === end;
    if (!atEnd && !(isSeparator(text, i) && top(i))) continue;
    const item = cleanItem(text, itemStart, i, atEnd);
    if (item) statements.push(item);
    itemStart = i + 1;
  }
  return { statements, end };
}

function isSeparator(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 0x3b) return true;
  return c === 0x2022 && /\s/.test(text[i - 1] ?? ' ') && /\s/.test(text[i + 1] ?? ' ');
}

/** The end of the line holding `from`, extended over lines the list plainly continues onto. */
function inlineRegionEnd(view: TextView, from: number, limit: number): number {
  let line = lineAt(view.lines, from);
  while (line.end < limit) {
    const next = nextContentLine(view.lines, line);
    if (!next || next.line.contentStart >= limit || !continuesOnto(view, line, next.line, next.afterBlank))
      break;
    line = next.line;
  }
  return Math.min(line.end, limit);
}

function continuesOnto(view: TextView, line: Line, next: Line, afterBlank: boolean): boolean {
  if (endsSentence(line.text) || /:\s*$/.test(line.text)) return false;
  if (isListItem(view, next) || cachedLabelAt(view.text, next.contentStart, view.labels)) return false;
  if (startsLowercase(next.text)) return true;
  return !afterBlank && /[\p{L},;]\s*$/u.test(line.text) && view.hintOf(next) !== 'heading';
}

/**
 * The first top-level sentence end after which the region holds no further top-level ";" — the end of
 * the list sentence. Falls back to the region end.
 */
function firstClosingSentenceEnd(
  text: string,
  from: number,
  to: number,
  top: (i: number) => boolean,
): number {
  const lastSemicolon = lastTopLevel(text, from, to, top, ';');
  const re = /[.!?]["'’”)\]*]*(?=\s+["'‘“*[]?[A-Z0-9])/g;
  re.lastIndex = Math.max(from, lastSemicolon + 1);
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    if (top(m.index) && m.index + m[0].length < to) return m.index + m[0].length;
  }
  return to;
}

function lastTopLevel(
  text: string,
  from: number,
  to: number,
  top: (i: number) => boolean,
  ch: string,
): number {
  for (let i = to - 1; i >= from; i -= 1) if (text[i] === ch && top(i)) return i;
  return from - 1;
}
