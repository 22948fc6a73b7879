import type { Block } from './assemble.ts';

/** Private-use characters stand for <br> and table-cell breaks until inline whitespace is collapsed. */
const LINE_BREAK = '\uE000';
const CELL_BREAK = '\uE001';

interface ListFrame {
  ordered: boolean;
  next: number;
}

interface ItemFrame {
  marker: string;
  depth: number;
  block: Block | null;
}

/**
 * Collects inline text and turns it into blocks at block boundaries, the way a browser lays out text:
 * whitespace inside a block collapses to single spaces (non-breaking spaces are kept), <br> becomes a line
 * break, and list items become marked lines ("- " or "1. "), nested items indented two spaces per level.
 */
export class BlockCollector {
  readonly blocks: Block[] = [];
  private inline: string[] = [];
  private readonly lists: ListFrame[] = [];
  private readonly items: ItemFrame[] = [];
  private listRunStart = -1;
  private readonly tableRunStarts: number[] = [];

  text(value: string): void {
    this.inline.push(value);
  }

  lineBreak(): void {
    this.inline.push(LINE_BREAK);
  }

  cellBreak(): void {
    this.inline.push(CELL_BREAK);
  }

  /** Ends the current block of inline text, if there is one. */
  flush(kind: 'paragraph' | 'heading' = 'paragraph', level?: number): void {
    const body = collapseInline(this.inline.join(''));
    this.inline = [];
    if (!body) return;
    const item = this.items[this.items.length - 1];
    if (item) {
      this.addToItem(item, body.replace(/\n{2,}/g, '\n'));
      return;
    }
    if (kind === 'heading') {
      this.push({ kind, body: body.replace(/\n/g, ' '), level, indent: '', tight: false });
      return;
    }
    const tableStart = this.tableRunStarts[this.tableRunStarts.length - 1];
    const tight = tableStart !== undefined && this.blocks.length > tableStart;
    // Two line breaks in a row separate paragraphs, as they do on older pages.
    const paragraphs = body.split(/\n{2,}/).map((paragraph) => paragraph.trim());
    paragraphs.filter(Boolean).forEach((paragraph, i) => {
      this.push({ kind: 'paragraph', body: paragraph, indent: '', tight: tight && i === 0 });
    });
  }

  preformatted(raw: string): void {
    this.flush();
    const body = raw.replace(/^\n/, '').replace(/\s+$/, '').replace(/^\s+/, '');
    if (body) this.push({ kind: 'paragraph', body, indent: '', tight: false });
  }

  enterList(ordered: boolean, start: number): void {
    this.flush();
    if (this.lists.length === 0) this.listRunStart = this.blocks.length;
    this.lists.push({ ordered, next: start });
  }

  leaveList(): void {
    this.flush();
    this.lists.pop();
  }

  enterItem(value: number | null): void {
    this.flush();
    const list = this.lists[this.lists.length - 1] ?? { ordered: false, next: 1 };
    if (value !== null) list.next = value;
    const marker = list.ordered ? `${list.next}.` : '-';
    list.next += 1;
    this.items.push({ marker, depth: Math.max(1, this.lists.length), block: null });
  }

  leaveItem(): void {
    this.flush();
    this.items.pop();
  }

  enterTable(): void {
    this.flush();
    this.tableRunStarts.push(this.blocks.length);
  }

  leaveTable(): void {
    this.flush();
    this.tableRunStarts.pop();
  }

  private addToItem(item: ItemFrame, body: string): void {
    const indent = '  '.repeat(item.depth - 1);
    if (!item.block) {
      const previous = this.blocks[this.blocks.length - 1];
      const tight = previous?.kind === 'list-item' && this.blocks.length - 1 >= this.listRunStart;
      item.block = { kind: 'list-item', body: `${item.marker} ${body}`, level: item.depth, indent, tight };
      this.push(item.block);
      return;
    }
    const continuation = `${indent}${' '.repeat(item.marker.length + 1)}`;
    if (this.blocks[this.blocks.length - 1] === item.block) {
      item.block.body += `\n${continuation}${body.replace(/\n/g, `\n${continuation}`)}`;
    } else {
      this.push({ kind: 'paragraph', body, indent: continuation, tight: false });
    }
  }

  private push(block: Block): void {
    if (block.level === undefined) delete block.level;
    this.blocks.push(block);
  }
}

function collapseInline(raw: string): string {
  return raw
    .replace(/[ \t\n\r\f]+/g, ' ')
    .replace(new RegExp(` ?${LINE_BREAK} ?`, 'g'), '\n')
    .replace(new RegExp(` ?${CELL_BREAK} ?`, 'g'), '\t')
    .trim();
}
