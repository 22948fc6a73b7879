import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestSummary } from '../../../ingest/load/ingest-files.ts';
import { loadSampleCorpusIfEmpty, SAMPLE_CORPUS_DIR } from '../../../ingest/sample/index.ts';
import { type TempStore, tempStore } from './helpers.ts';

describe('the bundled sample corpus', () => {
  let temp: TempStore;
  let summary: IngestSummary | null;

  beforeAll(async () => {
    temp = await tempStore();
    summary = await loadSampleCorpusIfEmpty(temp.store);
  });
  afterAll(async () => {
    await temp?.dispose();
  });

  it('marks every document as fictional on its first line', () => {
    const files = readdirSync(SAMPLE_CORPUS_DIR);
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) {
      const firstLine = readFileSync(join(SAMPLE_CORPUS_DIR, file), 'utf8').split('\n')[0];
      expect(firstLine, file).toMatch(/fictional/i);
    }
  });

  it('loads into an empty store without failures and gives at least 25 reviews', async () => {
    expect(summary).not.toBeNull();
    expect(summary?.failed).toEqual([]);
    expect(summary?.loaded).toBe(readdirSync(SAMPLE_CORPUS_DIR).length);
    expect((await temp.store.counts()).nodes.CaseReview).toBeGreaterThanOrEqual(25);
  });

  it('spreads the reviews across harm types, agencies, themes and years', async () => {
    const facets = await temp.store.caseFacets();
    const distinct = (pick: (f: (typeof facets)[number]) => Array<string | number | null>) =>
      new Set(facets.flatMap(pick).filter((v) => v !== null)).size;
    expect(distinct((f) => f.harmTypes)).toBeGreaterThanOrEqual(6);
    expect(distinct((f) => f.agencies)).toBeGreaterThanOrEqual(8);
    expect(distinct((f) => f.themes)).toBeGreaterThanOrEqual(12);
    expect(distinct((f) => [f.reportYear])).toBeGreaterThanOrEqual(8);
  });

  it('does nothing when the store already holds reviews', async () => {
    const before = await temp.store.counts();
    expect(await loadSampleCorpusIfEmpty(temp.store)).toBeNull();
    expect(await temp.store.counts()).toEqual(before);
  });
});
