/**
 * Per-request batching with the `dataloader` package: every load() made while one GraphQL level resolves is
 * collected and handed to the batch function once, so a page of 100 cases costs one store call instead of
 * 100. Results are memoised for the rest of the request; a new loader is made for every request, so nothing
 * outlives it.
 */
import DataLoader from 'dataloader';

/** Reads many keys at once; a key missing from the map has no value. */
export type BatchFn<K, V> = (keys: K[]) => Promise<Map<K, V>>;

export interface RequestLoader<K, V> {
  /** The value for `key`, batched with the other keys asked for in the same tick; undefined when absent. */
  load(key: K): Promise<V | undefined>;
  /** Whether `key` was already asked for in this request (so a second read costs nothing). */
  has(key: K): boolean;
}

export function requestLoader<K, V>(batch: BatchFn<K, V>): RequestLoader<K, V> {
  // Our own cache map, so that `has` can look into it; DataLoader keeps one promise per key in it.
  const cache = new Map<K, Promise<V | undefined>>();
  const loader = new DataLoader<K, V | undefined>(
    async (keys) => {
      const found = await batch([...keys]);
      return keys.map((key) => found.get(key));
    },
    { cacheMap: cache },
  );
  return {
    load: (key) => loader.load(key),
    has: (key) => cache.has(key),
  };
}
