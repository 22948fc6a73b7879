import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { copyFile, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestErrorKind } from '../../../ingest/errors.ts';
import { nodeFileSource } from '../../../ingest/read/file-source.ts';
import { type FileSource, readFile, readFileFrom } from '../../../ingest/read/index.ts';
import { binaryBytes, digestPdf, fixturePath } from '../../fixtures/documents/generated.ts';
import { truncate } from '../../fixtures/documents/pdf-builder.ts';

const FIFTY_MB = 50 * 1024 * 1024;

let dir: string;

/** Writes `bytes` of ordinary text in 1 MB chunks, never holding the whole file in memory. */
async function writeLargeText(path: string, bytes: number): Promise<void> {
  const line = 'Westmoor partnership minutes, item 4: no further actions recorded.\n';
  const chunk = Buffer.alloc(1024 * 1024, line);
  const stream = createWriteStream(path);
  for (let written = 0; written < bytes; written += chunk.length) {
    if (!stream.write(chunk.subarray(0, Math.min(chunk.length, bytes - written))))
      await once(stream, 'drain');
  }
  stream.end();
  await once(stream, 'finish');
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'threadline-bad-files-'));
  await copyFile(fixturePath('westmoor-bulletin.txt'), join(dir, 'good.txt'));
  await writeFile(join(dir, 'empty.txt'), '');
  await writeFile(join(dir, 'photo.txt'), binaryBytes());
  await writeFile(join(dir, 'cut-short.pdf'), truncate(digestPdf()));
  await writeLargeText(join(dir, 'minutes-export.txt'), FIFTY_MB);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a folder with bad files among good ones', () => {
  it('reads every file, giving the good one a document and each bad one its error, naming the file', async () => {
    const outcomes: Record<string, IngestErrorKind | 'ok'> = {};
    for (const name of (await readdir(dir)).sort()) {
      const path = join(dir, name);
      const result = await readFile(path);
      if (result.ok) {
        outcomes[name] = 'ok';
        continue;
      }
      expect(result.error.file).toBe(path);
      expect(result.error.message.startsWith(`${path}: `)).toBe(true);
      outcomes[name] = result.error.kind;
    }
    expect(outcomes).toEqual({
      'cut-short.pdf': 'truncated',
      'empty.txt': 'empty',
      'good.txt': 'ok',
      'minutes-export.txt': 'too-large',
      'photo.txt': 'binary',
    });
  });

  it('refuses the 50 MB file with its size and the limit', async () => {
    const path = join(dir, 'minutes-export.txt');
    expect((await stat(path)).size).toBe(FIFTY_MB);
    const result = await readFile(path);
    expect(result.ok ? null : result.error.message).toBe(
      `${path}: the file is 50.0 MB; the limit is 20.0 MB (THREADLINE_MAX_FILE_MB); split the document or raise the limit`,
    );
  });

  it('refuses the 50 MB file without reading its content into memory', async () => {
    const bytesRead: number[] = [];
    const watched: FileSource = {
      size: (path) => nodeFileSource.size(path),
      read: async (path) => {
        const bytes = await nodeFileSource.read(path);
        bytesRead.push(bytes.length);
        return bytes;
      },
    };
    const big = await readFileFrom(watched, join(dir, 'minutes-export.txt'));
    expect(big.ok ? null : big.error.kind).toBe('too-large');
    expect(bytesRead).toEqual([]);
    const good = await readFileFrom(watched, join(dir, 'good.txt'));
    expect(good.ok).toBe(true);
    expect(bytesRead).toHaveLength(1);
  });
});
