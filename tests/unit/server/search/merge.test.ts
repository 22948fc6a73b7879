import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../../graph/store.ts';
import { knownTaxa, mergeSearchHits } from '../../../../server/search/merge.ts';

const agency = (id: string, caption: string): SearchHit => ({ kind: 'agency', id, caption, caseId: null });
const review = (id: string, caption: string): SearchHit => ({ kind: 'case', id, caption, caseId: null });

const KNOWN = knownTaxa({
  themes: [],
  harmTypes: [],
  agencies: [{ id: 'health-visiting' }, { id: 'police' }],
});

describe('merging taxonomy hits with the store’s', () => {
  it('puts the taxonomy’s hits first and keeps each kind and id once', () => {
    const taxa = [agency('health-visiting', 'Health visiting')];
    const stored = [review('c1', 'Child H'), agency('health-visiting', 'Health visiting')];
    expect(mergeSearchHits(taxa, stored, KNOWN, 10)).toEqual([
      agency('health-visiting', 'Health visiting'),
      review('c1', 'Child H'),
    ]);
  });

  it('drops taxonomy hits for entries the graph does not hold', () => {
    const taxa = [agency('coastguard', 'Coastguard'), agency('police', 'Police')];
    expect(mergeSearchHits(taxa, [], KNOWN, 10)).toEqual([agency('police', 'Police')]);
  });

  it('returns at most the limit', () => {
    const taxa = [agency('police', 'Police')];
    const stored = [review('c1', 'Child H'), review('c2', 'Child J')];
    expect(mergeSearchHits(taxa, stored, KNOWN, 2)).toEqual([
      agency('police', 'Police'),
      review('c1', 'Child H'),
    ]);
  });

  it('keeps a case and a partnership hit with the same id apart: they are different kinds', () => {
    const stored: SearchHit[] = [
      review('c1', 'Child H'),
      { kind: 'partnership', id: 'c1', caption: 'P', caseId: 'c1' },
    ];
    expect(mergeSearchHits([], stored, KNOWN, 10)).toHaveLength(2);
  });
});
