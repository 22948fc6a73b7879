/** The checks inside the readers: zip archives, XML nesting, readable text, parsers' messages. */
import { describe, expect, it } from 'vitest';
import { deflatedEntry, docxOf, paragraph, zipBombDocx, zipOf } from '../../../../bench/hostile/files.ts';
import { readability } from '../../../../ingest/read/readable.ts';
import { readableReason } from '../../../../ingest/read/reason.ts';
import { checkZip, xmlDepth } from '../../../../ingest/read/zip.ts';

const LIMITS = { maxUnzippedBytes: 1024 * 1024, maxEntries: 100, maxXmlDepth: 64 };

describe('zip archives are checked before they are inflated', () => {
  it('passes an ordinary Word document and counts its unzipped bytes', () => {
    const check = checkZip(docxOf(paragraph('Child H')), LIMITS);
    expect(check.ok).toBe(true);
    if (check.ok) expect(check.unzippedBytes).toBeGreaterThan(100);
  });

  it('refuses from the declared sizes, before inflating a byte', async () => {
    expect(checkZip(await zipBombDocx(2), LIMITS)).toEqual({
      ok: false,
      problem: { kind: 'too-large', bytes: expect.any(Number), declared: true },
    });
  });

  it('refuses from the actual bytes when the headers understate them', async () => {
    expect(checkZip(await zipBombDocx(2, true), LIMITS)).toEqual({
      ok: false,
      problem: { kind: 'too-large', bytes: LIMITS.maxUnzippedBytes + 1, declared: false },
    });
  });

  it('refuses too many parts', () => {
    const many = zipOf(Array.from({ length: 101 }, (_, i) => deflatedEntry(`p${i}.xml`, '<x/>')));
    expect(checkZip(many, LIMITS)).toEqual({ ok: false, problem: { kind: 'too-many-parts', entries: 101 } });
  });

  it('refuses XML nested past the limit, naming the part', () => {
    const deep = docxOf(`${'<w:sdt>'.repeat(100)}${paragraph('Child H')}${'</w:sdt>'.repeat(100)}`);
    const check = checkZip(deep, LIMITS);
    expect(check).toMatchObject({ ok: false, problem: { kind: 'too-deep', part: 'word/document.xml' } });
  });

  it('calls an archive without its directory damaged', () => {
    const check = checkZip(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]), LIMITS);
    expect(check).toEqual({
      ok: false,
      problem: { kind: 'damaged', reason: 'the zip directory is missing' },
    });
  });

  it('counts XML depth past declarations, comments and empty elements', () => {
    const xml = new TextEncoder().encode('<?xml version="1.0"?><!-- c --><a><b/><c><d>t</d></c></a>');
    expect(xmlDepth(xml, 64)).toBe(3);
  });
});

describe('readable text', () => {
  it('reads prose, short notes and unspaced scripts', () => {
    expect(readability('Child H was seen by the health visitor. '.repeat(20))).toBe('readable');
    expect(readability('Note')).toBe('readable');
    expect(readability('児童保護の事例検証'.repeat(40))).toBe('readable');
  });

  it('finds nothing to read in whitespace and zero-width characters', () => {
    expect(readability(' \n\t\u00a0')).toBe('invisible');
    expect(readability('\u200b\u200c\u200d\u2060\ufeff'.repeat(100))).toBe('invisible');
  });

  it('finds no words in a long run of characters without breaks', () => {
    expect(readability('ÃÂ¥ŸÐãíéÌòÜÕÓøïÜòÿÆìùÅÊÜûØ×ñ'.repeat(20))).toBe('no-words');
  });
});

describe("parsers' messages", () => {
  it('are reduced to their plain words', () => {
    expect(readableReason(new Error('[xmldom error]\tunclosed xml attribute\n@#[line:1,col:2]'))).toBe(
      'unclosed xml attribute',
    );
    expect(readableReason(new Error('warning: [xmldom warning]\tunclosed xml attribute'))).toBe(
      'unclosed xml attribute',
    );
    expect(readableReason(new RangeError('Maximum call stack size exceeded'))).toBe(
      'it is nested too deeply to read',
    );
    expect(readableReason('')).toBe('the parser gave no reason');
  });
});
