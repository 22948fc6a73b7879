/**
 * One filter input everywhere, over HTTP on the seed documents (the bundled sample without them) in the real
 * embedded engine: exclusions
 * (`not`), the unknown-year choice and the population rule for theme counts, each checked against the raw
 * review list the API gives, filtered here review by review.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, startLoadedServer, type TestServer } from './running-server.ts';

interface Row {
  id: string;
  reportYear: number | null;
  reviewType: string;
  partnership: string | null;
  harmTypes: { harmType: { id: string } }[];
  agencies: { agency: { id: string } }[];
  themes: { theme: { id: string } }[];
}

const corpusFiles = readdirSync(CORPUS.dir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => join(CORPUS.dir, f));

describe(`one case filter everywhere, over ${CORPUS.name}`, () => {
  let api: TestServer;
  let all: Row[];
  const themesOf = (r: Row) => r.themes.map((t) => t.theme.id);
  const harmsOf = (r: Row) => r.harmTypes.map((t) => t.harmType.id);
  const agenciesOf = (r: Row) => r.agencies.map((t) => t.agency.id);
  const ids = (rows: Row[]) => rows.map((r) => r.id).sort();

  beforeAll(async () => {
    api = await startLoadedServer(corpusFiles);
    const { data } = await api.gql<{ cases: { edges: { node: Row }[] } }>(`{
      cases(first: 100) { edges { node {
        id reportYear reviewType partnership
        harmTypes { harmType { id } } agencies { agency { id } } themes { theme { id } }
      } } } }`);
    all = data?.cases.edges.map((e) => e.node) ?? [];
  });

  afterAll(async () => {
    await api?.stop();
  });

  async function caseIds(filter: string): Promise<string[]> {
    const { data, errors } = await api.gql<{
      cases: { totalCount: number; edges: { node: { id: string } }[] };
    }>(`{ cases(filter: ${filter}, first: 100) { totalCount edges { node { id } } } }`);
    expect(errors).toBeUndefined();
    expect(data?.cases.totalCount).toBe(data?.cases.edges.length);
    return (data?.cases.edges.map((e) => e.node.id) ?? []).sort();
  }

  it('leaves out of the case list every review carrying a value listed under not', async () => {
    const neglect = all.filter((r) => harmsOf(r).includes('neglect'));
    expect(neglect.length).toBeGreaterThan(0);
    expect(neglect.length).toBeLessThan(all.length);
    expect(await caseIds('{ not: { harmTypes: ["neglect"] } }')).toEqual(
      ids(all.filter((r) => !harmsOf(r).includes('neglect'))),
    );
    const [agency] = agenciesOf(neglect[0] as Row);
    expect(agency).toBeDefined();
    expect(
      await caseIds(`{ harmTypes: ["neglect"], not: { agencies: ["${agency}"], reviewTypes: [NATIONAL] } }`),
    ).toEqual(
      ids(neglect.filter((r) => !agenciesOf(r).includes(agency as string) && r.reviewType !== 'NATIONAL')),
    );
  });

  it('excludes by partnership, named as the reviews name it', async () => {
    const named = all.find((r) => r.partnership !== null)?.partnership;
    expect(named).toBeDefined();
    expect(await caseIds(`{ not: { partnerships: [${JSON.stringify(named)}] } }`)).toEqual(
      ids(all.filter((r) => r.partnership !== named)),
    );
    expect(await caseIds(`{ partnerships: [${JSON.stringify(named)}] }`)).toEqual(
      ids(all.filter((r) => r.partnership === named)),
    );
  });

  it('keeps, drops or isolates reviews with no year as unknownYear says', async () => {
    const undated = all.filter((r) => r.reportYear === null);
    const dated = all.filter((r) => r.reportYear !== null);
    const from = Math.min(...dated.map((r) => r.reportYear ?? 0)) + 1;
    expect(await caseIds('{}')).toEqual(ids(all));
    expect(await caseIds('{ unknownYear: EXCLUDE }')).toEqual(ids(dated));
    expect(await caseIds('{ unknownYear: ONLY }')).toEqual(ids(undated));
    const inRange = dated.filter((r) => (r.reportYear ?? 0) >= from);
    expect(await caseIds(`{ yearFrom: ${from} }`)).toEqual(ids(inRange));
    expect(await caseIds(`{ yearFrom: ${from}, unknownYear: INCLUDE }`)).toEqual(
      ids([...inRange, ...undated]),
    );
    const { errors } = await api.gql(
      `{ cases(filter: { yearFrom: ${from}, unknownYear: ONLY }) { totalCount } }`,
    );
    expect(errors?.[0]?.message).toMatch(/unknownYear ONLY .* cannot be combined with yearFrom\/yearTo/);
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('counts themes over case reviews only, unless the filter lists NATIONAL', async () => {
    const reviews = all.filter((r) => r.reviewType !== 'NATIONAL');
    expect(reviews.length).toBeLessThan(all.length);
    const { data } = await api.gql<{
      themes: { id: string; caseCount: number; cases: { totalCount: number } }[];
      everything: { id: string; caseCount: number }[];
    }>(`{ themes { id caseCount cases(first: 1) { totalCount } }
          everything: themes(filter: { reviewTypes: [SCR, LCSPR, CSPR, NATIONAL, OTHER] }) { id caseCount } }`);
    for (const t of data?.themes ?? []) {
      expect(t.caseCount, t.id).toBe(reviews.filter((r) => themesOf(r).includes(t.id)).length);
      expect(t.cases.totalCount, t.id).toBe(t.caseCount);
    }
    for (const t of data?.everything ?? []) {
      expect(t.caseCount, t.id).toBe(all.filter((r) => themesOf(r).includes(t.id)).length);
    }
    const single = await api.gql<{ theme: { caseCount: number } }>(
      `{ theme(id: "${data?.themes[0]?.id}") { caseCount } }`,
    );
    expect(single.data?.theme.caseCount).toBe(data?.themes[0]?.caseCount);
  });

  it("relates themes, and lists a theme's cases, under the filter given, with not and the population rule", async () => {
    const reviews = all.filter((r) => r.reviewType !== 'NATIONAL');
    const top = reviews
      .flatMap(themesOf)
      .sort()
      .find((t, _i, xs) => xs.indexOf(t) !== xs.lastIndexOf(t));
    expect(top).toBeDefined();
    const theme = top as string;
    const without = 'neglect';
    const { data, errors } = await api.gql<{
      theme: {
        related: { theme: { id: string }; shared: number }[];
        cases: { edges: { node: { id: string } }[] };
      };
      listed: { id: string; caseCount: number; related: { theme: { id: string }; shared: number }[] }[];
    }>(`{
      theme(id: "${theme}") {
        related(limit: 100, filter: { not: { harmTypes: ["${without}"] } }) { theme { id } shared }
        cases(first: 100, filter: { not: { harmTypes: ["${without}"] } }) { edges { node { id } } }
      }
      listed: themes(filter: { not: { harmTypes: ["${without}"] } }) { id caseCount related(limit: 100) { theme { id } shared } }
    }`);
    expect(errors).toBeUndefined();
    const scope = reviews.filter((r) => !harmsOf(r).includes(without) && themesOf(r).includes(theme));
    expect(data?.theme.cases.edges.map((e) => e.node.id).sort()).toEqual(ids(scope));
    const shared = (other: string) => scope.filter((r) => themesOf(r).includes(other)).length;
    for (const r of data?.theme.related ?? []) expect(r.shared, r.theme.id).toBe(shared(r.theme.id));
    const expectedRelated = new Set(scope.flatMap(themesOf).filter((t) => t !== theme));
    expect(data?.theme.related.length).toBe(expectedRelated.size);
    const listed = data?.listed.find((t) => t.id === theme);
    expect(listed?.caseCount).toBe(scope.length);
    expect(listed?.related).toEqual(data?.theme.related);
  });

  it('takes not and unknownYear in the theme network and the statement filters as well', async () => {
    const { data, errors } = await api.gql<{
      themeNetwork: { population: { reviews: number } };
      learning: { totalCount: number };
    }>(`{
      themeNetwork(filter: { not: { harmTypes: ["neglect"] }, unknownYear: EXCLUDE }) { population { reviews } }
      learning(filter: { cases: { not: { harmTypes: ["neglect"] } } }) { totalCount }
    }`);
    expect(errors).toBeUndefined();
    expect(data?.themeNetwork.population.reviews).toBe(
      all.filter(
        (r) => r.reviewType !== 'NATIONAL' && r.reportYear !== null && !harmsOf(r).includes('neglect'),
      ).length,
    );
    expect(data?.learning.totalCount).toBeGreaterThan(0);
  });

  it('names an unknown id under not by its path', async () => {
    const { errors } = await api.gql(
      '{ cases(filter: { not: { themes: ["no-such-theme"] } }) { totalCount } }',
    );
    expect(errors?.[0]?.message).toMatch(/^filter\.not\.themes: unknown id "no-such-theme"/);
  });
});
