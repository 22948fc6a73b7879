/**
 * The in-memory analytics index: one row per case review (from store.caseFacets()), one bitset per facet
 * value. Cases are numbered in the order the API lists them (reportYear desc, unknown years last, then id),
 * so a filter's bitset read from low to high bits is already a page in order. The index is immutable; the
 * server builds a new one after every write and swaps it in.
 */
import type { AgencyRecord, TaxonRecord, ThemeRecord } from '../../graph/records.ts';
import type { CaseFacets, GraphCounts, SourceSummary } from '../../graph/store.ts';
import { Bitset } from './bitset.ts';
import { type CaseThemes, countAround, countCooccurrence } from './cooccurrence.ts';
import {
  type CaseFilter,
  hasYearRange,
  isEmptyFilter,
  keepsUnknownYear,
  LIST_FIELDS,
  type ListField,
  type NormalizedFilter,
  normalizeFilter,
} from './filter.ts';
import { Lru } from './lru.ts';

export interface IndexedCase extends CaseFacets {
  /** Lower-cased title, pseudonym, partnership and summary: what the text filter searches. */
  text: string;
  /** The year of the incident the review is about, when the review reports it. */
  incidentYear?: number | null;
  /** The safeguarding partnership (or area) that commissioned the review, when known. */
  partnership?: string | null;
}

/** Which year of a review a trend is read by. */
export type YearBasis = 'publication' | 'incident';

/** Theme counts and pair counts over a set of cases (see countCooccurrence), with the theme ids. */
export interface ThemeCounts {
  cases: number;
  themeIds: readonly string[];
  /** weights[a] = cases with theme a. */
  weights: Uint32Array;
  /** pairs[a * themeIds.length + b], a < b = cases with both. */
  pairs: Uint32Array;
}

export interface Taxonomy {
  harmTypes: TaxonRecord[];
  agencies: AgencyRecord[];
  themes: ThemeRecord[];
}

export interface IndexInput {
  cases: IndexedCase[];
  taxonomy: Taxonomy;
  sources: SourceSummary[];
  counts: GraphCounts;
}

/** Cases per theme and year over a scope (see AnalyticsIndex.themeYearCounts). */
export interface ThemeYearCounts {
  /** Every year some case of the index has (by the basis asked for), ascending. */
  years: readonly number[];
  /** totals[y] = cases in scope of years[y]. */
  totals: Uint32Array;
  /** counts[theme * years.length + y] = cases in scope of years[y] with the theme (themePositionOf). */
  counts: Uint32Array;
  /** inScope[theme] = cases in scope with the theme, with or without a year. */
  inScope: Uint32Array;
  themeIds: readonly string[];
}

/** Where a case sits in the listing order; cursors carry this so they survive index rebuilds. */
export interface SortKey {
  year: number | null;
  id: string;
}

export interface NetworkNode {
  id: string;
  weight: number;
}

export interface NetworkEdge {
  source: string;
  target: string;
  weight: number;
  lift: number;
}

export interface ThemeNetworkResult {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  caseCount: number;
}

export interface RelatedTheme {
  id: string;
  shared: number;
  lift: number;
}

export interface CasePage {
  ids: string[];
  keys: SortKey[];
  totalCount: number;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

type Column = Map<string, Bitset>;

/** What a case has besides its facets: the text filter's text, its incident year and its partnership. */
export interface CaseExtras {
  text: string;
  incidentYear: number | null;
  partnership: string | null;
}

/** The arrays and sets an index is made of: built from cases, or read back from a saved index. */
export interface IndexContents {
  /** Case ids in listing order; every other per-case array is by the same position. */
  ids: string[];
  years: (number | null)[];
  texts: string[];
  columns: [ListField, Column][];
  yearColumn: Column;
  incidentYearColumn: Column;
  /** Taxonomy themes first, then any other theme a case names. */
  themeIds: string[];
  /** Theme positions per case, CSR layout (see AnalyticsIndex.themeStart). */
  themeStart: Int32Array;
  themeList: Int32Array;
}

/** An index put back from its saved state, with what is read from the store afresh. */
export interface RestoredInput {
  state: IndexContents;
  taxonomy: Taxonomy;
  sources: SourceSummary[];
  counts: GraphCounts;
}

const FACET_VALUES: Record<ListField, (c: CaseFacets) => readonly (string | null)[]> = {
  harmTypes: (c) => c.harmTypes,
  themes: (c) => c.themes,
  agencies: (c) => c.agencies,
  outcome: (c) => [c.outcome],
  ageBands: (c) => [c.ageBand],
  reviewTypes: (c) => [c.reviewType],
  sources: (c) => c.sources,
  partnerships: (c) => [(c as IndexedCase).partnership ?? null],
};

export class AnalyticsIndex {
  readonly size: number;
  readonly taxonomy: Taxonomy;
  readonly sources: SourceSummary[];
  readonly counts: GraphCounts;
  private readonly ids: string[];
  private readonly years: (number | null)[];
  private readonly texts: string[];
  private readonly positions = new Map<string, number>();
  private readonly columns = new Map<ListField, Column>();
  private readonly yearColumn: Column;
  private readonly incidentYearColumn: Column;
  private readonly all: Bitset;
  /** Cases with no report year. */
  private readonly noYear: Bitset;
  /** Theme positions per case, CSR layout: themesOf(p) = themeList[themeStart[p] .. themeStart[p+1]). */
  private readonly themeIds: string[];
  private readonly themePosition = new Map<string, number>();
  private readonly themeStart: Int32Array;
  private readonly themeList: Int32Array;
  private readonly caseThemes: CaseThemes;
  private readonly matchCache = new Lru<string, Bitset>(64);
  private readonly yearSlots = new Map<YearBasis, { years: number[]; slot: Int32Array }>();
  private readonly networkCache = new Lru<string, ThemeNetworkResult>(32);

  constructor(input: IndexInput | RestoredInput) {
    const state = 'state' in input ? input.state : buildState(input.cases, input.taxonomy);
    this.size = state.ids.length;
    this.taxonomy = input.taxonomy;
    this.sources = input.sources;
    this.counts = input.counts;
    this.ids = state.ids;
    this.years = state.years;
    this.texts = state.texts;
    this.all = Bitset.full(this.size);
    for (let p = 0; p < this.size; p++) this.positions.set(this.ids[p] ?? '', p);
    for (const [field, column] of state.columns) this.columns.set(field, column);
    this.yearColumn = state.yearColumn;
    this.noYear = this.all.andNot(this.union(this.yearColumn, [...this.yearColumn.keys()]));
    this.incidentYearColumn = state.incidentYearColumn;
    this.themeIds = state.themeIds;
    this.themeIds.forEach((id, i) => {
      this.themePosition.set(id, i);
    });
    this.themeStart = state.themeStart;
    this.themeList = state.themeList;
    this.caseThemes = { start: this.themeStart, list: this.themeList, themeCount: this.themeIds.length };
  }

  /** What the index is made of, for saving it (persisted-index.ts): shared with the index, not copied. */
  get state(): Readonly<IndexContents> {
    return {
      ids: this.ids,
      years: this.years,
      texts: this.texts,
      columns: [...this.columns],
      yearColumn: this.yearColumn,
      incidentYearColumn: this.incidentYearColumn,
      themeIds: this.themeIds,
      themeStart: this.themeStart,
      themeList: this.themeList,
    };
  }

  /** Each case's text, incident year and partnership by id: what a rebuild keeps rather than reads again. */
  caseExtras(): Map<string, CaseExtras> {
    const { years, slot } = this.yearSlotsOf('incident');
    const partnerships = new Array<string | null>(this.size).fill(null);
    for (const [partnership, set] of this.columns.get('partnerships') ?? []) {
      set.visit((p) => {
        partnerships[p] = partnership;
      });
    }
    const out = new Map<string, CaseExtras>();
    for (let p = 0; p < this.size; p++) {
      out.set(this.ids[p] ?? '', {
        text: this.texts[p] ?? '',
        incidentYear: years[slot[p] ?? -1] ?? null,
        partnership: partnerships[p] ?? null,
      });
    }
    return out;
  }

  has(caseId: string): boolean {
    return this.positions.has(caseId);
  }

  /** The theme ids of one case ([] when the case is unknown). */
  themesOf(caseId: string): string[] {
    const p = this.positions.get(caseId);
    if (p === undefined) return [];
    const out: string[] = [];
    for (let i = this.themeStart[p] ?? 0; i < (this.themeStart[p + 1] ?? 0); i++) {
      const id = this.themeIds[this.themeList[i] ?? -1];
      if (id !== undefined) out.push(id);
    }
    return out;
  }

  /** Ids a filter names that this index has never seen, as readable problems (field and id). */
  unknownIds(filter: CaseFilter | null | undefined): string[] {
    const problems: string[] = [];
    for (const [field, ids] of Object.entries(this.knownIds()) as [ListField, Set<string>][]) {
      for (const [path, given] of [
        [field, filter?.[field]],
        [`not.${field}`, filter?.not?.[field]],
      ] as const) {
        for (const id of given ?? []) {
          if (!ids.has(id)) problems.push(`filter.${path}: unknown id "${id}" (${listHint(field)})`);
        }
      }
    }
    for (const id of filter?.themesAll ?? []) {
      if (!this.themePosition.has(id))
        problems.push(`filter.themesAll: unknown id "${id}" (list the ids with { themes { id } })`);
    }
    return problems;
  }

  private known: Partial<Record<ListField, Set<string>>> | null = null;

  private knownIds(): Partial<Record<ListField, Set<string>>> {
    this.known ??= {
      harmTypes: new Set([...this.taxonomy.harmTypes.map((t) => t.id), ...this.valuesOf('harmTypes')]),
      themes: new Set(this.themeIds),
      agencies: new Set([...this.taxonomy.agencies.map((t) => t.id), ...this.valuesOf('agencies')]),
      sources: new Set([...this.sources.map((s) => s.id), ...this.valuesOf('sources')]),
      partnerships: new Set(this.valuesOf('partnerships')),
    };
    return this.known;
  }

  private valuesOf(field: ListField): string[] {
    return [...(this.columns.get(field)?.keys() ?? [])];
  }

  /** The cases matching a filter: OR within each list, AND across fields. */
  match(filter: NormalizedFilter | CaseFilter | null | undefined): Bitset {
    const f = asNormalized(filter);
    if (isEmptyFilter(f)) return this.all;
    return this.matchCache.getOrCompute(f.key, () => this.evaluate(f));
  }

  private evaluate(f: NormalizedFilter): Bitset {
    let result: Bitset | null = null;
    const narrow = (set: Bitset) => {
      result = result === null ? set : result.and(set);
    };
    for (const [field, values] of Object.entries(f.lists) as [ListField, string[]][]) {
      narrow(this.union(this.columns.get(field), values));
    }
    for (const theme of f.allThemes) narrow(this.columns.get('themes')?.get(theme) ?? new Bitset(this.size));
    if (hasYearRange(f) || f.unknownYear !== null) narrow(this.yearScope(f));
    for (const field of LIST_FIELDS) {
      const values = f.excluded[field];
      if (values) result = (result ?? this.all).andNot(this.union(this.columns.get(field), values));
    }
    if (f.words.length > 0) narrow(this.textMatches(result ?? this.all, f.words));
    return result ?? this.all;
  }

  /** The cases a filter's year range and unknown-year choice let through. */
  private yearScope(f: NormalizedFilter): Bitset {
    if (f.unknownYear === 'ONLY') return this.noYear;
    const years = [...this.yearColumn.keys()].filter((y) => {
      const n = Number(y);
      return (f.yearFrom === null || n >= f.yearFrom) && (f.yearTo === null || n <= f.yearTo);
    });
    const dated = this.union(this.yearColumn, years);
    return keepsUnknownYear(f) ? dated.or(this.noYear) : dated;
  }

  private union(column: Column | undefined, values: readonly string[]): Bitset {
    let set = new Bitset(this.size);
    for (const v of values) {
      const member = column?.get(v);
      if (member) set = set.or(member);
    }
    return set;
  }

  private textMatches(candidates: Bitset, words: string[]): Bitset {
    const out = new Bitset(this.size);
    candidates.visit((p) => {
      const text = this.texts[p] ?? '';
      if (words.every((w) => text.includes(w))) out.add(p);
    });
    return out;
  }

  /** The cases matching every one of the filters. */
  matchAll(filters: readonly (NormalizedFilter | CaseFilter | null | undefined)[]): Bitset {
    const [first, ...rest] = filters.map((f) => this.match(f)).filter((s) => s !== this.all);
    return rest.reduce((acc, s) => acc.and(s), first ?? this.all);
  }

  count(filter?: NormalizedFilter | CaseFilter | null): number {
    return this.match(filter).count();
  }

  caseIds(filter?: NormalizedFilter | CaseFilter | null): string[] {
    return this.match(filter)
      .toArray()
      .map((p) => this.ids[p] ?? '');
  }

  /** Cases per value of one facet under a filter (values with no case under the filter included, as 0). */
  countBy(field: ListField | 'years', filter?: NormalizedFilter | CaseFilter | null): Map<string, number> {
    const scope = this.match(filter);
    const column = field === 'years' ? this.yearColumn : this.columns.get(field);
    const out = new Map<string, number>();
    for (const [value, set] of column ?? [])
      out.set(value, scope === this.all ? set.count() : set.countAnd(scope));
    return out;
  }

  yearRange(filter?: NormalizedFilter | CaseFilter | null): { min: number | null; max: number | null } {
    let min: number | null = null;
    let max: number | null = null;
    for (const [year, n] of this.countBy('years', filter)) {
      if (n === 0) continue;
      const y = Number(year);
      min = min === null ? y : Math.min(min, y);
      max = max === null ? y : Math.max(max, y);
    }
    return { min, max };
  }

  /**
   * Theme co-occurrence under a filter. Node weight = cases with the theme; edge weight = cases with both;
   * lift = (shared * N) / (countA * countB) where N = cases under the filter.
   */
  themeNetwork(
    filter: NormalizedFilter | CaseFilter | null | undefined,
    minShared: number,
  ): ThemeNetworkResult {
    const f = asNormalized(filter);
    return this.networkCache.getOrCompute(`${f.key}|${minShared}`, () => this.computeNetwork(f, minShared));
  }

  private computeNetwork(f: NormalizedFilter, minShared: number): ThemeNetworkResult {
    const t = this.themeIds.length;
    const { cases: n, weights, pairs } = countCooccurrence(this.match(f).words, this.caseThemes);
    const nodes: NetworkNode[] = [];
    weights.forEach((w, i) => {
      if (w > 0) nodes.push({ id: this.themeIds[i] ?? '', weight: w });
    });
    nodes.sort((x, y) => y.weight - x.weight || compareStrings(x.id, y.id));
    const edges: NetworkEdge[] = [];
    for (let a = 0; a < t; a++) {
      for (let b = a + 1; b < t; b++) {
        const shared = pairs[a * t + b] ?? 0;
        if (shared === 0 || shared < minShared) continue;
        const [source, target] = orderedPair(this.themeIds[a] ?? '', this.themeIds[b] ?? '');
        edges.push({
          source,
          target,
          weight: shared,
          lift: lift(shared, n, weights[a] ?? 0, weights[b] ?? 0),
        });
      }
    }
    edges.sort(
      (x, y) =>
        y.weight - x.weight || compareStrings(x.source, y.source) || compareStrings(x.target, y.target),
    );
    return { nodes, edges, caseCount: n };
  }

  /** Themes sharing cases with `themeId` under a filter, strongest (most shared, then highest lift) first. */
  relatedThemes(
    themeId: string,
    filter: NormalizedFilter | CaseFilter | null | undefined,
    limit: number,
  ): RelatedTheme[] {
    const self = this.themePosition.get(themeId);
    if (self === undefined) return [];
    const { cases: n, weights, shared } = countAround(this.match(filter).words, this.caseThemes, self);
    const out: RelatedTheme[] = [];
    shared.forEach((s, i) => {
      if (s > 0)
        out.push({
          id: this.themeIds[i] ?? '',
          shared: s,
          lift: lift(s, n, weights[self] ?? 0, weights[i] ?? 0),
        });
    });
    out.sort((x, y) => y.shared - x.shared || y.lift - x.lift || compareStrings(x.id, y.id));
    return out.slice(0, limit);
  }

  /** Every case in the index. */
  allCases(): Bitset {
    return this.all;
  }

  /** The ids of a set of cases, in listing order. */
  idsOf(scope: Bitset): string[] {
    const out: string[] = [];
    scope.visit((p) => {
      out.push(this.ids[p] ?? '');
    });
    return out;
  }

  /** The cases carrying each value of a facet (read-only; absent values have no entry). */
  facetSets(field: ListField): ReadonlyMap<string, Bitset> {
    return this.columns.get(field) ?? new Map();
  }

  /** The cases of each year, by publication (report) year or by incident year. */
  yearSets(by: YearBasis): ReadonlyMap<number, Bitset> {
    const column = by === 'incident' ? this.incidentYearColumn : this.yearColumn;
    return new Map([...column].map(([year, set]) => [Number(year), set]));
  }

  /** The position of a theme in ThemeCounts.themeIds and ThemeYearCounts; undefined for an unknown id. */
  themePositionOf(themeId: string): number | undefined {
    return this.themePosition.get(themeId);
  }

  /**
   * Cases in scope per theme and year, in one walk over the scope's cases and their themes: at 100k
   * reviews, a few hundred thousand increments, where intersecting each theme's set with each year's
   * would read the whole index once per theme and year.
   */
  themeYearCounts(scope: Bitset, by: YearBasis): ThemeYearCounts {
    const { years, slot } = this.yearSlotsOf(by);
    const y = years.length;
    const themeCount = this.themeIds.length;
    const totals = new Uint32Array(y);
    const counts = new Uint32Array(themeCount * y);
    const inScope = new Uint32Array(themeCount);
    const { themeStart: start, themeList: list } = this;
    const words = scope.words;
    for (let w = 0; w < words.length; w++) {
      let word = words[w] as number;
      while (word !== 0) {
        const p = (w << 5) + 31 - Math.clz32(word & -word);
        word &= word - 1;
        const year = slot[p] as number;
        const end = start[p + 1] as number;
        if (year < 0) {
          for (let i = start[p] as number; i < end; i++) {
            const t = list[i] as number;
            inScope[t] = (inScope[t] as number) + 1;
          }
          continue;
        }
        totals[year] = (totals[year] as number) + 1;
        for (let i = start[p] as number; i < end; i++) {
          const t = list[i] as number;
          inScope[t] = (inScope[t] as number) + 1;
          const cell = t * y + year;
          counts[cell] = (counts[cell] as number) + 1;
        }
      }
    }
    return { years, totals, counts, inScope, themeIds: this.themeIds };
  }

  /** Each case's year as a place in the ascending list of years (-1 when it has none), made once per basis. */
  private yearSlotsOf(by: YearBasis): { years: number[]; slot: Int32Array } {
    let known = this.yearSlots.get(by);
    if (!known) {
      const column = by === 'incident' ? this.incidentYearColumn : this.yearColumn;
      const years = [...column.keys()].map(Number).sort((a, b) => a - b);
      const slot = new Int32Array(this.size).fill(-1);
      years.forEach((year, i) => {
        column.get(String(year))?.visit((p) => {
          slot[p] = i;
        });
      });
      known = { years, slot };
      this.yearSlots.set(by, known);
    }
    return known;
  }

  /** Theme and theme-pair counts over a set of cases. */
  themeCounts(scope: Bitset): ThemeCounts {
    const { cases, weights, pairs } = countCooccurrence(scope.words, this.caseThemes);
    return { cases, themeIds: this.themeIds, weights, pairs };
  }

  sortKeyOf(caseId: string): SortKey | null {
    const p = this.positions.get(caseId);
    return p === undefined ? null : { year: this.years[p] ?? null, id: caseId };
  }

  /**
   * One page of matching cases in listing order, after the case at `after` (which need not still exist:
   * the page starts at the first case that sorts after it, so pages never skip or repeat across rebuilds).
   */
  page(scope: Bitset, first: number, after: SortKey | null): CasePage {
    const start = after === null ? 0 : this.firstPositionAfter(after);
    const positions: number[] = [];
    scope.visit((p) => {
      positions.push(p);
      return positions.length <= first;
    }, start);
    const taken = positions.slice(0, first);
    return {
      ids: taken.map((p) => this.ids[p] ?? ''),
      keys: taken.map((p) => ({ year: this.years[p] ?? null, id: this.ids[p] ?? '' })),
      totalCount: scope.count(),
      hasNextPage: positions.length > first,
      hasPreviousPage: start > 0 && this.anyBefore(scope, start),
    };
  }

  private firstPositionAfter(key: SortKey): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const here = { year: this.years[mid] ?? null, id: this.ids[mid] ?? '' };
      if (compareKeys(here, key) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private anyBefore(scope: Bitset, end: number): boolean {
    let found = false;
    scope.visit((p) => {
      found = p < end;
      return false;
    });
    return found;
  }
}

function buildState(input: readonly IndexedCase[], taxonomy: Taxonomy): IndexContents {
  const cases = [...input].sort(compareCases);
  const size = cases.length;
  const themeIds = [...taxonomy.themes.map((t) => t.id)];
  const themePosition = new Map(themeIds.map((id, i) => [id, i]));
  const themeStart = new Int32Array(size + 1);
  const themeList = new Int32Array(cases.reduce((n, c) => n + c.themes.length, 0));
  let length = 0;
  for (let p = 0; p < size; p++) {
    themeStart[p] = length;
    const first = length;
    for (const theme of cases[p]?.themes ?? []) {
      let position = themePosition.get(theme);
      if (position === undefined) {
        position = themeIds.length;
        themeIds.push(theme);
        themePosition.set(theme, position);
      }
      length = insertSortedUnique(themeList, first, length, position);
    }
  }
  themeStart[size] = length;
  return {
    ids: cases.map((c) => c.id),
    years: cases.map((c) => c.reportYear),
    texts: cases.map((c) => c.text),
    columns: (Object.keys(FACET_VALUES) as ListField[]).map((field) => [
      field,
      buildColumn(cases, FACET_VALUES[field]),
    ]),
    yearColumn: buildColumn(cases, (c) => [c.reportYear === null ? null : String(c.reportYear)]),
    incidentYearColumn: buildColumn(cases, (c) => [c.incidentYear == null ? null : String(c.incidentYear)]),
    themeIds,
    themeStart,
    themeList,
  };
}

function buildColumn(cases: IndexedCase[], values: (c: IndexedCase) => readonly (string | null)[]): Column {
  const column: Column = new Map();
  for (let p = 0; p < cases.length; p++) {
    const c = cases[p];
    if (!c) continue;
    for (const v of values(c)) {
      if (v === null) continue;
      let set = column.get(v);
      if (!set) {
        set = new Bitset(cases.length);
        column.set(v, set);
      }
      set.add(p);
    }
  }
  return column;
}

/** Inserts `value` into the ascending run list[from..end) unless present; returns the new end. */

function insertSortedUnique(list: Int32Array, from: number, end: number, value: number): number {
  let i = end;
  while (i > from && (list[i - 1] ?? 0) > value) i--;
  if (i > from && list[i - 1] === value) return end;
  list.copyWithin(i + 1, i, end);
  list[i] = value;
  return end + 1;
}

function listHint(field: ListField): string {
  return field === 'partnerships'
    ? 'list them with { facets { partnerships { id } } }'
    : `list the ids with { ${field} { id } }`;
}

function asNormalized(filter: NormalizedFilter | CaseFilter | null | undefined): NormalizedFilter {
  return filter && 'key' in filter && 'words' in filter
    ? (filter as NormalizedFilter)
    : normalizeFilter(filter);
}

function lift(shared: number, n: number, a: number, b: number): number {
  if (a === 0 || b === 0) return 0;
  return Math.round(((shared * n) / (a * b)) * 10_000) / 10_000;
}

function orderedPair(a: string, b: string): [string, string] {
  return compareStrings(a, b) <= 0 ? [a, b] : [b, a];
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Listing order: newest report year first, unknown years last, then id. */
export function compareKeys(a: SortKey, b: SortKey): number {
  const ya = a.year ?? Number.NEGATIVE_INFINITY;
  const yb = b.year ?? Number.NEGATIVE_INFINITY;
  if (ya !== yb) return yb > ya ? 1 : -1;
  return compareStrings(a.id, b.id);
}

function compareCases(a: CaseFacets, b: CaseFacets): number {
  const ya = a.reportYear ?? Number.NEGATIVE_INFINITY;
  const yb = b.reportYear ?? Number.NEGATIVE_INFINITY;
  if (ya !== yb) return yb > ya ? 1 : -1;
  return compareStrings(a.id, b.id);
}
