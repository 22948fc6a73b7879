import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestUpload } from '../../../ingest/load/ingest-files.ts';
import { SAMPLE_CORPUS_DIR } from '../../../ingest/sample/index.ts';
import { loadTaxonomy } from '../../../ingest/taxonomy/index.ts';
import { type TempStore, tempStore } from './helpers.ts';

describe('ingestUpload', () => {
  const taxonomy = loadTaxonomy();
  const name = 'review-library-bulletin-2024-04.txt';
  const bytes = new Uint8Array(readFileSync(join(SAMPLE_CORPUS_DIR, name)));
  let temp: TempStore;

  beforeAll(async () => {
    temp = await tempStore();
  });
  afterAll(async () => {
    await temp?.dispose();
  });

  it('loads an uploaded document and says how many reviews it held', async () => {
    const result = await ingestUpload(temp.store, name, bytes, taxonomy);
    expect(result).toMatchObject({ filename: name, status: 'loaded', cases: 8, error: null });
    expect(result.sourceId).toMatch(/^[0-9a-f]{64}$/);
    expect((await temp.store.counts()).nodes.CaseReview).toBe(8);
  });

  it('changes nothing when the same bytes are uploaded again', async () => {
    const before = await temp.store.counts();
    const result = await ingestUpload(temp.store, name, bytes, taxonomy);
    expect(result.status).toBe('unchanged');
    expect(await temp.store.counts()).toEqual(before);
  });

  it('reports an unreadable upload by name and stores nothing', async () => {
    const before = await temp.store.counts();
    const result = await ingestUpload(temp.store, 'blank.txt', new Uint8Array(0), taxonomy);
    expect(result).toMatchObject({ filename: 'blank.txt', status: 'failed', sourceId: null, cases: 0 });
    expect(result.error).toContain('blank.txt');
    expect(await temp.store.counts()).toEqual(before);
  });
});
