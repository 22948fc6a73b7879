/**
 * All pairs of word sets whose Jaccard similarity reaches a threshold, found exactly without comparing
 * every pair (prefix filtering, as in the AllPairs similarity join): words are ranked rarest first; two
 * sets with Jaccard ≥ t share at least ceil(t·|x|) words, so they share a word among the first
 * |x| − ceil(t·|x|) + 1 of each; only those prefixes are indexed and probed, and each candidate is then
 * verified with its exact Jaccard. The answer is the same as the all-pairs comparison, at a fraction of
 * its cost when most sets are unlike.
 */
import { jaccard } from './words.ts';

/** Floating-point slack so that t·|x| landing a hair above a whole number never shortens a prefix. */
const SLACK = 1e-9;

/** For each set, the indexes of the other sets at least `threshold` similar to it, ascending. */
export function similarSets(sets: readonly (readonly string[])[], threshold: number): number[][] {
  const ranked = rankWords(sets);
  const order = sets
    .map((_, i) => i)
    .filter((i) => (sets[i]?.length ?? 0) > 0)
    .sort((a, b) => (ranked[a]?.length ?? 0) - (ranked[b]?.length ?? 0) || a - b);
  const postings = new Map<number, number[]>();
  const seen = new Int32Array(sets.length).fill(-1);
  const neighbours: number[][] = sets.map(() => []);
  for (const x of order) {
    const words = ranked[x] ?? new Int32Array(0);
    const size = words.length;
    const prefix = size - Math.ceil(threshold * size - SLACK) + 1;
    const smallest = threshold * size - SLACK;
    for (let k = 0; k < prefix; k++) {
      for (const y of postings.get(words[k] ?? -1) ?? []) {
        if (seen[y] === x || (ranked[y]?.length ?? 0) < smallest) continue;
        seen[y] = x;
        if (jaccard(sets[x] ?? [], sets[y] ?? []) >= threshold) {
          neighbours[x]?.push(y);
          neighbours[y]?.push(x);
        }
      }
    }
    for (let k = 0; k < prefix; k++) {
      const word = words[k] ?? -1;
      const list = postings.get(word);
      if (list) list.push(x);
      else postings.set(word, [x]);
    }
  }
  for (const list of neighbours) list.sort((a, b) => a - b);
  return neighbours;
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
