import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FileSource } from '../../../../ingest/read/index.ts';
import { readBytes, readFile, readFileFrom } from '../../../../ingest/read/index.ts';
import { DEFAULT_MAX_FILE_MB, maxFileMegabytes } from '../../../../ingest/read/limits.ts';
import {
  fixturePath,
  type GeneratedFixtures,
  writeGeneratedFixtures,
} from '../../../fixtures/documents/generated.ts';
import { documentOf, errorOf } from './expectations.ts';

let dir: string;
let generated: GeneratedFixtures;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'threadline-read-'));
  generated = await writeGeneratedFixtures(dir);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('reading files', () => {
  it('reads each supported format from disk, keeping the path as given', async () => {
    const files: [string, string][] = [
      [fixturePath('westmoor-bulletin.txt'), 'txt'],
      [fixturePath('practice-briefing.md'), 'md'],
      [fixturePath('saved-repository-page.html'), 'html'],
      [generated.digestPdf, 'pdf'],
      [generated.briefingDocx, 'docx'],
    ];
    for (const [path, format] of files) {
      const doc = documentOf(await readFile(path));
      expect([doc.path, doc.format]).toEqual([path, format]);
      expect(doc.text.length).toBeGreaterThan(50);
      expect(doc.hints.length).toBeGreaterThan(3);
    }
  });

  it('computes sha256 over the raw bytes, before the byte-order mark and CRLF are dropped', async () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Child Q\r\n')]);
    const doc = documentOf(await readBytes('q.txt', bytes));
    expect(doc.text).toBe('Child Q\n');
    expect(doc.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lists the supported extensions when the format is unsupported', async () => {
    const error = errorOf(await readBytes('minutes.xlsx', new TextEncoder().encode('x')));
    expect(error.kind).toBe('unsupported');
    expect(error.message).toBe(
      'minutes.xlsx: .xlsx files are not supported; convert it to one of .txt, .text, .md, .markdown, .html, .htm, .xhtml, .pdf, .docx',
    );
  });

  it('says how to convert an old Word .doc', async () => {
    const error = errorOf(await readBytes('Review.DOC', new Uint8Array([1])));
    expect(error.message).toMatch(
      /^Review\.DOC: \.doc files are not supported; open it in Word and save it as \.docx/,
    );
  });

  it('reports an empty or whitespace-only file as empty, whatever its format', async () => {
    for (const name of ['empty.txt', 'blank.md', 'blank.html', 'blank.pdf', 'blank.docx']) {
      const bytes = name === 'empty.txt' ? new Uint8Array(0) : new TextEncoder().encode(' \r\n\t\n');
      const error = errorOf(await readBytes(name, bytes));
      expect(error.kind).toBe('empty');
      expect(error.message).toBe(
        `${name}: no readable text: the file is empty or only whitespace; check it was saved or downloaded completely`,
      );
    }
    expect(errorOf(await readFile(generated.emptyTxt)).kind).toBe('empty');
  });

  it('reports a text file of non-breaking spaces after a byte-order mark as empty', async () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, 0xc2, 0xa0, 0x0a]);
    expect(errorOf(await readBytes('nbsp.txt', bytes)).kind).toBe('empty');
  });

  it('reports a missing file as unreadable, naming it', async () => {
    const missing = join(dir, 'no-such-review.pdf');
    expect(errorOf(await readFile(missing))).toEqual({
      kind: 'unreadable',
      file: missing,
      message: `${missing}: the file does not exist; check the path`,
    });
  });

  it('reports a directory as unreadable', async () => {
    const error = errorOf(await readFile(dir));
    expect(error.kind).toBe('unreadable');
    expect(error.message).toBe(`${dir}: it is a directory, not a file; pass the files inside it`);
  });

  it('reports a file it may not open as unreadable with the reason', async () => {
    const denied: FileSource = {
      size: async () => ({ isFile: true, isDirectory: false, bytes: 10 }),
      read: async () => {
        throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      },
    };
    expect(errorOf(await readFileFrom(denied, 'private/review.txt')).message).toBe(
      'private/review.txt: permission denied; check the file permissions',
    );
  });

  it('refuses a file over THREADLINE_MAX_FILE_MB, saying its size and the limit', async () => {
    vi.stubEnv('THREADLINE_MAX_FILE_MB', '0.5');
    const bytes = new TextEncoder().encode('word '.repeat(160 * 1024));
    const error = errorOf(await readBytes('big.txt', bytes));
    expect(error).toEqual({
      kind: 'too-large',
      file: 'big.txt',
      message:
        'big.txt: the file is 0.8 MB; the limit is 0.5 MB (THREADLINE_MAX_FILE_MB); split the document or raise the limit',
    });
    vi.stubEnv('THREADLINE_MAX_FILE_MB', '1');
    expect(documentOf(await readBytes('big.txt', bytes)).text).toHaveLength(800 * 1024);
  });

  it('does not read a file over the limit at all', async () => {
    const reads: string[] = [];
    const source: FileSource = {
      size: async () => ({ isFile: true, isDirectory: false, bytes: 21 * 1024 * 1024 }),
      read: async (path) => {
        reads.push(path);
        return new Uint8Array(0);
      },
    };
    const error = errorOf(await readFileFrom(source, 'huge.txt'));
    expect(error.message).toBe(
      'huge.txt: the file is 21.0 MB; the limit is 20.0 MB (THREADLINE_MAX_FILE_MB); split the document or raise the limit',
    );
    expect(reads).toEqual([]);
  });

  it('uses 20 MB unless THREADLINE_MAX_FILE_MB is a positive number', () => {
    expect(DEFAULT_MAX_FILE_MB).toBe(20);
    expect(maxFileMegabytes({})).toBe(20);
    expect(maxFileMegabytes({ THREADLINE_MAX_FILE_MB: '50' })).toBe(50);
    for (const bad of ['', 'lots', '-3', '0'])
      expect(maxFileMegabytes({ THREADLINE_MAX_FILE_MB: bad })).toBe(20);
  });

  it('gives each generated bad file its own error kind', async () => {
    const kinds = await Promise.all(
      [
        generated.truncatedPdf,
        generated.encryptedPdf,
        generated.scannedPdf,
        generated.binaryTxt,
        generated.undecodableTxt,
      ].map(async (path) => errorOf(await readFile(path)).kind),
    );
    expect(kinds).toEqual(['truncated', 'encrypted', 'no-text', 'binary', 'encoding']);
    expect(documentOf(await readFile(generated.windows1252Txt)).warnings).toEqual([
      'decoded as Windows-1252; save as UTF-8 to silence this',
    ]);
  });
});
