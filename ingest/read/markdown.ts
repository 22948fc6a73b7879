import { type LineSpan, lineSpans, trimmedSpan } from './spans.ts';
import { firstHeading, firstLine } from './title.ts';
import type { ReadContent, StructureHint } from './types.ts';

const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;
const ATX_CLOSING = /[ \t]+#+[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const LIST_ITEM = /^([ \t]*)(?:[-*+]|\d{1,9}[.)])(?:[ \t]+\S|[ \t]*$)/;
const THEMATIC_BREAK = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const FENCE = /^ {0,3}(```|~~~)/;

/**
 * Markdown is kept as written (markup included) so offsets into it stay exact; only the structure is read:
 * ATX (#) and setext (underlined) headings, list items (-, *, +, 1., 1)) with lazy continuation lines,
 * fenced code blocks and YAML front matter (which carry no hints), and paragraphs.
 */
export function readMarkdown(text: string, warnings: string[]): ReadContent {
  const hints = markdownHints(text);
  return { text, hints, title: firstHeading(text, hints) ?? firstLine(withoutFrontMatter(text)), warnings };
}

type Open = { hint: StructureHint; kind: 'paragraph' | 'list-item' } | null;

export function markdownHints(text: string): StructureHint[] {
  const hints: StructureHint[] = [];
  const listIndents: number[] = [];
  let open: Open = null;
  let fence: string | null = null;
  const lines = lineSpans(text);
  for (let i = frontMatterLineCount(text, lines); i < lines.length; i++) {
    const line = lines[i] as LineSpan;
    const raw = text.slice(line.start, line.end);
    const span = trimmedSpan(text, line.start, line.end);

    if (fence !== null) {
      if (span && open) open.hint.end = span.end;
      if (raw.trimStart().startsWith(fence)) {
        fence = null;
        open = null;
      }
      continue;
    }
    if (!span) {
      open = null;
      continue;
    }
    const fenceMatch = FENCE.exec(raw);
    if (fenceMatch) {
      fence = fenceMatch[1] as string;
      open = startParagraph(hints, span);
      continue;
    }
    const setext = SETEXT_UNDERLINE.exec(raw);
    if (setext && open?.kind === 'paragraph') {
      open.hint.kind = 'heading';
      open.hint.level = setext[1]?.startsWith('=') ? 1 : 2;
      open = null;
      continue;
    }
    if (THEMATIC_BREAK.test(raw)) {
      open = null;
      continue;
    }
    const atx = ATX_HEADING.exec(raw);
    if (atx) {
      pushHeading(text, hints, line, (atx[0] as string).length, (atx[1] as string).length);
      open = null;
      listIndents.length = 0;
      continue;
    }
    const item = LIST_ITEM.exec(raw);
    if (item) {
      const level = nestingLevel(listIndents, indentOf(item[1] as string));
      const hint: StructureHint = { kind: 'list-item', ...span, level };
      hints.push(hint);
      open = { hint, kind: 'list-item' };
      continue;
    }
    if (open) {
      // A non-blank line straight after a paragraph or list item continues it (a lazy continuation).
      open.hint.end = span.end;
      continue;
    }
    listIndents.length = 0;
    open = startParagraph(hints, span);
  }
  return hints;
}

function startParagraph(hints: StructureHint[], span: LineSpan): Open {
  const hint: StructureHint = { kind: 'paragraph', ...span };
  hints.push(hint);
  return { hint, kind: 'paragraph' };
}

function pushHeading(
  text: string,
  hints: StructureHint[],
  line: LineSpan,
  prefix: number,
  level: number,
): void {
  const rest = text.slice(line.start + prefix, line.end);
  const closing = ATX_CLOSING.exec(rest);
  const contentEnd = line.start + prefix + (closing ? closing.index : rest.length);
  const span = trimmedSpan(text, line.start + prefix, contentEnd);
  if (span) hints.push({ kind: 'heading', ...span, level });
}

/** Items indented further than the enclosing item nest one level deeper. */
function nestingLevel(indents: number[], indent: number): number {
  while (indents.length > 0 && (indents[indents.length - 1] as number) > indent) indents.pop();
  if (indents.length === 0 || (indents[indents.length - 1] as number) < indent) indents.push(indent);
  return indents.length;
}

function indentOf(whitespace: string): number {
  return [...whitespace].reduce((width, ch) => width + (ch === '\t' ? 4 : 1), 0);
}

/** YAML front matter: a first line of "---" up to the next "---" or "..." line. */
function frontMatterLineCount(text: string, lines: LineSpan[]): number {
  const first = lines[0];
  if (!first || text.slice(first.start, first.end).trimEnd() !== '---') return 0;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as LineSpan;
    const content = text.slice(line.start, line.end).trimEnd();
    if (content === '---' || content === '...') return i + 1;
  }
  return 0;
}

function withoutFrontMatter(text: string): string {
  const lines = lineSpans(text);
  const skip = frontMatterLineCount(text, lines);
  const firstKept = lines[skip];
  return skip === 0 || !firstKept ? text : text.slice(firstKept.start);
}
