/**
 * The analytics answers over HTTP, on the seed documents (the bundled sample without them) in the real
 * embedded engine: each checked against the raw review lists the API gives (cases with their themes, harm
 * types and agencies).
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, corpusFiles, REPO_ROOT, startLoadedServer, type TestServer } from './running-server.ts';

interface Row {
  id: string;
  reportYear: number | null;
  incidentYear: number | null;
  ageBand: string | null;
  reviewType: string;
  harmTypes: { harmType: { id: string } }[];
  agencies: { agency: { id: string } }[];
  themes: { theme: { id: string } }[];
}

interface Population {
  reviews: number;
  excluded: { national: number; unknownYear: number };
}

const POPULATION = 'population { reviews excluded { national unknownYear } }';

const files = corpusFiles();

describe(`analytics over ${CORPUS.name}`, () => {
  let api: TestServer;
  let all: Row[];
  let reviews: Row[];

  beforeAll(async () => {
    api = await startLoadedServer(files);
    const { data } = await api.gql<{ cases: { edges: { node: Row }[] } }>(`{
      cases(first: 100) { edges { node {
        id reportYear incidentYear ageBand reviewType
        harmTypes { harmType { id } } agencies { agency { id } } themes { theme { id } }
      } } } }`);
    all = data?.cases.edges.map((e) => e.node) ?? [];
    reviews = all.filter((r) => r.reviewType !== 'NATIONAL');
  });

  afterAll(async () => {
    await api?.stop();
  });

  const themesOf = (r: Row) => r.themes.map((t) => t.theme.id);

  it('links only significant theme pairs by default and says how many pairs it left out', async () => {
    const { data, errors } = await api.gql<{
      themeNetwork: {
        caseCount: number;
        population: Population;
        candidateEdges: number;
        omittedEdges: number;
        omitted: { belowMinShared: number; belowMinLift: number; aboveMaxP: number };
        thresholds: { minShared: number; minLift: number; maxP: number };
        nodes: { id: string; label: string; weight: number; degree: number; community: number | null }[];
        edges: { source: string; target: string; weight: number; lift: number; pValue: number }[];
      };
    }>(`{ themeNetwork {
      caseCount ${POPULATION} candidateEdges omittedEdges omitted { belowMinShared belowMinLift aboveMaxP }
      thresholds { minShared minLift maxP }
      nodes { id label weight degree community } edges { source target weight lift pValue } } }`);
    expect(errors).toBeUndefined();
    const net = data?.themeNetwork;
    expect(net?.thresholds).toEqual({ minShared: 2, minLift: 1.2, maxP: 0.05 });
    expect(net?.population).toEqual({
      reviews: reviews.length,
      excluded: { national: all.length - reviews.length, unknownYear: 0 },
    });
    expect(net?.caseCount, 'caseCount counts the population').toBe(reviews.length);
    expect(all.length - reviews.length, 'national publications are among the reviews').toBeGreaterThan(0);
    expect(net?.edges.length).toBeGreaterThan(0);
    for (const e of net?.edges ?? []) {
      const shared = reviews.filter((r) => themesOf(r).includes(e.source) && themesOf(r).includes(e.target));
      expect(e.weight).toBe(shared.length);
      expect(e.weight).toBeGreaterThanOrEqual(2);
      expect(e.lift).toBeGreaterThanOrEqual(1.2);
      expect(e.pValue).toBeLessThanOrEqual(0.05);
    }
    let pairs = 0;
    const ids = [...new Set(reviews.flatMap(themesOf))];
    for (const a of ids)
      for (const b of ids)
        if (a < b && reviews.some((r) => themesOf(r).includes(a) && themesOf(r).includes(b))) pairs++;
    expect(net?.candidateEdges).toBe(pairs);
    expect(net?.omittedEdges).toBe(pairs - (net?.edges.length ?? 0));
    const o = net?.omitted;
    expect((o?.belowMinShared ?? 0) + (o?.belowMinLift ?? 0) + (o?.aboveMaxP ?? 0)).toBe(net?.omittedEdges);
    for (const node of net?.nodes ?? []) {
      const linked = net?.edges.filter((e) => e.source === node.id || e.target === node.id).length;
      expect(node.degree).toBe(linked);
      expect(node.community === null).toBe(linked === 0);
    }
  });

  it('counts national publications when the filter asks for them', async () => {
    const { data } = await api.gql<{ themeNetwork: { caseCount: number; population: Population } }>(
      `{ themeNetwork(filter: { reviewTypes: [SCR, LCSPR, CSPR, NATIONAL, OTHER] }) { caseCount ${POPULATION} } }`,
    );
    expect(data?.themeNetwork.population).toEqual({
      reviews: all.length,
      excluded: { national: 0, unknownYear: 0 },
    });
    expect(data?.themeNetwork.caseCount).toBe(all.length);
  });

  it('finds the same named communities with centrality, twice, through themeCommunities and themeNetwork', async () => {
    const query = `{
      themeCommunities { ${POPULATION} modularity links thresholds { maxP }
        communities { id name size reviews themes { id label } } }
      themeNetwork { modularity communities { id name themes { id } }
        nodes { id degree weightedDegree betweenness pageRank community } edges { source target weight } } }`;
    const first = await api.gql<{
      themeCommunities: {
        modularity: number;
        links: number;
        communities: {
          id: number;
          name: string;
          size: number;
          reviews: number;
          themes: { id: string; label: string }[];
        }[];
      };
      themeNetwork: {
        modularity: number;
        communities: { id: number; name: string; themes: { id: string }[] }[];
        nodes: {
          id: string;
          degree: number;
          weightedDegree: number;
          pageRank: number;
          community: number | null;
        }[];
        edges: { source: string; target: string; weight: number }[];
      };
    }>(query);
    const again = await (await api.sibling({})).gql(query);
    expect(again.data).toEqual(first.data);
    const c = first.data?.themeCommunities;
    expect(c?.communities.length).toBeGreaterThan(1);
    expect(c?.modularity).toBe(first.data?.themeNetwork.modularity);
    // Weighted modularity of the partition, worked out here from the links and the community of each theme.
    const edges = first.data?.themeNetwork.edges ?? [];
    const communityOf = new Map(first.data?.themeNetwork.nodes.map((n) => [n.id, n.community]));
    const total = edges.reduce((sum, e) => sum + e.weight, 0);
    const inside = new Map<number, number>();
    const strength = new Map<number, number>();
    for (const e of edges) {
      const [a, b] = [communityOf.get(e.source) ?? -1, communityOf.get(e.target) ?? -2];
      if (a === b) inside.set(a, (inside.get(a) ?? 0) + e.weight);
      strength.set(a, (strength.get(a) ?? 0) + e.weight);
      strength.set(b, (strength.get(b) ?? 0) + e.weight);
    }
    const modularity = [...strength].reduce(
      (q, [id, s]) => q + (inside.get(id) ?? 0) / total - (s / (2 * total)) ** 2,
      0,
    );
    expect(total).toBeGreaterThan(0);
    expect(c?.modularity).toBeCloseTo(modularity, 5);
    expect(c?.modularity).toBeGreaterThan(0);
    for (const node of first.data?.themeNetwork.nodes ?? []) {
      const incident = edges.filter((e) => e.source === node.id || e.target === node.id);
      expect(node.weightedDegree, node.id).toBe(incident.reduce((sum, e) => sum + e.weight, 0));
    }
    for (const community of c?.communities ?? []) {
      expect(community.size).toBe(community.themes.length);
      expect(community.name).toBe(
        community.themes
          .slice(0, 2)
          .map((t) => t.label)
          .join(' · '),
      );
      const ids = community.themes.map((t) => t.id);
      expect(community.reviews).toBe(reviews.filter((r) => themesOf(r).some((t) => ids.includes(t))).length);
      const nodes = first.data?.themeNetwork.nodes.filter((n) => ids.includes(n.id)) ?? [];
      expect(nodes.every((n) => n.community === community.id && n.degree > 0)).toBe(true);
      const ranks = ids.map((id) => nodes.find((n) => n.id === id)?.pageRank ?? 0);
      expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    }
  });

  it('gives theme shares by year from the raw reviews, and counts the reviews with no year', async () => {
    const { data, errors } = await api.gql<{
      themeTrends: {
        population: Population;
        years: number[];
        themes: {
          theme: { id: string };
          firstYear: number | null;
          lastYear: number | null;
          direction: string;
          years: { year: number; reviews: number; total: number; share: number }[];
        }[];
      };
    }>(`{ themeTrends(by: PUBLICATION) { ${POPULATION} years
      themes { theme { id } firstYear lastYear direction slope pValue years { year reviews total share } } } }`);
    expect(errors).toBeUndefined();
    const trends = data?.themeTrends;
    const dated = reviews.filter((r) => r.reportYear !== null);
    expect(trends?.population).toEqual({
      reviews: dated.length,
      excluded: { national: all.length - reviews.length, unknownYear: reviews.length - dated.length },
    });
    expect(trends?.years).toEqual([...new Set(dated.map((r) => r.reportYear ?? 0))].sort());
    expect(trends?.themes.length).toBe(new Set(reviews.flatMap(themesOf)).size);
    for (const t of trends?.themes ?? []) {
      for (const y of t.years) {
        const ofYear = dated.filter((r) => r.reportYear === y.year);
        expect(y.total).toBe(ofYear.length);
        expect(y.reviews).toBe(ofYear.filter((r) => themesOf(r).includes(t.theme.id)).length);
        expect(y.share).toBeCloseTo(y.reviews / y.total, 12);
      }
      const seen = t.years.filter((y) => y.reviews > 0).map((y) => y.year);
      expect([t.firstYear, t.lastYear]).toEqual([seen[0] ?? null, seen.at(-1) ?? null]);
    }
    const byIncident = await api.gql<{ themeTrends: { population: Population } }>(
      `{ themeTrends(by: INCIDENT, themes: ["safe-sleeping"]) { ${POPULATION} } }`,
    );
    expect(byIncident.data?.themeTrends.population.excluded.unknownYear).toBe(
      reviews.filter((r) => r.incidentYear === null).length,
    );
  });

  it('compares infants with all other reviews feature by feature, strongest evidence first', async () => {
    const { data, errors } = await api.gql<{
      compareCohorts: {
        a: Population;
        b: Population;
        totalCount: number;
        features: {
          kind: string;
          id: string;
          a: { count: number; share: number };
          b: { count: number; share: number };
          ratio: number;
          ratioLow: number;
          ratioHigh: number;
          pValue: number;
          smallCounts: boolean;
        }[];
      };
    }>(`{ compareCohorts(a: { ageBands: [UNDER_1] }, first: 100) {
      a { reviews excluded { national } } b { reviews excluded { national } } totalCount
      features { kind id a { count share } b { count share } ratio ratioLow ratioHigh pValue smallCounts } } }`);
    expect(errors).toBeUndefined();
    const result = data?.compareCohorts;
    const infants = reviews.filter((r) => r.ageBand === 'UNDER_1');
    const others = reviews.filter((r) => r.ageBand !== 'UNDER_1');
    expect(result?.a.reviews).toBe(infants.length);
    expect(result?.b.reviews).toBe(others.length);
    expect(infants.length).toBeGreaterThan(0);
    const has = (r: Row, kind: string, id: string) =>
      kind === 'THEME'
        ? themesOf(r).includes(id)
        : kind === 'HARM_TYPE'
          ? r.harmTypes.some((h) => h.harmType.id === id)
          : r.agencies.some((a) => a.agency.id === id);
    for (const f of result?.features ?? []) {
      expect(f.a.count).toBe(infants.filter((r) => has(r, f.kind, f.id)).length);
      expect(f.b.count).toBe(others.filter((r) => has(r, f.kind, f.id)).length);
      expect(f.ratioLow).toBeLessThanOrEqual(f.ratio);
      expect(f.ratioHigh).toBeGreaterThanOrEqual(f.ratio);
    }
    const p = result?.features.map((f) => f.pValue) ?? [];
    expect(p).toEqual([...p].sort((x, y) => x - y));
    expect(result?.features.some((f) => f.smallCounts)).toBe(true);
  });

  it('exports the comparison as CSV with the same rows as the API', async () => {
    const { data } = await api.gql<{
      compareCohorts: { totalCount: number; features: { kind: string; id: string; a: { count: number } }[] };
    }>(
      '{ compareCohorts(a: { ageBands: [UNDER_1] }, first: 100) { totalCount features { kind id a { count } } } }',
    );
    const response = await fetch(`${api.url}/export/compare-cohorts.csv?ageBands=UNDER_1`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const rows = (await response.text()).trimEnd().split('\r\n');
    expect(rows[0]).toBe(
      'kind,id,label,a_count,a_reviews,a_share,b_count,b_reviews,b_share,ratio,ratio_low,ratio_high,zero_corrected,p_value,small_counts',
    );
    expect(rows.length - 1).toBe(data?.compareCohorts.totalCount);
    const first = data?.compareCohorts.features[0];
    const kind = { THEME: 'theme', HARM_TYPE: 'harmType', AGENCY: 'agency' }[first?.kind ?? 'THEME'];
    expect(rows[1]?.startsWith(`${kind},${first?.id},`)).toBe(true);
    const net = await fetch(`${api.url}/export/theme-network.csv?maxP=0.01&minLift=2`);
    const { data: strict } = await api.gql<{ themeNetwork: { edges: unknown[] } }>(
      '{ themeNetwork(maxP: 0.01, minLift: 2) { edges { source } } }',
    );
    expect((await net.text()).trimEnd().split('\r\n').length - 1).toBe(strict?.themeNetwork.edges.length);
  });

  it('gives the Python example the same rows as the API, infants against all others', async () => {
    const run = promisify(execFile);
    try {
      await run('python3', ['--version']);
    } catch {
      console.log('python3 not found on PATH: the compare_cohorts.py check is skipped');
      return;
    }
    const script = join(REPO_ROOT, 'examples/python/compare_cohorts.py');
    const { stdout } = await run('python3', [
      script,
      '--url',
      `${api.url}/graphql`,
      '--age-band',
      'UNDER_1',
      '--top',
      '3',
      '--json',
    ]);
    const rows = JSON.parse(stdout) as { label: string; p: number; in_cohort: string }[];
    const { data } = await api.gql<{
      compareCohorts: {
        a: { reviews: number };
        features: { label: string; pValue: number; a: { count: number } }[];
      };
    }>(
      '{ compareCohorts(a: { ageBands: [UNDER_1] }, first: 3) { a { reviews } features { label pValue a { count } } } }',
    );
    expect(rows.map((r) => [r.label, r.p, r.in_cohort])).toEqual(
      data?.compareCohorts.features.map((f) => [
        f.label,
        f.pValue,
        `${f.a.count}/${data.compareCohorts.a.reviews}`,
      ]),
    );
  });

  it('answers bad thresholds and unknown ids with a readable error of kind BAD_USER_INPUT', async () => {
    for (const [query, pattern] of [
      ['{ themeNetwork(maxP: 1.5) { caseCount } }', /maxP must be a probability from 0 to 1/],
      ['{ themeCommunities(minLift: -1) { links } }', /minLift must be a number from 0/],
      ['{ themeTrends(themes: ["no-such-theme"]) { years } }', /^themes: unknown id "no-such-theme"/],
      ['{ compareCohorts(a: { harmTypes: ["nope"] }) { totalCount } }', /a.harmTypes: unknown id "nope"/],
      ['{ compareCohorts(a: {}, first: 0) { totalCount } }', /first must be between 1 and/],
    ] as const) {
      const { errors } = await api.gql(query);
      expect(errors?.[0]?.message).toMatch(pattern);
      expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const bad = await fetch(`${api.url}/export/theme-network.csv?maxP=lots`);
    expect(bad.status).toBe(400);
  });

  it('refuses an analytics query over the cost limit before running it', async () => {
    const small = await api.sibling({ limits: { ...api.config.limits, maxCost: 100 } });
    const fields =
      'features { kind id label a { count share } b { count share } ratio ratioLow ratioHigh pValue }';
    const { status, errors } = await small.gql(
      `{ x1: compareCohorts(a: {}) { ${fields} } x2: compareCohorts(a: {}) { ${fields} } x3: themeTrends { themes { years { year reviews total share } } } }`,
    );
    expect(status).toBe(400);
    expect(errors?.map((e) => e.message).join(' ')).toMatch(/cost/i);
  });
});
