import { describe, expect, it } from 'vitest';
import type { CohortFeature, CohortReview, ThemeTrend } from '../../../web/src/api/analytics-queries.ts';
import { queryToState, stateToQuery } from '../../../web/src/share/url-state.ts';
import { DEFAULT_STATE, EMPTY_FILTERS } from '../../../web/src/state/view-state.ts';
import { formatP, signed } from '../../../web/src/views/common/format.ts';
import { cohortsFor } from '../../../web/src/views/compare/cohorts.ts';
import {
  exportParams,
  featureFilter,
  forestScale,
  keepWithin,
  place,
  restReviews,
  rowText,
  ticks,
} from '../../../web/src/views/compare/compare-model.ts';
import { trendChartMarkup } from '../../../web/src/views/trends/trend-chart.ts';
import {
  describeTrend,
  shareCeiling,
  sortTrends,
  yearPoints,
} from '../../../web/src/views/trends/trend-model.ts';
import { DEFAULT_VIEW_PARAMS, readViewParams } from '../../../web/src/views/view-params.ts';

function trend(id: string, patch: Partial<ThemeTrend> = {}): ThemeTrend {
  return {
    theme: { id, label: id },
    reviews: 3,
    years: [
      { year: 2019, reviews: 2, total: 10, share: 0.2 },
      { year: 2020, reviews: 1, total: 4, share: 0.25 },
      { year: 2021, reviews: 0, total: 5, share: 0 },
    ],
    firstYear: 2019,
    lastYear: 2020,
    slope: -0.012,
    slopeLow: -0.02,
    slopeHigh: -0.003,
    kendallS: -3,
    pValue: 0.03,
    direction: 'FALLING',
    ...patch,
  };
}

function feature(patch: Partial<CohortFeature> = {}): CohortFeature {
  return {
    kind: 'THEME',
    id: 'safe-sleeping',
    label: 'Safe sleeping',
    a: { count: 4, share: 0.29 },
    b: { count: 1, share: 0.02 },
    ratio: 14,
    ratioLow: 1.7,
    ratioHigh: 110,
    zeroCorrected: false,
    pValue: 0.0077,
    smallCounts: true,
    ...patch,
  };
}

function review(id: string, patch: Partial<CohortReview> = {}): CohortReview {
  return {
    id,
    title: id,
    partnership: null,
    reportYear: 2020,
    reviewType: 'SCR',
    child: null,
    harmTypes: [],
    agencies: [],
    ...patch,
  };
}

describe('a theme trend in words', () => {
  it('states the direction, Sen slope in points a year with its interval, and the Mann–Kendall p', () => {
    expect(describeTrend(trend('a'))).toBe(
      'getting rarer: Sen slope −1.2 points a year (95% interval −2.0 to −0.3), Mann–Kendall p = 0.03',
    );
  });

  it('says when there are too few years for a test instead of quoting a slope', () => {
    expect(describeTrend(trend('a', { direction: 'TOO_FEW_YEARS', slope: null, pValue: null }))).toBe(
      'too few years to tell: fewer than five years with reviews',
    );
  });

  it('writes small p-values as a bound and the rest to two figures', () => {
    expect(formatP(0.0004)).toBe('p < 0.001');
    expect(formatP(0.0477)).toBe('p = 0.048');
    expect(formatP(0.4321)).toBe('p = 0.43');
    expect(signed(-0.04)).toBe('0');
    expect(signed(0.26)).toBe('+0.3');
  });

  it('sorts by strength of evidence, steepest fall, steepest rise, reviews or name', () => {
    const themes = [
      trend('b', { pValue: 0.2, slope: 0.05, reviews: 9 }),
      trend('a', { pValue: 0.01, slope: -0.01, reviews: 2 }),
      trend('c', { pValue: null, slope: null, reviews: 5, direction: 'TOO_FEW_YEARS' }),
      trend('d', { pValue: 0.04, slope: -0.08, reviews: 5 }),
    ];
    const ids = (sort: Parameters<typeof sortTrends>[1]) => sortTrends(themes, sort).map((t) => t.theme.id);
    expect(ids('strength')).toEqual(['a', 'd', 'b', 'c']);
    expect(ids('falling')).toEqual(['d', 'a', 'c', 'b']);
    expect(ids('rising')).toEqual(['b', 'c', 'a', 'd']);
    expect(ids('reviews')).toEqual(['b', 'c', 'd', 'a']);
    expect(ids('name')).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('room-safe in the trends view', () => {
  it('hides a year whose count with the theme is under the threshold, but not a year with none', () => {
    const points = yearPoints(trend('a'), 2);
    expect(points.map((p) => p.hidden)).toEqual([false, true, false]);
    expect(points[1]!.text).toBe('2020: fewer than 2 reviews (hidden in room-safe mode)');
    expect(points[0]!.text).toBe('2019: 2 of 10 reviews (20%)');
  });

  it('breaks the line at a hidden year rather than drawing through it', () => {
    const t = trend('a', {
      years: [2018, 2019, 2020, 2021, 2022].map((year, i) => ({
        year,
        reviews: i === 2 ? 1 : 3,
        total: 10,
        share: 0.3,
      })),
    });
    const open = trendChartMarkup(yearPoints(t, null), [2018, 2022], 0.3, { width: 300, height: 120 });
    const safe = trendChartMarkup(yearPoints(t, 2), [2018, 2022], 0.3, { width: 300, height: 120 });
    expect(open.match(/<path d="M/g)?.length).toBe(1);
    expect(safe.match(/<path d="M/g)?.length).toBe(2);
    expect(safe).not.toContain('1 of 10');
  });

  it('tops the share axis at the largest shown share, rounded up to a tenth', () => {
    expect(shareCeiling(yearPoints(trend('a'), null))).toBe(0.3);
    expect(shareCeiling([])).toBe(0.1);
  });
});

describe('the cohorts each comparison answers', () => {
  it('compares infants with every other review, or with the other filtered reviews when filters are set', () => {
    const all = cohortsFor(DEFAULT_VIEW_PARAMS, EMPTY_FILTERS, 2025);
    expect(all.ok && [all.cohorts.a, all.cohorts.b]).toEqual([{ ageBands: ['UNDER_1'] }, null]);
    const chosen = cohortsFor(DEFAULT_VIEW_PARAMS, { ...EMPTY_FILTERS, harmTypes: ['neglect'] }, 2025);
    expect(chosen.ok && [chosen.cohorts.a, chosen.cohorts.b]).toEqual([
      { harmTypes: ['neglect'], ageBands: ['UNDER_1'] },
      { harmTypes: ['neglect'], not: { ageBands: ['UNDER_1'] } },
    ]);
    expect(chosen.ok && chosen.cohorts.bLabel).toBe('All other reviews under the filters');
  });

  it('compares deaths with serious harm under the same filters', () => {
    const chosen = cohortsFor(
      { ...DEFAULT_VIEW_PARAMS, preset: 'deaths' },
      { ...EMPTY_FILTERS, yearFrom: 2016 },
      2025,
    );
    expect(chosen.ok && [chosen.cohorts.a, chosen.cohorts.b]).toEqual([
      { yearFrom: 2016, outcome: ['DEATH'] },
      { yearFrom: 2016, outcome: ['SERIOUS_HARM'] },
    ]);
  });

  it('splits recent years from earlier ones at the last five years unless a year is given', () => {
    const params = { ...DEFAULT_VIEW_PARAMS, preset: 'recent' as const };
    const byDefault = cohortsFor(params, EMPTY_FILTERS, 2025);
    expect(byDefault.ok && [byDefault.cohorts.a, byDefault.cohorts.b]).toEqual([
      { yearFrom: 2021 },
      { yearTo: 2020 },
    ]);
    const given = cohortsFor({ ...params, split: 2018 }, { ...EMPTY_FILTERS, yearFrom: 2014 }, 2025);
    expect(given.ok && [given.cohorts.a, given.cohorts.b]).toEqual([
      { yearFrom: 2018 },
      { yearFrom: 2014, yearTo: 2017 },
    ]);
  });

  it('asks for an area, and for filters, before comparing on them', () => {
    expect(cohortsFor({ ...DEFAULT_VIEW_PARAMS, preset: 'area' }, EMPTY_FILTERS, 2025)).toMatchObject({
      ok: false,
    });
    expect(cohortsFor({ ...DEFAULT_VIEW_PARAMS, preset: 'filters' }, EMPTY_FILTERS, 2025)).toMatchObject({
      ok: false,
    });
    const area = cohortsFor(
      { ...DEFAULT_VIEW_PARAMS, preset: 'area', area: 'Eastmere' },
      EMPTY_FILTERS,
      2025,
    );
    expect(area.ok && [area.cohorts.a, area.cohorts.b]).toEqual([{ partnerships: ['Eastmere'] }, null]);
  });
});

describe('the rows of a comparison', () => {
  it('warns of small counts and hides counts under the room-safe threshold', () => {
    expect(rowText(feature(), null)).toMatchObject({
      a: { count: '4', share: '29%' },
      b: { count: '1', share: '2.0%' },
      ratio: '14',
      interval: '1.7 to 110',
      p: '0.0077',
      warning: 'few reviews',
    });
    expect(rowText(feature(), 2).b).toEqual({ count: 'fewer than 2', share: '—' });
    expect(rowText(feature({ b: { count: 0, share: 0 } }), 2).b).toEqual({ count: '0', share: '0%' });
  });

  it('places ratios on a log scale symmetric around 1 that covers every interval', () => {
    const scale = forestScale([feature(), feature({ ratioLow: 0.1, ratioHigh: 0.5, ratio: 0.2 })]);
    expect(scale).toEqual({ min: 1 / 128, max: 128 });
    expect(place(1, scale)).toBe(0.5);
    expect(place(1e9, scale)).toBe(1);
    expect(ticks(scale)).toEqual([1 / 16, 1, 16]);
    expect(ticks({ min: 1 / 4, max: 4 })).toEqual([1 / 4, 1 / 2, 1, 2, 4]);
    expect(ticks(scale)).toContain(1);
    expect(ticks(scale).length).toBeLessThanOrEqual(5);
  });

  it("finds a row's reviews with the cohort's filter, checking the cohort's own list where the API cannot", () => {
    expect(featureFilter({ ageBands: ['UNDER_1'] }, 'THEME', 'safe-sleeping')).toEqual({
      filter: { ageBands: ['UNDER_1'], themesAll: ['safe-sleeping'] },
      within: null,
    });
    expect(
      featureFilter({ harmTypes: ['neglect', 'physical-abuse'] }, 'HARM_TYPE', 'neglect').within,
    ).toBeNull();
    const mixed = featureFilter({ harmTypes: ['neglect'] }, 'HARM_TYPE', 'physical-abuse');
    expect(mixed).toEqual({
      filter: { harmTypes: ['physical-abuse'] },
      within: { key: 'harmTypes', ids: ['neglect'] },
    });
    const reviews = [
      review('r1', { harmTypes: [{ harmType: { id: 'neglect' } }, { harmType: { id: 'physical-abuse' } }] }),
      review('r2', { harmTypes: [{ harmType: { id: 'physical-abuse' } }] }),
    ];
    expect(keepWithin(reviews, mixed.within).map((r) => r.id)).toEqual(['r1']);
  });

  it('writes a cohort as the query parameters of /export, exclusions as not.<field>', () => {
    const p = exportParams({
      yearFrom: 2016,
      partnerships: ['Brent, Harrow'],
      not: { ageBands: ['UNDER_1'] },
    });
    expect([...p.entries()]).toEqual([
      ['yearFrom', '2016'],
      ['partnerships', 'Brent\\, Harrow'],
      ['not.ageBands', 'UNDER_1'],
    ]);
  });

  it('lists as "all other reviews" those with the feature outside cohort A, national publications apart', () => {
    const all = [review('r1'), review('r2'), review('n1', { reviewType: 'NATIONAL' })];
    expect(restReviews(all, [review('r1')], false).map((r) => r.id)).toEqual(['r2']);
    expect(restReviews(all, [review('r1')], true).map((r) => r.id)).toEqual(['r2', 'n1']);
  });
});

describe("the views' settings in the address", () => {
  it('round-trips the view, the year basis, the order and the comparison', () => {
    const state = {
      ...DEFAULT_STATE,
      view: 'compare' as const,
      views: {
        basis: 'INCIDENT' as const,
        trendSort: 'falling' as const,
        preset: 'area' as const,
        area: 'Eastmere',
        split: 2019,
      },
    };
    const query = stateToQuery(state);
    expect(query).toBe('?view=compare&by=incident&sort=falling&cmp=area&area=Eastmere&split=2019');
    expect(queryToState(query)).toEqual(state);
  });

  it('falls back to the defaults for what a hand-edited link gets wrong', () => {
    expect(readViewParams(new URLSearchParams('by=weekly&sort=random&cmp=x&split=19'))).toEqual(
      DEFAULT_VIEW_PARAMS,
    );
    expect(queryToState('?view=elsewhere').view).toBe('map');
  });
});
