import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExtractResult } from '../../../ingest/load/extract-file.ts';
import { extractedInOrder, openExtractor } from '../../../ingest/load/extract-pool.ts';
import { SAMPLE_CORPUS_DIR } from '../../../ingest/sample/index.ts';
import { loadTaxonomy } from '../../../ingest/taxonomy/index.ts';

const taxonomy = loadTaxonomy();
const files = [
  ...readdirSync(SAMPLE_CORPUS_DIR).map((f) => join(SAMPLE_CORPUS_DIR, f)),
  join(SAMPLE_CORPUS_DIR, 'no-such-file.txt'),
];

async function extractAll(threads: number): Promise<{ threads: number; results: ExtractResult[] }> {
  const extractor = await openExtractor(taxonomy, threads);
  try {
    const results: ExtractResult[] = [];
    for await (const { result } of extractedInOrder(files, extractor)) results.push(result);
    return { threads: extractor.threads, results };
  } finally {
    await extractor.close();
  }
}

describe('extraction on worker threads', () => {
  it('starts the threads it is asked for', async () => {
    expect((await extractAll(2)).threads).toBe(2);
  });

  it('gives the same results, in file order, as extraction on the main thread', async () => {
    const inline = await extractAll(0);
    const threaded = await extractAll(2);
    expect(inline.threads).toBe(0);
    expect(threaded.results).toEqual(inline.results);
    expect(threaded.results.map((r) => r.ok)).toEqual([true, true, true, true, false]);
  });
});
