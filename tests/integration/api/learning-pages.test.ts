/**
 * Pages of learning counted and paged from the listing beside the index answer exactly as the store's
 * statements() does, on the embedded engine: the listing itself over the fixture graph, and learning(filter)
 * over HTTP once /healthz says the listing is read.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../../graph/embedded/store.ts';
import type { GraphStore, StatementHit } from '../../../graph/store.ts';
import { SAMPLE_CORPUS_DIR } from '../../../ingest/sample/index.ts';
import { normalizeFilter } from '../../../server/analytics/filter.ts';
import type { AnalyticsIndex } from '../../../server/analytics/index.ts';
import { IndexKeeper } from '../../../server/analytics/keeper.ts';
import type { StatementListing } from '../../../server/analytics/recommendations/listing.ts';
import { learningListing, listingStates } from '../../../server/analytics/recommendations/load.ts';
import { NATIONAL, SPRING, SUMMER, TAXONOMY } from '../../fixtures/batches.ts';
import { startLoadedServer, type TestServer } from './running-server.ts';

describe('learning pages from the listing', () => {
  let dir: string;
  let store: GraphStore;
  let index: AnalyticsIndex;
  let listing: StatementListing<StatementHit>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'threadline-learning-pages-'));
    store = await openEmbeddedStore({ path: join(dir, 'db') });
    await store.ensureSchema();
    await store.upsertTaxonomy(TAXONOMY);
    await store.loadSources([SPRING, SUMMER, NATIONAL]);
    index = (await IndexKeeper.open(store)).index;
    expect(listingStates(index).learning).toBe('warming');
    listing = await learningListing(index, store);
  });

  afterAll(async () => {
    await store?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('is read once per index and then says so', async () => {
    expect(listingStates(index).learning).toBe('ready');
    expect(await learningListing(index, store)).toBe(listing);
  });

  it('gives the totals and pages store.statements() gives', async () => {
    const themes = [...index.taxonomy.themes.map((t) => t.id), 'no-such-theme'];
    const agencies = index.taxonomy.agencies.map((a) => a.id);
    const filters: Array<{ themes: string[]; agencies: string[] }> = [
      { themes: [], agencies: [] },
      ...themes.map((t) => ({ themes: [t], agencies: [] })),
      ...agencies.slice(0, 2).map((a) => ({ themes: [], agencies: [a] })),
      ...themes.slice(0, 2).flatMap((t) => agencies.slice(0, 2).map((a) => ({ themes: [t], agencies: [a] }))),
      { themes: themes.slice(0, 3), agencies: [] },
      { themes, agencies: [] },
    ];
    const scopes = [
      null,
      ...index.sources.map((s) => normalizeFilter({ sources: [s.id] })),
      ...index.taxonomy.harmTypes.map((h) => normalizeFilter({ harmTypes: [h.id] })),
    ];
    let compared = 0;
    for (const f of filters) {
      for (const cases of scopes) {
        const scope = cases === null ? null : index.match(cases);
        if (scope !== null && scope.count() === 0) continue;
        for (const [offset, limit] of [
          [0, 20],
          [1, 2],
          [3, 1],
          [0, 1000],
        ] as const) {
          const stored = await store.statements({
            kind: 'learning',
            themes: f.themes,
            agencies: f.agencies,
            caseIds: scope === null ? undefined : index.idsOf(scope),
            limit,
            offset,
          });
          const listed = listing.page({ ...f, scope, offset, limit });
          expect(listed.total).toBe(stored.total);
          expect(listed.items).toEqual(stored.items);
          compared += stored.items.length;
        }
      }
    }
    expect(compared).toBeGreaterThan(0);
  });
});

describe('learning(filter) over HTTP', () => {
  const TOKEN = 'reader-token-for-learning-pages';
  const asReader = { authorization: `Bearer ${TOKEN}` };
  let api: TestServer;

  beforeAll(async () => {
    api = await startLoadedServer([SAMPLE_CORPUS_DIR], { apiToken: TOKEN });
  });

  afterAll(async () => {
    await api?.stop();
  });

  interface Health {
    ok: boolean;
    status?: string;
    index?: string;
    search?: string;
    listings?: { learning: string; recommendation: string };
  }

  async function health(headers: Record<string, string> = asReader): Promise<Health> {
    return (await (await fetch(`${api.url}/healthz`, { headers })).json()) as Health;
  }

  async function until(ready: (h: Health) => boolean): Promise<Health> {
    for (let i = 0; i < 400; i++) {
      const h = await health();
      if (ready(h)) return h;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('/healthz never said ready');
  }

  const PAGE = `query($filter: StatementFilter, $first: Int, $after: String) {
    learning(filter: $filter, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { id case { id } themes { theme { id } } } } } }`;

  interface Page {
    learning: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { node: { id: string; case: { id: string } | null; themes: { theme: { id: string } }[] } }[];
    };
  }

  it('reports the listings on /healthz, reading learning on its first page', async () => {
    expect(await health({})).toEqual({ ok: true });
    const before = await health();
    expect(before).toMatchObject({ ok: true, index: 'ready', listings: { learning: 'warming' } });
    expect(['ready', 'warming']).toContain(before.search);
    const first = await api.gql<Page>(PAGE, { first: 5 }, asReader);
    expect(first.errors).toBeUndefined();
    const after = await until((h) => h.listings?.learning === 'ready' && h.search === 'ready');
    expect(after).toMatchObject({ ok: true, index: 'ready', search: 'ready' });
    expect(after.status).toBeUndefined();
    expect(await health({})).toEqual({ ok: true });
  });

  it('answers as store.statements() does, page after page, once the listing is read', async () => {
    await until((h) => h.listings?.learning === 'ready');
    const taxonomy = await api.store.taxonomy();
    const filters: Array<Record<string, unknown> | null> = [
      null,
      ...taxonomy.themes.slice(0, 6).map((t) => ({ themes: [t.id] })),
      { themes: taxonomy.themes.slice(0, 4).map((t) => t.id), cases: { harmTypes: ['neglect'] } },
      { cases: { harmTypes: ['neglect'] } },
      { agencies: ['police'] },
      { cases: { text: 'no review says this zqxj' } },
    ];
    let compared = 0;
    for (const filter of filters) {
      const themes = (filter?.themes as string[] | undefined) ?? [];
      const agencies = (filter?.agencies as string[] | undefined) ?? [];
      const seen: string[] = [];
      let after: string | null = null;
      let total = -1;
      for (let page = 0; page < 50; page++) {
        const answer: { data?: Page; errors?: unknown } = await api.gql<Page>(
          PAGE,
          { filter, first: 7, after },
          asReader,
        );
        expect(answer.errors).toBeUndefined();
        const data = answer.data?.learning;
        if (!data) throw new Error('no page');
        total = data.totalCount;
        for (const { node } of data.edges) {
          seen.push(node.id);
          expect(node.themes.map((t) => t.theme.id)).toEqual([...node.themes.map((t) => t.theme.id)].sort());
        }
        if (!data.pageInfo.hasNextPage) break;
        after = data.pageInfo.endCursor;
      }
      const cases = filter?.cases as { harmTypes?: string[]; text?: string } | undefined;
      const index = api.server.keeper.index;
      const caseIds = cases ? index.idsOf(index.match(normalizeFilter(cases))) : undefined;
      const stored =
        caseIds !== undefined && caseIds.length === 0
          ? { total: 0, items: [] }
          : await api.store.statements({
              kind: 'learning',
              themes,
              agencies,
              caseIds,
              limit: 100_000,
              offset: 0,
            });
      expect(total).toBe(stored.total);
      expect(seen).toEqual(stored.items.map((s) => s.id));
      compared += seen.length;
    }
    expect(compared).toBeGreaterThan(0);
  });
});
