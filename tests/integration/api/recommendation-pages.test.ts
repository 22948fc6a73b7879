/**
 * Pages of recommendations counted and paged from the book beside the index answer exactly as the store's
 * statements() does, on the embedded engine over the fixture graph.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../../graph/embedded/store.ts';
import type { GraphStore } from '../../../graph/store.ts';
import { normalizeFilter } from '../../../server/analytics/filter.ts';
import type { AnalyticsIndex } from '../../../server/analytics/index.ts';
import { IndexKeeper } from '../../../server/analytics/keeper.ts';
import type { RecommendationBook } from '../../../server/analytics/recommendations/book.ts';
import { recommendationListing } from '../../../server/analytics/recommendations/listing.ts';
import { recommendationBook } from '../../../server/analytics/recommendations/load.ts';
import { NATIONAL, SPRING, SUMMER, TAXONOMY } from '../../fixtures/batches.ts';

describe('recommendation pages from the book', () => {
  let dir: string;
  let store: GraphStore;
  let index: AnalyticsIndex;
  let book: RecommendationBook;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'threadline-rec-pages-'));
    store = await openEmbeddedStore({ path: join(dir, 'db') });
    await store.ensureSchema();
    await store.upsertTaxonomy(TAXONOMY);
    await store.loadSources([SPRING, SUMMER, NATIONAL]);
    index = (await IndexKeeper.open(store)).index;
    book = await recommendationBook(index, store);
  });

  afterAll(async () => {
    await store?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('gives the totals and pages store.statements() gives', async () => {
    const themes = [...index.taxonomy.themes.map((t) => t.id), 'no-such-theme'];
    const agencies = index.taxonomy.agencies.map((a) => a.id);
    const filters: Array<{ themes: string[]; agencies: string[] }> = [
      { themes: [], agencies: [] },
      ...themes.map((t) => ({ themes: [t], agencies: [] })),
      ...agencies.map((a) => ({ themes: [], agencies: [a] })),
      ...themes.flatMap((t) => agencies.map((a) => ({ themes: [t], agencies: [a] }))),
      { themes: themes.slice(0, 3), agencies: agencies.slice(0, 3) },
    ];
    const scopes = [null, ...index.sources.map((s) => normalizeFilter({ sources: [s.id] }))];
    let compared = 0;
    for (const f of filters) {
      for (const cases of scopes) {
        const scope = cases === null ? null : index.match(cases);
        if (scope !== null && scope.count() === 0) continue;
        for (const [offset, limit] of [
          [0, 20],
          [1, 2],
        ] as const) {
          const stored = await store.statements({
            kind: 'recommendation',
            themes: f.themes,
            agencies: f.agencies,
            caseIds: scope === null ? undefined : index.idsOf(scope),
            limit,
            offset,
          });
          const listed = recommendationListing(book, { ...f, scope, offset, limit });
          expect(listed.total).toBe(stored.total);
          expect(
            listed.items.map((r) => ({
              id: r.id,
              text: r.text,
              sourceId: r.sourceId,
              start: r.start,
              end: r.end,
              caseId: r.caseId,
              themes: r.themes,
              agencies: r.agencies,
            })),
          ).toEqual(stored.items.map(({ kind: _kind, ...hit }) => hit));
          compared += stored.items.length;
        }
      }
    }
    expect(compared).toBeGreaterThan(0);
  });
});
