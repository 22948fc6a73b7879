import { describe, expect, it } from 'vitest';
import { localReviewType } from '../../../../ingest/extract/era.ts';

describe('the kind of a local review its text does not name', () => {
  it('is a serious case review up to 2020 and a local child safeguarding practice review after', () => {
    expect(localReviewType(null, 2019, 'Eastmere')).toBe('SCR');
    expect(localReviewType(null, 2020, 'Eastmere')).toBe('SCR');
    expect(localReviewType(null, 2022, 'Eastmere')).toBe('LCSPR');
  });

  it('stays unknown without a year, and never overrides a kind the text names', () => {
    expect(localReviewType(null, null, 'Eastmere')).toBeNull();
    expect(localReviewType('OTHER', 2022, 'Eastmere')).toBe('OTHER');
    expect(localReviewType('SCR', 2023, 'Eastmere')).toBe('SCR');
  });

  it("reads a partnership's child safeguarding practice review as a local one, the panel's as not", () => {
    expect(localReviewType('CSPR', 2023, 'Wrenford Safeguarding Children Partnership')).toBe('LCSPR');
    expect(localReviewType('CSPR', 2023, 'Child Safeguarding Practice Review Panel')).toBe('CSPR');
  });
});
