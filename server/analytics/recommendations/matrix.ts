/**
 * The agency × theme matrix of recommendations: for each agency a recommendation targets and each theme
 * it addresses, how many recommendations, from how many reviews, over which years. A recommendation that
 * names no agency counts in the row of agency null ("none named"), one that names no theme in the column
 * of theme null; a recommendation naming two agencies and three themes counts in six cells. Row and column
 * totals count each recommendation once, so they are not the sums of their cells.
 */
import type { BookEntry } from './book.ts';

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

/** Counts recommendations and distinct reviews; entries arrive in listing order (a review's together). */
class Counter {
  recommendations = 0;
  reviews = 0;
  unknownYear = 0;
  private lastReview = -1;
  private readonly byYear = new Map<number, YearCount>();

  add(entry: BookEntry): void {
    const newReview = entry.position !== this.lastReview;
    this.lastReview = entry.position;
    this.recommendations++;
    if (newReview) this.reviews++;
    if (entry.year === null) {
      this.unknownYear++;
      return;
    }
    let year = this.byYear.get(entry.year);
    if (!year) {
      year = { year: entry.year, recommendations: 0, reviews: 0 };
      this.byYear.set(entry.year, year);
    }
    year.recommendations++;
    if (newReview) year.reviews++;
  }

  tally(): Tally {
    const years = [...this.byYear.values()].sort((a, b) => a.year - b.year);
    return {
      recommendations: this.recommendations,
      reviews: this.reviews,
      firstYear: years[0]?.year ?? null,
      lastYear: years.at(-1)?.year ?? null,
      years,
      unknownYear: this.unknownYear,
    };
  }
}

const NONE = '\u0000';

function counterIn(map: Map<string, Counter>, key: string): Counter {
  let counter = map.get(key);
  if (!counter) {
    counter = new Counter();
    map.set(key, counter);
  }
  return counter;
}

export function countMatrix(entries: readonly BookEntry[]): MatrixCounts {
  const total = new Counter();
  const rows = new Map<string, Counter>();
  const columns = new Map<string, Counter>();
  const cells = new Map<string, Map<string, Counter>>();
  for (const entry of entries) {
    const agencies = entry.row.agencies.length > 0 ? entry.row.agencies : [NONE];
    const themes = entry.row.themes.length > 0 ? entry.row.themes : [NONE];
    total.add(entry);
    for (const agency of agencies) {
      counterIn(rows, agency).add(entry);
      let row = cells.get(agency);
      if (!row) {
        row = new Map();
        cells.set(agency, row);
      }
      for (const theme of themes) counterIn(row, theme).add(entry);
    }
    for (const theme of themes) counterIn(columns, theme).add(entry);
  }
  const agencyLines = lines(rows);
  const themeLines = lines(columns);
  const out: MatrixCell[] = [];
  for (const agency of agencyLines) {
    const row = cells.get(agency.id ?? NONE);
    for (const theme of themeLines) {
      const cell = row?.get(theme.id ?? NONE);
      if (cell) out.push({ agency: agency.id, theme: theme.id, ...cell.tally() });
    }
  }
  return { total: total.tally(), agencies: agencyLines, themes: themeLines, cells: out };
}

function lines(counters: Map<string, Counter>): MatrixLine[] {
  return [...counters]
    .map(([key, counter]) => ({ id: key === NONE ? null : key, ...counter.tally() }))
    .sort(
      (a, b) =>
        (a.id === null ? 1 : 0) - (b.id === null ? 1 : 0) ||
        b.recommendations - a.recommendations ||
        ((a.id ?? '') < (b.id ?? '') ? -1 : 1),
    );
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
