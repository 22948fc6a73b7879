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

export function recommendationBook(index: AnalyticsIndex, store: RowReader): Promise<RecommendationBook> {
  let book = books.get(index);
  if (!book) {
    book = store.recommendationRows().then((rows) => new RecommendationBook(index, rows));
    books.set(index, book);
    book.catch(() => books.delete(index));
  }
  return book;
}
