/**
 * The analytics answers on a generated corpus of a few thousand reviews (seeded, so every run sees the same
 * one), each recomputed here by brute force from the raw review lists; and the two-sided Fisher test on
 * tables as large as 100k reviews, against the sum over every table of the support.
 */
import { describe, expect, it } from 'vitest';
import type { GraphCounts, RecommendationRow } from '../../../graph/store.ts';
import { normalizeFilter } from '../../../server/analytics/filter.ts';
import { AnalyticsIndex, type IndexedCase } from '../../../server/analytics/index.ts';
import { matrixAnswer } from '../../../server/analytics/recommendations/answers.ts';
import { RecommendationBook } from '../../../server/analytics/recommendations/book.ts';
import { countMatrix } from '../../../server/analytics/recommendations/matrix.ts';
import { fisherTwoSided, logHypergeometric, seededRandom } from '../../../server/analytics/stats.ts';
import { themeTrends } from '../../../server/analytics/trends.ts';

const random = seededRandom(7);
const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)] as T;

const THEMES = Array.from({ length: 12 }, (_, i) => `theme-${String(i).padStart(2, '0')}`);
const AGENCIES = ['police', 'gp', 'school', 'health-visiting', 'social-care'];
const HARM = ['neglect', 'nai', 'sexual-abuse'];

interface Raw {
  id: string;
  year: number | null;
  incident: number | null;
  type: string;
  harm: string[];
  themes: string[];
}

/** 3000 reviews over 2012–2024, some with no year, a few national publications; themes skewed by year. */
const RAW: Raw[] = Array.from({ length: 3000 }, (_, i) => {
  const year = random() < 0.05 ? null : int(2012, 2024);
  const themes = THEMES.filter((_, t) => random() < (t < 3 && year !== null ? (year - 2010) / 30 : 0.2));
  return {
    id: `r${String(i).padStart(5, '0')}`,
    year,
    incident: year === null || random() < 0.1 ? null : year - int(0, 2),
    type: random() < 0.03 ? 'NATIONAL' : pick(['SCR', 'LCSPR']),
    harm: random() < 0.2 ? [] : [pick(HARM)],
    themes,
  };
});

const index = new AnalyticsIndex({
  cases: RAW.map(
    (r): IndexedCase => ({
      id: r.id,
      reportYear: r.year,
      incidentYear: r.incident,
      outcome: 'death',
      ageBand: null,
      reviewType: r.type,
      harmTypes: r.harm,
      agencies: [],
      themes: r.themes,
      sources: ['s'],
      text: r.id,
    }),
  ),
  taxonomy: {
    harmTypes: HARM.map((id) => ({ id, label: id, description: '' })),
    agencies: AGENCIES.map((id) => ({ id, label: id, description: '', sector: 'health' })),
    // One theme of the taxonomy that no review carries.
    themes: [...THEMES, 'theme-unused'].map((id) => ({ id, label: id, description: '', group: 'g' })),
  },
  sources: [],
  counts: { nodes: {}, relationships: {} } as GraphCounts,
});

const FILTERS = [
  null,
  { harmTypes: ['neglect'] },
  { yearFrom: 2016, yearTo: 2020 },
  { harmTypes: ['nai', 'sexual-abuse'], yearFrom: 2018 },
  { reviewTypes: ['NATIONAL', 'SCR'] },
  { unknownYear: 'ONLY' as const },
];

/** The reviews a filter chooses, from the raw lists (national publications only when asked for). */
function chosen(filter: (typeof FILTERS)[number]): Raw[] {
  return RAW.filter((r) => {
    if (filter?.harmTypes && !filter.harmTypes.some((h) => r.harm.includes(h))) return false;
    if (filter?.reviewTypes ? !filter.reviewTypes.includes(r.type) : r.type === 'NATIONAL') return false;
    if (filter?.unknownYear === 'ONLY') return r.year === null;
    if (filter?.yearFrom !== undefined || filter?.yearTo !== undefined) {
      if (r.year === null) return false;
      if (filter.yearFrom !== undefined && r.year < filter.yearFrom) return false;
      if (filter.yearTo !== undefined && r.year > filter.yearTo) return false;
    }
    return true;
  });
}

describe('theme trends on a generated corpus', () => {
  for (const filter of FILTERS) {
    for (const by of ['publication', 'incident'] as const) {
      it(`counts every theme and year as the raw lists give them (${JSON.stringify(filter)}, by ${by})`, () => {
        const reviews = chosen(filter);
        const yearOf = (r: Raw) => (by === 'incident' ? r.incident : r.year);
        const dated = reviews.filter((r) => yearOf(r) !== null);
        const years = [...new Set(dated.map((r) => yearOf(r) as number))].sort((a, b) => a - b);
        const trends = themeTrends(index, normalizeFilter(filter), null, by);
        expect(trends.years).toEqual(years);
        expect(trends.population.reviews).toBe(dated.length);
        expect(trends.population.excluded.unknownYear).toBe(reviews.length - dated.length);
        const seen = [...new Set(reviews.flatMap((r) => r.themes))].sort();
        expect(trends.themes.map((t) => t.theme).sort()).toEqual(seen);
        for (const trend of trends.themes) {
          expect(trend.years).toEqual(
            years.map((year) => {
              const ofYear = dated.filter((r) => yearOf(r) === year);
              const withTheme = ofYear.filter((r) => r.themes.includes(trend.theme)).length;
              return { year, reviews: withTheme, total: ofYear.length, share: withTheme / ofYear.length };
            }),
          );
        }
      });
    }
  }

  it('follows the themes asked for, one carried by no review among them', () => {
    const filter = { harmTypes: ['neglect'] };
    const wanted = ['theme-unused', 'theme-01', 'theme-07'];
    const trends = themeTrends(index, normalizeFilter(filter), wanted, 'publication');
    expect(trends.themes.map((t) => t.theme).sort()).toEqual([...wanted].sort());
    const unused = trends.themes.find((t) => t.theme === 'theme-unused');
    expect(unused?.reviews).toBe(0);
    expect(unused?.years.every((y) => y.reviews === 0)).toBe(true);
    const dated = chosen(filter).filter((r) => r.year !== null);
    const seventh = trends.themes.find((t) => t.theme === 'theme-07');
    expect(seventh?.reviews).toBe(dated.filter((r) => r.themes.includes('theme-07')).length);
  });
});

describe('the recommendation matrix on a generated corpus', () => {
  // 0 to 4 recommendations per review, each naming 0 to 2 agencies and 0 to 2 themes.
  let start = 0;
  const rows: RecommendationRow[] = RAW.flatMap((r) =>
    Array.from({ length: int(0, 4) }, (_, k) => {
      const text = `recommendation ${k} of ${r.id}`;
      const row: RecommendationRow = {
        id: `${r.id}-rec-${k}`,
        text,
        sourceId: 's',
        start,
        end: start + text.length,
        caseId: r.id,
        caseTitle: r.id,
        agencies: [...new Set(Array.from({ length: int(0, 2) }, () => pick(AGENCIES)))].sort(),
        themes: [...new Set(Array.from({ length: int(0, 2) }, () => pick(THEMES)))].sort(),
      };
      start = row.end + 1;
      return row;
    }),
  );
  const book = new RecommendationBook(index, rows);
  const byId = new Map(RAW.map((r) => [r.id, r]));

  /** Recommendations, reviews and per-year counts of some rows, counted afresh. */
  const tally = (some: RecommendationRow[]) => {
    const yearOf = (row: RecommendationRow) => byId.get(row.caseId)?.year ?? null;
    const years = [...new Set(some.map(yearOf).filter((y): y is number => y !== null))].sort((a, b) => a - b);
    return {
      recommendations: some.length,
      reviews: new Set(some.map((row) => row.caseId)).size,
      firstYear: years[0] ?? null,
      lastYear: years.at(-1) ?? null,
      years: years.map((year) => {
        const ofYear = some.filter((row) => yearOf(row) === year);
        return {
          year,
          recommendations: ofYear.length,
          reviews: new Set(ofYear.map((row) => row.caseId)).size,
        };
      }),
      unknownYear: some.filter((row) => yearOf(row) === null).length,
    };
  };
  const axis = (ids: string[]): (string | null)[] => (ids.length === 0 ? [null] : ids);

  for (const filter of FILTERS) {
    it(`counts every cell, row and column as the raw rows give them (${JSON.stringify(filter)})`, () => {
      const ids = new Set(chosen(filter).map((r) => r.id));
      const some = rows.filter((row) => ids.has(row.caseId));
      const m = matrixAnswer(book, normalizeFilter(filter));
      expect(m.total).toEqual(tally(some));
      for (const line of m.agencies)
        expect(line).toEqual({
          id: line.id,
          ...tally(some.filter((r) => axis(r.agencies).includes(line.id))),
        });
      for (const line of m.themes)
        expect(line).toEqual({ id: line.id, ...tally(some.filter((r) => axis(r.themes).includes(line.id))) });
      const cells = new Map(m.cells.map((c) => [`${c.agency}|${c.theme}`, c]));
      let expected = 0;
      for (const agency of [...AGENCIES, null])
        for (const theme of [...THEMES, null]) {
          const inCell = some.filter(
            (r) => axis(r.agencies).includes(agency) && axis(r.themes).includes(theme),
          );
          if (inCell.length === 0) continue;
          expected++;
          expect(cells.get(`${agency}|${theme}`)).toEqual({ agency, theme, ...tally(inCell) });
        }
      expect(m.cells).toHaveLength(expected);
    });
  }

  it('gives the same counts for a list of entries it did not hand out itself', () => {
    const scope = index.match(normalizeFilter({ harmTypes: ['neglect'] }));
    const handed = book.within(scope);
    expect(countMatrix(book, [...handed])).toEqual(countMatrix(book, handed));
  });
});

describe('two-sided Fisher test on large tables', () => {
  /** Every table of the support no more likely than the observed one, summed in log space. */
  function wholeSupport(a: number, b: number, c: number, d: number): number {
    const population = a + b + c + d;
    const successes = a + c;
    const draws = a + b;
    const observed = logHypergeometric(a, population, successes, draws);
    const terms: number[] = [];
    for (let x = Math.max(0, draws - (population - successes)); x <= Math.min(successes, draws); x++) {
      const lp = logHypergeometric(x, population, successes, draws);
      if (lp <= observed + 1e-7) terms.push(lp);
    }
    const top = terms.reduce((m, v) => Math.max(m, v), Number.NEGATIVE_INFINITY);
    return Math.min(1, Math.exp(top + Math.log(terms.reduce((s, v) => s + Math.exp(v - top), 0))));
  }

  it('matches the sum over the whole support, from even tables to vanishing p-values', () => {
    const rng = seededRandom(11);
    let moderate = 0;
    for (let i = 0; i < 200; i++) {
      const n1 = 1 + Math.floor(rng() * 20_000);
      const n2 = 1 + Math.floor(rng() * 80_000);
      const share = rng();
      // Half the tables near independence (p-values of any size), half far from it (vanishing ones).
      const a = Math.floor(n1 * share * (i % 2 === 0 ? 0.97 + rng() * 0.06 : 0.5 + rng()));
      const c = Math.floor(n2 * share);
      const table = [Math.min(a, n1), n1 - Math.min(a, n1), c, n2 - c] as const;
      const fast = fisherTwoSided(...table);
      const slow = wholeSupport(...table);
      if (slow > 1e-3) moderate++;
      if (slow < 1e-250) expect(fast).toBeLessThan(1e-240);
      else expect(fast / slow).toBeCloseTo(1, 12);
    }
    expect(moderate).toBeGreaterThan(50);
  });

  it('gives 1 to the most likely table and to tables with an empty margin', () => {
    expect(fisherTwoSided(50, 50, 50, 50)).toBeCloseTo(1, 12);
    expect(fisherTwoSided(0, 0, 10, 90)).toBe(1);
    expect(fisherTwoSided(0, 10, 0, 90)).toBe(1);
  });
});
