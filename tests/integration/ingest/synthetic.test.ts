import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labelsFrom, syntheticDocuments, writeSyntheticCorpus } from '../../../bench/synthetic/index.ts';
import { extractFile } from '../../../ingest/load/ingest-files.ts';
import type { ExtractedText } from '../../../ingest/pipeline.ts';
import { loadTaxonomy } from '../../../ingest/taxonomy/index.ts';

describe('the synthetic corpus', () => {
  const taxonomy = loadTaxonomy();
  const labels = labelsFrom(taxonomy);
  const options = { reviews: 150, perDocument: 50, seed: 7, labels };
  let dir: string;
  const extracted: ExtractedText[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'threadline-synthetic-'));
    const corpus = await writeSyntheticCorpus(dir, options);
    for (const file of corpus.files) {
      const result = await extractFile(file, taxonomy);
      if (!result.ok) throw new Error(result.problem.message);
      extracted.push(result.doc);
    }
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is the same for the same seed and differs for another', () => {
    const texts = (seed: number) => [...syntheticDocuments({ ...options, seed })].map((d) => d.text);
    expect(texts(7)).toEqual(texts(7));
    expect(texts(8)).not.toEqual(texts(7));
  });

  it('writes one document per layout: bulletin, newsletter and yearly list', () => {
    expect(extracted.map((d) => d.kind)).toEqual(['repository-bulletin', 'topic-newsletter', 'yearly-list']);
  });

  it('yields every generated review, each with its own id, when extracted', () => {
    const ids = extracted.flatMap((d) => d.cases.map((c) => c.id));
    expect(ids).toHaveLength(150);
    expect(new Set(ids).size).toBe(150);
  });

  it('names taxonomy labels that classification finds in every review', () => {
    for (const c of extracted.flatMap((d) => d.cases)) {
      expect(c.harmTypes.length, c.title).toBeGreaterThan(0);
      expect(c.agencies.length, c.title).toBeGreaterThan(0);
      expect(c.themes.length, c.title).toBeGreaterThan(0);
      expect(c.learning.length, c.title).toBeGreaterThan(0);
      expect(c.recommendations.length, c.title).toBeGreaterThan(0);
    }
  });
});
