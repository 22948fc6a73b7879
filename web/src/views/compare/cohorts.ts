/**
 * The two cohorts each comparison preset compares, within the current filters. "All other reviews" is
 * the filtered reviews without cohort A's own value (a `not` exclusion, so reviews that do not state the
 * value stay in B); with no filter it is left to the API, which says so in bIsRest.
 */
import type { CohortFilter } from '../../api/analytics-queries.ts';
import { toCaseFilter } from '../../filters/filter-model.ts';
import type { Filters } from '../../state/view-state.ts';
import type { ComparePreset, ViewParams } from '../view-params.ts';

export interface Cohorts {
  a: CohortFilter;
  /** null: every other review in the collection. */
  b: CohortFilter | null;
  aLabel: string;
  bLabel: string;
  /** Said under the cohorts when they need explaining. */
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
  const base: CohortFilter = toCaseFilter(filters);
  const filtered = Object.keys(base).length > 0;
  const rest = (not: CohortFilter['not']): CohortFilter | null => (filtered ? { ...base, not } : null);
  const restLabel = filtered ? 'All other reviews under the filters' : 'All other reviews';
  switch (params.preset) {
    case 'infants': {
      const notes = ['B keeps the reviews that give no age.'];
      if (base.ageBands) notes.push('In A, the age filter is replaced by the cohort’s own age band.');
      return ok({
        a: { ...base, ageBands: ['UNDER_1'] },
        b: rest({ ageBands: ['UNDER_1'] }),
        aLabel: 'Infants (under 1)',
        bLabel: restLabel,
        notes,
      });
    }
    case 'deaths':
      return ok({
        a: { ...base, outcome: ['DEATH'] },
        b: { ...base, outcome: ['SERIOUS_HARM'] },
        aLabel: 'Child died',
        bLabel: 'Serious harm',
        notes: base.outcome ? ['The outcome filter is replaced by the cohorts’ own outcomes.'] : [],
      });
    case 'area': {
      const area = params.area.trim();
      if (!area)
        return {
          ok: false,
          message: 'Choose an area (a safeguarding partnership) to compare with the rest.',
        };
      return ok({
        a: { ...base, partnerships: [area] },
        b: rest({ partnerships: [area] }),
        aLabel: area,
        bLabel: restLabel,
        notes: ['B keeps the reviews that name no partnership.'],
      });
    }
    case 'recent': {
      const split = splitYear(params, yearMax);
      if (split === null)
        return { ok: false, message: 'No review has a year, so there is nothing to split.' };
      const from = Math.max(split, base.yearFrom ?? split);
      const to = Math.min(split - 1, base.yearTo ?? split - 1);
      return ok({
        a: { ...base, yearFrom: from },
        b: { ...base, yearTo: to },
        aLabel: `Published ${from} onwards`,
        bLabel: `Published up to ${to}`,
        notes: ['Reviews with no publication year are in neither cohort.'],
      });
    }
    case 'filters':
      if (!filtered)
        return {
          ok: false,
          message: 'Choose filters on the left: the reviews they keep are compared with all others.',
        };
      return ok({
        a: base,
        b: null,
        aLabel: 'The filtered reviews',
        bLabel: 'All other reviews',
        notes: ['B is every review the filters leave out, across the whole collection.'],
      });
  }
}

function ok(cohorts: Cohorts): CohortsResult {
  return { ok: true, cohorts };
}
