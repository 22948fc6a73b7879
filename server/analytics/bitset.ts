/**
 * A fixed-size set of case positions (0..size-1). Filters combine as word-wise AND/OR, which keeps filter
 * evaluation and per-facet counts linear in size/32 even at 100k reviews.
 */
export class Bitset {
  readonly words: Uint32Array;

  constructor(
    readonly size: number,
    words?: Uint32Array,
  ) {
    this.words = words ?? new Uint32Array(Math.ceil(size / 32));
  }

  static full(size: number): Bitset {
    const set = new Bitset(size);
    set.words.fill(0xffffffff);
    const tail = size % 32;
    if (tail !== 0) set.words[set.words.length - 1] = (1 << tail) - 1;
    return set;
  }

  static of(size: number, positions: Iterable<number>): Bitset {
    const set = new Bitset(size);
    for (const p of positions) set.add(p);
    return set;
  }

  add(position: number): void {
    const w = position >>> 5;
    this.words[w] = (this.words[w] ?? 0) | (1 << (position & 31));
  }

  has(position: number): boolean {
    return (((this.words[position >>> 5] ?? 0) >>> (position & 31)) & 1) === 1;
  }

  and(other: Bitset): Bitset {
    const out = new Uint32Array(this.words.length);
    for (let i = 0; i < out.length; i++) out[i] = (this.words[i] ?? 0) & (other.words[i] ?? 0);
    return new Bitset(this.size, out);
  }

  or(other: Bitset): Bitset {
    const out = new Uint32Array(this.words.length);
    for (let i = 0; i < out.length; i++) out[i] = (this.words[i] ?? 0) | (other.words[i] ?? 0);
    return new Bitset(this.size, out);
  }

  /** Positions in this set and not in `other`. */
  andNot(other: Bitset): Bitset {
    const out = new Uint32Array(this.words.length);
    for (let i = 0; i < out.length; i++) out[i] = (this.words[i] ?? 0) & ~(other.words[i] ?? 0);
    return new Bitset(this.size, out);
  }

  count(): number {
    let n = 0;
    for (const w of this.words) n += popcount(w);
    return n;
  }

  /** |this ∩ other| without allocating the intersection. */
  countAnd(other: Bitset): number {
    let n = 0;
    const a = this.words;
    const b = other.words;
    for (let i = 0; i < a.length; i++) n += popcount((a[i] ?? 0) & (b[i] ?? 0));
    return n;
  }

  /** Calls `visit` for each member in ascending order, starting at `from`; stops when it returns false. */
  visit(visit: (position: number) => unknown, from = 0): void {
    const words = this.words;
    for (let w = from >>> 5; w < words.length; w++) {
      let word = words[w] ?? 0;
      if (w === from >>> 5) word &= ~((1 << (from & 31)) - 1) >>> 0;
      while (word !== 0) {
        const bit = 31 - Math.clz32(word & -word);
        if (visit((w << 5) + bit) === false) return;
        word &= word - 1;
      }
    }
  }

  toArray(): number[] {
    const out: number[] = [];
    this.visit((p) => {
      out.push(p);
    });
    return out;
  }
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}
