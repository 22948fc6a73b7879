/** Shared set-up for the ingest integration tests: a fresh embedded store in a temporary folder. */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openEmbeddedStore } from '../../../graph/embedded/store.ts';
import type { GraphCounts, GraphStore } from '../../../graph/store.ts';

export const repoRoot = resolve(import.meta.dirname, '../../..');
export const SEEDS = resolve(repoRoot, '../shared/seeds');
export const seedsPresent = existsSync(SEEDS);

export function announceMissingSeeds(what: string): void {
  if (!seedsPresent) console.log(`seed documents not found at ${SEEDS}: ${what} skipped`);
}

export interface TempStore {
  dir: string;
  store: GraphStore;
  dispose(): Promise<void>;
}

export async function tempStore(): Promise<TempStore> {
  const dir = await mkdtemp(join(tmpdir(), 'threadline-ingest-'));
  const store = await openEmbeddedStore({ path: join(dir, 'db') });
  await store.ensureSchema();
  return {
    dir,
    store,
    async dispose() {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export function total(counts: GraphCounts): number {
  return (
    Object.values(counts.nodes).reduce((a, b) => a + b, 0) +
    Object.values(counts.relationships).reduce((a, b) => a + b, 0)
  );
}
