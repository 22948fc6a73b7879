/**
 * One id per node: every argument that takes a node accepts the id another query returned for it, plain
 * ('information-sharing') or typed ('Theme:information-sharing'), and node(id) reads any node back as its
 * own type. Over HTTP, against the seed documents (the bundled sample without them).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, corpusFiles, startLoadedServer, type TestServer } from './running-server.ts';

interface GraphNodeRow {
  id: string;
  kind: string;
  key: string;
}

interface Ids {
  theme: string;
  harmType: string;
  agency: string;
  caseId: string;
  learning: string;
  recommendation: string;
  source: string;
}

describe(`node ids over ${CORPUS.name}`, () => {
  let api: TestServer;
  let ids: Ids;

  beforeAll(async () => {
    api = await startLoadedServer(corpusFiles());
    const { data, errors } = await api.gql<{
      themes: { id: string; reviewCount: number }[];
      harmTypes: { id: string; reviewCount: number }[];
      agencies: { id: string; reviewCount: number }[];
      learning: { edges: { node: { id: string; case: { id: string } } }[] };
      recommendations: { edges: { node: { id: string } }[] };
      sources: { id: string }[];
    }>(`{
      themes { id reviewCount } harmTypes { id reviewCount } agencies { id reviewCount }
      learning(first: 1) { edges { node { id case { id } } } }
      recommendations(first: 1) { edges { node { id } } }
      sources { id }
    }`);
    expect(errors).toBeUndefined();
    const used = <T extends { id: string; reviewCount: number }>(rows: T[] | undefined) =>
      rows?.find((r) => r.reviewCount > 0)?.id ?? '';
    const learning = data?.learning.edges[0]?.node;
    ids = {
      theme: used(data?.themes),
      harmType: used(data?.harmTypes),
      agency: used(data?.agencies),
      caseId: learning?.case.id ?? '',
      learning: learning?.id ?? '',
      recommendation: data?.recommendations.edges[0]?.node.id ?? '',
      source: data?.sources[0]?.id ?? '',
    };
    for (const [name, id] of Object.entries(ids)) expect(id, name).not.toBe('');
  });

  afterAll(async () => {
    await api?.stop();
  });

  async function neighbourhood(id: string): Promise<GraphNodeRow[]> {
    const result = await api.gql<{ neighbourhood: { nodes: GraphNodeRow[] } }>(
      'query($id: ID!) { neighbourhood(id: $id) { nodes { id kind key } } }',
      { id },
    );
    expect(result.errors).toBeUndefined();
    return result.data?.neighbourhood.nodes ?? [];
  }

  it('accepts the id a theme query returned as the neighbourhood start', async () => {
    const plain = await neighbourhood(ids.theme);
    expect(plain).toContainEqual({ id: `Theme:${ids.theme}`, kind: 'THEME', key: ids.theme });
    expect(plain.length).toBeGreaterThan(1);
    expect(await neighbourhood(`Theme:${ids.theme}`)).toEqual(plain);
  });

  it('accepts the id a cases query returned, and the id of a statement, as the neighbourhood start', async () => {
    const around = await neighbourhood(ids.caseId);
    expect(around).toContainEqual({ id: `CaseReview:${ids.caseId}`, kind: 'CASE_REVIEW', key: ids.caseId });
    expect(around.map((n) => n.key)).toContain(ids.learning);
    const aroundStatement = await neighbourhood(ids.learning);
    expect(aroundStatement.map((n) => n.key)).toContain(ids.caseId);
  });

  it('accepts the id a neighbourhood node returned as case(id), and gives the plain id back', async () => {
    const node = (await neighbourhood(ids.theme)).find((n) => n.kind === 'CASE_REVIEW');
    expect(node).toBeDefined();
    const result = await api.gql<{ case: { id: string } | null }>(
      'query($id: ID!) { case(id: $id) { id } }',
      {
        id: node?.id,
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.case?.id).toBe(node?.key);
  });

  it('accepts the id a search hit returned as theme(id)', async () => {
    const label = await api.gql<{ theme: { label: string } }>(
      'query($id: ID!) { theme(id: $id) { label } }',
      {
        id: ids.theme,
      },
    );
    const text = label.data?.theme.label ?? '';
    const search = await api.gql<{
      search: { kind: string; id: string; key: string; node: { __typename: string; id: string } | null }[];
    }>('query($text: String!) { search(text: $text) { kind id key node { __typename id } } }', { text });
    const hit = search.data?.search.find((h) => h.kind === 'theme' && h.key === ids.theme);
    expect(hit?.id).toBe(`Theme:${ids.theme}`);
    expect(hit?.node).toEqual({ __typename: 'Theme', id: ids.theme });
    const theme = await api.gql<{ theme: { id: string } | null }>(
      'query($id: ID!) { theme(id: $id) { id } }',
      {
        id: hit?.id,
      },
    );
    expect(theme.errors).toBeUndefined();
    expect(theme.data?.theme?.id).toBe(ids.theme);
  });

  it('accepts a case id from a listing and a harm type id from harmTypes as connections from and to', async () => {
    const harm = await api.gql<{ case: { harmTypes: { harmType: { id: string } }[] } }>(
      'query($id: ID!) { case(id: $id) { harmTypes { harmType { id } } } }',
      { id: ids.caseId },
    );
    const harmTypeId = harm.data?.case.harmTypes[0]?.harmType.id ?? ids.harmType;
    const paths = await api.gql<{ connections: { nodes: GraphNodeRow[] }[] }>(
      'query($from: ID!, $to: ID!) { connections(from: $from, to: $to, maxHops: 4) { nodes { id kind key } } }',
      { from: ids.caseId, to: harmTypeId },
    );
    expect(paths.errors).toBeUndefined();
    const first = paths.data?.connections[0]?.nodes ?? [];
    expect(first[0]?.id).toBe(`CaseReview:${ids.caseId}`);
    expect(first.at(-1)?.id).toBe(`HarmType:${harmTypeId}`);
  });

  it('accepts typed ids in casesByIds, in filters and in the recommendation and trend arguments', async () => {
    const byIds = await api.gql<{ casesByIds: ({ id: string } | null)[] }>(
      'query($ids: [ID!]!) { casesByIds(ids: $ids) { id } }',
      { ids: [`CaseReview:${ids.caseId}`, ids.caseId] },
    );
    expect(byIds.data?.casesByIds).toEqual([{ id: ids.caseId }, { id: ids.caseId }]);

    const count = async (themes: string[]) =>
      (
        await api.gql<{ cases: { totalCount: number } }>(
          'query($themes: [ID!]) { cases(filter: { themes: $themes }) { totalCount } }',
          { themes },
        )
      ).data?.cases.totalCount;
    expect(await count([`Theme:${ids.theme}`])).toBe(await count([ids.theme]));
    expect(await count([ids.theme])).toBeGreaterThan(0);

    const asks = await api.gql<{
      plain: { totalCount: number };
      typed: { totalCount: number };
      matrix: { columns: { theme: { id: string } }[] };
      trends: { themes: { theme: { id: string } }[] };
    }>(
      `query($plain: ID, $typed: ID, $themes: [ID!]) {
        plain: recommendationsFor(theme: $plain) { totalCount }
        typed: recommendationsFor(theme: $typed) { totalCount }
        matrix: recommendationMatrix(themes: $themes) { columns { theme { id } } }
        trends: themeTrends(themes: $themes) { themes { theme { id } } }
      }`,
      { plain: ids.theme, typed: `Theme:${ids.theme}`, themes: [`Theme:${ids.theme}`] },
    );
    expect(asks.errors).toBeUndefined();
    expect(asks.data?.typed.totalCount).toBe(asks.data?.plain.totalCount);
    expect(asks.data?.trends.themes.map((t) => t.theme.id)).toEqual([ids.theme]);
    for (const column of asks.data?.matrix.columns ?? []) expect(column.theme.id).toBe(ids.theme);
  });

  it('reads every kind of node back with node(id), from the plain id and from the typed one', async () => {
    const expected: Array<[keyof Ids, string, string]> = [
      ['theme', 'Theme', 'THEME'],
      ['harmType', 'HarmType', 'HARM_TYPE'],
      ['agency', 'Agency', 'AGENCY'],
      ['caseId', 'CaseReview', 'CASE_REVIEW'],
      ['learning', 'Learning', 'LEARNING'],
      ['recommendation', 'Recommendation', 'RECOMMENDATION'],
      ['source', 'Source', 'SOURCE'],
    ];
    for (const [name, typename, kind] of expected) {
      for (const id of [ids[name], `${typename}:${ids[name]}`]) {
        const result = await api.gql<{ node: { __typename: string; id: string; nodeKind: string } | null }>(
          'query($id: ID!) { node(id: $id) { __typename id nodeKind } }',
          { id },
        );
        expect(result.errors, id).toBeUndefined();
        expect(result.data?.node, id).toEqual({ __typename: typename, id: ids[name], nodeKind: kind });
      }
    }
  });

  it('gives a node’s own fields through node(id) and GraphNode.node', async () => {
    const result = await api.gql<{
      node: { label: string; reviewCount: number };
      neighbourhood: { nodes: { key: string; node: { __typename: string; id: string } | null }[] };
    }>(
      `query($id: ID!) {
        node(id: $id) { ... on Theme { label reviewCount } }
        neighbourhood(id: $id) { nodes { key node { __typename id } } }
      }`,
      { id: ids.theme },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.node.reviewCount).toBeGreaterThan(0);
    for (const n of result.data?.neighbourhood.nodes ?? []) expect(n.node?.id).toBe(n.key);
  });

  it('answers node(id) with null for an id no node has, as case(id) does', async () => {
    const result = await api.gql<{ node: null; case: null }>(
      '{ node(id: "no-such-node") { id } case(id: "no-such-case") { id } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ node: null, case: null });
  });

  it('refuses an unknown plain id as the neighbourhood start, naming the argument', async () => {
    const result = await api.gql('{ neighbourhood(id: "no-such-node") { nodes { id } } }');
    expect(result.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^id: no node has the id "no-such-node"; pass an id a query returned/),
      extensions: { code: 'BAD_USER_INPUT', argument: 'id' },
    });
    const to = await api.gql(
      'query($from: ID!) { connections(from: $from, to: "nothing-here") { length } }',
      { from: ids.theme },
    );
    expect(to.errors?.[0]?.extensions).toMatchObject({ argument: 'to' });
  });

  it('refuses a typed id of the wrong kind, naming the argument and what it takes', async () => {
    const result = await api.gql('query($id: ID!) { case(id: $id) { id } }', { id: `Theme:${ids.theme}` });
    expect(result.errors?.[0]).toMatchObject({
      message: `id: "Theme:${ids.theme}" names a Theme, but id takes a CaseReview`,
      extensions: { code: 'BAD_USER_INPUT', argument: 'id' },
    });
    const filter = await api.gql('query($a: [ID!]) { cases(filter: { themes: $a }) { totalCount } }', {
      a: [`Agency:${ids.agency}`],
    });
    expect(filter.errors?.[0]?.message).toBe(
      `filter.themes: "Agency:${ids.agency}" names an Agency, but filter.themes takes a Theme`,
    );
  });
});
