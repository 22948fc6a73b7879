/**
 * A file's source loaded again with the same id but read by another extractor version is refreshed: what
 * the stored reading contributed is replaced by the new one under the same id, as a changed file replaces
 * its earlier version. On every available engine, by loadSource and by loadSources (the embedded engine's
 * COPY path here), beside other batches of the same call.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { SourceBatch } from '../../../graph/records.ts';
import type { GraphStore } from '../../../graph/store.ts';
import { CASE_IDS, NATIONAL, SPRING, SUMMER, TAXONOMY } from '../../fixtures/batches.ts';
import { engines } from './engines.ts';

function readBy(batch: SourceBatch, extractor: string | null): SourceBatch {
  return { ...batch, source: { ...batch.source, extractor, extraction: null } };
}

/** The same file as read by a version that no longer finds the review `caseId` in it. */
function without(batch: SourceBatch, caseId: string): SourceBatch {
  const statements = new Set(
    batch.links
      .filter((l) => l.from === caseId && (l.type === 'HAS_LEARNING' || l.type === 'MAKES'))
      .map((l) => l.to),
  );
  return {
    ...batch,
    cases: batch.cases.filter((c) => c.id !== caseId),
    learning: batch.learning.filter((s) => !statements.has(s.id)),
    recommendations: batch.recommendations.filter((s) => !statements.has(s.id)),
    links: batch.links.filter((l) => l.from !== caseId && !statements.has(l.from)),
  };
}

const WEST = CASE_IDS.childMWest;
const SUMMER_V2 = readBy(without(SUMMER, WEST), 'v2');

async function graphOf(store: GraphStore) {
  const facets = (await store.caseFacets()).sort((a, b) => a.id.localeCompare(b.id));
  return {
    counts: await store.counts(),
    sources: await store.listSources(),
    facets,
    cases: (await store.casesByIds(facets.map((f) => f.id))).sort((a, b) => a.id.localeCompare(b.id)),
    links: await store.caseLinks(null),
    recommendations: await store.recommendationRows(),
  };
}

describe.each(engines)('a source read by a new extractor version, on the $name engine', (engine) => {
  afterAll(() => engine.stop());

  /** What loading `batches` into an empty store gives: the graph a refresh must end at. */
  async function reference(batches: SourceBatch[]) {
    const store = await engine.fresh();
    await store.upsertTaxonomy(TAXONOMY);
    for (const b of batches) await store.loadSource(b);
    return graphOf(store);
  }

  it('replaces the stored reading in place, by loadSource and by loadSources beside a new batch', async () => {
    expect(SUMMER.cases.map((c) => c.id)).toContain(WEST);
    const expected = await reference([readBy(SPRING, 'v1'), SUMMER_V2]);
    const expectedWithNational = await reference([readBy(SPRING, 'v1'), SUMMER_V2, readBy(NATIONAL, 'v2')]);

    const one = await engine.fresh();
    await one.upsertTaxonomy(TAXONOMY);
    await one.loadSources([readBy(SPRING, 'v1'), readBy(SUMMER, 'v1')]);
    const outcome = await one.loadSource(SUMMER_V2);
    expect(outcome).toMatchObject({ sourceId: SUMMER.source.id, status: 'refreshed', replaced: [] });
    expect(await graphOf(one)).toEqual(expected);
    expect(await one.sourceReadings([SUMMER.source.id])).toEqual([
      { id: SUMMER.source.id, extractor: 'v2', extraction: null },
    ]);
    expect(await one.caseDetail(WEST)).toBeNull();

    const many = await engine.fresh();
    await many.upsertTaxonomy(TAXONOMY);
    await many.loadSources([readBy(SPRING, 'v1'), readBy(SUMMER, 'v1')]);
    const outcomes = await many.loadSources([readBy(NATIONAL, 'v2'), SUMMER_V2]);
    expect(outcomes.map((o) => o.status)).toEqual(['loaded', 'refreshed']);
    expect(await graphOf(many)).toEqual(expectedWithNational);
    await engine.closeStores();
  });

  it('is unchanged when read by the same version, by an unknown one, or sent as an upload', async () => {
    const store = await engine.fresh();
    await store.upsertTaxonomy(TAXONOMY);
    await store.loadSources([readBy(SPRING, 'v1'), readBy(SUMMER, 'v1'), readBy(NATIONAL, null)]);
    const before = await graphOf(store);
    const again = await store.loadSources([
      readBy(without(SPRING, CASE_IDS.childQ), 'v1'),
      readBy(without(SUMMER, WEST), null),
      readBy(NATIONAL, 'v2'),
    ]);
    expect(again.map((o) => o.status)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    // An upload replaces only what it names.
    const upload = await store.loadSource({ ...SUMMER_V2, replaces: { ids: [] } });
    expect(upload.status).toBe('unchanged');
    expect(await graphOf(store)).toEqual(before);
    await engine.closeStores();
  });
});
