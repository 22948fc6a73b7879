/**
 * The agency × theme matrix of recommendations: for each agency a recommendation targets and each theme
 * it addresses, how many recommendations, from how many reviews, over which years. A recommendation that
 * names no agency counts in the row of agency null ("none named"), one that names no theme in the column
 * of theme null; a recommendation naming two agencies and three themes counts in six cells. Row and column
 * totals count each recommendation once, so they are not the sums of their cells.
 */
import type { BookEntry, RecommendationBook } from './book.ts';

export interface YearCount {
  year: number;
  recommendations: number;
  reviews: number;
}

export interface Tally {
  recommendations: number;
  reviews: number;
  firstYear: number | null;
  lastYear: number | null;
  /** Years in ascending order; recommendations of reviews with no year are in unknownYear only. */
  years: YearCount[];
  /** Recommendations from reviews that report no year. */
  unknownYear: number;
}

export interface MatrixCell extends Tally {
  agency: string | null;
  theme: string | null;
}

export interface MatrixLine extends Tally {
  /** The agency (row) or theme (column); null = the recommendations that name none. */
  id: string | null;
}

export interface MatrixCounts {
  total: Tally;
  /** Rows, most recommendations first, the none-named row last. */
  agencies: MatrixLine[];
  /** Columns, most recommendations first, the none-named column last. */
  themes: MatrixLine[];
  /** Non-empty cells, in row order then column order. */
  cells: MatrixCell[];
}

/**
 * Counts in flat typed arrays: one slot per tally (each cell, row, column and the total), and per tally
 * and year. A review counts once per tally: entries arrive in listing order, so a review's recommendations
 * come together and "a new review" is "a position other than the last one this tally saw".
 */
class Counts {
  readonly recommendations: Int32Array;
  readonly reviews: Int32Array;
  readonly unknownYear: Int32Array;
  readonly yearRecommendations: Int32Array;
  readonly yearReviews: Int32Array;
  private readonly lastReview: Int32Array;

  constructor(
    slots: number,
    readonly firstYear: number,
    readonly yearSpan: number,
  ) {
    this.recommendations = new Int32Array(slots);
    this.reviews = new Int32Array(slots);
    this.unknownYear = new Int32Array(slots);
    this.lastReview = new Int32Array(slots).fill(-1);
    this.yearRecommendations = new Int32Array(slots * yearSpan);
    this.yearReviews = new Int32Array(slots * yearSpan);
  }

  /** Back to all zeros, for the next count. */
  reset(): this {
    this.recommendations.fill(0);
    this.reviews.fill(0);
    this.unknownYear.fill(0);
    this.lastReview.fill(-1);
    this.yearRecommendations.fill(0);
    this.yearReviews.fill(0);
    return this;
  }

  add(slot: number, entry: BookEntry): void {
    const newReview = this.lastReview[slot] !== entry.position;
    this.lastReview[slot] = entry.position;
    this.recommendations[slot] = (this.recommendations[slot] ?? 0) + 1;
    if (newReview) this.reviews[slot] = (this.reviews[slot] ?? 0) + 1;
    if (entry.year === null) {
      this.unknownYear[slot] = (this.unknownYear[slot] ?? 0) + 1;
      return;
    }
    const y = slot * this.yearSpan + (entry.year - this.firstYear);
    this.yearRecommendations[y] = (this.yearRecommendations[y] ?? 0) + 1;
    if (newReview) this.yearReviews[y] = (this.yearReviews[y] ?? 0) + 1;
  }

  tally(slot: number): Tally {
    const years: YearCount[] = [];
    for (let i = 0; i < this.yearSpan; i++) {
      const recommendations = this.yearRecommendations[slot * this.yearSpan + i] ?? 0;
      if (recommendations > 0)
        years.push({
          year: this.firstYear + i,
          recommendations,
          reviews: this.yearReviews[slot * this.yearSpan + i] ?? 0,
        });
    }
    return {
      recommendations: this.recommendations[slot] ?? 0,
      reviews: this.reviews[slot] ?? 0,
      firstYear: years[0]?.year ?? null,
      lastYear: years.at(-1)?.year ?? null,
      years,
      unknownYear: this.unknownYear[slot] ?? 0,
    };
  }
}

const NO_IDS = Int32Array.of(-1);

/**
 * One set of count arrays per book, cleared and reused by each count: counting is synchronous, so no two
 * counts share them at once, and a request allocates no new typed arrays (whose off-heap buffers otherwise
 * push the collector into full collections under load).
 */
const scratch = new WeakMap<RecommendationBook, Counts>();

export function countMatrix(book: RecommendationBook, entries: readonly BookEntry[]): MatrixCounts {
  // Slots: cells (agency a, theme t) at a * T + t, the none-named agency or theme at index A or T; then
  // rows, then columns, then the total.
  const A = book.agencyIds.length + 1;
  const T = book.themeIds.length + 1;
  const rowSlot = A * T;
  const columnSlot = rowSlot + A;
  const totalSlot = columnSlot + T;
  const years = book.years ?? { first: 0, last: -1 };
  let counts = scratch.get(book);
  if (counts) counts.reset();
  else {
    counts = new Counts(totalSlot + 1, years.first, years.last - years.first + 1);
    scratch.set(book, counts);
  }
  for (const entry of entries) {
    const agencies = entry.agencies.length > 0 ? entry.agencies : NO_IDS;
    const themes = entry.themes.length > 0 ? entry.themes : NO_IDS;
    counts.add(totalSlot, entry);
    for (const raw of agencies) {
      const a = raw === -1 ? A - 1 : raw;
      counts.add(rowSlot + a, entry);
      for (const t of themes) counts.add(a * T + (t === -1 ? T - 1 : t), entry);
    }
    for (const t of themes) counts.add(columnSlot + (t === -1 ? T - 1 : t), entry);
  }
  const idOf = (ids: readonly string[], i: number) => (i === ids.length ? null : (ids[i] ?? null));
  const lines = (base: number, n: number, ids: readonly string[]) => {
    const out: MatrixLine[] = [];
    for (let i = 0; i < n; i++)
      if ((counts.recommendations[base + i] ?? 0) > 0)
        out.push({ id: idOf(ids, i), ...counts.tally(base + i) });
    return out.sort(
      (x, y) =>
        (x.id === null ? 1 : 0) - (y.id === null ? 1 : 0) ||
        y.recommendations - x.recommendations ||
        ((x.id ?? '') < (y.id ?? '') ? -1 : 1),
    );
  };
  const agencyLines = lines(rowSlot, A, book.agencyIds);
  const themeLines = lines(columnSlot, T, book.themeIds);
  const indexOf = (ids: readonly string[], id: string | null, none: number) =>
    id === null ? none : ids.indexOf(id);
  const themeAt = themeLines.map((l) => indexOf(book.themeIds, l.id, T - 1));
  const cells: MatrixCell[] = [];
  for (const row of agencyLines) {
    const a = indexOf(book.agencyIds, row.id, A - 1);
    themeLines.forEach((column, k) => {
      const slot = a * T + (themeAt[k] ?? 0);
      if ((counts.recommendations[slot] ?? 0) > 0)
        cells.push({ agency: row.id, theme: column.id, ...counts.tally(slot) });
    });
  }
  return { total: counts.tally(totalSlot), agencies: agencyLines, themes: themeLines, cells };
}

/** Which recommendations a row or column takes: any, those naming none, or those naming one id. */
export type Axis = { kind: 'any' } | { kind: 'none' } | { kind: 'id'; id: string };

function onAxis(ids: readonly string[], axis: Axis): boolean {
  if (axis.kind === 'any') return true;
  if (axis.kind === 'none') return ids.length === 0;
  return ids.includes(axis.id);
}

/** The recommendations of one cell (or row, or column), in listing order. */
export function inCell(entries: readonly BookEntry[], agency: Axis, theme: Axis): BookEntry[] {
  return entries.filter((e) => onAxis(e.row.agencies, agency) && onAxis(e.row.themes, theme));
}
