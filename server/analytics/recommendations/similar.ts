/**
 * Word sets similar to a given one (Jaccard ≥ a threshold), found exactly without comparing every pair
 * (prefix filtering with a positional filter, as in the PPJoin similarity join): words are ranked rarest
 * first; two sets x, y with Jaccard ≥ t share at least α = ⌈t/(1+t)·(|x|+|y|)⌉ words, so they share a word
 * among the first |x| − ⌈t·|x|⌉ + 1 of each. Only those prefixes are indexed and probed; a candidate whose
 * shared words so far plus the words left after the match cannot reach α is dropped, and the rest are
 * verified with their exact Jaccard. The answers are those of comparing every pair.
 */

/** Floating-point slack so that t·|x| landing a hair above a whole number never shortens a prefix. */
const SLACK = 1e-9;

export class SimilarityIndex {
  private readonly ranked: Int32Array[];
  /** postings[word] = flat pairs (set, position of the word in that set's ranked list). */
  private readonly postings = new Map<number, number[]>();
  private readonly overlap: Int32Array;
  private readonly pruned: Uint8Array;

  constructor(
    sets: readonly (readonly string[])[],
    private readonly threshold: number,
  ) {
    this.ranked = rankWords(sets);
    this.overlap = new Int32Array(sets.length);
    this.pruned = new Uint8Array(sets.length);
    this.ranked.forEach((words, x) => {
      for (let i = 0; i < this.prefixOf(words.length); i++) {
        const list = this.postings.get(words[i] ?? -1);
        if (list) list.push(x, i);
        else this.postings.set(words[i] ?? -1, [x, i]);
      }
    });
  }

  private prefixOf(size: number): number {
    return size === 0 ? 0 : size - Math.ceil(this.threshold * size - SLACK) + 1;
  }

  /** The other sets at least `threshold` similar to set x, ascending (none for an empty set). */
  similarTo(x: number): number[] {
    const t = this.threshold;
    const words = this.ranked[x] ?? new Int32Array(0);
    const size = words.length;
    const candidates: number[] = [];
    const { overlap, pruned } = this;
    for (let i = 0; i < this.prefixOf(size); i++) {
      const list = this.postings.get(words[i] ?? -1) ?? [];
      for (let k = 0; k < list.length; k += 2) {
        const y = list[k] ?? 0;
        const j = list[k + 1] ?? 0;
        const other = this.ranked[y]?.length ?? 0;
        if (y === x || pruned[y] === 1 || other < t * size - SLACK || size < t * other - SLACK) continue;
        const needed = Math.ceil((t / (1 + t)) * (size + other) - SLACK);
        if (overlap[y] === 0) candidates.push(y);
        if ((overlap[y] ?? 0) + 1 + Math.min(size - i - 1, other - j - 1) < needed) {
          pruned[y] = 1;
          continue;
        }
        overlap[y] = (overlap[y] ?? 0) + 1;
      }
    }
    const out: number[] = [];
    for (const y of candidates) {
      if (pruned[y] === 0 && jaccardRanked(words, this.ranked[y] ?? words) >= t) out.push(y);
      overlap[y] = 0;
      pruned[y] = 0;
    }
    return out.sort((a, b) => a - b);
  }
}

/** For each set, the indexes of the other sets at least `threshold` similar to it, ascending. */
export function similarSets(sets: readonly (readonly string[])[], threshold: number): number[][] {
  const index = new SimilarityIndex(sets, threshold);
  return sets.map((_, x) => index.similarTo(x));
}

/** Jaccard of two ascending lists of word ranks (the same value as on the words themselves). */
function jaccardRanked(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}

/** Each set as word ranks, rarest word first (ties by the word), so prefixes hold the rarest words. */
function rankWords(sets: readonly (readonly string[])[]): Int32Array[] {
  const frequency = new Map<string, number>();
  for (const set of sets) for (const w of set) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  const words = [...frequency.keys()].sort(
    (a, b) => (frequency.get(a) ?? 0) - (frequency.get(b) ?? 0) || (a < b ? -1 : a > b ? 1 : 0),
  );
  const rank = new Map(words.map((w, i) => [w, i]));
  return sets.map((set) => Int32Array.from(set.map((w) => rank.get(w) ?? 0)).sort());
}
