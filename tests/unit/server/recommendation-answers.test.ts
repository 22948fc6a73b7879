import { describe, expect, it } from 'vitest';
import { normalizeFilter } from '../../../server/analytics/filter.ts';
import { matrixAnswer, recurringAnswer } from '../../../server/analytics/recommendations/answers.ts';
import { RecommendationBook } from '../../../server/analytics/recommendations/book.ts';
import { inCell } from '../../../server/analytics/recommendations/matrix.ts';
import { fixtureIndex } from './fixture-index.ts';
import { bruteGroups, bruteMatrix, fixtureRows, REVIEWS } from './recommendation-fixture.ts';

const index = fixtureIndex();
const rows = fixtureRows();
const book = new RecommendationBook(index, rows);
const yearOf = (id: string) => REVIEWS.find((r) => r.id === id)?.year ?? null;
const national = new Set(REVIEWS.filter((r) => r.reviewType === 'NATIONAL').map((r) => r.id));
const caseReviews = rows.filter((r) => !national.has(r.caseId));
const counts = (t: {
  recommendations: number;
  reviews: number;
  firstYear: number | null;
  lastYear: number | null;
}) => [t.recommendations, t.reviews, t.firstYear, t.lastYear];

describe('the recommendation matrix', () => {
  const m = matrixAnswer(book, normalizeFilter(null));

  it('counts each agency × theme cell as worked out by hand, national publications left out', () => {
    expect(m.population).toEqual({ reviews: 5, excluded: { national: 1, unknownYear: 0 } });
    const cell = (agency: string | null, theme: string | null) =>
      m.cells.find((c) => c.agency === agency && c.theme === theme);
    expect(counts(cell('health-visiting', 'think-family') ?? m.total)).toEqual([4, 4, 2018, 2021]);
    expect(counts(cell('gp', 'information-sharing') ?? m.total)).toEqual([3, 3, 2018, 2019]);
    expect(cell('gp', 'information-sharing')?.unknownYear).toBe(1);
    expect(counts(cell('health-visiting', 'information-sharing') ?? m.total)).toEqual([1, 1, 2019, 2019]);
    expect(m.cells).toHaveLength(6);
  });

  it('keeps recommendations that name no agency or no theme in a none-named row and column', () => {
    expect(m.cells.find((c) => c.agency === null)).toMatchObject({
      theme: 'voice-of-the-child',
      recommendations: 1,
    });
    expect(m.cells.find((c) => c.theme === null)).toMatchObject({ agency: 'police', recommendations: 1 });
    expect(m.agencies.map((l) => [l.id, l.recommendations])).toEqual([
      ['health-visiting', 4],
      ['gp', 3],
      ['police', 1],
      [null, 1],
    ]);
    expect(m.themes.map((l) => [l.id, l.recommendations])).toEqual([
      ['think-family', 4],
      ['information-sharing', 3],
      ['voice-of-the-child', 1],
      [null, 1],
    ]);
  });

  it('counts a recommendation once in the totals however many cells it falls in', () => {
    expect(counts(m.total)).toEqual([8, 5, 2018, 2021]);
    expect(m.total.years).toEqual([
      { year: 2018, recommendations: 2, reviews: 1 },
      { year: 2019, recommendations: 1, reviews: 1 },
      { year: 2020, recommendations: 2, reviews: 1 },
      { year: 2021, recommendations: 2, reviews: 1 },
    ]);
    expect(m.total.unknownYear).toBe(1);
  });

  it('agrees with every cell, row and column counted afresh from the raw rows', () => {
    for (const [filter, chosen] of [
      [null, caseReviews],
      [{ reviewTypes: ['LCSPR', 'SCR', 'NATIONAL'] }, rows],
      [
        { harmTypes: ['neglect'] },
        rows.filter((r) => ['dunhollow-child-d', 'elmstead-2018-child-e'].includes(r.caseId)),
      ],
      [
        { yearFrom: 2019, yearTo: 2020 },
        caseReviews.filter((r) => [2019, 2020].includes(yearOf(r.caseId) ?? 0)),
      ],
    ] as const) {
      const answer = matrixAnswer(book, normalizeFilter(filter));
      const brute = bruteMatrix([...chosen], yearOf);
      const strip = <T extends { years?: unknown; unknownYear?: unknown }>({
        years: _y,
        unknownYear: _u,
        ...rest
      }: T) => rest;
      const byKey = <T extends object>(xs: T[]) =>
        [...xs].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
      expect(byKey(answer.cells.map(strip))).toEqual(byKey(brute.cells));
      expect(byKey(answer.agencies.map(strip))).toEqual(byKey(brute.agencies));
      expect(byKey(answer.themes.map(strip))).toEqual(byKey(brute.themes));
      expect(strip(answer.total)).toEqual(brute.total);
    }
  });

  it('opens a cell to its recommendations, newest review first', () => {
    const entries = book.within(index.match(normalizeFilter({ reviewTypes: ['LCSPR', 'SCR'] })));
    const cell = inCell(entries, { kind: 'id', id: 'health-visiting' }, { kind: 'id', id: 'think-family' });
    expect(cell.map((e) => e.row.id)).toEqual(['A1', 'B1', 'C1', 'E2']);
    expect(inCell(entries, { kind: 'none' }, { kind: 'any' }).map((e) => e.row.id)).toEqual(['A2']);
    expect(inCell(entries, { kind: 'any' }, { kind: 'none' }).map((e) => e.row.id)).toEqual(['B2']);
  });
});

describe('recurring recommendations', () => {
  it('groups near-identical asks around the most-made wording, as worked out by hand', () => {
    const { groups } = recurringAnswer(book, normalizeFilter(null), 2);
    expect(groups.map((g) => g.recommendations.map((e) => e.row.id))).toEqual([
      ['A1', 'B1', 'C1'],
      ['E1', 'D1'],
    ]);
    const [visits, gps] = groups;
    expect(visits?.representative).toBe('Health visitors should ask about domestic abuse at every contact.');
    expect(visits?.reviews.map((r) => [r.id, r.year])).toEqual([
      ['alderford-2021-child-a', 2021],
      ['birchmoor-2020-child-b', 2020],
      ['cobbleton-2019-child-c', 2019],
    ]);
    expect(visits?.agencies).toEqual([
      { id: 'health-visiting', recommendations: 3 },
      { id: 'gp', recommendations: 1 },
    ]);
    expect(visits?.themes.map((t) => t.id)).toEqual(['think-family', 'information-sharing']);
    expect([visits?.wordings, visits?.firstYear, visits?.lastYear]).toEqual([2, 2019, 2021]);
    expect(gps?.representative).toBe("GPs should share concerns about neglect with children's social care.");
    expect([gps?.firstYear, gps?.lastYear]).toEqual([2018, 2018]);
  });

  it('does not chain: an ask near a member but not near the lead stays apart', () => {
    const { groups } = recurringAnswer(book, normalizeFilter(null), 1);
    expect(
      groups.find((g) => g.recommendations.some((e) => e.row.id === 'E2'))?.recommendations,
    ).toHaveLength(1);
  });

  it('counts national publications when the filter asks for them', () => {
    const { groups } = recurringAnswer(
      book,
      normalizeFilter({ reviewTypes: ['LCSPR', 'SCR', 'NATIONAL'] }),
      2,
    );
    expect(groups[0]?.reviews.map((r) => r.id)).toContain('national-2022-review');
    expect(groups[0]?.reviews).toHaveLength(4);
  });

  it('agrees with every pair compared on the raw rows, under several filters and thresholds of reviews', () => {
    for (const [filter, chosen] of [
      [null, caseReviews],
      [{ reviewTypes: ['LCSPR', 'SCR', 'NATIONAL'] }, rows],
      [
        { harmTypes: ['neglect'] },
        rows.filter((r) => ['dunhollow-child-d', 'elmstead-2018-child-e'].includes(r.caseId)),
      ],
    ] as const) {
      for (const minReviews of [1, 2, 3]) {
        const { groups } = recurringAnswer(book, normalizeFilter(filter), minReviews);
        expect(groups.map((g) => g.recommendations.map((e) => e.row.id).sort())).toEqual(
          bruteGroups(rows, [...chosen], minReviews),
        );
      }
    }
  });
});
