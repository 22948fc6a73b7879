import { describe, expect, it } from 'vitest';
import { sampleSourceIds } from '../../../web/src/filters/filter-panel.ts';
import { SAMPLE_FILES } from '../../../web/src/upload/sample-sources.ts';

describe('the sample in the filter panel’s source list', () => {
  it('tags the sources whose documents are the bundled fictional sample, as the header badge knows them', () => {
    const sources = [
      { id: 'a1', path: SAMPLE_FILES[0]! },
      { id: 'b2', path: '000_real-review-list.txt' },
      { id: 'c3', path: SAMPLE_FILES[1]! },
    ];
    expect(sampleSourceIds(sources)).toEqual(new Set(['a1', 'c3']));
  });

  it('tags nothing when no sample document is loaded, or the sources are not known yet', () => {
    expect(sampleSourceIds([{ id: 'b2', path: '000_real-review-list.txt' }]).size).toBe(0);
    expect(sampleSourceIds([]).size).toBe(0);
  });
});
