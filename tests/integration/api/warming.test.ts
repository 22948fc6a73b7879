/**
 * A server that listens before its analytics index is built (`npm start`): /healthz answers at once and says
 * "warming"; queries wait for the index a bounded time and are then told to come back; once the index is in
 * place everything answers as usual. The index build is held at its first store read by a gate, over the
 * real embedded engine, so that each state can be looked at for as long as the test needs.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../../graph/embedded/store.ts';
import type { GraphStore } from '../../../graph/store.ts';
import { ingestPaths, loadTaxonomy, SAMPLE_CORPUS_DIR } from '../../../ingest/index.ts';
import type { ServerConfig } from '../../../server/config.ts';
import { createServer, type RunningServer } from '../../../server/http/app.ts';
import { testConfig } from './running-server.ts';

const THEME_MAP = '{ themeNetwork(minShared: 1) { nodes { id } } }';

/** The store, with caseFacets (the index build's first read) held until the test lets it through. */
function gated(store: GraphStore) {
  const waiting: Array<{ release: () => void; fail: (e: Error) => void }> = [];
  const proxy = new Proxy(store, {
    get(target, property) {
      if (property === 'caseFacets') {
        return () =>
          new Promise<void>((release, fail) => waiting.push({ release, fail })).then(() =>
            target.caseFacets(),
          );
      }
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const next = async () => {
    while (waiting.length === 0) await new Promise((r) => setTimeout(r, 5));
    return waiting.shift() as { release: () => void; fail: (e: Error) => void };
  };
  return {
    store: proxy,
    release: async () => (await next()).release(),
    fail: async (e: Error) => (await next()).fail(e),
  };
}

async function post(
  url: string,
  query: string,
): Promise<{ status: number; retryAfter: string | null; body: Body }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query }),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as Body,
  };
}

interface Body {
  data?: { themeNetwork: { nodes: { id: string }[] } } | null;
  errors?: { message: string; extensions?: { code?: string; retryable?: boolean } }[];
}

describe('a server warming its analytics index', () => {
  let dir: string;
  let store: GraphStore;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'threadline-warming-'));
    store = await openEmbeddedStore({ path: join(dir, 'db') });
    await store.ensureSchema();
    await ingestPaths(store, [SAMPLE_CORPUS_DIR], { taxonomy: loadTaxonomy() });
  });

  afterAll(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function listen(gate: ReturnType<typeof gated>, config: Partial<ServerConfig>, log: string[] = []) {
    const server = await createServer({
      store: gate.store,
      config: testConfig(config),
      indexInBackground: true,
      log: (line) => log.push(line),
    });
    return server.listen();
  }

  it('says "warming" on /healthz and asks queries and exports to come back, then answers once built', async () => {
    const gate = gated(store);
    const server: RunningServer = await listen(gate, { indexWaitMs: 50 });
    try {
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ ok: true, status: 'warming' });

      const early = await post(server.url, THEME_MAP);
      expect(early.status).toBe(503);
      expect(early.retryAfter).toBe('2');
      expect(early.body.errors?.[0]?.extensions).toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        retryable: true,
      });
      expect(early.body.errors?.[0]?.message).toMatch(
        /still building its analytics index; try again in 2 seconds/,
      );

      const csv = await fetch(`${server.url}/export/themes.csv`);
      expect(csv.status).toBe(503);
      expect(csv.headers.get('retry-after')).toBe('2');

      await gate.release();
      await server.keeper.ready();
      expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ ok: true });
      const later = await post(server.url, THEME_MAP);
      expect(later.body.errors).toBeUndefined();
      expect(later.body.data?.themeNetwork.nodes.length).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });

  it('warms the store (its path adjacency) only once the analytics index is in place', async () => {
    const gate = gated(store);
    let warmed = 0;
    const counting = new Proxy(gate.store, {
      get(target, property) {
        if (property === 'warm') return () => warmed++;
        const value = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const server = await (
      await createServer({ store: counting, config: testConfig({}), indexInBackground: true, log: () => {} })
    ).listen();
    try {
      expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ ok: true, status: 'warming' });
      expect(warmed).toBe(0);
      await gate.release();
      await server.keeper.ready();
      await new Promise((resolve) => setImmediate(resolve));
      expect(warmed).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('answers a query that arrives while warming once the index is in place within its wait', async () => {
    const gate = gated(store);
    const server = await listen(gate, { indexWaitMs: 60_000 });
    try {
      const pending = post(server.url, THEME_MAP);
      // A round trip after it, so that the query has reached the server before the index is let through.
      expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ ok: true, status: 'warming' });
      await gate.release();
      const answer = await pending;
      expect(answer.status).toBe(200);
      expect(answer.body.data?.themeNetwork.nodes.length).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });

  it('reports a first build that fails in one line, and builds again on the next query', async () => {
    const gate = gated(store);
    const log: string[] = [];
    const server = await listen(gate, { indexWaitMs: 60_000 }, log);
    try {
      await gate.fail(new Error('the store went away for a moment'));
      while (log.length === 0) await new Promise((r) => setTimeout(r, 5));
      expect(log).toEqual([
        expect.stringMatching(/^threadline: the analytics index could not be built: .*went away/),
      ]);
      expect(server.keeper.state).toBe('warming');

      const retried = post(server.url, THEME_MAP);
      await gate.release();
      expect((await retried).body.data?.themeNetwork.nodes.length).toBeGreaterThan(0);
      expect(server.keeper.state).toBe('ready');
    } finally {
      await server.close();
    }
  });
});
