/**
 * Offsets in code points beside the stored UTF-16 ones. Evidence start/end index Source.text in UTF-16 code
 * units (JavaScript string indices); a reader in Python, or any tool that counts characters, needs code
 * points, which differ from code units once the text holds a character outside the Basic Multilingual
 * Plane (an emoji, say: one code point, two code units).
 *
 * A source's text never changes under its id (the id hashes the content), so where its surrogate pairs
 * stand is worked out once and kept, per store, for the sources read most recently.
 */
import type { GraphStore } from '../../graph/store.ts';

/** The UTF-16 index of every surrogate pair (its high half) in `text`, ascending. */
export function surrogatePairStarts(text: string): Int32Array {
  const starts: number[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        starts.push(i);
        i++;
      }
    }
  }
  return Int32Array.from(starts);
}

/**
 * The code-point offset of a UTF-16 offset: the offset less one for every surrogate pair wholly before it.
 * (An offset inside a pair, which evidence never gives, counts the pair's first half as a code point.)
 */
export function codePointOffset(pairs: Int32Array, utf16Offset: number): number {
  let lo = 0;
  let hi = pairs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((pairs[mid] ?? 0) + 2 <= utf16Offset) lo = mid + 1;
    else hi = mid;
  }
  return utf16Offset - lo;
}

/** How many sources' pair positions each store keeps. */
const KEPT_SOURCES = 256;

/** Per store, the reads of the sources asked for most recently (a Map keeps insertion order: oldest first). */
const kept = new WeakMap<GraphStore, Map<string, Promise<Int32Array | null>>>();

/** Where the surrogate pairs of a source's text stand; null when the store holds no such source. */
export function sourcePairs(store: GraphStore, sourceId: string): Promise<Int32Array | null> {
  let cache = kept.get(store);
  if (!cache) {
    cache = new Map();
    kept.set(store, cache);
  }
  const reads = cache;
  const hit = reads.get(sourceId);
  if (hit) {
    reads.delete(sourceId);
    reads.set(sourceId, hit);
    return hit;
  }
  const read = store.sourceText(sourceId).then((text) => (text === null ? null : surrogatePairStarts(text)));
  reads.set(sourceId, read);
  if (reads.size > KEPT_SOURCES) {
    const oldest = reads.keys().next();
    if (!oldest.done) reads.delete(oldest.value);
  }
  // A failed read is not kept: the next request tries again.
  read.catch(() => {
    if (reads.get(sourceId) === read) reads.delete(sourceId);
  });
  return read;
}

/** The code-point offset into a source's text of a UTF-16 offset; null when the source is not stored. */
export async function codePointIn(
  store: GraphStore,
  sourceId: string,
  utf16Offset: number,
): Promise<number | null> {
  const pairs = await sourcePairs(store, sourceId);
  return pairs === null ? null : codePointOffset(pairs, utf16Offset);
}
