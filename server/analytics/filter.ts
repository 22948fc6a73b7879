/**
 * CaseFilter in domain values (outcome 'death', age band 'under 1', ...), normalised so that equal filters
 * have equal keys: lists deduplicated and sorted, empty lists and blank text dropped.
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
  text?: string | null;
}

export const LIST_FIELDS = [
  'harmTypes',
  'themes',
  'agencies',
  'outcome',
  'ageBands',
  'reviewTypes',
  'sources',
] as const;
export type ListField = (typeof LIST_FIELDS)[number];

export interface NormalizedFilter {
  lists: Partial<Record<ListField, string[]>>;
  /** Themes every matching case carries (sorted, distinct). */
  allThemes: string[];
  yearFrom: number | null;
  yearTo: number | null;
  /** Lower-cased words that must all appear in a case's text. */
  words: string[];
  key: string;
}

export function normalizeFilter(filter: CaseFilter | null | undefined): NormalizedFilter {
  const lists: Partial<Record<ListField, string[]>> = {};
  for (const field of LIST_FIELDS) {
    const values = filter?.[field];
    if (values && values.length > 0) lists[field] = [...new Set(values)].sort();
  }
  const allThemes = [...new Set(filter?.themesAll ?? [])].sort();
  const yearFrom = filter?.yearFrom ?? null;
  const yearTo = filter?.yearTo ?? null;
  const words = textWords(filter?.text ?? '');
  const key = JSON.stringify([lists, allThemes, yearFrom, yearTo, words]);
  return { lists, allThemes, yearFrom, yearTo, words, key };
}

export function isEmptyFilter(filter: NormalizedFilter): boolean {
  return (
    Object.keys(filter.lists).length === 0 &&
    filter.allThemes.length === 0 &&
    filter.yearFrom === null &&
    filter.yearTo === null &&
    filter.words.length === 0
  );
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
