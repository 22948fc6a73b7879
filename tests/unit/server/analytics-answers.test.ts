/**
 * The analytics answers on a small hand-made corpus, each recomputed here from the raw review lists (plain
 * filters and counts, exact big-integer hypergeometric sums), never through the index's bitsets.
 */
import { describe, expect, it } from 'vitest';
import type { GraphCounts } from '../../../graph/store.ts';
import { compareCohorts } from '../../../server/analytics/cohorts.ts';
import { normalizeFilter } from '../../../server/analytics/filter.ts';
import { AnalyticsIndex, type IndexedCase } from '../../../server/analytics/index.ts';
import { populationOf } from '../../../server/analytics/population.ts';
import { significantNetwork } from '../../../server/analytics/theme-links.ts';
import { themeTrends } from '../../../server/analytics/trends.ts';

interface Raw {
  id: string;
  year: number | null;
  incident?: number | null;
  type?: string;
  age?: string;
  harm?: string[];
  agencies?: string[];
  themes: string[];
}

// Twelve case reviews and two national publications. 'sleep' and 'bruise' go together (4 of 4 'bruise'
// reviews carry 'sleep'), as do 'drugs' and 'housing' (4 of 4 'drugs' reviews); 'info' is everywhere.
const RAW: Raw[] = [
  { id: 'r01', year: 2015, age: 'under 1', harm: ['nai'], themes: ['sleep', 'bruise', 'info'] },
  { id: 'r02', year: 2016, age: 'under 1', harm: ['nai'], themes: ['sleep', 'bruise', 'info'] },
  {
    id: 'r03',
    year: 2017,
    age: 'under 1',
    harm: ['nai'],
    themes: ['sleep', 'bruise'],
    agencies: ['midwifery'],
  },
  { id: 'r04', year: 2018, age: 'under 1', themes: ['sleep', 'bruise', 'info'], agencies: ['midwifery'] },
  { id: 'r05', year: 2015, age: '11-15', harm: ['neglect'], themes: ['drugs', 'housing', 'info'] },
  { id: 'r06', year: 2015, age: '11-15', harm: ['neglect'], themes: ['drugs', 'housing'] },
  { id: 'r07', year: 2016, age: '6-10', harm: ['neglect'], themes: ['drugs', 'housing', 'info'] },
  {
    id: 'r08',
    year: 2017,
    age: '6-10',
    harm: ['neglect'],
    themes: ['drugs', 'housing', 'info'],
    agencies: ['police'],
  },
  { id: 'r09', year: 2018, age: '1-5', harm: ['neglect'], themes: ['info', 'sleep'], agencies: ['police'] },
  { id: 'r10', year: 2019, age: '1-5', themes: ['info'], agencies: ['police'], incident: 2017 },
  { id: 'r11', year: 2019, age: '16+', themes: ['housing'], agencies: ['police'], incident: 2018 },
  { id: 'r12', year: null, age: '16+', themes: ['info'], incident: 2016 },
  { id: 'n01', year: 2020, type: 'NATIONAL', themes: ['sleep', 'bruise', 'info', 'drugs'] },
  { id: 'n02', year: 2021, type: 'NATIONAL', themes: ['info', 'housing'] },
];

const THEMES = ['sleep', 'bruise', 'info', 'drugs', 'housing'];

function indexOf(raw: Raw[]): AnalyticsIndex {
  const cases: IndexedCase[] = raw.map((r) => ({
    id: r.id,
    reportYear: r.year,
    incidentYear: r.incident ?? null,
    outcome: 'death',
    ageBand: r.age ?? null,
    reviewType: r.type ?? 'LCSPR',
    harmTypes: r.harm ?? [],
    agencies: r.agencies ?? [],
    themes: r.themes,
    sources: ['s'],
    text: r.id,
  }));
  return new AnalyticsIndex({
    cases,
    taxonomy: {
      harmTypes: ['nai', 'neglect'].map((id) => ({ id, label: id.toUpperCase(), description: '' })),
      agencies: ['midwifery', 'police'].map((id) => ({ id, label: id, description: '', sector: 'health' })),
      themes: THEMES.map((id) => ({ id, label: `Theme ${id}`, description: '', group: 'g' })),
    },
    sources: [],
    counts: { nodes: {}, relationships: {} } as GraphCounts,
  });
}

const index = indexOf(RAW);
const reviews = RAW.filter((r) => r.type !== 'NATIONAL');
const none = normalizeFilter(null);

function binomial(n: number, k: number): bigint {
  if (k < 0 || k > n) return 0n;
  let out = 1n;
  for (let i = 1; i <= k; i++) out = (out * BigInt(n - k + i)) / BigInt(i);
  return out;
}

/** P(X ≥ k), X ~ Hypergeometric(N, K, n), as an exact fraction of big integers. */
function upperTail(k: number, N: number, K: number, n: number): number {
  let ways = 0n;
  for (let x = k; x <= Math.min(K, n); x++) ways += binomial(K, x) * binomial(N - K, n - x);
  return Number((ways * 10n ** 24n) / binomial(N, n)) / 1e24;
}

describe('the population an answer counts', () => {
  it('leaves national publications out unless the filter asks for them, and says how many', () => {
    expect(populationOf(index, none).population).toEqual({
      reviews: 12,
      excluded: { national: 2, unknownYear: 0 },
    });
    const asked = populationOf(index, normalizeFilter({ reviewTypes: ['NATIONAL', 'LCSPR'] }));
    expect(asked.population).toEqual({ reviews: 14, excluded: { national: 0, unknownYear: 0 } });
    const onlyNational = populationOf(index, normalizeFilter({ reviewTypes: ['NATIONAL'] }));
    expect(onlyNational.population.reviews).toBe(2);
  });
});

describe('significant theme network', () => {
  it('counts shared reviews, lift and the one-sided Fisher p-value of every pair as the raw lists give them', () => {
    const net = significantNetwork(index, none, { minShared: 1, minLift: 0, maxP: 1 });
    const n = reviews.length;
    const count = (pred: (r: Raw) => boolean) => reviews.filter(pred).length;
    let pairs = 0;
    for (const a of THEMES) {
      for (const b of THEMES) {
        if (a >= b) continue;
        const shared = count((r) => r.themes.includes(a) && r.themes.includes(b));
        const edge = net.edges.find((e) => e.source === a && e.target === b);
        if (shared === 0) {
          expect(edge).toBeUndefined();
          continue;
        }
        pairs++;
        const na = count((r) => r.themes.includes(a));
        const nb = count((r) => r.themes.includes(b));
        expect(edge?.weight).toBe(shared);
        expect(edge?.lift).toBeCloseTo((shared * n) / (na * nb), 4);
        expect(edge?.pValue).toBeCloseTo(upperTail(shared, n, na, nb), 12);
      }
    }
    expect(net.edges.length).toBe(pairs);
    expect(net.candidateEdges).toBe(pairs);
    expect(net.omitted.total).toBe(0);
  });

  it('keeps sleep–bruise and drugs–housing (4 of 4, p = 5/495) and counts what each threshold left out', () => {
    // sleep: 5 reviews, bruise: 4, both: 4, N = 12. P(X ≥ 4) = C(5,4)·C(7,0)/C(12,4) = 5/495.
    const net = significantNetwork(index, none, { minShared: 2, minLift: 1.2, maxP: 0.05 });
    expect(net.edges.map((e) => `${e.source}-${e.target}`).sort()).toEqual(['bruise-sleep', 'drugs-housing']);
    expect(net.edges[0]?.pValue).toBeCloseTo(5 / 495, 14);
    expect(net.edges[1]?.pValue).toBeCloseTo(5 / 495, 14);
    const all = significantNetwork(index, none, { minShared: 1, minLift: 0, maxP: 1 });
    expect(net.candidateEdges).toBe(all.edges.length);
    expect(net.omitted.total).toBe(all.edges.length - net.edges.length);
    expect(net.omitted.belowMinShared).toBe(all.edges.filter((e) => e.weight < 2).length);
    expect(net.omitted.belowMinLift).toBe(all.edges.filter((e) => e.weight >= 2 && e.lift < 1.2).length);
    expect(net.omitted.aboveMaxP).toBe(
      all.edges.filter((e) => e.weight >= 2 && e.lift >= 1.2 && e.pValue > 0.05).length,
    );
    expect(net.population.excluded.national).toBe(2);
  });

  it('finds the two groups as communities, named after their most central themes, the same on every run', () => {
    const net = significantNetwork(index, none, { minShared: 2, minLift: 1.2, maxP: 0.05 });
    expect(net.communities.map((c) => [...c.themes].sort().join('+')).sort()).toEqual([
      'bruise+sleep',
      'drugs+housing',
    ]);
    const bruise = net.communities.find((c) => c.themes.includes('bruise'));
    expect(bruise?.name).toMatch(/^Theme (bruise|sleep) · Theme (bruise|sleep)$/);
    expect(bruise?.reviews).toBe(5);
    // Two disjoint links of weight 4: modularity = Σ (l_c/m − (d_c/2m)²) = 2 · (1/2 − (1/2)²) = 0.5.
    expect(net.modularity).toBeCloseTo(0.5, 6);
    const again = significantNetwork(indexOf(RAW), none, { minShared: 2, minLift: 1.2, maxP: 0.05 });
    expect(again.communities).toEqual(net.communities);
    const info = net.nodes.find((n) => n.id === 'info');
    expect(info).toMatchObject({ degree: 0, weightedDegree: 0, community: null, weight: 9 });
    const sleep = net.nodes.find((n) => n.id === 'sleep');
    expect(sleep).toMatchObject({ degree: 1, weightedDegree: 4, betweenness: 0 });
  });

  it('gives the middle of a chain all the betweenness and more PageRank than its ends', () => {
    const chain = indexOf([
      ...['a', 'b', 'c', 'd'].map((id) => ({ id, year: 2020, themes: ['sleep', 'bruise'] })),
      ...['e', 'f', 'g', 'h'].map((id) => ({ id, year: 2020, themes: ['bruise', 'drugs'] })),
      ...['i', 'j', 'k', 'l', 'm', 'n', 'o', 'p'].map((id) => ({ id, year: 2020, themes: ['info'] })),
    ]);
    const net = significantNetwork(chain, none, { minShared: 2, minLift: 1, maxP: 1 });
    const node = (id: string) => net.nodes.find((n) => n.id === id);
    expect(node('bruise')?.betweenness).toBe(1);
    expect(node('sleep')?.betweenness).toBe(0);
    expect(node('bruise')?.pageRank ?? 0).toBeGreaterThan(node('sleep')?.pageRank ?? 1);
    expect(node('bruise')?.degree).toBe(2);
  });
});

describe('theme trends', () => {
  it('gives each year its reviews with the theme, all reviews and the share, from the raw lists', () => {
    const trends = themeTrends(index, none, ['info', 'bruise'], 'publication');
    const dated = reviews.filter((r) => r.year !== null);
    const years = [...new Set(dated.map((r) => r.year ?? 0))].sort();
    expect(trends.years).toEqual(years);
    for (const t of trends.themes) {
      for (const row of t.years) {
        const ofYear = dated.filter((r) => r.year === row.year);
        const withTheme = ofYear.filter((r) => r.themes.includes(t.theme)).length;
        expect(row).toEqual({
          year: row.year,
          reviews: withTheme,
          total: ofYear.length,
          share: withTheme / ofYear.length,
        });
      }
    }
    const bruise = trends.themes.find((t) => t.theme === 'bruise');
    expect([bruise?.firstYear, bruise?.lastYear]).toEqual([2015, 2018]);
  });

  it('reports reviews with no year as excluded, never drops them silently', () => {
    const byPublication = themeTrends(index, none, null, 'publication');
    expect(byPublication.population).toEqual({ reviews: 11, excluded: { national: 2, unknownYear: 1 } });
    const byIncident = themeTrends(index, none, null, 'incident');
    expect(byIncident.population).toEqual({ reviews: 3, excluded: { national: 2, unknownYear: 9 } });
    expect(byIncident.years).toEqual([2016, 2017, 2018]);
  });

  it('calls a share falling over five years falling, with Sen slope and Mann–Kendall p', () => {
    // 'sleep' in 2015..2019: 1/3, 1/2, 1/2, 2/2, 0/2 — then a steadily falling corpus for 'drugs'.
    const falling = indexOf(
      [2014, 2015, 2016, 2017, 2018, 2019].flatMap((year, i) =>
        Array.from({ length: 6 }, (_, j) => ({
          id: `${year}-${j}`,
          year,
          themes: j < 6 - i ? ['drugs'] : ['info'],
        })),
      ),
    );
    const [drugs] = themeTrends(falling, none, ['drugs'], 'publication').themes;
    expect(drugs?.direction).toBe('falling');
    expect(drugs?.slope).toBeCloseTo(-1 / 6, 12);
    expect(drugs?.kendallS).toBe(-15);
    expect(drugs?.pValue ?? 1).toBeLessThan(0.01);
    const short = themeTrends(index, normalizeFilter({ yearFrom: 2016 }), ['info'], 'publication').themes[0];
    expect(short?.direction).toBe('too-few-years');
    expect(short?.pValue).toBeNull();
  });
});

describe('cohort comparison', () => {
  it('gives every theme, harm type and agency its counts, shares, ratio and two-sided p, from the raw lists', () => {
    const result = compareCohorts(index, normalizeFilter({ ageBands: ['under 1'] }), null);
    const a = reviews.filter((r) => r.age === 'under 1');
    const b = reviews.filter((r) => r.age !== 'under 1');
    expect(result.a).toEqual({ reviews: 4, excluded: { national: 0, unknownYear: 0 } });
    expect(result.b).toEqual({ reviews: 8, excluded: { national: 2, unknownYear: 0 } });
    const features = (r: Raw) => [
      ...r.themes.map((id) => `theme:${id}`),
      ...(r.harm ?? []).map((id) => `harmType:${id}`),
      ...(r.agencies ?? []).map((id) => `agency:${id}`),
    ];
    const keys = new Set(reviews.flatMap(features));
    expect(new Set(result.features.map((f) => `${f.kind}:${f.id}`))).toEqual(keys);
    for (const f of result.features) {
      const x = a.filter((r) => features(r).includes(`${f.kind}:${f.id}`)).length;
      const y = b.filter((r) => features(r).includes(`${f.kind}:${f.id}`)).length;
      expect([f.a.count, f.b.count]).toEqual([x, y]);
      expect(f.a.share).toBe(x / a.length);
      expect(f.b.share).toBe(y / b.length);
      if (x > 0 && y > 0 && x < a.length && y < b.length) {
        expect(f.ratio).toBeCloseTo(x / a.length / (y / b.length), 12);
        expect(f.zeroCorrected).toBe(false);
      } else {
        expect(f.zeroCorrected).toBe(true);
      }
      expect(f.smallCounts).toBe(true); // 12 reviews: some expected count is always below 5
    }
    const pValues = result.features.map((f) => f.pValue);
    expect(pValues).toEqual([...pValues].sort((p, q) => p - q));
  });

  it('gives bruise 4 of 4 infants against 0 of 8 others, p = 1/C(12,4) = 0.00202, ratio from corrected cells', () => {
    const result = compareCohorts(index, normalizeFilter({ ageBands: ['under 1'] }), null);
    const bruise = result.features.find((f) => f.id === 'bruise');
    expect(result.features[0]?.id).toBe('bruise');
    expect(bruise?.pValue).toBeCloseTo(1 / 495, 12);
    expect(bruise?.ratio).toBeCloseTo(4.5 / 5 / (0.5 / 9), 12);
    expect(bruise?.zeroCorrected).toBe(true);
  });

  it('compares against a named cohort B and reports their overlap', () => {
    const result = compareCohorts(
      index,
      normalizeFilter({ harmTypes: ['neglect'] }),
      normalizeFilter({ agencies: ['police'] }),
    );
    expect(result.a.reviews).toBe(5);
    expect(result.b.reviews).toBe(4);
    expect(result.overlap).toBe(2);
    expect(result.bIsRest).toBe(false);
  });
});
