/**
 * What is read of the store's statements beside each analytics index: one RecommendationBook, and one
 * listing of learning statements, each read the first time an answer needs it. The index is replaced after
 * every write, so a new book and a new listing follow it; a failed read is forgotten so the next request
 * tries again.
 */
import type { GraphStore, StatementHit, StatementKind } from '../../../graph/store.ts';
import type { AnalyticsIndex } from '../index.ts';
import { RecommendationBook } from './book.ts';
import { placedEntries, StatementListing } from './listing.ts';

type RowReader = Pick<GraphStore, 'recommendationRows'>;
type StatementReader = Pick<GraphStore, 'statements'>;

/** One value per analytics index, read once; `loaded` tells whether the read has finished. */
class PerIndex<T> {
  private readonly reads = new WeakMap<AnalyticsIndex, Promise<T>>();
  private readonly done = new WeakMap<AnalyticsIndex, T>();

  get(index: AnalyticsIndex, read: () => Promise<T>): Promise<T> {
    let value = this.reads.get(index);
    if (!value) {
      value = read().then((v) => {
        this.done.set(index, v);
        return v;
      });
      this.reads.set(index, value);
      value.catch(() => this.reads.delete(index));
    }
    return value;
  }

  /** The value if it has been read already; otherwise null, with the read started for later askers. */
  loaded(index: AnalyticsIndex, read: () => Promise<T>): T | null {
    const value = this.done.get(index);
    if (value !== undefined) return value;
    this.get(index, read).catch(() => undefined);
    return null;
  }

  has(index: AnalyticsIndex): boolean {
    return this.done.has(index);
  }
}

const books = new PerIndex<RecommendationBook>();
const learning = new PerIndex<StatementListing<StatementHit>>();

export function recommendationBook(index: AnalyticsIndex, store: RowReader): Promise<RecommendationBook> {
  return books.get(index, () => readBook(index, store));
}

/** The index's book if it has been read already; otherwise null, with the read started for later askers. */
export function loadedRecommendationBook(index: AnalyticsIndex, store: RowReader): RecommendationBook | null {
  return books.loaded(index, () => readBook(index, store));
}

/** Every learning statement of the index's reviews, listed as store.statements() lists them. */
export function learningListing(
  index: AnalyticsIndex,
  store: StatementReader,
): Promise<StatementListing<StatementHit>> {
  return learning.get(index, () => readLearning(index, store));
}

/** The index's learning listing if it has been read already; otherwise null, with the read started. */
export function loadedLearningListing(
  index: AnalyticsIndex,
  store: StatementReader,
): StatementListing<StatementHit> | null {
  return learning.loaded(index, () => readLearning(index, store));
}

export type ListingState = 'ready' | 'warming';

/**
 * Whether pages of each kind of statement come from memory for this index ('ready') or, until its listing
 * has been read (the first page asked for starts the read), from the store ('warming').
 */
export function listingStates(index: AnalyticsIndex): Record<StatementKind, ListingState> {
  return {
    learning: learning.has(index) ? 'ready' : 'warming',
    recommendation: books.has(index) ? 'ready' : 'warming',
  };
}

async function readBook(index: AnalyticsIndex, store: RowReader): Promise<RecommendationBook> {
  return new RecommendationBook(index, await store.recommendationRows());
}

async function readLearning(
  index: AnalyticsIndex,
  store: StatementReader,
): Promise<StatementListing<StatementHit>> {
  const { items } = await store.statements({ kind: 'learning', limit: 2 ** 31 - 1, offset: 0 });
  return new StatementListing(placedEntries(index, items));
}
