import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadExpected } from '../../../bench/extraction/expected.ts';
import { loadTaxonomy } from '../../../ingest/taxonomy/index.ts';

const FIXTURES = new URL('../../fixtures/extraction/', import.meta.url).pathname;

describe('extraction development set', () => {
  const { documents, unknownIds } = loadExpected(join(FIXTURES, 'expected'), loadTaxonomy());

  it('names documents that exist', () => {
    for (const doc of documents) {
      expect(existsSync(join(FIXTURES, 'docs', doc.file)), doc.file).toBe(true);
      if (doc.variants?.html)
        expect(existsSync(join(FIXTURES, 'docs', doc.variants.html)), doc.file).toBe(true);
    }
  });

  it('uses only ids the taxonomy has', () => {
    expect(unknownIds).toEqual([]);
  });

  it('holds out about a quarter of the documents', () => {
    const held = documents.filter((d) => d.holdout).length / documents.length;
    expect(held).toBeGreaterThan(0.15);
    expect(held).toBeLessThan(0.35);
  });
});
