/**
 * The agency × theme matrix of recommendations: for each agency a recommendation targets and each theme
 * it addresses, how many recommendations, from how many reviews, over which years. A recommendation that
 * names no agency counts in the row of agency null ("none named"), one that names no theme in the column
 * of theme null; a recommendation naming two agencies and three themes counts in six cells. Row and column
 * totals count each recommendation once, so they are not the sums of their cells.
 */
import type { Bitset } from '../bitset.ts';
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
  readonly lastReview: Int32Array;

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

  /** Counts each entry in every slot its plan gives it. */
  addAll(plan: Plan, entries: readonly BookEntry[]): void {
    for (let n = 0; n < entries.length; n++) {
      const entry = entries[n] as BookEntry;
      this.addEntry(plan, entry.at, entry.position);
    }
  }

  /** Counts every entry of the reviews in `scope`, as addAll(within(scope)) does, without the entry objects. */
  addScope(plan: Plan, start: Int32Array, scope: Bitset): void {
    const words = scope.words;
    for (let w = 0; w < words.length; w++) {
      let word = words[w] as number;
      while (word !== 0) {
        const position = (w << 5) + 31 - Math.clz32(word & -word);
        word &= word - 1;
        const end = start[position + 1] as number;
        for (let at = start[position] as number; at < end; at++) this.addEntry(plan, at, position);
      }
    }
  }

  /**
   * Additions over typed arrays only: at 100k reviews a count touches over a million slots, and reading
   * entry objects or calling once per slot cost several times the adding.
   */
  private addEntry(plan: Plan, at: number, position: number): void {
    const { slotStart, slotList, yearOf } = plan;
    const { recommendations, reviews, unknownYear, yearRecommendations, yearReviews, lastReview, yearSpan } =
      this;
    const year = yearOf[at] as number;
    const end = slotStart[at + 1] as number;
    for (let k = slotStart[at] as number; k < end; k++) {
      const slot = slotList[k] as number;
      const newReview = lastReview[slot] !== position;
      lastReview[slot] = position;
      recommendations[slot] = (recommendations[slot] as number) + 1;
      if (newReview) reviews[slot] = (reviews[slot] as number) + 1;
      if (year < 0) {
        unknownYear[slot] = (unknownYear[slot] as number) + 1;
        continue;
      }
      const y = slot * yearSpan + year;
      yearRecommendations[y] = (yearRecommendations[y] as number) + 1;
      if (newReview) yearReviews[y] = (yearReviews[y] as number) + 1;
    }
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
 * Which slots each of a book's entries counts in (CSR: entry i's slots are slotList[slotStart[i] ..
 * slotStart[i + 1])), and its year as an offset from the book's first year (-1 when it has none). Worked
 * out once per book, so that a count is additions only.
 */
interface Plan {
  agencies: number;
  themes: number;
  rowSlot: number;
  columnSlot: number;
  totalSlot: number;
  slotStart: Int32Array;
  slotList: Int32Array;
  yearOf: Int32Array;
}

const plans = new WeakMap<RecommendationBook, Plan>();

function planOf(book: RecommendationBook): Plan {
  const known = plans.get(book);
  if (known) return known;
  // Slots: cells (agency a, theme t) at a * T + t, the none-named agency or theme at index A or T; then
  // rows, then columns, then the total.
  const A = book.agencyIds.length + 1;
  const T = book.themeIds.length + 1;
  const rowSlot = A * T;
  const columnSlot = rowSlot + A;
  const totalSlot = columnSlot + T;
  const first = book.years?.first ?? 0;
  const slotStart = new Int32Array(book.entries.length + 1);
  const yearOf = new Int32Array(book.entries.length);
  const list: number[] = [];
  book.entries.forEach((entry, i) => {
    slotStart[i] = list.length;
    yearOf[i] = entry.year === null ? -1 : entry.year - first;
    const agencies = entry.agencies.length > 0 ? entry.agencies : NO_IDS;
    const themes = entry.themes.length > 0 ? entry.themes : NO_IDS;
    list.push(totalSlot);
    for (const raw of agencies) {
      const a = raw === -1 ? A - 1 : raw;
      list.push(rowSlot + a);
      for (const t of themes) list.push(a * T + (t === -1 ? T - 1 : t));
    }
    for (const t of themes) list.push(columnSlot + (t === -1 ? T - 1 : t));
  });
  slotStart[book.entries.length] = list.length;
  const plan = {
    agencies: A,
    themes: T,
    rowSlot,
    columnSlot,
    totalSlot,
    slotStart,
    slotList: Int32Array.from(list),
    yearOf,
  };
  plans.set(book, plan);
  return plan;
}

/**
 * One set of count arrays per book, cleared and reused by each count: counting is synchronous, so no two
 * counts share them at once, and a request allocates no new typed arrays (whose off-heap buffers otherwise
 * push the collector into full collections under load).
 */
const scratch = new WeakMap<RecommendationBook, Counts>();

export function countMatrix(book: RecommendationBook, entries: readonly BookEntry[]): MatrixCounts {
  const plan = planOf(book);
  const { agencies: A, themes: T, rowSlot, columnSlot, totalSlot } = plan;
  const years = book.years ?? { first: 0, last: -1 };
  let counts = scratch.get(book);
  if (counts) counts.reset();
  else {
    counts = new Counts(totalSlot + 1, years.first, years.last - years.first + 1);
    scratch.set(book, counts);
  }
  const scope = book.scopeOf(entries);
  if (scope) counts.addScope(plan, book.start, scope);
  else counts.addAll(plan, entries);
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
