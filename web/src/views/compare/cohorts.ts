/**
 * The two cohorts each comparison preset compares, within the current filters. Cohort B "all other
 * reviews" is left to the API (every review not in A, across the collection), which says so in bIsRest.
 */
import type { CaseFilter } from '../../api/types.ts';
import { toCaseFilter } from '../../filters/filter-model.ts';
import type { Filters } from '../../state/view-state.ts';
import type { ComparePreset, ViewParams } from '../view-params.ts';

export interface Cohorts {
  a: CaseFilter;
  /** null: every other review. */
  b: CaseFilter | null;
  aLabel: string;
  bLabel: string;
  /** Said under the table when the cohorts need explaining. */
  notes: string[];
}

export type CohortsResult = { ok: true; cohorts: Cohorts } | { ok: false; message: string };

export const PRESET_LABELS: Record<ComparePreset, string> = {
  infants: 'Infants (under 1) against all other reviews',
  deaths: 'Deaths against serious harm',
  area: 'One area against the rest',
  recent: 'Recent years against earlier years',
  filters: 'The filtered reviews against all others',
};

const RECENT_YEARS = 5;

/** The first year counted as recent: the one asked for, else the last five years of the collection. */
export function splitYear(params: ViewParams, yearMax: number | null): number | null {
  if (params.split !== null) return params.split;
  return yearMax === null ? null : yearMax - RECENT_YEARS + 1;
}

export function cohortsFor(params: ViewParams, filters: Filters, yearMax: number | null): CohortsResult {
  const base = toCaseFilter(filters);
  const filtered = Object.keys(base).length > 0;
  const restNote = filtered
    ? ['B is every review not in A across the whole collection: the filters narrow cohort A only.']
    : [];
  switch (params.preset) {
    case 'infants': {
      const notes = [...restNote];
      if (base.ageBands) notes.push('The age filter is replaced by the cohort’s own age band.');
      return ok({
        a: { ...base, ageBands: ['UNDER_1'] },
        b: null,
        aLabel: 'Infants (under 1)',
        bLabel: 'All other reviews',
        notes,
      });
    }
    case 'deaths': {
      const notes = base.outcome ? ['The outcome filter is replaced by the cohorts’ own outcomes.'] : [];
      return ok({
        a: { ...base, outcome: ['DEATH'] },
        b: { ...base, outcome: ['SERIOUS_HARM'] },
        aLabel: 'Child died',
        bLabel: 'Serious harm',
        notes,
      });
    }
    case 'area': {
      const area = params.area.trim();
      if (!area)
        return { ok: false, message: 'Name an area (a partnership or place) to compare with the rest.' };
      return ok({
        a: { ...base, text: area },
        b: null,
        aLabel: `Reviews naming “${area}”`,
        bLabel: 'All other reviews',
        notes: [`A holds the reviews whose partnership, title or summary names “${area}”.`, ...restNote],
      });
    }
    case 'recent': {
      const split = splitYear(params, yearMax);
      if (split === null)
        return { ok: false, message: 'No review has a year, so there is nothing to split.' };
      const from = Math.max(split, base.yearFrom ?? split);
      const to = Math.min(split - 1, base.yearTo ?? split - 1);
      const notes = ['Reviews with no publication year are in neither cohort.'];
      return ok({
        a: { ...base, yearFrom: from },
        b: { ...base, yearTo: to },
        aLabel: `Published ${from} onwards`,
        bLabel: `Published up to ${to}`,
        notes,
      });
    }
    case 'filters':
      if (!filtered)
        return {
          ok: false,
          message: 'Choose filters on the left: the reviews they keep are compared with all others.',
        };
      return ok({ a: base, b: null, aLabel: 'The filtered reviews', bLabel: 'All other reviews', notes: [] });
  }
}

function ok(cohorts: Cohorts): CohortsResult {
  return { ok: true, cohorts };
}
