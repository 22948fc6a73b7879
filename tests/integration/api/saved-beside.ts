/**
 * What the tests of the files saved beside the database share: a store holding all but one of the sample
 * documents (the one held back is uploaded by a test), a store whose reads of one kind are counted, and a
 * GraphQL call that expects no errors.
 */
import { readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { openEmbeddedStore } from '../../../graph/embedded/store.ts';
import type { GraphStore } from '../../../graph/store.ts';
import { ingestPaths, loadTaxonomy, SAMPLE_CORPUS_DIR } from '../../../ingest/index.ts';
import { createServer, type RunningServer } from '../../../server/http/app.ts';
import { testConfig } from './running-server.ts';

const samples = readdirSync(SAMPLE_CORPUS_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();
/** The sample document the stores below do not hold. */
export const HELD_BACK = samples[0] ?? '';

/** A fresh embedded store in a new temporary folder, holding every sample document but HELD_BACK. */
export async function storeWithoutOne(name: string): Promise<{ dir: string; store: GraphStore }> {
  const dir = await mkdtemp(join(tmpdir(), `threadline-${name}-`));
  const store = await openEmbeddedStore({ path: join(dir, 'db') });
  await store.ensureSchema();
  await ingestPaths(
    store,
    samples.slice(1).map((f) => join(SAMPLE_CORPUS_DIR, f)),
    { taxonomy: loadTaxonomy() },
  );
  return { dir, store };
}

/** The store with its calls of `method` counted. */
export function counted(store: GraphStore, method: keyof GraphStore) {
  const reads = { calls: 0 };
  const proxy = new Proxy(store, {
    get(target, property) {
      if (property === method) reads.calls++;
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { store: proxy, reads };
}

/** A GraphQL request that must answer without errors; `token` is sent as the bearer token when given. */
export async function gql<T>(
  server: RunningServer,
  query: string,
  variables?: object,
  token?: string,
): Promise<T> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body.data as T;
}

/**
 * A server over `store` that saves what `saved` names beside the database, with what it logs, once its
 * index is in place (bounded: a keeper that does not restore at once is caught here, not by a hung test) and
 * everything it built is saved.
 */
export async function serveSaving(
  store: GraphStore,
  saved: { savedIndex: string; savedSearch?: string },
  adminToken: string,
): Promise<{ server: RunningServer; log: string[] }> {
  const log: string[] = [];
  const server = await (
    await createServer({
      store,
      config: testConfig({ adminToken }),
      indexInBackground: true,
      ...saved,
      log: (line) => log.push(line),
    })
  ).listen();
  await server.keeper.ready(30_000);
  await server.keeper.saved();
  return { server, log };
}

/**
 * For a suite: a store from storeWithoutOne opened before its tests and closed and removed after them. The
 * returned object is filled in before the first test runs.
 */
export function suiteStore(name: string): { dir: string; db: string; store: GraphStore } {
  const suite = { dir: '', db: '', store: undefined as unknown as GraphStore };
  beforeAll(async () => {
    const opened = await storeWithoutOne(name);
    Object.assign(suite, opened, { db: join(opened.dir, 'db') });
  });
  afterAll(async () => {
    await suite.store.close();
    await rm(suite.dir, { recursive: true, force: true });
  });
  return suite;
}
