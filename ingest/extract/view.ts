/**
 * The text as segmentation and extraction see it: lines with offsets, plus what the reader's structure
 * hints say about each line (a heading, a list item) when a hint begins on that line.
 */
import type { StructureHint } from '../segment/hints.ts';
import type { LabelCache } from './labels.ts';
import { type Line, lineAt, splitLines } from './lines.ts';

export type LineHint = StructureHint['kind'];

export interface TextView {
  text: string;
  lines: Line[];
  hintOf(line: Line): LineHint | null;
  /** Statement labels found so far, by offset: the layout detector and segmenters read the same text. */
  labels: LabelCache;
}

export function makeView(text: string, hints: readonly StructureHint[]): TextView {
  const lines = splitLines(text);
  const byLine = new Map<number, LineHint>();
  for (const hint of hints) {
    if (hint.kind === 'paragraph' || hint.start < 0 || hint.start > text.length) continue;
    const line = lineAt(lines, hint.start);
    if (!byLine.has(line.index)) byLine.set(line.index, hint.kind);
  }
  return { text, lines, hintOf: (line) => byLine.get(line.index) ?? null, labels: new Map() };
}
