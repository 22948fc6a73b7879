/**
 * The statistics behind the analytics answers, pure and exact where they can be:
 * - Fisher's exact test on a 2x2 table through the hypergeometric distribution, summed in log space
 *   (log-factorials are exact sums of logs, never an approximation such as Stirling's);
 * - the ratio of two shares with a 95% interval by the log method (Katz), adding 0.5 to every cell of a
 *   table with a zero cell (Haldane–Anscombe);
 * - the Mann–Kendall trend test (normal approximation with the tie correction and a continuity correction)
 *   with Sen's slope and its 95% interval (Gilbert's rank method).
 */

const logFactorials: number[] = [0];

/** ln(n!) as an exact running sum of ln(k), cached. */
export function logFactorial(n: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`logFactorial: ${n} is not a whole number ≥ 0`);
  for (let k = logFactorials.length; k <= n; k++)
    logFactorials.push((logFactorials[k - 1] ?? 0) + Math.log(k));
  return logFactorials[n] ?? 0;
}

/** ln C(n, k); -Infinity when k is outside 0..n. */
export function logChoose(n: number, k: number): number {
  if (k < 0 || k > n) return Number.NEGATIVE_INFINITY;
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}

/**
 * ln P(X = k) for X ~ Hypergeometric(population, successes, draws): drawing `draws` items without
 * replacement from `population` items of which `successes` are marked, k of the draws are marked.
 */
export function logHypergeometric(k: number, population: number, successes: number, draws: number): number {
  return (
    logChoose(successes, k) + logChoose(population - successes, draws - k) - logChoose(population, draws)
  );
}

/** ln(sum(exp(x))) without overflow. */
function logSumExp(values: number[]): number {
  const top = Math.max(...values);
  if (top === Number.NEGATIVE_INFINITY) return top;
  let sum = 0;
  for (const v of values) sum += Math.exp(v - top);
  return top + Math.log(sum);
}

/** The support of X: max(0, draws - (population - successes)) .. min(successes, draws). */
function support(population: number, successes: number, draws: number): [number, number] {
  return [Math.max(0, draws - (population - successes)), Math.min(successes, draws)];
}

/**
 * One-sided Fisher exact p-value for over-representation: P(X ≥ k) with X hypergeometric as above.
 * For two themes among N reviews (A with one, B with the other, k with both) this is
 * fisherGreater(k, N, A, B).
 */
export function fisherGreater(k: number, population: number, successes: number, draws: number): number {
  const [low, high] = support(population, successes, draws);
  if (k <= low) return 1;
  if (k > high) return 0;
  // Past the mode the terms shrink faster than geometrically: stop once they no longer change the sum.
  const mode = Math.floor(((draws + 1) * (successes + 1)) / (population + 2));
  const terms: number[] = [];
  let top = Number.NEGATIVE_INFINITY;
  for (let x = k; x <= high; x++) {
    const lp = logHypergeometric(x, population, successes, draws);
    terms.push(lp);
    top = Math.max(top, lp);
    if (x > mode && lp < top - NEGLIGIBLE) break;
  }
  return clampP(Math.exp(logSumExp(terms)));
}

/** A term this far below the largest (in natural log units, e^-45 ≈ 3e-20) cannot change a sum in doubles. */
const NEGLIGIBLE = 45;

/**
 * Two-sided Fisher exact p-value of the table [[a, b], [c, d]]: the probability, with the margins fixed,
 * of every table no more likely than the one observed (the usual definition, as in R's fisher.test),
 * with a relative tolerance of 1e-7 for ties.
 *
 * The hypergeometric distribution is unimodal, so those tables form two tails, [low, L] rising to the mode
 * and [R, high] falling from it; their ends are found by bisection and each tail is summed outward from
 * its end until its terms fall NEGLIGIBLE below the largest. At 100k reviews the support runs to tens of
 * thousands of tables, of which a few hundred carry the whole sum.
 */
export function fisherTwoSided(a: number, b: number, c: number, d: number): number {
  const population = a + b + c + d;
  const successes = a + c;
  const draws = a + b;
  const [low, high] = support(population, successes, draws);
  const threshold = logHypergeometric(a, population, successes, draws) + 1e-7;
  // logHypergeometric over the support, term by term in its order (so equal to the last bit), with the
  // table of log-factorials grown once and the constant term taken out.
  logFactorial(population);
  const f = logFactorials;
  const rest = population - successes;
  const all = logChoose(population, draws);
  const lp = (x: number) =>
    (f[successes] as number) -
    (f[x] as number) -
    (f[successes - x] as number) +
    ((f[rest] as number) - (f[draws - x] as number) - (f[rest - draws + x] as number)) -
    all;
  const mode = Math.min(high, Math.max(low, Math.floor(((draws + 1) * (successes + 1)) / (population + 2))));
  // L: the last x ≤ mode at or below the threshold (low − 1 when none); lp rises over [low, mode].
  let lo = low - 1;
  let hi = mode;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lp(mid) <= threshold) lo = mid;
    else hi = mid - 1;
  }
  const lowerEnd = lo;
  // R: the first x > L and ≥ mode at or below the threshold (high + 1 when none); lp falls over [mode, high].
  lo = Math.max(mode, lowerEnd + 1);
  hi = high + 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lp(mid) <= threshold) hi = mid;
    else lo = mid + 1;
  }
  const upperEnd = lo;
  const top = Math.max(
    lowerEnd >= low ? lp(lowerEnd) : Number.NEGATIVE_INFINITY,
    upperEnd <= high ? lp(upperEnd) : Number.NEGATIVE_INFINITY,
  );
  if (top === Number.NEGATIVE_INFINITY) return 1;
  // Summed in ascending order of x, as the terms of the whole support would be.
  const lower: number[] = [];
  for (let x = lowerEnd; x >= low; x--) {
    const v = lp(x);
    if (v < top - NEGLIGIBLE) break;
    lower.push(v);
  }
  let sum = 0;
  for (let i = lower.length - 1; i >= 0; i--) sum += Math.exp((lower[i] ?? 0) - top);
  for (let x = upperEnd; x <= high; x++) {
    const v = lp(x);
    if (v < top - NEGLIGIBLE) break;
    sum += Math.exp(v - top);
  }
  return clampP(Math.exp(top + Math.log(sum)));
}

function clampP(p: number): number {
  return Math.min(1, Math.max(0, p));
}

export interface ShareRatio {
  /** (a / n1) / (c / n2), from the corrected cells when `corrected`. */
  ratio: number;
  low: number;
  high: number;
  /** True when a cell was zero and 0.5 was added to all four cells. */
  corrected: boolean;
}

/**
 * Ratio of the share of cohort 1 with a feature (a of n1) to the share of cohort 2 (c of n2), with a 95%
 * interval by the log method: exp(ln(ratio) ± 1.96 · sqrt(1/a − 1/n1 + 1/c − 1/n2)). When any of the four
 * cells (a, n1 − a, c, n2 − c) is zero, 0.5 is added to each of them first.
 */
export function shareRatio(a: number, n1: number, c: number, n2: number, z = Z95): ShareRatio {
  const corrected = a === 0 || c === 0 || a === n1 || c === n2;
  const add = corrected ? 0.5 : 0;
  const x1 = a + add;
  const m1 = n1 + 2 * add;
  const x2 = c + add;
  const m2 = n2 + 2 * add;
  if (m1 <= 0 || m2 <= 0) return { ratio: Number.NaN, low: Number.NaN, high: Number.NaN, corrected };
  const ratio = x1 / m1 / (x2 / m2);
  const se = Math.sqrt(Math.max(0, 1 / x1 - 1 / m1 + 1 / x2 - 1 / m2));
  return { ratio, low: ratio * Math.exp(-z * se), high: ratio * Math.exp(z * se), corrected };
}

/** True when any expected count of the 2x2 table [[a, n1 − a], [c, n2 − c]] is below 5. */
export function hasSmallExpected(a: number, n1: number, c: number, n2: number): boolean {
  const n = n1 + n2;
  if (n === 0) return true;
  const withFeature = a + c;
  const rows = [n1, n2];
  const cols = [withFeature, n - withFeature];
  return rows.some((r) => cols.some((col) => (r * col) / n < 5));
}

/** The 97.5th percentile of the standard normal distribution. */
export const Z95 = 1.959963984540054;

/** Complementary error function (Chebyshev fit, fractional error below 1.2e-7 everywhere). */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** P(Z > z) for a standard normal Z. */
export function normalUpper(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

export interface MannKendall {
  /** Kendall's S: concordant minus discordant pairs of (time, value). */
  s: number;
  /** Var(S) with the correction for tied values. */
  variance: number;
  /** Standardised S with a continuity correction. */
  z: number;
  /** Two-sided p-value from the normal approximation (null when there are fewer than 3 points). */
  p: number | null;
  /** Sen's slope: the median of the slopes between every two points (value units per time unit). */
  slope: number | null;
  /** 95% interval for Sen's slope by Gilbert's rank method (null when it cannot be formed). */
  slopeLow: number | null;
  slopeHigh: number | null;
}

/** Mann–Kendall test and Sen's slope of values observed at distinct times. */
export function mannKendall(points: readonly { t: number; y: number }[]): MannKendall {
  const sorted = [...points].sort((p, q) => p.t - q.t);
  const n = sorted.length;
  let s = 0;
  const slopes: number[] = [];
  for (let i = 0; i < n; i++) {
    const pi = sorted[i];
    if (!pi) continue;
    for (let j = i + 1; j < n; j++) {
      const pj = sorted[j];
      if (!pj) continue;
      s += Math.sign(pj.y - pi.y);
      if (pj.t !== pi.t) slopes.push((pj.y - pi.y) / (pj.t - pi.t));
    }
  }
  const ties = new Map<number, number>();
  for (const p of sorted) ties.set(p.y, (ties.get(p.y) ?? 0) + 1);
  let tieTerm = 0;
  for (const count of ties.values()) tieTerm += count * (count - 1) * (2 * count + 5);
  const variance = (n * (n - 1) * (2 * n + 5) - tieTerm) / 18;
  const z = variance > 0 ? (s - Math.sign(s)) / Math.sqrt(variance) : 0;
  const p = n < 3 ? null : variance > 0 ? Math.min(1, 2 * normalUpper(Math.abs(z))) : 1;
  slopes.sort((x, y) => x - y);
  const slope = slopes.length === 0 ? null : median(slopes);
  let slopeLow: number | null = null;
  let slopeHigh: number | null = null;
  if (slopes.length > 0 && variance > 0) {
    const c = Z95 * Math.sqrt(variance);
    const m1 = Math.round((slopes.length - c) / 2);
    const m2 = Math.round((slopes.length + c) / 2) + 1;
    if (m1 >= 1 && m2 <= slopes.length) {
      slopeLow = slopes[m1 - 1] ?? null;
      slopeHigh = slopes[m2 - 1] ?? null;
    }
  }
  return { s, variance, z, p, slope, slopeLow, slopeHigh };
}

function median(sorted: readonly number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** A deterministic generator in [0, 1) (mulberry32), for algorithms that need randomness. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
