/**
 * /healthz with a token tells what answers from memory: the analytics index, the search index and each
 * statement listing, from a server that listens before its index is built (the build held at its first
 * store read, over the real embedded engine) until every one of them is ready. Without a token it says no
 * more than before.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../../graph/embedded/store.ts';
import type { GraphStore } from '../../../graph/store.ts';
import { ingestPaths, loadTaxonomy, SAMPLE_CORPUS_DIR } from '../../../ingest/index.ts';
import { createServer } from '../../../server/http/app.ts';
import { testConfig } from './running-server.ts';

const TOKEN = 'reader-token-for-health-states';

/** The store, with caseFacets (the index build's first read) held until `release` is called. */
function gated(store: GraphStore) {
  let release: () => void = () => undefined;
  const held = new Promise<void>((r) => {
    release = r;
  });
  const proxy = new Proxy(store, {
    get(target, property) {
      if (property === 'caseFacets') return () => held.then(() => target.caseFacets());
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { store: proxy, release: () => release() };
}

interface Health {
  ok: boolean;
  status?: string;
  index?: string;
  search?: string;
  listings?: { learning: string; recommendation: string };
}

describe('/healthz states', () => {
  let dir: string;
  let store: GraphStore;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'threadline-health-states-'));
    store = await openEmbeddedStore({ path: join(dir, 'db') });
    await store.ensureSchema();
    await ingestPaths(store, [SAMPLE_CORPUS_DIR], { taxonomy: loadTaxonomy() });
  });

  afterAll(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('says warming for each until it is in place, and ready after', async () => {
    const gate = gated(store);
    const server = await (
      await createServer({
        store: gate.store,
        config: testConfig({ apiToken: TOKEN, indexWaitMs: 60_000 }),
        indexInBackground: true,
        log: () => undefined,
      })
    ).listen();
    const headers = { authorization: `Bearer ${TOKEN}` };
    const healthz = async (withToken = true): Promise<{ status: number; body: Health }> => {
      const r = await fetch(`${server.url}/healthz`, withToken ? { headers } : {});
      return { status: r.status, body: (await r.json()) as Health };
    };
    const until = async (done: (h: Health) => boolean): Promise<Health> => {
      for (let i = 0; i < 400; i++) {
        const { body } = await healthz();
        if (done(body)) return body;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error('/healthz never said so');
    };
    const gql = async (query: string) => {
      const r = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      const body = (await r.json()) as { errors?: unknown };
      expect(body.errors).toBeUndefined();
    };
    try {
      expect(await healthz(false)).toEqual({ status: 200, body: { ok: true, status: 'warming' } });
      expect(await healthz()).toMatchObject({
        status: 200,
        body: {
          ok: true,
          status: 'warming',
          reachable: true,
          index: 'warming',
          search: 'warming',
          listings: { learning: 'warming', recommendation: 'warming' },
        },
      });

      gate.release();
      await server.keeper.ready();
      const built = await until((h) => h.search === 'ready');
      expect(built).toMatchObject({ ok: true, index: 'ready', search: 'ready' });
      expect(built.status).toBeUndefined();
      // The listings are read when a page of their kind is first asked for; the store answers meanwhile.
      expect(built.listings).toEqual({ learning: 'warming', recommendation: 'warming' });
      expect(await healthz(false)).toEqual({ status: 200, body: { ok: true } });

      await gql('{ learning(first: 3) { totalCount edges { node { id } } } }');
      expect((await until((h) => h.listings?.learning === 'ready')).listings?.recommendation).toBe('warming');
      await gql('{ recommendations(first: 3) { totalCount edges { node { id } } } }');
      expect(await until((h) => h.listings?.recommendation === 'ready')).toMatchObject({
        ok: true,
        index: 'ready',
        search: 'ready',
        listings: { learning: 'ready', recommendation: 'ready' },
      });
      expect(await healthz(false)).toEqual({ status: 200, body: { ok: true } });
    } finally {
      await server.close();
    }
  });
});
