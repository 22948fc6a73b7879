/**
 * The statistics, each checked against published reference values and against an independent brute-force
 * computation written here (exact big-integer binomials, every table with the same margins, every
 * permutation of a series), never against the code under test.
 */
import { describe, expect, it } from 'vitest';
import {
  fisherGreater,
  fisherTwoSided,
  hasSmallExpected,
  logHypergeometric,
  mannKendall,
  seededRandom,
  shareRatio,
} from '../../../server/analytics/stats.ts';

function binomial(n: number, k: number): bigint {
  if (k < 0 || k > n) return 0n;
  let out = 1n;
  for (let i = 1; i <= k; i++) out = (out * BigInt(n - k + i)) / BigInt(i);
  return out;
}

/** Exact P(X = x) numerators over the common denominator C(N, n), for every x of the support. */
function hypergeometricTable(N: number, K: number, n: number): { x: number; ways: bigint }[] {
  const rows: { x: number; ways: bigint }[] = [];
  for (let x = 0; x <= n; x++) rows.push({ x, ways: binomial(K, x) * binomial(N - K, n - x) });
  return rows.filter((r) => r.ways > 0n);
}

function ratio(num: bigint, den: bigint): number {
  const scale = 10n ** 30n;
  return Number((num * scale) / den) / 1e30;
}

function bruteGreater(k: number, N: number, K: number, n: number): number {
  const rows = hypergeometricTable(N, K, n);
  return ratio(
    rows.filter((r) => r.x >= k).reduce((s, r) => s + r.ways, 0n),
    binomial(N, n),
  );
}

function bruteTwoSided(a: number, b: number, c: number, d: number): number {
  const rows = hypergeometricTable(a + b + c + d, a + c, a + b);
  const observed = rows.find((r) => r.x === a)?.ways ?? 0n;
  return ratio(
    rows.filter((r) => r.ways <= observed).reduce((s, r) => s + r.ways, 0n),
    binomial(a + b + c + d, a + b),
  );
}

describe('Fisher exact test', () => {
  it("gives Fisher's tea-tasting table its published p-values (one-sided 0.2429, two-sided 0.4857)", () => {
    // [[3, 1], [1, 3]]: 3 of the 4 milk-first cups named correctly.
    expect(fisherGreater(3, 8, 4, 4)).toBeCloseTo(0.2429, 4);
    expect(fisherTwoSided(3, 1, 1, 3)).toBeCloseTo(0.4857, 4);
  });

  it("gives Fisher's twin convictions table (R's fisher.test example) its p-values 0.0004652 and 0.0005367", () => {
    // Convictions of like-sex twins of criminals: Dizygotic 2 convicted / 15 not; Monozygotic 10 / 3.
    // Lower tail: P(X ≤ 2) = 1 − P(X ≥ 3) with X ~ Hypergeometric(30, 12 convicted, 17 dizygotic).
    expect(1 - fisherGreater(3, 30, 12, 17)).toBeCloseTo(0.0004652, 7);
    expect(fisherTwoSided(2, 15, 10, 3)).toBeCloseTo(0.0005367, 7);
  });

  it('matches the hypergeometric distribution enumerated with exact integers, on every table up to 14 reviews', () => {
    for (let N = 1; N <= 14; N++) {
      for (let K = 0; K <= N; K++) {
        for (let n = 0; n <= N; n++) {
          for (let k = Math.max(0, n - (N - K)); k <= Math.min(K, n); k++) {
            expect(fisherGreater(k, N, K, n)).toBeCloseTo(bruteGreater(k, N, K, n), 12);
            expect(fisherTwoSided(k, n - k, K - k, N - K - n + k)).toBeCloseTo(
              bruteTwoSided(k, n - k, K - k, N - K - n + k),
              12,
            );
          }
        }
      }
    }
  });

  it('stays exact in log space where the probabilities underflow a double', () => {
    // 600 of 600 reviews with theme A also carry B, among 10 000 reviews with 700 carrying B.
    const lp = logHypergeometric(600, 10_000, 600, 700);
    const exact = Math.log(Number(binomial(700, 600))) - Math.log(Number(binomial(10_000, 600)));
    expect(Number.isFinite(lp)).toBe(true);
    expect(Number.isFinite(exact)).toBe(false); // C(10000, 600) overflows: the brute force cannot even hold it
    expect(fisherGreater(600, 10_000, 600, 700)).toBe(Math.exp(lp));
    expect(fisherGreater(600, 10_000, 600, 700)).toBeLessThan(1e-300);
    // A large table against the exact big-integer tail.
    expect(fisherGreater(40, 400, 60, 120)).toBeCloseTo(bruteGreater(40, 400, 60, 120), 14);
    expect(fisherGreater(40, 400, 60, 120) / bruteGreater(40, 400, 60, 120)).toBeCloseTo(1, 9);
  });
});

describe('ratio of shares', () => {
  it('gives the hand-worked log-method interval: 10/50 against 5/100 is 4 (1.445 to 11.08)', () => {
    // se = sqrt(1/10 − 1/50 + 1/5 − 1/100) = sqrt(0.27) = 0.5196; 4·exp(±1.96·0.5196).
    const r = shareRatio(10, 50, 5, 100);
    expect(r.ratio).toBe(4);
    expect(r.low).toBeCloseTo(1.4446, 3);
    expect(r.high).toBeCloseTo(11.0756, 3);
    expect(r.corrected).toBe(false);
  });

  it('adds 0.5 to every cell of a table with a zero cell, and says so', () => {
    // 3 of 8 against 0 of 20: (3.5/9) / (0.5/21) = 16.333…
    const r = shareRatio(3, 8, 0, 20);
    expect(r.corrected).toBe(true);
    expect(r.ratio).toBeCloseTo(3.5 / 9 / (0.5 / 21), 12);
    const se = Math.sqrt(1 / 3.5 - 1 / 9 + 1 / 0.5 - 1 / 21);
    expect(r.low).toBeCloseTo(r.ratio * Math.exp(-1.959964 * se), 5);
    expect(r.high).toBeCloseTo(r.ratio * Math.exp(1.959964 * se), 4);
  });

  it('flags a table whose expected counts fall below 5', () => {
    expect(hasSmallExpected(10, 50, 5, 100)).toBe(false);
    expect(hasSmallExpected(3, 8, 0, 20)).toBe(true);
  });
});

/** Kendall's S and its exact variance under no trend, by visiting every ordering of the values. */
function bruteMannKendall(values: number[]): { s: number; variance: number } {
  const s = (ys: number[]) => {
    let total = 0;
    for (let i = 0; i < ys.length; i++)
      for (let j = i + 1; j < ys.length; j++) total += Math.sign((ys[j] ?? 0) - (ys[i] ?? 0));
    return total;
  };
  const all: number[] = [];
  const permute = (rest: number[], taken: number[]) => {
    if (rest.length === 0) {
      all.push(s(taken));
      return;
    }
    rest.forEach((v, i) => {
      permute([...rest.slice(0, i), ...rest.slice(i + 1)], [...taken, v]);
    });
  };
  permute(values, []);
  const mean = all.reduce((a, b) => a + b, 0) / all.length;
  return { s: s(values), variance: all.reduce((a, b) => a + (b - mean) ** 2, 0) / all.length };
}

describe('Mann–Kendall test and Sen slope', () => {
  it('gives a steadily rising five-year series S = 10 and p = 0.0275', () => {
    const mk = mannKendall([1, 2, 3, 4, 5].map((y, i) => ({ t: 2019 + i, y })));
    expect(mk.s).toBe(10);
    expect(mk.variance).toBeCloseTo(50 / 3, 12);
    expect(mk.p).toBeCloseTo(0.0275, 4);
    expect(mk.slope).toBe(1);
  });

  it("has S and the tie-corrected variance of S equal to every ordering's, counted one by one", () => {
    for (const values of [
      [0.1, 0.4, 0.2, 0.5, 0.3, 0.6],
      [0.2, 0.2, 0.1, 0.3, 0.3, 0.3, 0],
      [0, 0, 0.5, 0.5, 1],
    ]) {
      const mk = mannKendall(values.map((y, i) => ({ t: 2000 + i, y })));
      const brute = bruteMannKendall(values);
      expect(mk.s).toBe(brute.s);
      expect(mk.variance).toBeCloseTo(brute.variance, 9);
    }
  });

  it('takes the median of every pairwise slope as Sen slope, whatever order the years come in', () => {
    const points = [
      { t: 2015, y: 0.3 },
      { t: 2012, y: 0.5 },
      { t: 2020, y: 0.1 },
      { t: 2013, y: 0.45 },
      { t: 2018, y: 0.2 },
    ];
    const slopes: number[] = [];
    for (const p of points) for (const q of points) if (q.t > p.t) slopes.push((q.y - p.y) / (q.t - p.t));
    slopes.sort((a, b) => a - b);
    const median = ((slopes[4] ?? 0) + (slopes[5] ?? 0)) / 2;
    const mk = mannKendall(points);
    expect(mk.slope).toBeCloseTo(median, 12);
    expect(mk.s).toBe(-10);
  });

  it('gives an interval for Sen slope that contains it once there are enough years', () => {
    const points = Array.from({ length: 12 }, (_, i) => ({ t: 2010 + i, y: 0.05 * i + (i % 3) * 0.02 }));
    const mk = mannKendall(points);
    expect(mk.slopeLow).not.toBeNull();
    expect(mk.slopeLow ?? 0).toBeLessThanOrEqual(mk.slope ?? 0);
    expect(mk.slopeHigh ?? 0).toBeGreaterThanOrEqual(mk.slope ?? 0);
    expect(mk.p).toBeLessThan(0.001);
  });
});

describe('seeded random numbers', () => {
  it('repeat for the same seed and differ for another', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const c = seededRandom(8);
    const xs = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(xs);
    expect(c()).not.toBe(xs[0]);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });
});
