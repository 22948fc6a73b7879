/**
 * Generated hostile documents (bench/hostile/files.ts), read on worker threads under the default limits as
 * the server and the CLI read them: each is refused with a message that names it, or read correctly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HostileFile, hostileFiles } from '../../../../bench/hostile/files.ts';
import { type Extractor, openExtractor } from '../../../../ingest/load/extract-pool.ts';
import { readBytes } from '../../../../ingest/read/index.ts';
import { loadTaxonomy } from '../../../../ingest/taxonomy/index.ts';

const REFUSED: Record<string, RegExp> = {
  'bomb.docx': /the Word document unzips to 120\.0 MB; the limit is 50\.0 MB \(THREADLINE_MAX_UNZIPPED_MB\)/,
  'lying-bomb.docx': /the Word document unzips to more than 50\.0 MB; the limit is 50\.0 MB/,
  'deep-xml.docx': /nests its content more than 512 levels deep/,
  'many-parts.docx': /has 20,001 parts; the limit is 10,000/,
  'not-xml.docx': /the Word document is truncated or damaged \(unclosed xml attribute\)/,
  'many-pages.pdf': /the PDF has 3,000 pages; the limit is 2,000 \(THREADLINE_MAX_PDF_PAGES\)/,
  'whitespace.txt': /no readable text: the file is empty or only whitespace/,
  'zero-width.md': /no readable text: only whitespace and invisible characters/,
  'random.txt': /no readable text: the file looks like binary data/,
  'random-high.txt': /no readable text: the characters do not form words/,
  'random.html': /no readable text/,
  'random.docx': /not a zip archive/,
  'random.pdf': /not a PDF/,
  'zip-random.docx': /the zip directory is missing/,
  'no-extension': /the file has no extension/,
};

/** Words a parser's own message would carry into ours. */
const RAW_PARSER_TEXT = /xmldom|Maximum call stack|RangeError|TypeError|at .*\.(?:js|ts):\d+/;

describe('hostile documents, read on worker threads', () => {
  let files: HostileFile[];
  let extractor: Extractor;

  beforeAll(async () => {
    files = await hostileFiles();
    extractor = await openExtractor(loadTaxonomy(), 2, { inlineFallback: false });
  });

  afterAll(async () => {
    await extractor?.close();
  });

  it('reads every generated file on a worker thread', () => {
    expect(extractor.threads).toBe(2);
    expect(files.length).toBeGreaterThan(20);
  });

  it('refuses each bad file with a message that starts with its name and says why in plain words', async () => {
    for (const file of files) {
      const expected = REFUSED[file.name];
      if (!expected) continue;
      const result = await extractor.extractBytes(file.name, file.bytes);
      expect(result.ok, `${file.name} (${file.about}) should be refused`).toBe(false);
      if (result.ok) continue;
      expect(result.problem.message.startsWith(`${file.name}: `), result.problem.message).toBe(true);
      expect(result.problem.message).toMatch(expected);
      expect(result.problem.message).not.toMatch(RAW_PARSER_TEXT);
    }
  });

  it('reads the files that are odd but readable: deep pages, UTF-32, odd names', async () => {
    for (const file of files) {
      if (REFUSED[file.name]) continue;
      const result = await extractor.extractBytes(file.name, file.bytes);
      expect(result.ok, `${file.name} (${file.about}): ${result.ok ? '' : result.problem.message}`).toBe(
        true,
      );
      if (!result.ok) continue;
      expect(result.doc.path).toBe(file.name);
      expect(result.doc.text).toMatch(/Serious Case Review: Child H|Deep\.|x/);
    }
  });

  it('decodes UTF-32 with a byte-order mark as UTF-32, with a warning', async () => {
    for (const name of ['utf32le.txt', 'utf32be.txt']) {
      const file = files.find((f) => f.name === name) as HostileFile;
      const read = await readBytes(name, file.bytes);
      expect(read.ok).toBe(true);
      if (!read.ok) continue;
      expect(read.doc.text.startsWith('Serious Case Review: Child H.')).toBe(true);
      expect(read.doc.warnings).toEqual(['decoded as UTF-32; save as UTF-8 to silence this']);
    }
  });

  it('stops a document past the time budget, names it and the limit, and reads the next one', async () => {
    const slow = await openExtractor(loadTaxonomy(), 1, { limits: { seconds: 1, memoryMb: 512 } });
    try {
      const result = await slow.extractBytes('slow.html', bigPage());
      expect(result).toMatchObject({ ok: false });
      if (!result.ok) {
        expect(result.problem.message).toBe(
          'slow.html: reading it took longer than 1 s, the limit (THREADLINE_READ_TIMEOUT_S); split the document, or raise the limit if it is genuine',
        );
      }
      expect((await slow.extractBytes('next.txt', words('Child H was seen.'))).ok).toBe(true);
    } finally {
      await slow.close();
    }
  });

  it('stops a document past the memory budget, names it and the limit, and reads the next one', async () => {
    const small = await openExtractor(loadTaxonomy(), 1, { limits: { seconds: 120, memoryMb: 64 } });
    try {
      const result = await small.extractBytes('hungry.html', bigPage());
      expect(result).toMatchObject({ ok: false });
      if (!result.ok) {
        expect(result.problem.message).toBe(
          'hungry.html: reading it needed more than 64 MB of memory, the limit (THREADLINE_READ_MEMORY_MB); split the document, or raise the limit if it is genuine',
        );
      }
      expect((await small.extractBytes('next.txt', words('Child H was seen.'))).ok).toBe(true);
    } finally {
      await small.close();
    }
  });

  it('fails a document still being read when the threads are stopped', async () => {
    const pool = await openExtractor(loadTaxonomy(), 1);
    const pending = pool.extractBytes('interrupted.html', bigPage());
    await pool.close();
    const result = await pending;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.message).toMatch(/^interrupted\.html: reading was stopped/);
  });
});

function words(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** 13 MB of ordinary paragraphs: several seconds and a few hundred MB of heap to read. */
function bigPage(): Uint8Array {
  const paragraph =
    '<p>The health visitor shared information with children’s social care about Child H and the neglect concerns.</p>\n';
  return words(`<html><body>${paragraph.repeat(120_000)}</body></html>`);
}
