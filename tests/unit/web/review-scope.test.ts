import { describe, expect, it } from 'vitest';
import type { Stats } from '../../../web/src/api/types.ts';
import { reviewScope } from '../../../web/src/shell/summary.ts';
import { EMPTY_FILTERS } from '../../../web/src/state/view-state.ts';

const stats: Stats = {
  cases: 33,
  sources: 5,
  themes: 80,
  harmTypes: 12,
  agencies: 14,
  learning: 200,
  recommendations: 150,
  yearMin: 2014,
  yearMax: 2024,
  population: { excluded: { national: 4 } },
};

describe('the scope line under the top bar', () => {
  it('counts case reviews when no filter is set', () => {
    expect(reviewScope(EMPTY_FILTERS, stats, 33)).toBe('33 reviews');
  });

  it('counts the filtered reviews against the case reviews', () => {
    expect(reviewScope({ ...EMPTY_FILTERS, harmTypes: ['neglect'] }, stats, 9)).toBe('9 of 33 reviews');
  });

  it('counts national publications in the total when the filter asks for them', () => {
    expect(reviewScope({ ...EMPTY_FILTERS, reviewTypes: ['SCR', 'NATIONAL'] }, stats, 30)).toBe(
      '30 of 37 reviews',
    );
  });
});
