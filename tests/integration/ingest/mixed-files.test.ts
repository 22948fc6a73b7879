import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphCounts } from '../../../graph/store.ts';
import { type IngestSummary, ingestPaths } from '../../../ingest/load/ingest-files.ts';
import { loadTaxonomy } from '../../../ingest/taxonomy/index.ts';
import { announceMissingSeeds, SEEDS, seedsPresent, type TempStore, tempStore } from './helpers.ts';

announceMissingSeeds('the mixed good-and-bad files test is');

const FIFTY_MB = 50 * 1024 * 1024;

describe.skipIf(!seedsPresent)('ingesting good documents alongside bad files', () => {
  const taxonomy = loadTaxonomy();
  let temp: TempStore;
  let bad: { empty: string; pdf: string; huge: string };
  let mixed: IngestSummary;
  let afterMixed: GraphCounts;

  beforeAll(async () => {
    temp = await tempStore();
    bad = {
      empty: join(temp.dir, 'empty.txt'),
      pdf: join(temp.dir, 'cut-short.pdf'),
      huge: join(temp.dir, 'fifty-megabytes.txt'),
    };
    await writeFile(bad.empty, '');
    await writeFile(
      bad.pdf,
      '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pa',
    );
    const line = 'A fictional line of filler text that says nothing about any review.\n';
    await writeFile(bad.huge, line.repeat(Math.ceil(FIFTY_MB / line.length)));
    mixed = await ingestPaths(temp.store, [bad.empty, SEEDS, bad.pdf, bad.huge], { taxonomy });
    afterMixed = await temp.store.counts();
  });
  afterAll(async () => {
    await temp?.dispose();
  });

  it('loads every good document', () => {
    expect(mixed.documents).toBe(8);
    expect(mixed.loaded).toBe(5);
    expect(afterMixed.nodes.Source).toBe(5);
    expect(afterMixed.relationships.PUBLISHED_IN).toBe(37);
  });

  it('reports each bad file by name with a message', () => {
    expect(mixed.failed.map((f) => f.file).sort()).toEqual([bad.empty, bad.huge, bad.pdf].sort());
    for (const f of mixed.failed) {
      expect(f.message).toContain(f.file);
      expect(f.message.length).toBeGreaterThan(f.file.length + 5);
    }
  });

  it('loses nothing already loaded when a later run meets only bad files', async () => {
    const again = await ingestPaths(temp.store, [bad.empty, bad.pdf, bad.huge], { taxonomy });
    expect(again.failed).toHaveLength(3);
    expect(again.loaded + again.replaced + again.unchanged).toBe(0);
    expect(await temp.store.counts()).toEqual(afterMixed);
  });
});
