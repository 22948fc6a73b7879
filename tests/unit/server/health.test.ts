import { describe, expect, it } from 'vitest';
import type { GraphStore } from '../../../graph/store.ts';
import type { KeeperStates } from '../../../server/analytics/keeper.ts';
import { health } from '../../../server/http/health.ts';

function storeThat(ping: () => Promise<void>): GraphStore {
  return { engine: 'embedded', description: 'embedded test store', ping } as unknown as GraphStore;
}

const answering = storeThat(async () => undefined);
const failing = storeThat(async () => {
  throw new Error('database is locked\nmore detail');
});

const WARMING: KeeperStates = {
  index: 'warming',
  search: 'warming',
  listings: { learning: 'warming', recommendation: 'warming' },
};
const SEARCH_WARMING: KeeperStates = {
  index: 'ready',
  search: 'warming',
  listings: { learning: 'ready', recommendation: 'warming' },
};

async function read(response: Promise<Response>): Promise<{ status: number; body: unknown }> {
  const r = await response;
  return { status: r.status, body: await r.json() };
}

describe('/healthz', () => {
  it('says only ok, and warming while the analytics index warms, without a token', async () => {
    expect(await read(health(answering, false, WARMING))).toEqual({
      status: 200,
      body: { ok: true, status: 'warming' },
    });
    expect(await read(health(answering, false, SEARCH_WARMING))).toEqual({ status: 200, body: { ok: true } });
    expect(await read(health(failing, false, SEARCH_WARMING))).toEqual({ status: 503, body: { ok: false } });
  });

  it('reports the search index and the statement listings with a token; only the index says warming', async () => {
    expect(await read(health(answering, true, WARMING))).toEqual({
      status: 200,
      body: {
        ok: true,
        status: 'warming',
        engine: 'embedded',
        description: 'embedded test store',
        reachable: true,
        index: 'warming',
        search: 'warming',
        listings: { learning: 'warming', recommendation: 'warming' },
      },
    });
    expect(await read(health(answering, true, SEARCH_WARMING))).toEqual({
      status: 200,
      body: {
        ok: true,
        engine: 'embedded',
        description: 'embedded test store',
        reachable: true,
        index: 'ready',
        search: 'warming',
        listings: { learning: 'ready', recommendation: 'warming' },
      },
    });
  });

  it('turns 503 when the store does not answer, still saying what is in memory', async () => {
    expect(await read(health(failing, true, SEARCH_WARMING))).toEqual({
      status: 503,
      body: {
        ok: false,
        engine: 'embedded',
        description: 'embedded test store',
        reachable: false,
        error: 'database is locked',
        index: 'ready',
        search: 'warming',
        listings: { learning: 'ready', recommendation: 'warming' },
      },
    });
  });
});
