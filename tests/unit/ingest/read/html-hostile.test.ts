import { describe, expect, it } from 'vitest';
import { readBytes } from '../../../../ingest/read/index.ts';
import { documentOf, expectWellFormedHints } from './expectations.ts';

const readHtml = async (html: string) =>
  documentOf(await readBytes('hostile.html', new TextEncoder().encode(html)));

const page = (inner: string) =>
  `<html><body><p>A fictional note on Child W.</p>${inner}<p>End of note.</p></body></html>`;

describe('pages built to exhaust the parser', () => {
  it('reads a 500 KB page of 100,000 unclosed <div> tags, keeping the text around them', async () => {
    const html = page(`${'<div>'.repeat(100_000)}Deep text.`);
    expect(html.length).toBeGreaterThan(500_000);
    const doc = await readHtml(html);
    expect(doc.text).toBe('A fictional note on Child W.\n\nDeep text.\n\nEnd of note.');
    expectWellFormedHints(doc);
  });

  it('reads 100,000 properly nested and closed elements without running out of stack', async () => {
    const doc = await readHtml(page(`${'<div>'.repeat(100_000)}Deep text.${'</div>'.repeat(100_000)}`));
    expect(doc.text).toBe('A fictional note on Child W.\n\nDeep text.\n\nEnd of note.');
  });

  it('reads 100,000 unclosed inline elements as one run of text', async () => {
    const doc = await readHtml(page(`${'<span>'.repeat(100_000)}Inline text.`));
    expect(doc.text).toBe('A fictional note on Child W.\n\nInline text.\n\nEnd of note.');
  });

  it('closes unclosed list items and paragraphs the way a browser does', async () => {
    const items = Array.from({ length: 20_000 }, (_, i) => `<li>Item ${i + 1}`).join('');
    const doc = await readHtml(page(`<ul>${items}</ul>`));
    const lines = doc.text.split('\n');
    expect(lines.slice(0, 4)).toEqual(['A fictional note on Child W.', '', '- Item 1', '- Item 2']);
    expect(lines.filter((line) => line.startsWith('- Item'))).toHaveLength(20_000);
    expect(lines.at(-1)).toBe('End of note.');
  });

  it('hides everything after an unterminated comment, as a browser does', async () => {
    const doc = await readHtml(`<body><p>Visible.</p>${'<!--'.repeat(100_000)}<p>Hidden.</p>`);
    expect(doc.text).toBe('Visible.');
  });

  it('treats a run of "<" without any ">" as text', async () => {
    const doc = await readHtml(`<body><p>Scores: ${'<'.repeat(100_000)}</p>`);
    expect(doc.text).toBe(`Scores: ${'<'.repeat(100_000)}`);
  });

  it('drops an unterminated script instead of showing its code', async () => {
    const doc = await readHtml(`<body><p>Visible.</p><script>${'var a = 1;'.repeat(10_000)}`);
    expect(doc.text).toBe('Visible.');
  });
});
