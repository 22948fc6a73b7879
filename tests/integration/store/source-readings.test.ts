/**
 * How a source was read (SourceRecord.extractor and .extraction) is stored with it and read back by id, on
 * every available engine, whichever way it was loaded; sources stored without it read back as unknown.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { SourceBatch } from '../../../graph/records.ts';
import { NATIONAL, SPRING, SUMMER, TAXONOMY } from '../../fixtures/batches.ts';
import { engines } from './engines.ts';

function readBy(batch: SourceBatch, extractor: string): SourceBatch {
  return {
    ...batch,
    source: { ...batch.source, extractor, extraction: `{"read":"${batch.source.path}"}` },
  };
}

describe.each(engines)('how sources were read, on the $name engine', (engine) => {
  afterAll(() => engine.stop());

  it('gives back what each source was stored with, for the ids asked about that are stored', async () => {
    const store = await engine.fresh();
    await store.upsertTaxonomy(TAXONOMY);
    await store.loadSource(readBy(SPRING, 'v1'));
    await store.loadSources([readBy(SUMMER, 'v2'), NATIONAL]);
    const rows = await store.sourceReadings([
      SPRING.source.id,
      SUMMER.source.id,
      NATIONAL.source.id,
      'no-such-source',
    ]);
    expect(rows.sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [
        { id: SPRING.source.id, extractor: 'v1', extraction: `{"read":"${SPRING.source.path}"}` },
        { id: SUMMER.source.id, extractor: 'v2', extraction: `{"read":"${SUMMER.source.path}"}` },
        { id: NATIONAL.source.id, extractor: null, extraction: null },
      ].sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(await store.sourceReadings([])).toEqual([]);
    await engine.closeStores();
  });
});
