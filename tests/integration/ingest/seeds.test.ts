import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphCounts } from '../../../graph/store.ts';
import { type IngestSummary, ingestPaths } from '../../../ingest/load/ingest-files.ts';
import { loadTaxonomy } from '../../../ingest/taxonomy/index.ts';
import { announceMissingSeeds, SEEDS, seedsPresent, type TempStore, tempStore } from './helpers.ts';

announceMissingSeeds('the seed ingest tests are');

describe.skipIf(!seedsPresent)('ingesting the seed documents into the embedded store', () => {
  const taxonomy = loadTaxonomy();
  let temp: TempStore;
  let first: IngestSummary;
  let afterFirst: GraphCounts;
  let second: IngestSummary;
  let afterSecond: GraphCounts;
  const caseIds = new Set<string>();

  beforeAll(async () => {
    temp = await tempStore();
    first = await ingestPaths(temp.store, [SEEDS], {
      taxonomy,
      onDocument: (doc) => {
        for (const c of doc.cases) caseIds.add(c.id);
      },
    });
    afterFirst = await temp.store.counts();
    second = await ingestPaths(temp.store, [SEEDS], { taxonomy });
    afterSecond = await temp.store.counts();
  });
  afterAll(async () => {
    await temp?.dispose();
  });

  it('loads all five documents and their 37 entries the first time', () => {
    expect(first).toMatchObject({ documents: 5, loaded: 5, replaced: 0, unchanged: 0, failed: [] });
    expect(first.reviews).toBe(37);
    expect(afterFirst.nodes.Source).toBe(5);
    expect(afterFirst.relationships.PUBLISHED_IN).toBe(37);
  });

  it('stores one case review node per distinct review, however many documents name it', () => {
    expect(afterFirst.nodes.CaseReview).toBe(caseIds.size);
  });

  it('stores every link the documents contribute', () => {
    const stored = Object.values(afterFirst.relationships).reduce((a, b) => a + b, 0);
    expect(stored).toBe(first.links);
  });

  it('changes nothing when the same files are ingested again', () => {
    expect(second).toMatchObject({ documents: 5, loaded: 0, replaced: 0, unchanged: 5, failed: [] });
    expect(afterSecond).toEqual(afterFirst);
  });

  it('keeps each evidence quote equal to the source text at its offsets', async () => {
    const facets = await temp.store.caseFacets();
    let checked = 0;
    for (const { id } of facets.slice(0, 10)) {
      const detail = await temp.store.caseDetail(id);
      if (!detail) throw new Error(`case ${id} has no detail`);
      for (const tag of [...detail.harmTypes, ...detail.agencies, ...detail.themes]) {
        const text = await temp.store.sourceText(tag.evidence.sourceId);
        expect(text?.slice(tag.evidence.start, tag.evidence.end)).toBe(tag.evidence.quote);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});
