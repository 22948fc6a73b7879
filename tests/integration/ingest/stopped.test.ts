/**
 * An ingest asked to stop (IngestOptions.signal) finishes the load in progress, reads and loads nothing
 * more, and says so in its summary; the same ingest run again loads the rest.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../../ingest/load/ingest-files.ts';
import { SAMPLE_CORPUS_DIR } from '../../../ingest/sample/index.ts';
import { loadTaxonomy } from '../../../ingest/taxonomy/index.ts';
import { type TempStore, tempStore } from './helpers.ts';

const taxonomy = loadTaxonomy();

describe('an ingest asked to stop', () => {
  let temp: TempStore;
  beforeEach(async () => {
    temp = await tempStore();
  });
  afterEach(async () => {
    await temp.dispose();
  });

  it('loads the documents before the stop, none after, and says it stopped', async () => {
    const controller = new AbortController();
    const stopped = await ingestPaths(temp.store, [SAMPLE_CORPUS_DIR], {
      taxonomy,
      threads: 0,
      chunkSize: 1,
      signal: controller.signal,
      // Asked while the third document is read: the two before it are loaded one by one already.
      onProgress: (p) => {
        if (p.index === 3) controller.abort();
      },
    });
    expect(stopped.stopped).toBe(true);
    expect(stopped.loaded).toBe(2);
    expect(await temp.store.listSources()).toHaveLength(2);

    const rest = await ingestPaths(temp.store, [SAMPLE_CORPUS_DIR], { taxonomy, threads: 0 });
    expect(rest.stopped).toBe(false);
    expect(rest.unchanged).toBe(2);
    expect(rest.loaded).toBe(rest.documents - 2);
  });
});
