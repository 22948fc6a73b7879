import { describe, expect, it } from 'vitest';
import type { ExpectedCase } from '../../../bench/extraction/expected.ts';
import {
  childKey,
  matchCases,
  type PredictedCase,
  partnershipKey,
  reviewPrecision,
  reviewRecall,
  scoreDocument,
  setF1,
} from '../../../bench/extraction/score.ts';

const expectedCase = (over: Partial<ExpectedCase>): ExpectedCase => ({
  child: null,
  title: null,
  partnership: 'Eastmere',
  year: 2023,
  outcome: 'death',
  reviewType: 'LCSPR',
  ageBand: 'under 1',
  harmTypes: [],
  agencies: [],
  themes: [],
  learningCount: 0,
  recommendationCount: 0,
  ...over,
});

const predictedCase = (over: Partial<PredictedCase>): PredictedCase => ({
  child: null,
  title: null,
  partnership: 'Eastmere Safeguarding Children Partnership',
  year: 2023,
  outcome: 'death',
  reviewType: 'LCSPR',
  ageBand: 'under 1',
  harmTypes: [],
  agencies: [],
  themes: [],
  learningCount: 0,
  recommendationCount: 0,
  ...over,
});

describe('names and partnerships', () => {
  it('sets aside child, baby, the and a pseudonym note', () => {
    expect(childKey('Child M (pseudonym)')).toBe('m');
    expect(childKey('Baby M')).toBe('m');
    expect(childKey('the child known as Kai')).toBe('kai');
    expect(childKey(null)).toBe('');
  });

  it('sees one partnership behind its longer and shorter names', () => {
    expect(partnershipKey('Eastmere Safeguarding Children Partnership')).toBe('eastmere');
    expect(partnershipKey('Eastmere LSCB')).toBe('eastmere');
    expect(partnershipKey('Haddon Vale')).toBe('haddon vale');
  });
});

describe('matching', () => {
  it('pairs by child first, then by title words, then unnamed in order', () => {
    const expected = [
      expectedCase({ child: 'Child B' }),
      expectedCase({ title: 'National review of infant injuries' }),
      expectedCase({}),
    ];
    const predicted = [
      predictedCase({ title: 'Untitled entry' }),
      predictedCase({ title: 'Infant injuries: a national review' }),
      predictedCase({ child: 'B', title: 'Serious case review: B' }),
    ];
    expect(matchCases(expected, predicted)).toEqual([
      [0, 2],
      [1, 1],
      [2, 0],
    ]);
  });

  it('leaves a named review unmatched rather than pairing it with a stranger', () => {
    expect(matchCases([expectedCase({ child: 'Ella' })], [predictedCase({ child: 'Zara' })])).toEqual([]);
    const listed = expectedCase({ child: 'Child R', title: '2019 - Eastmere - Child R' });
    const neighbour = predictedCase({ child: 'Child S', title: '2019 - Eastmere - Child S' });
    expect(matchCases([listed], [neighbour])).toEqual([]);
  });

  it('pairs a sibling group with an entry that caught one of its names', () => {
    const group = expectedCase({ child: 'Amber, Jake and Tyler', title: 'The Oak Lane children' });
    expect(matchCases([group], [predictedCase({ child: 'Amber', title: 'The Oak Lane children' })])).toEqual([
      [0, 0],
    ]);
  });
});

describe('scoring one document', () => {
  it('counts found, missed and extra reviews, right fields and tag overlap', () => {
    const expected = [
      expectedCase({
        child: 'Child M',
        harmTypes: ['physical-abuse'],
        themes: ['information-sharing', 'assessment'],
      }),
      expectedCase({ child: 'Child N' }),
    ];
    const predicted = [
      predictedCase({
        child: 'Child M',
        year: 2021,
        harmTypes: ['physical-abuse', 'neglect'],
        themes: ['information-sharing'],
      }),
      predictedCase({ child: 'Child Q' }),
    ];
    const score = scoreDocument(expected, predicted);
    expect(score.missed.map((c) => c.child)).toEqual(['Child N']);
    expect(score.extra.map((c) => c.child)).toEqual(['Child Q']);
    expect(reviewPrecision(score.tally)).toBe(0.5);
    expect(reviewRecall(score.tally)).toBe(0.5);
    expect(score.tally.fields.partnership).toEqual({ right: 1, total: 1 });
    expect(score.pairs[0]?.fieldMisses).toEqual([{ field: 'year', expected: 2023, predicted: 2021 }]);
    expect(setF1(score.tally.sets.harmTypes)).toBeCloseTo(2 / 3);
    expect(score.pairs[0]?.missingTags.themes).toEqual(['assessment']);
  });

  it('has no precision to report when nothing was predicted', () => {
    const score = scoreDocument([], []);
    expect(reviewPrecision(score.tally)).toBeNull();
    expect(reviewRecall(score.tally)).toBeNull();
  });
});
