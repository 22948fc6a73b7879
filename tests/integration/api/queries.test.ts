/**
 * The whole path over HTTP: the seed documents (the bundled sample without them) ingested into a temp
 * embedded database, the server on a free port, and GraphQL queries checked against what extraction finds
 * in the same files, read here without the store.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtractedCase, extractFile, loadTaxonomy } from '../../../ingest/index.ts';
import { CORPUS, corpusFiles, startLoadedServer, type TestServer } from './running-server.ts';

interface CaseRow {
  id: string;
  title: string;
  child: string | null;
  partnership: string | null;
  summary: string | null;
  reportYear: number | null;
  outcome: string | null;
  ageBand: string | null;
  reviewType: string;
  harmTypes: { harmType: { id: string } }[];
  agencies: { agency: { id: string } }[];
  themes: { theme: { id: string } }[];
  sources: { id: string }[];
}

const files = corpusFiles();

/** Both corpora hold national publications about neglect (the bundled sample: its national briefing). */
const NATIONAL_PRESENT = 'a national publication about neglect is among the reviews';

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

describe(`GraphQL API over ${CORPUS.name}`, () => {
  let api: TestServer;
  let all: CaseRow[];
  let sourceText: Map<string, string>;
  /** Every case extraction finds in the corpus files, read without the store. */
  let extracted: ExtractedCase[];

  beforeAll(async () => {
    const taxonomy = loadTaxonomy();
    extracted = [];
    for (const file of files) {
      const result = await extractFile(file, taxonomy);
      if (!result.ok) throw new Error(result.problem.message);
      extracted.push(...result.doc.cases);
    }
    api = await startLoadedServer(files);
    const listing = await api.gql<{ cases: { totalCount: number; edges: { node: CaseRow }[] } }>(`{
      cases(first: 100) { totalCount edges { node {
        id title child partnership summary reportYear outcome ageBand reviewType
        harmTypes { harmType { id } } agencies { agency { id } } themes { theme { id } } sources { id }
      } } } }`);
    all = listing.data?.cases.edges.map((e) => e.node) ?? [];
    const sources = await api.gql<{ sources: { id: string; text: string }[] }>('{ sources { id text } }');
    sourceText = new Map(sources.data?.sources.map((s) => [s.id, s.text]));
  });

  afterAll(async () => {
    await api?.stop();
  });

  async function idsUnder(filter: Record<string, unknown>): Promise<string[]> {
    const ids: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Awaited<ReturnType<typeof api.gql<{ cases: Connection }>>> = await api.gql<{
        cases: Connection;
      }>(
        `query($filter: CaseFilter, $after: String) { cases(filter: $filter, first: 10, after: $after) {
          totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
        { filter, after },
      );
      expect(page.errors).toBeUndefined();
      const cases = page.data?.cases as Connection;
      ids.push(...cases.edges.map((e) => e.node.id));
      if (!cases.pageInfo.hasNextPage) {
        expect(ids).toHaveLength(cases.totalCount);
        return ids;
      }
      after = cases.pageInfo.endCursor;
    }
  }

  it('counts the case reviews of each harm type as extraction finds them in the corpus files', async () => {
    const expected = new Map<string, Set<string>>();
    for (const c of extracted.filter((e) => e.reviewType !== 'NATIONAL')) {
      for (const h of c.harmTypes) expected.set(h.id, (expected.get(h.id) ?? new Set()).add(c.id));
    }
    const { data } = await api.gql<{ harmTypes: { id: string; caseCount: number }[] }>(
      '{ harmTypes { id caseCount } }',
    );
    const served = Object.fromEntries(
      (data?.harmTypes ?? []).filter((h) => h.caseCount > 0).map((h) => [h.id, h.caseCount]),
    );
    expect(served).toEqual(Object.fromEntries([...expected].map(([id, cases]) => [id, cases.size])));
    expect(Object.keys(served).length).toBeGreaterThan(3);
  });

  it('returns a case’s learning statements verbatim, as they stand in the corpus file', async () => {
    const { data } = await api.gql<{ cases: { edges: { node: { id: string } }[] } }>(
      '{ cases(first: 100) { edges { node { id } } } }',
    );
    const details = await Promise.all(
      (data?.cases.edges ?? []).map((e) =>
        api.gql<{
          case: {
            learning: { text: string; sourceId: string; start: number; end: number }[];
            sources: { path: string }[];
          };
        }>('query($id: ID!) { case(id: $id) { learning { text sourceId start end } sources { path } } }', {
          id: e.node.id,
        }),
      ),
    );
    const richest = details
      .map((d) => d.data?.case)
      .filter((c) => c !== undefined && c !== null)
      .sort((a, b) => b.learning.length - a.learning.length)[0];
    expect(richest?.learning.length).toBeGreaterThan(2);
    // The API names the file, not the folder it was loaded from on the server.
    const fileName = richest?.sources[0]?.path ?? '';
    expect(fileName).not.toContain('/');
    const fileText = squash(readFileSync(join(CORPUS.dir, fileName), 'utf8'));
    for (const statement of richest?.learning ?? []) {
      expect(sourceText.get(statement.sourceId)?.slice(statement.start, statement.end)).toBe(statement.text);
      expect(fileText).toContain(squash(statement.text));
    }
  });

  it('quotes, for every link of every case, exactly the source text at the evidence offsets', async () => {
    let checked = 0;
    const links = all.reduce((n, c) => n + c.harmTypes.length + c.agencies.length + c.themes.length, 0);
    for (const c of all) {
      const { data } = await api.gql<{
        case: Record<
          'harmTypes' | 'agencies' | 'themes',
          { evidence: { sourceId: string; quote: string; start: number; end: number } }[]
        >;
      }>(
        `query($id: ID!) { case(id: $id) {
          harmTypes { evidence { sourceId quote start end } }
          agencies { evidence { sourceId quote start end } }
          themes { evidence { sourceId quote start end } } } }`,
        { id: c.id },
      );
      for (const link of [
        ...(data?.case.harmTypes ?? []),
        ...(data?.case.agencies ?? []),
        ...(data?.case.themes ?? []),
      ]) {
        const { sourceId, quote, start, end } = link.evidence;
        expect(sourceText.get(sourceId)?.slice(start, end)).toBe(quote);
        checked++;
      }
    }
    expect(checked).toBe(links);
    expect(checked).toBeGreaterThan(all.length);
  });

  it('finds a path between the two themes that share the most reviews, through a review carrying both', async () => {
    const net = await api.gql<{
      themeNetwork: { edges: { source: string; target: string; weight: number }[] };
    }>('{ themeNetwork(minShared: 2) { edges { source target weight } } }');
    const top = net.data?.themeNetwork.edges[0];
    expect(top?.weight).toBeGreaterThanOrEqual(2);
    const { data } = await api.gql<{
      connections: { length: number; nodes: { id: string; kind: string }[]; cases: { id: string }[] }[];
    }>(
      'query($from: ID!, $to: ID!) { connections(from: $from, to: $to, maxHops: 2, first: 5) { length nodes { id kind } cases { id } } }',
      { from: `Theme:${top?.source}`, to: `Theme:${top?.target}` },
    );
    const paths = data?.connections ?? [];
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) {
      expect(path.length).toBe(2);
      expect(path.nodes.map((n) => n.kind)).toEqual(['THEME', 'CASE_REVIEW', 'THEME']);
      const middle = all.find((c) => `CaseReview:${c.id}` === path.nodes[1]?.id);
      expect(middle?.themes.map((t) => t.theme.id)).toEqual(
        expect.arrayContaining([top?.source, top?.target]),
      );
      expect(path.cases.map((c) => c.id)).toEqual([middle?.id]);
    }
  });

  it('pages through every case extraction finds, without duplicates or gaps, in the listing order', async () => {
    const paged = await idsUnder({});
    expect(new Set(paged).size).toBe(paged.length);
    expect(paged).toEqual(all.map((c) => c.id));
    expect([...paged].sort()).toEqual([...new Set(extracted.map((c) => c.id))].sort());
    expect(paged.length, 'more than one page of 10').toBeGreaterThan(10);
    const years = all.map((c) => c.reportYear ?? -1);
    expect(years).toEqual([...years].sort((a, b) => b - a));
  });

  it('composes CaseFilter fields with AND and list values with OR', async () => {
    const has = (ids: string[], wanted: string[] | undefined) =>
      !wanted || wanted.some((w) => ids.includes(w));
    const harm = (c: CaseRow) => c.harmTypes.map((h) => h.harmType.id);
    const themes = (c: CaseRow) => c.themes.map((t) => t.theme.id);
    const agencies = (c: CaseRow) => c.agencies.map((a) => a.agency.id);
    const [h1, h2] = [...new Set(all.flatMap(harm))];
    const [t1] = [...new Set(all.filter((c) => h1 && harm(c).includes(h1)).flatMap(themes))];
    const word =
      all
        .find((c) => c.partnership)
        ?.partnership?.split(/\s+/)[0]
        ?.toLowerCase() ?? 'review';
    // A year range inside the corpus's own: the earliest and the latest report years fall outside it.
    const years = [...new Set(all.map((c) => c.reportYear).filter((y) => y !== null))].sort();
    const [yearFrom, yearTo] = [years[1] ?? 0, years.at(-2) ?? 0];
    const young = ['UNDER_1', 'AGE_1_5'];
    const a1 = all.find((c) => young.includes(c.ageBand ?? '') && agencies(c).length > 0)?.agencies[0]?.agency
      .id;
    const filters: Array<{ filter: Record<string, unknown>; match: (c: CaseRow) => boolean }> = [
      { filter: { harmTypes: [h1, h2] }, match: (c) => has(harm(c), [h1 ?? '', h2 ?? '']) },
      {
        filter: { harmTypes: [h1], themes: [t1] },
        match: (c) => has(harm(c), [h1 ?? '']) && has(themes(c), [t1 ?? '']),
      },
      {
        filter: { yearFrom, yearTo, outcome: ['DEATH', 'SERIOUS_HARM'] },
        match: (c) =>
          c.reportYear !== null &&
          c.reportYear >= yearFrom &&
          c.reportYear <= yearTo &&
          ['DEATH', 'SERIOUS_HARM'].includes(c.outcome ?? ''),
      },
      { filter: { outcome: ['DEATH'] }, match: (c) => c.outcome === 'DEATH' },
      {
        filter: { agencies: [a1], ageBands: young },
        match: (c) => has(agencies(c), [a1 ?? '']) && young.includes(c.ageBand ?? ''),
      },
      {
        filter: { text: word, reviewTypes: ['SCR', 'LCSPR'] },
        match: (c) =>
          ['SCR', 'LCSPR'].includes(c.reviewType) &&
          [c.title, c.child, c.partnership, c.summary].join('\n').toLowerCase().includes(word),
      },
    ];
    for (const { filter, match } of filters) {
      const expected = all.filter(match).map((c) => c.id);
      // Each filter keeps some reviews and leaves some out, so a filter ignored or applied wrongly shows.
      expect(expected.length, JSON.stringify(filter)).toBeGreaterThan(0);
      expect(expected.length, JSON.stringify(filter)).toBeLessThan(all.length);
      expect({ filter, ids: await idsUnder(filter) }).toEqual({ filter, ids: expected });
    }
  });

  it('counts themes under a filter as the case list does once national publications are left out', async () => {
    const neglect = all.filter((c) => c.harmTypes.some((h) => h.harmType.id === 'neglect'));
    const themeIds = [...new Set(neglect.flatMap((c) => c.themes.map((t) => t.theme.id)))].sort();
    expect(
      neglect.some((c) => c.reviewType === 'NATIONAL'),
      NATIONAL_PRESENT,
    ).toBe(true);
    expect(themeIds.length).toBeGreaterThan(1);
    const { data, errors } = await api.gql<{ themes: { id: string; caseCount: number }[] }>(
      '{ themes(filter: { harmTypes: ["neglect"] }) { id caseCount } }',
    );
    expect(errors).toBeUndefined();
    const served = Object.fromEntries((data?.themes ?? []).map((t) => [t.id, t.caseCount]));
    const listed: [string, number | undefined][] = [];
    for (const id of themeIds) {
      const list = await api.gql<{ cases: { totalCount: number } }>(
        `query($theme: ID!) { cases(filter: { harmTypes: ["neglect"], themes: [$theme], not: { reviewTypes: [NATIONAL] } }) {
          totalCount } }`,
        { theme: id },
      );
      listed.push([id, list.data?.cases.totalCount]);
    }
    expect(themeIds.map((id) => [id, served[id] ?? 0])).toEqual(listed);
    expect(listed.some(([, n]) => Number(n) > 0)).toBe(true);
  });

  it('counts facet values over case reviews only unless the filter lists NATIONAL, and NATIONAL as what it adds', async () => {
    const valuesOf: Record<string, (c: CaseRow) => (string | null)[]> = {
      harmTypes: (c) => c.harmTypes.map((h) => h.harmType.id),
      agencies: (c) => c.agencies.map((a) => a.agency.id),
      themes: (c) => c.themes.map((t) => t.theme.id),
      outcomes: (c) => [c.outcome],
      ageBands: (c) => [c.ageBand],
      reviewTypes: (c) => [c.reviewType],
      sources: (c) => c.sources.map((s) => s.id),
      years: (c) => [c.reportYear === null ? null : String(c.reportYear)],
      partnerships: (c) => [c.partnership],
    };
    const tally = (rows: CaseRow[], kind: string) => {
      const out: Record<string, number> = {};
      for (const c of rows)
        for (const v of new Set(valuesOf[kind]?.(c))) if (v !== null) out[v] = (out[v] ?? 0) + 1;
      return out;
    };
    const neglect = (c: CaseRow) => c.harmTypes.some((h) => h.harmType.id === 'neglect');
    const national = (c: CaseRow) => c.reviewType === 'NATIONAL';
    const fields = Object.keys(valuesOf)
      .map((k) => `${k} { id count }`)
      .join(' ');
    const { data, errors } = await api.gql<Record<string, Record<string, { id: string; count: number }[]>>>(`{
      plain: facets { ${fields} }
      neglect: facets(filter: { harmTypes: ["neglect"] }) { ${fields} }
      everything: facets(filter: { reviewTypes: [SCR, LCSPR, CSPR, NATIONAL, OTHER] }) { ${fields} } }`);
    expect(errors).toBeUndefined();
    expect(
      all.some((c) => national(c) && neglect(c)),
      NATIONAL_PRESENT,
    ).toBe(true);
    for (const [alias, matched, asksForNational] of [
      ['plain', all, false],
      ['neglect', all.filter(neglect), false],
      ['everything', all, true],
    ] as const) {
      const counted = asksForNational ? matched : matched.filter((c) => !national(c));
      for (const kind of Object.keys(valuesOf)) {
        const served = Object.fromEntries(
          (data?.[alias]?.[kind] ?? []).filter((v) => v.count > 0).map((v) => [v.id, v.count]),
        );
        const expected = tally(counted, kind);
        const adds = matched.filter(national).length;
        if (kind === 'reviewTypes' && adds > 0) expected.NATIONAL = adds;
        expect(served, `${alias} ${kind}`).toEqual(expected);
      }
    }
  });

  it('counts harm types and agencies over case reviews only unless the filter lists NATIONAL', async () => {
    const idsOf = {
      harmTypes: (c: CaseRow) => c.harmTypes.map((h) => h.harmType.id),
      agencies: (c: CaseRow) => c.agencies.map((a) => a.agency.id),
    };
    const tally = (rows: CaseRow[], kind: keyof typeof idsOf) => {
      const out: Record<string, number> = {};
      for (const c of rows) for (const id of new Set(idsOf[kind](c))) out[id] = (out[id] ?? 0) + 1;
      return out;
    };
    const national = (c: CaseRow) => c.reviewType === 'NATIONAL';
    const neglect = (c: CaseRow) => c.harmTypes.some((h) => h.harmType.id === 'neglect');
    type Counted = { id: string; caseCount: number }[];
    const { data, errors } = await api.gql<Record<string, Counted>>(`{
      harmTypes { id caseCount } agencies { id caseCount }
      neglectHarmTypes: harmTypes(filter: { harmTypes: ["neglect"] }) { id caseCount }
      neglectAgencies: agencies(filter: { harmTypes: ["neglect"] }) { id caseCount }
      everythingHarmTypes: harmTypes(filter: { reviewTypes: [SCR, LCSPR, CSPR, NATIONAL, OTHER] }) { id caseCount }
      everythingAgencies: agencies(filter: { reviewTypes: [SCR, LCSPR, CSPR, NATIONAL, OTHER] }) { id caseCount }
      nationalHarmTypes: harmTypes(filter: { reviewTypes: [NATIONAL] }) { id caseCount }
      nationalAgencies: agencies(filter: { reviewTypes: [NATIONAL] }) { id caseCount } }`);
    expect(errors).toBeUndefined();
    expect(
      all.some((c) => national(c) && neglect(c)),
      NATIONAL_PRESENT,
    ).toBe(true);
    expect(
      all.some((c) => national(c) && c.agencies.length > 0),
      'a national publication involves an agency',
    ).toBe(true);
    const served = (list: Counted | undefined) =>
      Object.fromEntries((list ?? []).filter((v) => v.caseCount > 0).map((v) => [v.id, v.caseCount]));
    for (const [prefix, counted] of [
      ['', all.filter((c) => !national(c))],
      ['neglect', all.filter((c) => neglect(c) && !national(c))],
      ['everything', all],
      ['national', all.filter(national)],
    ] as const) {
      for (const kind of ['harmTypes', 'agencies'] as const) {
        const alias = prefix ? `${prefix}${kind[0]?.toUpperCase()}${kind.slice(1)}` : kind;
        expect(served(data?.[alias]), alias).toEqual(tally(counted, kind));
      }
    }
  });

  it('gives a linked harm type or agency its count over case reviews, as the unfiltered lists do', async () => {
    const { data, errors } = await api.gql<{
      cases: {
        edges: {
          node: {
            harmTypes: { harmType: { id: string; caseCount: number } }[];
            agencies: { agency: { id: string; caseCount: number } }[];
          };
        }[];
      };
      harmTypes: { id: string; caseCount: number }[];
      agencies: { id: string; caseCount: number }[];
    }>(`{ cases(first: 100) { edges { node {
          harmTypes { harmType { id caseCount } } agencies { agency { id caseCount } } } } }
        harmTypes { id caseCount } agencies { id caseCount } }`);
    expect(errors).toBeUndefined();
    const reviews = all.filter((c) => c.reviewType !== 'NATIONAL');
    const countOf = (ids: (c: CaseRow) => string[], id: string) =>
      reviews.filter((c) => ids(c).includes(id)).length;
    const listed = {
      harmTypes: new Map(data?.harmTypes.map((h) => [h.id, h.caseCount])),
      agencies: new Map(data?.agencies.map((a) => [a.id, a.caseCount])),
    };
    let links = 0;
    for (const { node } of data?.cases.edges ?? []) {
      for (const { harmType } of node.harmTypes) {
        const expected = countOf((c) => c.harmTypes.map((h) => h.harmType.id), harmType.id);
        expect(harmType.caseCount, harmType.id).toBe(expected);
        expect(listed.harmTypes.get(harmType.id), harmType.id).toBe(expected);
        links++;
      }
      for (const { agency } of node.agencies) {
        const expected = countOf((c) => c.agencies.map((a) => a.agency.id), agency.id);
        expect(agency.caseCount, agency.id).toBe(expected);
        expect(listed.agencies.get(agency.id), agency.id).toBe(expected);
        links++;
      }
    }
    expect(links).toBeGreaterThan(0);
  });

  it('totals stats over case reviews only unless the filter lists NATIONAL, and says what it counted', async () => {
    interface Stats {
      cases: number;
      sources: number;
      themes: number;
      harmTypes: number;
      agencies: number;
      learning: number;
      recommendations: number;
      links: number;
      yearMin: number | null;
      yearMax: number | null;
      population: { reviews: number; excluded: { national: number; unknownYear: number } };
    }
    const STATS = `cases sources themes harmTypes agencies learning recommendations links yearMin yearMax
      population { reviews excluded { national unknownYear } }`;
    const national = (c: CaseRow) => c.reviewType === 'NATIONAL';
    const neglect = (c: CaseRow) => c.harmTypes.some((h) => h.harmType.id === 'neglect');
    const everyType = ['SCR', 'LCSPR', 'CSPR', 'NATIONAL', 'OTHER'];
    const filters = {
      neglect: { harmTypes: ['neglect'] },
      everything: { reviewTypes: everyType },
      neglectEverything: { harmTypes: ['neglect'], reviewTypes: everyType },
    };
    // The listings show every matching review: told to leave national publications out, they list the
    // statements a count over case reviews counts.
    const reviewsOnly = { ...filters.neglect, not: { reviewTypes: ['NATIONAL'] } };
    type Total = { totalCount: number };
    const { data, errors } = await api.gql<{
      plain: Stats;
      neglect: Stats;
      everything: Stats;
      neglectEverything: Stats;
      sources: { id: string }[];
      allLearning: Total;
      allRecommendations: Total;
      neglectLearning: Total;
      neglectRecommendations: Total;
      everythingLearning: Total;
      everythingRecommendations: Total;
    }>(
      `query($neglect: CaseFilter, $everything: CaseFilter, $neglectEverything: CaseFilter,
             $reviewsOnly: CaseFilter) {
        plain: stats { ${STATS} }
        neglect: stats(filter: $neglect) { ${STATS} }
        everything: stats(filter: $everything) { ${STATS} }
        neglectEverything: stats(filter: $neglectEverything) { ${STATS} }
        sources { id }
        allLearning: learning(first: 1) { totalCount }
        allRecommendations: recommendations(first: 1) { totalCount }
        neglectLearning: learning(first: 1, filter: { cases: $reviewsOnly }) { totalCount }
        neglectRecommendations: recommendations(first: 1, filter: { cases: $reviewsOnly }) { totalCount }
        everythingLearning: learning(first: 1, filter: { cases: $everything }) { totalCount }
        everythingRecommendations: recommendations(first: 1, filter: { cases: $everything }) { totalCount } }`,
      { ...filters, reviewsOnly },
    );
    expect(errors).toBeUndefined();
    expect(
      all.some((c) => national(c) && neglect(c)),
      NATIONAL_PRESENT,
    ).toBe(true);
    const years = (rows: CaseRow[]) => rows.flatMap((c) => (c.reportYear === null ? [] : [c.reportYear]));
    const yearRange = (rows: CaseRow[]) => {
      const ys = years(rows);
      return ys.length === 0
        ? { yearMin: null, yearMax: null }
        : { yearMin: Math.min(...ys), yearMax: Math.max(...ys) };
    };
    const distinct = (rows: CaseRow[], of: (c: CaseRow) => string[]) => new Set(rows.flatMap(of)).size;
    const linksOf = (c: CaseRow) =>
      new Set(c.sources.map((s) => s.id)).size +
      new Set(c.themes.map((t) => t.theme.id)).size +
      new Set(c.harmTypes.map((h) => h.harmType.id)).size +
      new Set(c.agencies.map((a) => a.agency.id)).size;
    const population = (matched: CaseRow[], counted: CaseRow[]) => ({
      reviews: counted.length,
      excluded: { national: matched.length - counted.length, unknownYear: 0 },
    });

    // Without a filter: the case reviews, and what is stored (documents, statements) as stored.
    const reviews = all.filter((c) => !national(c));
    expect(data?.plain).toMatchObject({
      cases: reviews.length,
      ...yearRange(reviews),
      sources: data?.sources.length,
      learning: data?.allLearning.totalCount,
      recommendations: data?.allRecommendations.totalCount,
      population: population(all, reviews),
    });

    for (const [alias, matched, counted, statements] of [
      [
        'neglect',
        all.filter(neglect),
        all.filter((c) => neglect(c) && !national(c)),
        [data?.neglectLearning, data?.neglectRecommendations],
      ],
      ['everything', all, all, [data?.everythingLearning, data?.everythingRecommendations]],
      ['neglectEverything', all.filter(neglect), all.filter(neglect), null],
    ] as const) {
      expect(data?.[alias], alias).toMatchObject({
        cases: counted.length,
        ...yearRange(counted),
        sources: distinct(counted, (c) => c.sources.map((s) => s.id)),
        themes: distinct(counted, (c) => c.themes.map((t) => t.theme.id)),
        harmTypes: distinct(counted, (c) => c.harmTypes.map((h) => h.harmType.id)),
        agencies: distinct(counted, (c) => c.agencies.map((a) => a.agency.id)),
        links: counted.reduce((n, c) => n + linksOf(c), 0),
        population: population(matched, counted),
      });
      if (statements) {
        expect(data?.[alias]?.learning, `${alias} learning`).toBe(statements[0]?.totalCount);
        expect(data?.[alias]?.recommendations, `${alias} recommendations`).toBe(statements[1]?.totalCount);
      }
    }
  });

  it('looks several cases up by id in one call, in the order asked, null for unknown ids', async () => {
    const ids = [all[2]?.id, 'no-such-case', all[0]?.id];
    const { data } = await api.gql<{ casesByIds: ({ id: string; title: string } | null)[] }>(
      'query($ids: [ID!]!) { casesByIds(ids: $ids) { id title } }',
      { ids },
    );
    expect(data?.casesByIds).toEqual([
      { id: all[2]?.id, title: all[2]?.title },
      null,
      { id: all[0]?.id, title: all[0]?.title },
    ]);
  });

  it('answers aliased case(id) lookups of names alone, beyond the detail budget', async () => {
    const small = await api.sibling({ limits: { ...api.config.limits, maxDetails: 2 } });
    const fields = all.slice(0, 10).map((c, i) => `c${i}: case(id: "${c.id}") { id title reportYear }`);
    const result = await small.gql<Record<string, { id: string } | null>>(`{ ${fields.join(' ')} }`);
    expect(result.errors).toBeUndefined();
    expect(Object.values(result.data ?? {}).map((c) => c?.id)).toEqual(all.slice(0, 10).map((c) => c.id));
  });

  it('refuses an unknown filter id with a message naming it', async () => {
    const result = await api.gql('{ cases(filter: { themes: ["no-such-theme"] }) { totalCount } }');
    expect(result.errors?.[0]?.message).toBe(
      'filter.themes: unknown id "no-such-theme" (list the ids with { themes { id } })',
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  describe.skipIf(!CORPUS.seeds)('seed-specific: what the seed documents are known to hold', () => {
    it('lists at least the 33 case reviews the seed documents describe, beside their national publications', () => {
      expect(all.filter((c) => c.reviewType !== 'NATIONAL').length).toBeGreaterThanOrEqual(33);
      expect(all.filter((c) => c.reviewType === 'NATIONAL').length).toBeGreaterThan(0);
    });
  });
});

interface Connection {
  totalCount: number;
  edges: { node: { id: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
