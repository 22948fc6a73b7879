/**
 * The recommendation answers under a case filter: the reviews counted are those of populationOf (national
 * publications only when the filter asks for them), and every answer says so.
 */
import type { NormalizedFilter } from '../filter.ts';
import { type Population, populationOf } from '../population.ts';
import type { RecommendationBook } from './book.ts';
import { countMatrix, type MatrixCounts } from './matrix.ts';
import { type RankedGroup, type RecurringGroup, rankedGroups, recurringGroups } from './recurring.ts';

export interface MatrixAnswer extends MatrixCounts {
  population: Population;
}

export interface RecurringAnswer {
  population: Population;
  minReviews: number;
  groups: RecurringGroup[];
}

export function recommendationsIn(book: RecommendationBook, filter: NormalizedFilter) {
  const { scope, population } = populationOf(book.index, filter);
  return { entries: book.within(scope), population };
}

export function matrixAnswer(book: RecommendationBook, filter: NormalizedFilter): MatrixAnswer {
  const { entries, population } = recommendationsIn(book, filter);
  return { population, ...countMatrix(book, entries) };
}

export function recurringAnswer(
  book: RecommendationBook,
  filter: NormalizedFilter,
  minReviews: number,
): RecurringAnswer {
  const { entries, population } = recommendationsIn(book, filter);
  return { population, minReviews, groups: recurringGroups(book, entries, minReviews) };
}

/** The groups ranked, without their details: for answers that show one page of them. */
export function rankedAnswer(
  book: RecommendationBook,
  filter: NormalizedFilter,
  minReviews: number,
): { population: Population; groups: RankedGroup[] } {
  const { entries, population } = recommendationsIn(book, filter);
  return { population, groups: rankedGroups(book, entries, minReviews) };
}
