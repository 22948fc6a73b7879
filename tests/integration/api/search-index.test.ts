/**
 * The search index kept beside the analytics index answers exactly as the store's substring search does,
 * on the embedded engine over the fixture graph: after the first build, after a source is added, after a
 * source is replaced by an edited copy, and after a source is removed.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../../graph/embedded/store.ts';
import type { GraphStore } from '../../../graph/store.ts';
import { IndexKeeper } from '../../../server/analytics/keeper.ts';
import { NATIONAL, SPRING, SUMMER, SUMMER_REVISED, TAXONOMY } from '../../fixtures/batches.ts';

async function untilReady(keeper: IndexKeeper): Promise<void> {
  for (let i = 0; i < 400 && !keeper.search.ready; i++) await new Promise((r) => setTimeout(r, 25));
  expect(keeper.search.ready).toBe(true);
}

/** Needles taken from the graph's own text: words, their starts and middles, word pairs, whole captions. */
async function needlesOf(store: GraphStore, keeper: IndexKeeper): Promise<string[]> {
  const cases = await store.casesByIds(keeper.index.caseIds());
  const statements = [
    ...(await store.statements({ kind: 'learning', limit: 1000, offset: 0 })).items,
    ...(await store.statements({ kind: 'recommendation', limit: 1000, offset: 0 })).items,
  ];
  const texts = [
    ...cases.flatMap((c) => [c.title, c.child ?? '', c.partnership ?? '', c.summary ?? '']),
    ...statements.map((s) => s.text),
    ...TAXONOMY.themes.map((t) => t.label),
  ];
  const out = new Set<string>(['a', 'e', 'zzz', '-', ',', 'child q', 'CHILD', "child's", 'the  child']);
  for (const text of texts) {
    const words = text.split(/\s+/).filter((w) => w.length > 0);
    words.forEach((w, i) => {
      out.add(w);
      out.add(w.slice(0, 3));
      if (w.length > 4) out.add(w.slice(1, -1));
      const next = words[i + 1];
      if (next) out.add(`${w} ${next}`);
      if (next) out.add(`${w.slice(2)} ${next.slice(0, 2)}`);
    });
    if (text.length > 0) out.add(text.slice(0, 40));
  }
  // Every few needles, so each check stays a few seconds; the stride keeps all kinds of needle in.
  const all = [...out].filter((n) => n.trim().length > 0);
  return all.filter((_, i) => i % Math.max(1, Math.floor(all.length / 150)) === 0);
}

describe('the search index beside the analytics index', () => {
  let dir: string;
  let store: GraphStore;
  let keeper: IndexKeeper;

  async function expectSameAsStore(): Promise<number> {
    await untilReady(keeper);
    let hits = 0;
    for (const needle of await needlesOf(store, keeper)) {
      for (const limit of [2, 50]) {
        const stored = await store.search(needle, limit);
        const indexed = keeper.search.search(needle, limit, keeper.index.taxonomy);
        expect(indexed, `"${needle}", first ${limit}`).toEqual(stored);
        hits += stored.length;
      }
    }
    return hits;
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'threadline-search-index-'));
    store = await openEmbeddedStore({ path: join(dir, 'db') });
    await store.ensureSchema();
    await store.upsertTaxonomy(TAXONOMY);
    await store.loadSources([SPRING, SUMMER]);
    keeper = await IndexKeeper.open(store);
  });

  afterAll(async () => {
    await store?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers as the store after the first build', async () => {
    expect(await expectSameAsStore()).toBeGreaterThan(100);
  });

  it('answers as the store after a source is added', async () => {
    await store.loadSources([NATIONAL]);
    await keeper.rebuild({ sources: [NATIONAL.source.id], cases: [] });
    expect(keeper.search.ready).toBe(true);
    await expectSameAsStore();
  });

  it('answers as the store after a source is replaced by an edited copy', async () => {
    const affected = keeper.index.caseIds({ sources: [SUMMER.source.id] });
    await store.loadSources([SUMMER_REVISED]);
    await keeper.rebuild({ sources: [SUMMER_REVISED.source.id], cases: affected });
    await expectSameAsStore();
  });

  it('answers as the store after a source is removed', async () => {
    const affected = keeper.index.caseIds({ sources: [SPRING.source.id] });
    expect(await store.removeSource(SPRING.source.id)).toBe(true);
    await keeper.rebuild({ sources: [], cases: affected });
    await expectSameAsStore();
    expect(keeper.search.stats().dead).toBeGreaterThanOrEqual(0);
  });
});
