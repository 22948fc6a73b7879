/**
 * Splitting the list a label introduces into statements, as printed: inline after the label
 * (inline-list.ts), or below a label that stands alone on its line (block-list.ts).
 * Every statement is a trimmed span of the source: `text.slice(start, end) === text`.
 */
import { type BlockOptions, blockList } from './block-list.ts';
import { inlineList } from './inline-list.ts';
import type { StatementLabel } from './labels.ts';
import { lineAt } from './lines.ts';
import type { Statement } from './statement-item.ts';
import type { TextView } from './view.ts';

export type { Statement } from './statement-item.ts';
export type ListOptions = BlockOptions;

export interface ListResult {
  statements: Statement[];
  /** Where the list ends in the text. */
  end: number;
}

export function readList(
  view: TextView,
  label: StatementLabel,
  limit: number,
  opts: ListOptions = {},
): ListResult {
  const line = lineAt(view.lines, label.end);
  const rest = view.text.slice(label.end, Math.min(line.end, limit));
  if (/^[\s\-–:*]*$/.test(rest) && line.end < limit) return blockList(view, line, limit, opts);
  return inlineList(view, label.end, limit);
}
