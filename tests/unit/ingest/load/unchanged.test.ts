import { describe, expect, it } from 'vitest';
import { StoreError } from '../../../../graph/errors.ts';
import type { GraphStore, SourceReading } from '../../../../graph/store.ts';
import { RunIdentities, settleIdentities } from '../../../../ingest/identity/resolve.ts';
import {
  extractionOf,
  parseExtraction,
  settleStored,
  storedReadings,
} from '../../../../ingest/load/unchanged.ts';
import { extractDocument } from '../../../../ingest/pipeline.ts';
import { loadTaxonomy } from '../../../../ingest/taxonomy/index.ts';

const taxonomy = loadTaxonomy();

function read(text: string, year = 2024) {
  return extractDocument(
    {
      path: `bulletin-${year}.txt`,
      format: 'txt',
      sha256: 'x',
      text: `Fictional Review Library – May ${year}\n\n${text}\n`,
      hints: [],
      title: null,
      warnings: ['a warning from reading'],
    },
    taxonomy,
  );
}

const WREN = `1. Local child safeguarding practice review: Wren

Serious harm to a 6-year-old girl in March 2022 involving neglect.

Learning includes: information sharing between the school and the police was slow.`;

describe('what reading a document gave, kept with its source', () => {
  it('reads back as it was written', () => {
    const doc = read(WREN);
    const stored = parseExtraction(extractionOf(doc, 7));
    expect(stored?.links).toBe(7);
    expect(stored?.warnings).toEqual(doc.warnings);
    expect(stored?.cases.map((c) => [c.id, c.child, c.reportYear])).toEqual(
      doc.cases.map((c) => [c.id, c.child, c.reportYear]),
    );
  });

  it('is unknown when missing or not in the shape written', () => {
    for (const text of [
      null,
      '',
      '{',
      'null',
      '[]',
      '{"cases":[],"links":"2","warnings":[]}',
      '{"cases":[{}],"links":1,"warnings":[]}',
    ]) {
      expect(parseExtraction(text), String(text)).toBeNull();
    }
  });

  it("settles the run's identities and gives the warnings as reading the document does", () => {
    const earlier = read(WREN);
    const later = read(WREN, 2025);
    const reading = new RunIdentities();
    settleIdentities(earlier, reading);
    const expected = settleIdentities(later, reading).warnings;
    expect(expected.join('\n')).toMatch(/possible duplicate/);

    const replaying = new RunIdentities();
    const earlierWarnings = settleStored(parseExtraction(extractionOf(earlier, 0)) ?? fail(), replaying);
    expect(earlierWarnings).toEqual(earlier.warnings);
    expect(settleStored(parseExtraction(extractionOf(later, 0)) ?? fail(), replaying)).toEqual(expected);
  });
});

function fail(): never {
  throw new Error('the stored reading did not parse');
}

function storeAnswering(answer: () => Promise<SourceReading[]>): GraphStore {
  return { sourceReadings: answer } as unknown as GraphStore;
}

describe('looking up stored readings', () => {
  const json = extractionOf(read(WREN), 3);

  it('recognises only sources read by this version, with a reading, in the order asked', async () => {
    const store = storeAnswering(async () => [
      { id: 'a', extractor: 'v2', extraction: json },
      { id: 'b', extractor: 'v1', extraction: json },
      { id: 'c', extractor: null, extraction: null },
      { id: 'd', extractor: 'v2', extraction: null },
    ]);
    const found = await storedReadings(store, ['b', null, 'a', 'c', 'd', 'e'], 'v2');
    expect(found.map((r) => r?.links ?? null)).toEqual([null, null, 3, null, null, null]);
  });

  it('recognises nothing when the store cannot answer', async () => {
    const store = storeAnswering(async () => {
      throw new StoreError('query', 'no such property');
    });
    expect(await storedReadings(store, ['a', 'b'], 'v2')).toEqual([null, null]);
  });
});
