/**
 * Re-ingesting a folder the embedded store holds unchanged writes nothing: the engine's log stays empty, so
 * closing is instant and the next open has nothing to replay or checkpoint. A taxonomy whose entries
 * changed under the same version is still written.
 */
import { cp, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../../graph/embedded/store.ts';
import type { GraphStore } from '../../../graph/store.ts';
import { ingestPaths } from '../../../ingest/load/ingest-files.ts';
import { SAMPLE_CORPUS_DIR } from '../../../ingest/sample/index.ts';
import { loadTaxonomy, type Taxonomy } from '../../../ingest/taxonomy/index.ts';
import { type TempStore, tempStore } from './helpers.ts';

const taxonomy = loadTaxonomy();

/** Bytes in the engine's log beside the database file (none once a checkpoint has taken everything in). */
async function logBytes(db: string): Promise<number> {
  return (await stat(`${db}.wal`).catch(() => null))?.size ?? 0;
}

describe('an unchanged re-ingest on the embedded engine', () => {
  let temp: TempStore;
  let db: string;
  let folder: string;
  let store: GraphStore;

  beforeEach(async () => {
    temp = await tempStore();
    db = join(temp.dir, 'db');
    folder = join(await realpath(temp.dir), 'corpus');
    await cp(SAMPLE_CORPUS_DIR, folder, { recursive: true });
    const first = await ingestPaths(temp.store, [folder], { taxonomy, threads: 0 });
    expect(first.loaded).toBeGreaterThan(0);
    await temp.store.close();
    // Opening replays what the first run left in the log and checkpoints it (files.ts): the log starts empty.
    store = await openEmbeddedStore({ path: db });
    await store.close();
    expect(await logBytes(db)).toBe(0);
    store = await openEmbeddedStore({ path: db });
  });
  afterEach(async () => {
    await store?.close();
    await temp?.dispose();
  });

  it('reports every file unchanged and leaves the log empty for the next open', async () => {
    const again = await ingestPaths(store, [folder], { taxonomy, threads: 0 });
    expect(again).toMatchObject({ loaded: 0, replaced: 0, failed: [] });
    expect(again.unchanged).toBe(again.documents);
    await store.close();
    expect(await logBytes(db)).toBe(0);
  });

  it('still writes a taxonomy whose labels changed under the same version', async () => {
    const [first, ...rest] = taxonomy.themes;
    if (!first) throw new Error('the taxonomy has no themes');
    const relabelled: Taxonomy = {
      ...taxonomy,
      themes: [{ ...first, label: `${first.label} (renamed)` }, ...rest],
    };
    const again = await ingestPaths(store, [folder], { taxonomy: relabelled, threads: 0 });
    expect(again.unchanged).toBe(again.documents);
    const stored = await store.taxonomy();
    expect(stored.themes.find((t) => t.id === first.id)?.label).toBe(`${first.label} (renamed)`);
  });
});
