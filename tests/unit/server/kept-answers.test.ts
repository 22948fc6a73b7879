import { describe, expect, it } from 'vitest';
import { KeptAnswers } from '../../../server/graphql/kept-answers.ts';

const limits = { capacity: 3, maxChars: 100, budgetChars: 250 };

describe('answers kept until the next write', () => {
  it('gives back a kept answer and forgets the least recently used past its capacity', () => {
    const kept = new KeptAnswers<string>(limits);
    for (const key of ['a', 'b', 'c']) kept.set(key, key.toUpperCase());
    expect(kept.get('a')).toBe('A');
    kept.set('d', 'D');
    expect(kept.get('b')).toBeUndefined();
    expect(['a', 'c', 'd'].map((k) => kept.get(k))).toEqual(['A', 'C', 'D']);
  });

  it('lets an answer go once its JSON text proves longer than one answer may be', () => {
    const kept = new KeptAnswers<string>(limits);
    kept.set('big', 'BIG');
    kept.sized('big', 'BIG', 101);
    expect(kept.get('big')).toBeUndefined();
    expect(kept.keptChars).toBe(0);
  });

  it('forgets the oldest answers once all the text kept passes the budget', () => {
    const kept = new KeptAnswers<string>(limits);
    for (const key of ['a', 'b', 'c']) {
      kept.set(key, key);
      kept.sized(key, key, 100);
    }
    expect(kept.get('a')).toBeUndefined();
    expect(kept.size).toBe(2);
    expect(kept.keptChars).toBe(200);
  });

  it('counts an answer replaced under the same key once', () => {
    const kept = new KeptAnswers<string>(limits);
    kept.set('a', 'first');
    kept.sized('a', 'first', 80);
    kept.set('a', 'second');
    kept.sized('a', 'first', 80);
    kept.sized('a', 'second', 60);
    expect(kept.get('a')).toBe('second');
    expect(kept.keptChars).toBe(60);
  });
});
