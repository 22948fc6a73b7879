/**
 * Writes the .docx and .pdf variants of plain-text fixtures into a temporary folder, with the builders the
 * reader tests use. Both carry the document's running header and footer; PDFs also get what analysts' PDFs
 * have: page numbers, long headings wrapped over two lines and hard-wrapped paragraphs.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { buildDocx, type DocxBlock } from '../../tests/fixtures/documents/docx-builder.ts';
import { buildPdf, type PdfLine, type PdfPage } from '../../tests/fixtures/documents/pdf-builder.ts';
import type { GeneratedFormat } from './expected.ts';
import { type TextBlock, textBlocks } from './text-blocks.ts';

export interface RunningText {
  header?: string;
  footer?: string;
}

export async function writeVariant(
  source: string,
  format: GeneratedFormat,
  dir: string,
  running: RunningText,
): Promise<string> {
  const blocks = textBlocks(await readFile(source, 'utf8'));
  const out = join(dir, basename(source).replace(/\.(txt|md)$/, `.${format}`));
  const bytes =
    format === 'docx'
      ? await buildDocx(blocks.map(toDocx), { header: running.header, footer: running.footer })
      : buildPdf(pdfPages(blocks, running));
  await writeFile(out, bytes);
  return out;
}

function toDocx(block: TextBlock): DocxBlock {
  switch (block.kind) {
    case 'title':
      return { heading: block.text, level: 1 };
    case 'heading':
      return { heading: block.text, level: 2 };
    case 'bullet':
      return { bullet: block.text };
    case 'paragraph':
      return { paragraph: block.text };
  }
}

interface Style {
  size: number;
  /** Characters per line at this size in Helvetica across a 468-point measure. */
  width: number;
  leading: number;
  x: number;
}

const STYLES: Record<TextBlock['kind'], Style> = {
  title: { size: 18, width: 46, leading: 24, x: 72 },
  heading: { size: 13, width: 62, leading: 18, x: 72 },
  paragraph: { size: 10, width: 92, leading: 13, x: 72 },
  bullet: { size: 10, width: 86, leading: 13, x: 90 },
};

const TOP = 730;
const BOTTOM = 70;
const BLOCK_GAP = 7;

function pdfPages(blocks: TextBlock[], running: RunningText): PdfPage[] {
  const pages: PdfLine[][] = [[]];
  let y = TOP;
  for (const block of blocks) {
    const style = STYLES[block.kind];
    const text = block.kind === 'bullet' ? `• ${block.text}` : block.text;
    wrap(pdfSafe(text), style.width).forEach((line, i) => {
      if (y < BOTTOM) {
        pages.push([]);
        y = TOP;
      }
      const indent = block.kind === 'bullet' && i > 0 ? 10 : 0;
      pages.at(-1)?.push({ text: line, y, x: style.x + indent, size: style.size });
      y -= style.leading;
    });
    y -= BLOCK_GAP;
  }
  return pages.map((lines, i) => ({ lines: [...lines, ...runningLines(running, i + 1, pages.length)] }));
}

function runningLines(running: RunningText, page: number, pages: number): PdfLine[] {
  const lines: PdfLine[] = [];
  if (running.header) lines.push({ text: pdfSafe(running.header), y: 760, size: 8 });
  const footer = [running.footer, `Page ${page} of ${pages}`].filter(Boolean).join('    ');
  lines.push({ text: pdfSafe(footer), y: 36, size: 8 });
  return lines;
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** The builder draws in WinAnsi Helvetica; characters it cannot encode are spelled out in ASCII. */
const PDF_SUBSTITUTES: Readonly<Record<string, string>> = { '…': '...', '£': 'GBP ', '−': '-', ' ': ' ' };
const PDF_ENCODABLE = /[\x20-\x7e‘’“”•–—é]/;

function pdfSafe(text: string): string {
  return [...text].map((ch) => (PDF_ENCODABLE.test(ch) ? ch : (PDF_SUBSTITUTES[ch] ?? ''))).join('');
}
