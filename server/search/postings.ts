/**
 * An inverted index over lower-cased texts: each token (a maximal run of letters and digits) points at the
 * documents holding it, as one typed array of postings per segment. It answers "which documents can hold
 * this substring": every run of letters and digits in a needle lies inside one token of any text that holds
 * the needle, so the documents holding the needle are among those with, for each of its runs, a token
 * containing that run. A needle that is one run is then answered exactly; any other needle is checked
 * against the text of each candidate by the caller.
 */

/** The runs of letters and digits of a lower-cased text, in order, repeats kept. */
export function tokens(lower: string): string[] {
  return lower.match(TOKEN) ?? [];
}

const TOKEN = /[\p{L}\p{N}]+/gu;

/** A needle as the index reads it: its runs, and whether it is nothing but one run. */
export interface Needle {
  text: string;
  runs: string[];
  /** The needle is exactly one run: a document holds it iff one of its tokens contains it. */
  single: boolean;
}

export function needleOf(lower: string): Needle {
  const runs = tokens(lower);
  return { text: lower, runs, single: runs.length === 1 && runs[0] === lower };
}

/** A segment's postings as they are kept: saved beside the database (saved-search.ts) and read back. */
export interface PostingParts {
  size: number;
  terms: string[];
  /** postings[start[t] .. start[t + 1]) are the documents holding terms[t]. */
  start: Uint32Array;
  postings: Uint32Array;
}

/** One immutable segment: documents 0..size-1, and for each term the documents holding it, ascending. */
export class PostingSegment {
  readonly size: number;
  private readonly terms: string[];
  private readonly start: Uint32Array;
  private readonly postings: Uint32Array;

  constructor(parts: PostingParts) {
    this.size = parts.size;
    this.terms = parts.terms;
    this.start = parts.start;
    this.postings = parts.postings;
  }

  /** `textsOf(d)` gives the lower-cased texts of document d (a document may have several fields). */
  static build(size: number, textsOf: (doc: number) => readonly (string | null)[]): PostingSegment {
    const termOf = new Map<string, number>();
    const terms: string[] = [];
    const lastDoc: number[] = [];
    const counts: number[] = [];
    let pairs = new Uint32Array(1024);
    let length = 0;
    for (let d = 0; d < size; d++) {
      for (const text of textsOf(d)) {
        if (!text) continue;
        for (const token of tokens(text)) {
          let t = termOf.get(token);
          if (t === undefined) {
            t = terms.length;
            termOf.set(token, t);
            terms.push(token);
            lastDoc.push(-1);
            counts.push(0);
          }
          if (lastDoc[t] === d) continue;
          lastDoc[t] = d;
          counts[t] = (counts[t] ?? 0) + 1;
          if (length + 2 > pairs.length) {
            const grown = new Uint32Array(pairs.length * 2);
            grown.set(pairs);
            pairs = grown;
          }
          pairs[length++] = t;
          pairs[length++] = d;
        }
      }
    }
    const start = new Uint32Array(terms.length + 1);
    for (let t = 0; t < terms.length; t++) start[t + 1] = (start[t] ?? 0) + (counts[t] ?? 0);
    const postings = new Uint32Array(start[terms.length] ?? 0);
    const fill = start.slice(0, terms.length);
    // Pairs were written in document order, so each term's postings come out ascending.
    for (let i = 0; i < length; i += 2) {
      const t = pairs[i] ?? 0;
      const at = fill[t] ?? 0;
      postings[at] = pairs[i + 1] ?? 0;
      fill[t] = at + 1;
    }
    return new PostingSegment({ size, terms, start, postings });
  }

  /** What the segment holds, for saving (the arrays themselves: they are never changed). */
  parts(): PostingParts {
    return { size: this.size, terms: this.terms, start: this.start, postings: this.postings };
  }

  /**
   * The documents that may hold the needle, as marks[d] === 1 (exactly those that do when `needle.single`);
   * null when every document may (a needle with no runs). A needle of several runs is narrowed by its two
   * rarest runs only: its candidates are checked against their text anyway, and a common run ("a", "the")
   * would cost more to walk than it saves.
   */
  candidates(needle: Needle): Uint8Array | null {
    if (needle.runs.length === 0) return null;
    const perRun = [...new Set(needle.runs)].map((run) => {
      const terms: number[] = [];
      let postings = 0;
      for (let t = 0; t < this.terms.length; t++) {
        if (!(this.terms[t] ?? '').includes(run)) continue;
        terms.push(t);
        postings += (this.start[t + 1] ?? 0) - (this.start[t] ?? 0);
      }
      return { terms, postings };
    });
    perRun.sort((a, b) => a.postings - b.postings);
    const marks = new Uint8Array(this.size);
    perRun.slice(0, 2).forEach(({ terms }, i) => {
      for (const t of terms) {
        const end = this.start[t + 1] ?? 0;
        for (let p = this.start[t] ?? 0; p < end; p++) {
          const d = this.postings[p] ?? 0;
          if (marks[d] === i) marks[d] = i + 1;
        }
      }
    });
    if (perRun.length > 1) for (let d = 0; d < marks.length; d++) marks[d] = marks[d] === 2 ? 1 : 0;
    return marks;
  }

  /** Bytes held by the postings, their offsets and the terms (two bytes a character, plus a header each). */
  bytes(): number {
    let termBytes = 0;
    for (const term of this.terms) termBytes += 16 + 2 * term.length;
    return this.postings.byteLength + this.start.byteLength + termBytes;
  }

  get termCount(): number {
    return this.terms.length;
  }
}
