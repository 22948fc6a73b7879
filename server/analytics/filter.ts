/**
 * CaseFilter in domain values (outcome 'death', age band 'under 1', ...), normalised so that equal filters
 * have equal keys: lists deduplicated and sorted, empty lists and blank text dropped.
 *
 * A filter chooses reviews in three steps: the positive fields (OR within a list, AND across fields), then
 * the unknown-year choice, then `not`, which takes away every review carrying any value it lists.
 */
export interface CaseFilter {
  harmTypes?: readonly string[] | null;
  themes?: readonly string[] | null;
  /** Themes a case must carry every one of (themes ORs its list). */
  themesAll?: readonly string[] | null;
  agencies?: readonly string[] | null;
  yearFrom?: number | null;
  yearTo?: number | null;
  outcome?: readonly string[] | null;
  ageBands?: readonly string[] | null;
  reviewTypes?: readonly string[] | null;
  sources?: readonly string[] | null;
  /** Safeguarding partnership (or area) names, as the reviews give them. */
  partnerships?: readonly string[] | null;
  text?: string | null;
  /** Reviews with no publication year: see UnknownYear. Null keeps the default. */
  unknownYear?: UnknownYear | null;
  /** Reviews carrying any of these values are left out. */
  not?: CaseExclusion | null;
}

/**
 * What happens to reviews that report no publication year. Default (null): kept when no year bound is
 * given, left out by yearFrom/yearTo. INCLUDE keeps them even beside a year range; EXCLUDE leaves them out;
 * ONLY keeps them alone (and cannot be combined with a year range).
 */
export type UnknownYear = 'INCLUDE' | 'EXCLUDE' | 'ONLY';

export const LIST_FIELDS = [
  'harmTypes',
  'themes',
  'agencies',
  'outcome',
  'ageBands',
  'reviewTypes',
  'sources',
  'partnerships',
] as const;
export type ListField = (typeof LIST_FIELDS)[number];

/** The exclusion lists: one per list field, same values. */
export type CaseExclusion = Partial<Record<ListField, readonly string[] | null>>;

export interface NormalizedFilter {
  lists: Partial<Record<ListField, string[]>>;
  /** Values whose reviews are left out, per field (sorted, distinct). */
  excluded: Partial<Record<ListField, string[]>>;
  /** Themes every matching case carries (sorted, distinct). */
  allThemes: string[];
  yearFrom: number | null;
  yearTo: number | null;
  unknownYear: UnknownYear | null;
  /** Lower-cased words that must all appear in a case's text. */
  words: string[];
  key: string;
}

export function normalizeFilter(filter: CaseFilter | null | undefined): NormalizedFilter {
  const lists = normalizeLists(filter);
  const excluded = normalizeLists(filter?.not);
  const allThemes = [...new Set(filter?.themesAll ?? [])].sort();
  const yearFrom = filter?.yearFrom ?? null;
  const yearTo = filter?.yearTo ?? null;
  const unknownYear = filter?.unknownYear ?? null;
  const words = textWords(filter?.text ?? '');
  return withKey({ lists, excluded, allThemes, yearFrom, yearTo, unknownYear, words });
}

/** The filter with its key recomputed (for filters built from another one). */
export function withKey(filter: Omit<NormalizedFilter, 'key'>): NormalizedFilter {
  const { lists, excluded, allThemes, yearFrom, yearTo, unknownYear, words } = filter;
  // Fields appear in the key only when set, so filters written before `not` existed keep their keys.
  const extra = Object.keys(excluded).length > 0 || unknownYear !== null ? [excluded, unknownYear] : [];
  const key = JSON.stringify([lists, allThemes, yearFrom, yearTo, words, ...extra]);
  return { lists, excluded, allThemes, yearFrom, yearTo, unknownYear, words, key };
}

function normalizeLists(
  source: Partial<Record<ListField, readonly string[] | null | undefined>> | null | undefined,
): Partial<Record<ListField, string[]>> {
  const lists: Partial<Record<ListField, string[]>> = {};
  for (const field of LIST_FIELDS) {
    const values = source?.[field];
    if (values && values.length > 0) lists[field] = [...new Set(values)].sort();
  }
  return lists;
}

export function isEmptyFilter(filter: NormalizedFilter): boolean {
  return (
    Object.keys(filter.lists).length === 0 &&
    Object.keys(filter.excluded).length === 0 &&
    filter.allThemes.length === 0 &&
    filter.yearFrom === null &&
    filter.yearTo === null &&
    filter.unknownYear === null &&
    filter.words.length === 0
  );
}

/** True when the filter bounds the publication year. */
export function hasYearRange(filter: NormalizedFilter): boolean {
  return filter.yearFrom !== null || filter.yearTo !== null;
}

/**
 * Whether reviews with no publication year can match: the explicit choice, else the default (kept unless a
 * year range is given).
 */
export function keepsUnknownYear(filter: NormalizedFilter): boolean {
  if (filter.unknownYear === null) return !hasYearRange(filter);
  return filter.unknownYear !== 'EXCLUDE';
}

export function textWords(text: string): string[] {
  return [
    ...new Set(
      text
        .toLowerCase()
        .split(/\s+/)
        .filter((w) => w.length > 0),
    ),
  ].sort();
}
