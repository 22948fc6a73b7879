/**
 * A case review's fields are declared once (graph/schema/model.ts): the record type, the embedded engine's
 * columns and row reader, and the ingest output all follow that declaration.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, expectTypeOf, it } from 'vitest';
import { openEmbeddedStore } from '../../../graph/embedded/store.ts';
import type { AgeBand, CaseReviewRecord, Outcome, ReviewType } from '../../../graph/records.ts';
import { CASE_REVIEW_PROPERTIES } from '../../../graph/schema/model.ts';
import type { ExtractedCase } from '../../../ingest/extract/types.ts';
import { caseRecord } from '../../../ingest/load/to-records.ts';
import { CASE_IDS, SPRING, TAXONOMY } from '../../fixtures/batches.ts';

const DECLARED = CASE_REVIEW_PROPERTIES.map((p) => p.name);
const roots: string[] = [];

afterAll(async () => {
  for (const root of roots) await rm(root, { recursive: true, force: true });
});

describe('the declared fields of a case review', () => {
  it('types vocabulary fields by their vocabulary and optional fields as nullable', () => {
    expectTypeOf<CaseReviewRecord['reviewType']>().toEqualTypeOf<ReviewType>();
    expectTypeOf<CaseReviewRecord['outcome']>().toEqualTypeOf<Outcome | null>();
    expectTypeOf<CaseReviewRecord['ageBand']>().toEqualTypeOf<AgeBand | null>();
    expectTypeOf<CaseReviewRecord['reportYear']>().toEqualTypeOf<number | null>();
    expectTypeOf<CaseReviewRecord['id']>().toEqualTypeOf<string>();
    expectTypeOf<keyof CaseReviewRecord>().toEqualTypeOf<(typeof DECLARED)[number]>();
  });

  it('reads back from the embedded engine exactly the declared fields, in declared order', async () => {
    const root = await mkdtemp(join(tmpdir(), 'threadline-case-fields-'));
    roots.push(root);
    const store = await openEmbeddedStore({ path: join(root, 'db.lbug'), maxDbBytes: 2 ** 34 });
    try {
      await store.ensureSchema();
      await store.upsertTaxonomy(TAXONOMY);
      await store.loadSource(SPRING);
      const [read] = await store.casesByIds([CASE_IDS.childQ]);
      expect(Object.keys(read ?? {})).toEqual(DECLARED);
      expect(read).toEqual(SPRING.cases.find((c) => c.id === CASE_IDS.childQ));
    } finally {
      await store.close();
    }
  });

  it('keeps of an extracted case only the declared fields', () => {
    const stored = SPRING.cases[0] as CaseReviewRecord;
    const extracted: ExtractedCase = {
      ...stored,
      start: 0,
      end: 10,
      summarySpan: null,
      harmTypes: [],
      agencies: [],
      themes: [],
      learning: [],
      recommendations: [],
      actions: [],
    };
    const record = caseRecord(extracted);
    expect(Object.keys(record)).toEqual(DECLARED);
    expect(record).toEqual(stored);
  });
});
