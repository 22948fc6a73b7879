import { describe, expect, it } from 'vitest';
import { requestLoader } from '../../../server/graphql/loader.ts';

describe('requestLoader', () => {
  it('hands every key requested in the same tick to one batch call and memoises them', async () => {
    const calls: string[][] = [];
    const loader = requestLoader<string, string>(async (keys) => {
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

  it('batches loads made by resolvers that start after an awaited sibling', async () => {
    const calls: string[][] = [];
    const loader = requestLoader<string, string>(async (keys) => {
      calls.push(keys);
      return new Map(keys.map((k) => [k, k]));
    });
    const later = async (key: string) => {
      await Promise.resolve();
      return loader.load(key);
    };
    await Promise.all([loader.load('a'), later('b'), later('c')]);
    expect(calls).toEqual([['a', 'b', 'c']]);
  });

  it('gives undefined for keys the batch did not return', async () => {
    const loader = requestLoader<string, number>(async () => new Map());
    expect(await loader.load('missing')).toBeUndefined();
  });

  it('says which keys were already asked for', async () => {
    const loader = requestLoader<string, number>(async (keys) => new Map(keys.map((k) => [k, k.length])));
    expect(loader.has('case-1')).toBe(false);
    const pending = loader.load('case-1');
    expect(loader.has('case-1')).toBe(true);
    expect(await pending).toBe(6);
    expect(loader.has('case-2')).toBe(false);
  });

  it('rejects every load of a failed batch and asks again on the next load', async () => {
    let attempts = 0;
    const loader = requestLoader<string, string>(async (keys) => {
      attempts += 1;
      if (attempts === 1) throw new Error('store unavailable');
      return new Map(keys.map((k) => [k, k]));
    });
    const first = await Promise.allSettled([loader.load('a'), loader.load('b')]);
    expect(first.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await loader.load('a')).toBe('a');
    expect(attempts).toBe(2);
  });
});
