import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type ReadDocument, readBytes } from '../../../../ingest/read/index.ts';
import { buildDocx, type DocxBlock } from '../../../fixtures/documents/docx-builder.ts';
import { fixturePath } from '../../../fixtures/documents/generated.ts';
import { buildPdf, type PdfLine } from '../../../fixtures/documents/pdf-builder.ts';
import { documentOf, expectWellFormedHints } from './expectations.ts';

/**
 * One fictional news article in every format a maintainer might drop in: the text as written, the page
 * saved from a browser, the page saved as Word and the page printed to PDF, each with the site's chrome.
 */
const article = readFileSync(fixturePath('child-k-article.txt'), 'utf8');
const [title = '', ...rest] = article.trim().split('\n\n');
const listBlock = rest.find((block) => block.startsWith('- ')) ?? '';
const items = listBlock.split('\n').map((line) => line.slice(2));
const paragraphs = rest.filter((block) => block !== listBlock);

const read = async (name: string, bytes: Uint8Array): Promise<ReadDocument> => {
  const doc = documentOf(await readBytes(name, bytes));
  expectWellFormedHints(doc);
  return doc;
};

/** Bullets are printed as "•" in PDFs and written as "-" by the web and Word readers. */
const sameMarkers = (text: string) => text.replace(/^• /gm, '- ');

/** Hint kinds with their text: the structure later stages see. */
const structure = (doc: ReadDocument) =>
  doc.hints.map((hint) => [hint.kind, sameMarkers(doc.text.slice(hint.start, hint.end))]);

function docxBlocks(): DocxBlock[] {
  return [
    { paragraph: 'Skip to content' },
    { bullet: 'Home' },
    { bullet: 'News' },
    { bullet: 'Sport' },
    { heading: title, level: 1 },
    { paragraph: 'Share this article' },
    ...paragraphs.slice(0, 3).map((paragraph) => ({ paragraph })),
    ...items.map((bullet) => ({ bullet })),
    ...paragraphs.slice(3).map((paragraph) => ({ paragraph })),
    { heading: 'Related stories', level: 2 },
    { paragraph: 'Council apologises after school transport review' },
    { paragraph: '© 2031 Westmoor Gazette Ltd. All rights reserved.' },
  ];
}

/** Greedy wrapping at a fixed number of characters, as a browser fills lines to the margin. */
function wrap(text: string, width = 86): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  return [...lines, line];
}

/** The page as a browser prints it: date and title at the top, address and page count at the bottom. */
function printedPdf(): Uint8Array {
  const furniture = (page: number): PdfLine[] => [
    { text: `05/05/2031, 10:1${page} Westmoor Gazette`, y: 770, size: 8 },
    { text: `https://westmoor-gazette.example/news/child-k ${page}/2`, y: 24, size: 8 },
  ];
  const body: { text: string; size?: number; gap?: number }[] = [
    { text: 'Skip to content' },
    { text: '• Home', gap: 24 },
    { text: '• News' },
    { text: '• Sport' },
    { text: title, size: 18, gap: 34 },
    { text: 'Share this article', gap: 30 },
    ...paragraphs
      .slice(0, 3)
      .flatMap((paragraph) => wrap(paragraph).map((text, i) => ({ text, gap: i ? 0 : 24 }))),
    ...items.map((item, i) => ({ text: `• ${item}`, gap: i ? 0 : 24 })),
    ...paragraphs
      .slice(3)
      .flatMap((paragraph) => wrap(paragraph).map((text, i) => ({ text, gap: i ? 0 : 24 }))),
    { text: 'Related stories', size: 14, gap: 30 },
    { text: '• Council apologises after school transport review', gap: 20 },
    { text: 'Copyright 2031 Westmoor Gazette Ltd. All rights reserved.', gap: 24 },
  ];
  // The second paragraph runs over the page break.
  const breakAt = body.findIndex((line) => line.text.includes('nobody brought'));
  const pages: PdfLine[][] = [furniture(1), furniture(2)];
  let y = 740;
  body.forEach((line, i) => {
    if (i === breakAt) y = 740;
    y -= (line.gap ?? 0) + 14;
    pages[i < breakAt ? 0 : 1]?.push({ text: line.text, y, size: line.size ?? 11 });
  });
  return buildPdf(pages.map((lines) => ({ lines })));
}

describe('the same article as text, web page, Word document and PDF', () => {
  it('reads the saved web page as exactly the text of the article', async () => {
    const doc = await read('child-k.html', readFileSync(fixturePath('child-k-news-page.html')));
    expect(doc.text).toBe(article.trim());
    expect(doc.title).toBe(title);
  });

  it('reads the page saved as Word as exactly the text of the article', async () => {
    const doc = await read('child-k.docx', await buildDocx(docxBlocks()));
    expect(doc.text).toBe(article.trim());
  });

  it('reads the page printed to PDF as the text of the article, its bullets as printed', async () => {
    const doc = await read('child-k.pdf', printedPdf());
    expect(sameMarkers(doc.text)).toBe(article.trim());
    expect(doc.title).toBe(title);
  });

  it('gives every format the same structure: the title heading, the paragraphs and the list items', async () => {
    const text = await read('child-k.txt', new TextEncoder().encode(article));
    const expected = structure(text);
    expect(expected.map(([kind]) => kind)).toEqual([
      'heading',
      'paragraph',
      'paragraph',
      'paragraph',
      'list-item',
      'list-item',
      'list-item',
      'paragraph',
    ]);
    const page = await read('child-k.html', readFileSync(fixturePath('child-k-news-page.html')));
    const word = await read('child-k.docx', await buildDocx(docxBlocks()));
    const pdf = await read('child-k.pdf', printedPdf());
    for (const doc of [page, word, pdf]) expect(structure(doc)).toEqual(expected);
  });
});
