/**
 * The recommendations beside one analytics index: each row placed at its review's position in the index
 * (so a filter's bitset selects them), in listing order (newest review first, then place in the source),
 * with its content words reduced to a numbered distinct wording, and near-identical wordings grouped once.
 * Built on first use after each index rebuild and immutable after.
 */
import type { RecommendationRow } from '../../../graph/store.ts';
import type { Bitset } from '../bitset.ts';
import type { AnalyticsIndex } from '../index.ts';
import { SimilarityIndex } from './similar.ts';
import { contentWords } from './words.ts';

/** Jaccard similarity of content-word sets at or above which two recommendations are the same ask. */
export const SIMILARITY_THRESHOLD = 0.6;

export const SIMILARITY_METHOD =
  'Jaccard similarity of content-word sets (lower-cased, accents dropped, split on non-alphanumerics, ' +
  `stop words and one-letter tokens dropped, plurals folded) of at least ${SIMILARITY_THRESHOLD}; ` +
  'wordings taken in order of most reviews, each ungrouped one leads a group and takes in every ungrouped ' +
  'wording at least that similar to it';

export interface BookEntry {
  row: RecommendationRow;
  /** Its place in RecommendationBook.entries. */
  at: number;
  /** The review's position in the analytics index. */
  position: number;
  /** The review's report year. */
  year: number | null;
  /** Which distinct set of content words this recommendation has (see BookWording). */
  wording: number;
  /** The agencies and themes it names, as positions in RecommendationBook.agencyIds / themeIds. */
  agencies: Int32Array;
  themes: Int32Array;
}

export interface BookWording {
  words: readonly string[];
  /** The group of near-identical wordings this one belongs to (see groupWordings). */
  group: number;
}

export class RecommendationBook {
  readonly entries: readonly BookEntry[];
  readonly wordings: readonly BookWording[];
  /** Every agency and theme a recommendation names, in code-unit order. */
  readonly agencyIds: readonly string[];
  readonly themeIds: readonly string[];
  /** The earliest and latest report year of a review with recommendations (null when none has a year). */
  readonly years: { first: number; last: number } | null;
  /** The recommendation whose verbatim text stands for each group (keyed by the group's lead wording). */
  readonly representatives: ReadonlyMap<number, BookEntry>;
  /** entries of the review at position p: entries[start[p]] .. entries[start[p + 1] - 1]. */
  readonly start: Int32Array;

  constructor(
    readonly index: AnalyticsIndex,
    rows: readonly RecommendationRow[],
  ) {
    const positions = new Map(index.caseIds().map((id, p) => [id, p]));
    this.agencyIds = [...new Set(rows.flatMap((r) => r.agencies))].sort();
    this.themeIds = [...new Set(rows.flatMap((r) => r.themes))].sort();
    const agencyAt = new Map(this.agencyIds.map((id, i) => [id, i]));
    const themeAt = new Map(this.themeIds.map((id, i) => [id, i]));
    const wordingOf = new Map<string, number>();
    const words: string[][] = [];
    const entries: BookEntry[] = [];
    // Every entry's agency and theme positions are views into one buffer: hundreds of thousands of small
    // buffers of their own would each be tracked, and swept, by every full collection of the heap.
    const ids = new Int32Array(rows.reduce((n, r) => n + r.agencies.length + r.themes.length, 0));
    let used = 0;
    for (const row of rows) {
      const position = positions.get(row.caseId);
      // A row read between a write and the index rebuild that follows it has no place yet; the next
      // book, built with the next index, carries it.
      if (position === undefined) continue;
      const set = contentWords(row.text);
      const key = set.join(' ');
      let wording = wordingOf.get(key);
      if (wording === undefined) {
        wording = words.length;
        wordingOf.set(key, wording);
        words.push(set);
      }
      const from = used;
      for (const id of row.agencies) ids[used++] = agencyAt.get(id) ?? 0;
      const middle = used;
      for (const id of row.themes) ids[used++] = themeAt.get(id) ?? 0;
      entries.push({
        row,
        at: -1,
        position,
        year: index.sortKeyOf(row.caseId)?.year ?? null,
        wording,
        agencies: ids.subarray(from, middle),
        themes: ids.subarray(middle, used),
      });
    }
    this.entries = entries.sort(
      (a, b) =>
        a.position - b.position ||
        a.row.start - b.row.start ||
        (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0),
    );
    this.entries.forEach((e, i) => {
      e.at = i;
    });
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for (const e of entries) {
      if (e.year === null) continue;
      first = Math.min(first, e.year);
      last = Math.max(last, e.year);
    }
    this.years = first <= last ? { first, last } : null;
    this.start = new Int32Array(index.size + 1);
    for (const e of this.entries) this.start[e.position + 1] = (this.start[e.position + 1] ?? 0) + 1;
    for (let p = 0; p < index.size; p++) this.start[p + 1] = (this.start[p + 1] ?? 0) + (this.start[p] ?? 0);
    const groups = groupWordings(words, this.entries);
    this.wordings = words.map((w, i) => ({ words: w, group: groups[i] ?? -1 }));
    this.representatives = representativesOf(this.entries, groups);
  }

  /** The recommendations made by reviews in `scope`, in listing order. */
  within(scope: Bitset): BookEntry[] {
    // Sized first and filled by index: at 100k reviews a scope holds hundreds of thousands of entries,
    // and growing the array push by push costs more than the walk itself.
    const start = this.start;
    const words = scope.words;
    let total = 0;
    for (let w = 0; w < words.length; w++) {
      let word = words[w] ?? 0;
      while (word !== 0) {
        const p = (w << 5) + 31 - Math.clz32(word & -word);
        word &= word - 1;
        total += (start[p + 1] ?? 0) - (start[p] ?? 0);
      }
    }
    const out = new Array<BookEntry>(total);
    const entries = this.entries;
    let k = 0;
    for (let w = 0; w < words.length; w++) {
      let word = words[w] ?? 0;
      while (word !== 0) {
        const p = (w << 5) + 31 - Math.clz32(word & -word);
        word &= word - 1;
        const end = start[p + 1] ?? 0;
        for (let i = start[p] ?? 0; i < end; i++) out[k++] = entries[i] as BookEntry;
      }
    }
    taken.set(out, scope);
    return out;
  }

  /** The scope a list from within() was taken from; null for any other list of entries. */
  scopeOf(entries: readonly BookEntry[]): Bitset | null {
    return taken.get(entries) ?? null;
  }
}

/**
 * The scope of each list within() gave out, so that counting over the list can walk the scope's bits and
 * the book's typed arrays instead of reading every entry object (scopes, like the index, never change).
 */
const taken = new WeakMap<readonly BookEntry[], Bitset>();

/**
 * Groups near-identical wordings once, over every recommendation loaded: wordings are taken in order of
 * most reviews, then most recommendations, then their words; each one not yet grouped leads a group and
 * takes in every ungrouped wording at least SIMILARITY_THRESHOLD similar to it. Every member is that close
 * to its lead, so chains of small rewordings never merge different asks; only leads are looked up in the
 * similarity index. A wording with no content words is in no group (-1).
 */
function groupWordings(words: readonly (readonly string[])[], entries: readonly BookEntry[]): Int32Array {
  const reviews = new Int32Array(words.length);
  const count = new Int32Array(words.length);
  const lastReview = new Int32Array(words.length).fill(-1);
  for (const e of entries) {
    count[e.wording] = (count[e.wording] ?? 0) + 1;
    if (lastReview[e.wording] !== e.position) reviews[e.wording] = (reviews[e.wording] ?? 0) + 1;
    lastReview[e.wording] = e.position;
  }
  const keys = words.map((w) => w.join(' '));
  const order = words
    .map((_, i) => i)
    .sort(
      (a, b) =>
        (reviews[b] ?? 0) - (reviews[a] ?? 0) ||
        (count[b] ?? 0) - (count[a] ?? 0) ||
        ((keys[a] ?? '') < (keys[b] ?? '') ? -1 : 1),
    );
  const similar = new SimilarityIndex(words, SIMILARITY_THRESHOLD);
  const group = new Int32Array(words.length).fill(-1);
  for (const lead of order) {
    if (group[lead] !== -1 || (words[lead]?.length ?? 0) === 0) continue;
    group[lead] = lead;
    for (const other of similar.similarTo(lead)) if (group[other] === -1) group[other] = lead;
  }
  return group;
}

/**
 * Each group's representative, over every recommendation loaded (so it does not change with the filter):
 * the verbatim text the most reviews used, then the shortest, then the first in code-unit order; the
 * recommendation is that text's first in listing order.
 */
function representativesOf(entries: readonly BookEntry[], groups: Int32Array): Map<number, BookEntry> {
  const reviews = new Map<string, Set<number>>();
  const first = new Map<string, BookEntry>();
  const textsOf = new Map<number, string[]>();
  for (const e of entries) {
    const group = groups[e.wording] ?? -1;
    if (group === -1) continue;
    const key = `${group} ${e.row.text}`;
    const seen = reviews.get(key);
    if (seen) {
      seen.add(e.position);
      continue;
    }
    reviews.set(key, new Set([e.position]));
    first.set(key, e);
    const texts = textsOf.get(group);
    if (texts) texts.push(e.row.text);
    else textsOf.set(group, [e.row.text]);
  }
  const out = new Map<number, BookEntry>();
  for (const [group, texts] of textsOf) {
    const count = (t: string) => reviews.get(`${group} ${t}`)?.size ?? 0;
    const [best] = texts.sort(
      (a, b) => count(b) - count(a) || a.length - b.length || (a < b ? -1 : a > b ? 1 : 0),
    );
    const entry = first.get(`${group} ${best ?? ''}`);
    if (entry) out.set(group, entry);
  }
  return out;
}
