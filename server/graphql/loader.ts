/**
 * Per-request batching: every load() made while one GraphQL level resolves is collected and handed to the
 * batch function once, so a page of 100 cases costs one store call instead of 100. Results are memoised
 * for the rest of the request.
 */
export type BatchFn<K, V> = (keys: K[]) => Promise<Map<K, V>>;

export class BatchLoader<K, V> {
  private readonly memo = new Map<K, Promise<V | undefined>>();
  private pending: PendingBatch<K, V> | null = null;

  constructor(private readonly batch: BatchFn<K, V>) {}

  /** Whether `key` was already asked for in this request. */
  has(key: K): boolean {
    return this.memo.has(key);
  }

  load(key: K): Promise<V | undefined> {
    const known = this.memo.get(key);
    if (known) return known;
    const batch = this.pending ?? this.schedule();
    batch.keys.push(key);
    const result = batch.result.then((values) => values.get(key));
    this.memo.set(key, result);
    return result;
  }

  private schedule(): PendingBatch<K, V> {
    let settle: (result: Promise<Map<K, V>>) => void = () => undefined;
    const result = new Promise<Map<K, V>>((resolve) => {
      settle = resolve;
    });
    const batch: PendingBatch<K, V> = { keys: [], result, settle };
    this.pending = batch;
    // Dispatch after the promise jobs already queued, so sibling resolvers join the same batch.
    Promise.resolve().then(() =>
      process.nextTick(() => {
        const run = this.pending;
        this.pending = null;
        run?.settle(this.batch(run.keys));
      }),
    );
    return batch;
  }
}

interface PendingBatch<K, V> {
  keys: K[];
  result: Promise<Map<K, V>>;
  settle: (result: Promise<Map<K, V>>) => void;
}
