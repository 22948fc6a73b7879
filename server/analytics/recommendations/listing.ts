/**
 * Pages of statements of one kind (recommendations from a RecommendationBook, learning from the listing
 * load.ts reads beside the index), in the order store.statements() lists them (case id, start, id), with
 * the total counted in the same pass that picks the page. Each statement sits under the one review that
 * holds it (ingest gives every statement to one review), so a case filter keeps a statement exactly when
 * store.statements() would.
 */
import { compareText } from '../../../graph/read-rules.ts';
import type { RecommendationRow, StatementHit } from '../../../graph/store.ts';
import type { Bitset } from '../bitset.ts';
import type { AnalyticsIndex } from '../index.ts';
import type { RecommendationBook } from './book.ts';

/** What a listing reads of a statement: its text and place, its review, and the ids it links to. */
export type ListedRow = Omit<StatementHit, 'kind'>;

/** A statement placed at its review's position in the analytics index. */
export interface ListedEntry<R extends ListedRow> {
  row: R;
  position: number;
}

export interface ListingQuery {
  /** OR within each list, AND across lists; null or empty does not filter. */
  themes?: readonly string[] | null;
  agencies?: readonly string[] | null;
  /** Only statements of reviews at these index positions (null = every review). */
  scope?: Bitset | null;
  offset: number;
  limit: number;
}

export interface ListingPage<R extends ListedRow = RecommendationRow> {
  total: number;
  items: R[];
}

export class StatementListing<R extends ListedRow> {
  /** The entries in listing order: case id, start, id. */
  readonly entries: ListedEntry<R>[];
  /** For each theme and agency id, the places in `entries` of the statements naming it, ascending. */
  private readonly byTheme = new Map<string, Int32Array>();
  private readonly byAgency = new Map<string, Int32Array>();

  constructor(entries: readonly ListedEntry<R>[]) {
    // Case ids ranked once, so that most comparisons of the sort are of numbers, not of strings.
    const caseIds = [...new Set(entries.map((e) => e.row.caseId))].sort(compareText);
    const rank = new Map(caseIds.map((id, i) => [id, i]));
    const rankOf = (e: ListedEntry<R>) => rank.get(e.row.caseId) ?? 0;
    this.entries = [...entries].sort(
      (a, b) => rankOf(a) - rankOf(b) || a.row.start - b.row.start || compareText(a.row.id, b.row.id),
    );
    const themes = new Map<string, number[]>();
    const agencies = new Map<string, number[]>();
    this.entries.forEach((e, i) => {
      for (const id of e.row.themes) pushTo(themes, id, i);
      for (const id of e.row.agencies) pushTo(agencies, id, i);
    });
    for (const [id, list] of themes) this.byTheme.set(id, Int32Array.from(list));
    for (const [id, list] of agencies) this.byAgency.set(id, Int32Array.from(list));
  }

  get size(): number {
    return this.entries.length;
  }

  page(q: ListingQuery): ListingPage<R> {
    const themes = q.themes ?? [];
    const agencies = q.agencies ?? [];
    const n = this.entries.length;
    const offset = Math.max(0, Math.floor(q.offset));
    const end = offset + Math.max(0, Math.floor(q.limit));
    const scope = q.scope ?? null;
    if (themes.length === 0 && agencies.length === 0 && scope === null) {
      return { total: n, items: this.entries.slice(offset, end).map((e) => e.row) };
    }
    // Bit 1: names a wanted theme; bit 2: targets a wanted agency.
    const wanted = (themes.length > 0 ? 1 : 0) | (agencies.length > 0 ? 2 : 0);
    const marks = wanted === 0 ? null : new Uint8Array(n);
    if (marks) {
      for (const id of themes) for (const i of this.byTheme.get(id) ?? []) marks[i] = (marks[i] ?? 0) | 1;
      for (const id of agencies) for (const i of this.byAgency.get(id) ?? []) marks[i] = (marks[i] ?? 0) | 2;
    }
    let total = 0;
    const items: R[] = [];
    for (let i = 0; i < n; i++) {
      if (marks && marks[i] !== wanted) continue;
      const entry = this.entries[i];
      if (!entry || (scope !== null && !scope.has(entry.position))) continue;
      if (total >= offset && total < end) items.push(entry.row);
      total++;
    }
    return { total, items };
  }
}

function pushTo(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The rows placed at their reviews' positions in the index. A row read between a write and the index
 * rebuild that follows it has no place yet and is left out; the listing built with the next index has it.
 */
export function placedEntries<R extends ListedRow>(
  index: AnalyticsIndex,
  rows: readonly R[],
): ListedEntry<R>[] {
  const positions = new Map(index.caseIds().map((id, p) => [id, p]));
  const out: ListedEntry<R>[] = [];
  for (const row of rows) {
    const position = positions.get(row.caseId);
    if (position !== undefined) out.push({ row, position });
  }
  return out;
}

const listings = new WeakMap<RecommendationBook, StatementListing<RecommendationRow>>();

/** One page of the book's recommendations and how many there are under the query, in one pass. */
export function recommendationListing(book: RecommendationBook, q: ListingQuery): ListingPage {
  let listing = listings.get(book);
  if (!listing) {
    listing = new StatementListing(book.entries);
    listings.set(book, listing);
  }
  return listing.page(q);
}
