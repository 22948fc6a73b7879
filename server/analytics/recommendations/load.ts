/**
 * One RecommendationBook per analytics index, read from the store the first time an answer needs it. The
 * index is replaced after every write, so a new book follows it; a failed read is forgotten so the next
 * request tries again.
 */
import type { GraphStore } from '../../../graph/store.ts';
import type { AnalyticsIndex } from '../index.ts';
import { RecommendationBook } from './book.ts';

type RowReader = Pick<GraphStore, 'recommendationRows'>;

const books = new WeakMap<AnalyticsIndex, Promise<RecommendationBook>>();
const loaded = new WeakMap<AnalyticsIndex, RecommendationBook>();

export function recommendationBook(index: AnalyticsIndex, store: RowReader): Promise<RecommendationBook> {
  let book = books.get(index);
  if (!book) {
    book = store.recommendationRows().then((rows) => {
      const read = new RecommendationBook(index, rows);
      loaded.set(index, read);
      return read;
    });
    books.set(index, book);
    book.catch(() => books.delete(index));
  }
  return book;
}

/** The index's book if it has been read already; otherwise null, with the read started for later askers. */
export function loadedRecommendationBook(index: AnalyticsIndex, store: RowReader): RecommendationBook | null {
  const book = loaded.get(index);
  if (book) return book;
  recommendationBook(index, store).catch(() => undefined);
  return null;
}
