/** Pure filter logic: the CaseFilter sent to the API, facet variables, and the human caption of a filter. */

import {
  AGE_BAND_VOCABULARY,
  labelByName,
  OUTCOME_VOCABULARY,
  REVIEW_TYPE_VOCABULARY,
} from '../../../graph/schema/vocabulary.ts';
import type { AgeBand, CaseFilter, Outcome, ReviewType } from '../api/types.ts';
import { AGE_BANDS, OUTCOMES, REVIEW_TYPES } from '../api/types.ts';
import type { Filters } from '../state/view-state.ts';

export const OUTCOME_LABELS: Readonly<Record<Outcome, string>> = labelByName(OUTCOME_VOCABULARY);
export const AGE_BAND_LABELS: Readonly<Record<AgeBand, string>> = labelByName(AGE_BAND_VOCABULARY);
export const REVIEW_TYPE_LABELS: Readonly<Record<ReviewType, string>> = labelByName(REVIEW_TYPE_VOCABULARY);

export type ListField = 'harmTypes' | 'agencies' | 'outcome' | 'ageBands' | 'reviewTypes' | 'sources';

export function toCaseFilter(f: Filters): CaseFilter {
  const out: CaseFilter = {};
  if (f.harmTypes.length) out.harmTypes = [...f.harmTypes];
  if (f.agencies.length) out.agencies = [...f.agencies];
  if (f.outcome.length) out.outcome = [...f.outcome];
  if (f.ageBands.length) out.ageBands = [...f.ageBands];
  if (f.reviewTypes.length) out.reviewTypes = [...f.reviewTypes];
  if (f.sources.length) out.sources = [...f.sources];
  if (f.yearFrom !== null) out.yearFrom = f.yearFrom;
  if (f.yearTo !== null) out.yearTo = f.yearTo;
  return out;
}

/** Variables for the FACETS query: each list is counted under every other field of the filter. */
export function facetVariables(f: Filters) {
  const without = (patch: Partial<Filters>): CaseFilter => toCaseFilter({ ...f, ...patch });
  return {
    harmTypes: without({ harmTypes: [] }),
    agencies: without({ agencies: [] }),
    outcomes: without({ outcome: [] }),
    ageBands: without({ ageBands: [] }),
    reviewTypes: without({ reviewTypes: [] }),
    sources: without({ sources: [] }),
    years: without({ yearFrom: null, yearTo: null }),
  };
}

export function hasActiveFilters(f: Filters): boolean {
  return Object.keys(toCaseFilter(f)).length > 0;
}

export function toggleValue<T extends string>(values: readonly T[], value: T): T[] {
  return values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
}

/**
 * The server may name enum facet values either as the enum ('SERIOUS_HARM') or as stored ('serious-harm',
 * 'under 1', '16+'); both map to the enum the CaseFilter takes.
 */
export function facetEnum(field: 'outcome', id: string): Outcome | null;
export function facetEnum(field: 'ageBands', id: string): AgeBand | null;
export function facetEnum(field: 'reviewTypes', id: string): ReviewType | null;
export function facetEnum(field: 'outcome' | 'ageBands' | 'reviewTypes', id: string): string | null {
  const upper = id.trim().toUpperCase();
  if (field === 'outcome') {
    const v = upper.replace(/[\s-]+/g, '_');
    return (OUTCOMES as readonly string[]).includes(v) ? v : null;
  }
  if (field === 'reviewTypes') return (REVIEW_TYPES as readonly string[]).includes(upper) ? upper : null;
  if ((AGE_BANDS as readonly string[]).includes(upper)) return upper;
  const stored: Record<string, AgeBand> = {
    'UNDER 1': 'UNDER_1',
    '1-5': 'AGE_1_5',
    '6-10': 'AGE_6_10',
    '11-15': 'AGE_11_15',
    '16+': 'AGE_16_PLUS',
  };
  return stored[upper] ?? null;
}

export interface FilterLabels {
  harmTypes: ReadonlyMap<string, string>;
  agencies: ReadonlyMap<string, string>;
  sources: ReadonlyMap<string, string>;
}

/** One line naming the slice on show, used as the caption of exported pictures and the screen-reader summary. */
export function describeFilters(f: Filters, labels: FilterLabels, minShared = 1): string {
  const parts: string[] = [];
  const named = (ids: readonly string[], map: ReadonlyMap<string, string>) =>
    ids.map((id) => map.get(id) ?? id);
  if (f.harmTypes.length) parts.push(`Harm: ${named(f.harmTypes, labels.harmTypes).join(', ')}`);
  if (f.agencies.length) parts.push(`Agencies: ${named(f.agencies, labels.agencies).join(', ')}`);
  if (f.yearFrom !== null || f.yearTo !== null) parts.push(`Years: ${yearRange(f.yearFrom, f.yearTo)}`);
  if (f.outcome.length) parts.push(`Outcome: ${f.outcome.map((o) => OUTCOME_LABELS[o]).join(', ')}`);
  if (f.ageBands.length) parts.push(`Age: ${f.ageBands.map((a) => AGE_BAND_LABELS[a]).join(', ')}`);
  if (f.reviewTypes.length) parts.push(`Review type: ${f.reviewTypes.join(', ')}`);
  if (f.sources.length) parts.push(`Sources: ${named(f.sources, labels.sources).join(', ')}`);
  if (minShared > 1) parts.push(`Links shared by ${minShared}+ reviews`);
  return parts.length ? parts.join(' · ') : 'All reviews';
}

function yearRange(from: number | null, to: number | null): string {
  if (from !== null && to !== null) return from === to ? String(from) : `${from}–${to}`;
  return from !== null ? `${from} onwards` : `up to ${to}`;
}
