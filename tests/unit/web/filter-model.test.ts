import { describe, expect, it } from 'vitest';
import {
  describeFilters,
  facetEnum,
  facetVariables,
  hasActiveFilters,
  toCaseFilter,
  toggleValue,
} from '../../../web/src/filters/filter-model.ts';
import { EMPTY_FILTERS } from '../../../web/src/state/view-state.ts';

const labels = {
  harmTypes: new Map([['neglect', 'Neglect']]),
  agencies: new Map([['police', 'Police']]),
  sources: new Map<string, string>(),
};

describe('filters', () => {
  it('sends only the fields that are set', () => {
    expect(toCaseFilter(EMPTY_FILTERS)).toEqual({});
    expect(toCaseFilter({ ...EMPTY_FILTERS, harmTypes: ['neglect'], yearFrom: 2015 })).toEqual({
      harmTypes: ['neglect'],
      yearFrom: 2015,
    });
  });

  it('counts each facet list under every other field but not its own', () => {
    const vars = facetVariables({
      ...EMPTY_FILTERS,
      harmTypes: ['neglect'],
      agencies: ['police'],
      yearTo: 2018,
    });
    expect(vars.harmTypes).toEqual({ agencies: ['police'], yearTo: 2018 });
    expect(vars.agencies).toEqual({ harmTypes: ['neglect'], yearTo: 2018 });
    expect(vars.years).toEqual({ harmTypes: ['neglect'], agencies: ['police'] });
  });

  it('knows when any filter is active', () => {
    expect(hasActiveFilters(EMPTY_FILTERS)).toBe(false);
    expect(hasActiveFilters({ ...EMPTY_FILTERS, outcome: ['DEATH'] })).toBe(true);
  });

  it('toggles a value in and out of a list', () => {
    expect(toggleValue(['a'], 'b')).toEqual(['a', 'b']);
    expect(toggleValue(['a', 'b'], 'a')).toEqual(['b']);
  });

  it('reads enum facet ids whether the server sends the enum or the stored value', () => {
    expect(facetEnum('outcome', 'serious-harm')).toBe('SERIOUS_HARM');
    expect(facetEnum('outcome', 'DEATH')).toBe('DEATH');
    expect(facetEnum('ageBands', 'under 1')).toBe('UNDER_1');
    expect(facetEnum('ageBands', '16+')).toBe('AGE_16_PLUS');
    expect(facetEnum('ageBands', 'AGE_6_10')).toBe('AGE_6_10');
    expect(facetEnum('reviewTypes', 'lcspr')).toBe('LCSPR');
    expect(facetEnum('reviewTypes', 'memo')).toBeNull();
  });

  it('describes the slice on show in one line for captions', () => {
    expect(describeFilters(EMPTY_FILTERS, labels)).toBe('All reviews');
    expect(
      describeFilters(
        {
          ...EMPTY_FILTERS,
          harmTypes: ['neglect'],
          agencies: ['police', 'unknown-agency'],
          yearFrom: 2014,
          yearTo: 2019,
          outcome: ['DEATH'],
        },
        labels,
        2,
      ),
    ).toBe(
      'Harm: Neglect · Agencies: Police, unknown-agency · Years: 2014–2019 · Outcome: Death · Links shared by 2+ reviews',
    );
    expect(describeFilters({ ...EMPTY_FILTERS, yearTo: 2010 }, labels)).toBe('Years: up to 2010');
  });
});
