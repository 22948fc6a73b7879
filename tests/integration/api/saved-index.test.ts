/**
 * The analytics index saved beside the database: a server restarted over an unchanged store answers from
 * the saved index without reading a case review, and one restarted after a write (an upload whose own
 * save did not land) or over a damaged file says so in one line and builds the index from the store. Over
 * the real embedded engine, with the real upload path.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../../graph/embedded/store.ts';
import type { GraphStore } from '../../../graph/store.ts';
import { ingestPaths, loadTaxonomy, SAMPLE_CORPUS_DIR } from '../../../ingest/index.ts';
import { savedIndexPath } from '../../../server/analytics/persisted-index.ts';
import { createServer, type RunningServer } from '../../../server/http/app.ts';
import { testConfig } from './running-server.ts';

const ADMIN_TOKEN = 'saved-index-admin-token-0123456789abcdef';
const THEME_MAP = '{ themeNetwork(minShared: 1) { nodes { id weight } edges { source target weight } } }';
const CASES = '{ stats { cases } }';
const [heldBack, ...preloaded] = readdirSync(SAMPLE_CORPUS_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();

/** The store with its case-review reads counted: a restored index reads none of them. */
function counted(store: GraphStore) {
  const reads = { caseFacets: 0 };
  const proxy = new Proxy(store, {
    get(target, property) {
      if (property === 'caseFacets') reads.caseFacets++;
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { store: proxy, reads };
}

async function gql<T>(server: RunningServer, query: string, variables?: object, admin = false): Promise<T> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(admin ? { authorization: `Bearer ${ADMIN_TOKEN}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body.data as T;
}

describe('the saved analytics index', () => {
  let dir: string;
  let store: GraphStore;
  let file: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'threadline-saved-index-'));
    store = await openEmbeddedStore({ path: join(dir, 'db') });
    await store.ensureSchema();
    await ingestPaths(
      store,
      preloaded.map((f) => join(SAMPLE_CORPUS_DIR, f)),
      { taxonomy: loadTaxonomy() },
    );
    file = savedIndexPath(join(dir, 'db'));
  });

  afterAll(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** A server over the store that saves its index in `file`, with what it logs, warmed up and saved. */
  async function serve(over: GraphStore = store) {
    const log: string[] = [];
    const server = await (
      await createServer({
        store: over,
        config: testConfig({ adminToken: ADMIN_TOKEN }),
        indexInBackground: true,
        savedIndex: file,
        log: (line) => log.push(line),
      })
    ).listen();
    // Bounded: a keeper that does not restore the index at once is caught here rather than by a hung test.
    await server.keeper.ready(30_000);
    await server.keeper.saved();
    return { server, log };
  }

  it('serves the theme map from the saved index at once after a restart, reading no case review', async () => {
    const first = await serve();
    const themes = await gql(first.server, THEME_MAP);
    const cases = await gql(first.server, CASES);
    await first.server.close();

    const reads = counted(store);
    const again = await serve(reads.store);
    try {
      expect(again.log).toEqual([]);
      expect(reads.reads.caseFacets).toBe(0);
      expect(await (await fetch(`${again.server.url}/healthz`)).json()).toEqual({ ok: true });
      expect(await gql(again.server, THEME_MAP)).toEqual(themes);
      expect(await gql(again.server, CASES)).toEqual(cases);
    } finally {
      await again.server.close();
    }
  });

  it('ignores a saved index written before the last upload, and builds the index from the store', async () => {
    const first = await serve();
    const before = await gql<{ stats: { cases: number } }>(first.server, CASES);
    const savedBeforeUpload = await readFile(file);
    const uploaded = await gql<{ ingestDocument: { status: string; cases: number } }>(
      first.server,
      'mutation($filename: String!, $text: String) { ingestDocument(filename: $filename, text: $text) { status cases } }',
      { filename: heldBack, text: readFileSync(join(SAMPLE_CORPUS_DIR, heldBack ?? ''), 'utf8') },
      true,
    );
    expect(uploaded.ingestDocument).toMatchObject({ status: 'loaded' });
    expect(uploaded.ingestDocument.cases).toBeGreaterThan(0);
    await first.server.keeper.saved();
    await first.server.close();
    // As if the server had stopped before the save after the upload landed.
    await writeFile(file, savedBeforeUpload);

    const reads = counted(store);
    const again = await serve(reads.store);
    let after = 0;
    try {
      expect(again.log).toEqual([
        expect.stringMatching(
          /^threadline: the saved analytics index at .* was written before the last change to the store; building it from the store$/,
        ),
      ]);
      expect(reads.reads.caseFacets).toBe(1);
      after = (await gql<{ stats: { cases: number } }>(again.server, CASES)).stats.cases;
      expect(after).toBeGreaterThan(before.stats.cases);
    } finally {
      await again.server.close();
    }

    // The build from the store was saved in its turn: the next start restores it.
    const third = await serve();
    try {
      expect(third.log).toEqual([]);
      expect(await gql(third.server, CASES)).toEqual({ stats: { cases: after } });
    } finally {
      await third.server.close();
    }
  });

  it('names a damaged saved index in one line, builds the index from the store and saves it whole', async () => {
    const whole = await readFile(file);
    await writeFile(file, whole.subarray(0, Math.floor(whole.byteLength / 2)));
    const again = await serve();
    try {
      expect(again.log).toEqual([
        expect.stringMatching(
          /^threadline: the saved analytics index at .* is damaged \(.*\); building it from the store$/,
        ),
      ]);
      expect((await gql<{ stats: { cases: number } }>(again.server, CASES)).stats.cases).toBeGreaterThan(0);
      expect((await readFile(file)).byteLength).toBe(whole.byteLength);
    } finally {
      await again.server.close();
    }
  });
});
