import type { StructureHint } from '../types.ts';

/**
 * One block of output text. `body` is trimmed and becomes the hinted span; `indent` is written before it but
 * stays outside the hint; a `tight` block follows the previous one on the next line instead of after a
 * blank line (list items of one list, rows of one table).
 */
export interface Block {
  kind: StructureHint['kind'];
  body: string;
  level?: number;
  indent: string;
  tight: boolean;
}

export interface Assembled {
  text: string;
  hints: StructureHint[];
}

export function assemble(blocks: readonly Block[]): Assembled {
  const parts: string[] = [];
  const hints: StructureHint[] = [];
  let length = 0;
  for (const block of blocks) {
    const separator = parts.length === 0 ? '' : block.tight ? '\n' : '\n\n';
    const start = length + separator.length + block.indent.length;
    parts.push(separator, block.indent, block.body);
    length = start + block.body.length;
    const hint: StructureHint = { kind: block.kind, start, end: length };
    if (block.level !== undefined) hint.level = block.level;
    hints.push(hint);
  }
  return { text: parts.join(''), hints };
}
