import { describe, expect, it } from 'vitest';
import { BatchLoader } from '../../../server/graphql/loader.ts';

describe('BatchLoader', () => {
  it('hands every key requested in the same tick to one batch call and memoises them', async () => {
    const calls: string[][] = [];
    const loader = new BatchLoader<string, string>(async (keys) => {
      calls.push(keys);
      return new Map(keys.map((k) => [k, k.toUpperCase()]));
    });
    const values = await Promise.all([loader.load('a'), loader.load('b'), loader.load('a')]);
    expect(values).toEqual(['A', 'B', 'A']);
    expect(calls).toEqual([['a', 'b']]);
    expect(await loader.load('b')).toBe('B');
    expect(calls).toHaveLength(1);
    expect(await loader.load('c')).toBe('C');
    expect(calls).toEqual([['a', 'b'], ['c']]);
  });

  it('gives undefined for keys the batch did not return', async () => {
    const loader = new BatchLoader<string, number>(async () => new Map());
    expect(await loader.load('missing')).toBeUndefined();
  });
});
