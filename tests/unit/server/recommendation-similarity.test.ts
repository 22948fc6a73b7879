import { describe, expect, it } from 'vitest';
import { similarSets } from '../../../server/analytics/recommendations/similar.ts';
import { contentWords, jaccard } from '../../../server/analytics/recommendations/words.ts';

describe('the content words of a recommendation', () => {
  it('drops case, accents, punctuation, stop words and the phrasing every recommendation shares', () => {
    expect(
      contentWords('The Partnership should ENSURE that health visitors are trained, café-style.'),
    ).toEqual(['cafe', 'health', 'partnership', 'style', 'trained', 'visitor']);
  });

  it('folds plurals so that singular and plural asks meet', () => {
    expect(contentWords('agencies and policies')).toEqual(contentWords('agency and policy'));
    expect(contentWords('the process and its status')).toEqual(['process', 'status']);
  });

  it('is empty for text made only of stop words', () => {
    expect(contentWords('It should be so.')).toEqual([]);
  });
});

describe('Jaccard similarity', () => {
  it('is shared words over all words', () => {
    expect(jaccard(['a', 'b', 'c'], ['b', 'c', 'd'])).toBe(0.5);
    expect(jaccard(['a'], ['a'])).toBe(1);
    expect(jaccard([], [])).toBe(0);
  });
});

/** A deterministic corpus of word sets with many near-duplicates: variations on a few dozen base asks. */
function corpus(n: number, seed: number): string[][] {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const vocabulary = Array.from({ length: 120 }, (_, i) => `w${i}`);
  const bases = Array.from({ length: 30 }, () =>
    Array.from({ length: 4 + Math.floor(next() * 8) }, () => vocabulary[Math.floor(next() * 40)] ?? ''),
  );
  return Array.from({ length: n }, () => {
    const words = new Set(bases[Math.floor(next() * bases.length)]);
    const edits = Math.floor(next() * 4);
    for (let e = 0; e < edits; e++) {
      if (next() < 0.5) words.add(vocabulary[Math.floor(next() * vocabulary.length)] ?? '');
      else words.delete([...words][Math.floor(next() * words.size)] ?? '');
    }
    return [...words].sort();
  });
}

function allPairs(sets: string[][], threshold: number): number[][] {
  return sets.map((x, i) =>
    sets.flatMap((y, j) =>
      j !== i && x.length > 0 && y.length > 0 && jaccard(x, y) >= threshold ? [j] : [],
    ),
  );
}

describe('similar sets found through prefix filtering', () => {
  it('are exactly the pairs comparing every pair finds, at several thresholds', () => {
    const sets = corpus(600, 7);
    for (const threshold of [0.3, 0.5, 0.6, 0.75, 0.9, 1]) {
      expect(similarSets(sets, threshold)).toEqual(allPairs(sets, threshold));
    }
  });

  it('include pairs exactly at the threshold and leave out empty sets', () => {
    const sets = [['a', 'b', 'c'], ['a', 'b', 'c', 'd', 'e'], [], ['x']];
    expect(similarSets(sets, 0.6)).toEqual([[1], [0], [], []]);
  });
});
