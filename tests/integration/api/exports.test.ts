/**
 * The tidy exports and the full graph, over HTTP on the seed documents (the bundled sample without them) in
 * the real embedded engine: each file parsed back and compared with what the GraphQL API answers for the
 * same filter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseStrictXml } from '../../unit/server/well-formed-xml.ts';
import { readCsv } from './read-csv.ts';
import { CORPUS, corpusFiles, startLoadedServer, type TestServer } from './running-server.ts';

interface Evidence {
  quote: string;
  sourceId: string;
  start: number;
  end: number;
}

interface Case {
  id: string;
  title: string;
  reviewType: string;
  partnership: string | null;
  reportYear: number | null;
  outcome: string | null;
  harmTypes: { harmType: { id: string }; evidence: Evidence }[];
  agencies: { agency: { id: string }; evidence: Evidence }[];
  themes: { theme: { id: string }; evidence: Evidence }[];
  learning: { text: string }[];
  recommendations: { text: string }[];
  sources: { id: string }[];
}

const files = corpusFiles();

/** One filter, in both forms. */
const FILTER_GQL = '{ not: { harmTypes: ["neglect"] }, unknownYear: EXCLUDE }';
const FILTER_QS = 'not.harmTypes=neglect&unknownYear=EXCLUDE';

describe(`tidy exports and the full graph, against the API, over ${CORPUS.name}`, () => {
  let api: TestServer;
  let cases: Case[];
  /** How many reviews the case list gives with no filter at all. */
  let unfiltered: number;

  beforeAll(async () => {
    api = await startLoadedServer(files);
    const { data, errors } = await api.gql<{
      cases: { totalCount: number; edges: { node: { id: string } }[] };
      everything: { totalCount: number };
    }>(`{ cases(filter: ${FILTER_GQL}, first: 100) { totalCount edges { node { id } } }
          everything: cases { totalCount } }`);
    expect(errors).toBeUndefined();
    unfiltered = data?.everything.totalCount ?? 0;
    const ids = data?.cases.edges.map((e) => e.node.id) ?? [];
    const detail = await api.gql<{ casesByIds: Case[] }>(
      `query($ids: [ID!]!) { casesByIds(ids: $ids) {
        id title reviewType partnership reportYear outcome
        harmTypes { harmType { id } evidence { quote sourceId start end } }
        agencies { agency { id } evidence { quote sourceId start end } }
        themes { theme { id } evidence { quote sourceId start end } }
        learning { text } recommendations { text } sources { id } } }`,
      { ids },
    );
    cases = detail.data?.casesByIds ?? [];
    expect(cases.length).toBe(ids.length);
  });

  afterAll(async () => {
    await api?.stop();
  });

  async function file(name: string, query = FILTER_QS): Promise<string> {
    const response = await fetch(`${api.url}/export/${name}?${query}`);
    expect(response.status, name).toBe(200);
    return response.text();
  }

  it('lists in reviews.csv the reviews the case list gives for the same filter, in its order, with every field', async () => {
    const rows = readCsv(await file('reviews.csv'));
    expect(cases.length).toBeGreaterThan(3);
    expect(cases.length, 'the filter leaves some reviews out').toBeLessThan(unfiltered);
    expect(rows.map((r) => r.id)).toEqual(cases.map((c) => c.id));
    const sorted = (ids: string[]) => [...new Set(ids)].sort().join(';');
    for (const [i, c] of cases.entries()) {
      const row = rows[i];
      expect(row?.title).toBe(c.title.replace(/^([=+\-@\t\r])/, "'$1"));
      expect(row?.review_type).toBe(c.reviewType);
      expect(row?.partnership).toBe(c.partnership ?? '');
      expect(row?.report_year).toBe(String(c.reportYear));
      expect(row?.harm_types).toBe(sorted(c.harmTypes.map((h) => h.harmType.id)));
      expect(row?.harm_types?.split(';')).not.toContain('neglect');
      expect(row?.agencies).toBe(sorted(c.agencies.map((a) => a.agency.id)));
      expect(row?.themes).toBe(sorted(c.themes.map((t) => t.theme.id)));
      expect(row?.sources).toBe(sorted(c.sources.map((s) => s.id)));
    }
  });

  it('gives in links.csv one row per evidence-bearing link the case detail shows', async () => {
    const rows = readCsv(await file('links.csv'));
    const key = (review: string, kind: string, target: string, e: Evidence) =>
      JSON.stringify([review, kind, target, e.sourceId, e.start, e.end, e.quote]);
    const expected = cases.flatMap((c) => [
      ...c.harmTypes.map((l) => key(c.id, 'harm_type', l.harmType.id, l.evidence)),
      ...c.agencies.map((l) => key(c.id, 'agency', l.agency.id, l.evidence)),
      ...c.themes.map((l) => key(c.id, 'theme', l.theme.id, l.evidence)),
    ]);
    const found = rows.map((r) =>
      key(r.review ?? '', r.kind ?? '', r.target ?? '', {
        sourceId: r.source ?? '',
        start: Number(r.start),
        end: Number(r.end),
        quote: (r.quote ?? '').replace(/^'([=+\-@\t\r])/, '$1'),
      }),
    );
    expect(found.length).toBeGreaterThan(cases.length);
    expect(found.sort()).toEqual(expected.sort());
  });

  it('gives in statements.csv the learning and recommendations the API lists for the same filter', async () => {
    const rows = readCsv(await file('statements.csv'));
    const { data } = await api.gql<{
      learning: { totalCount: number };
      recommendations: { totalCount: number };
    }>(
      `{ learning(filter: { cases: ${FILTER_GQL} }) { totalCount }
         recommendations(filter: { cases: ${FILTER_GQL} }) { totalCount } }`,
    );
    const learning = rows.filter((r) => r.kind === 'learning');
    const recommendations = rows.filter((r) => r.kind === 'recommendation');
    expect(learning.length).toBe(data?.learning.totalCount);
    expect(recommendations.length).toBe(data?.recommendations.totalCount);
    expect(learning.length + recommendations.length).toBeGreaterThan(0);
    const ids = new Set(cases.map((c) => c.id));
    for (const r of rows) expect(ids.has(r.review ?? '')).toBe(true);
    const texts = new Set(cases.flatMap((c) => [...c.learning, ...c.recommendations].map((s) => s.text)));
    for (const r of rows) expect(texts.has((r.text ?? '').replace(/^'([=+\-@\t\r])/, '$1'))).toBe(true);
  });

  it('writes a full GraphML with every node kind, and the theme network the API gives as attributes and links', async () => {
    const doc = parseStrictXml(await file('full-graph.graphml'));
    const keyName = new Map(
      Array.from(doc.getElementsByTagName('key')).map((k) => [
        k.getAttribute('id'),
        k.getAttribute('attr.name'),
      ]),
    );
    const attributes = (el: Element) =>
      Object.fromEntries(
        Array.from(el.getElementsByTagName('data')).map((d) => [
          keyName.get(d.getAttribute('key')),
          d.textContent,
        ]),
      );
    const nodes = Array.from(doc.getElementsByTagName('node')).map((n) => ({
      id: n.getAttribute('id') ?? '',
      ...attributes(n),
    }));
    const kinds = new Set(nodes.map((n) => n.kind));
    for (const kind of ['review', 'source', 'harm_type', 'agency', 'theme', 'learning', 'recommendation'])
      expect(kinds, kind).toContain(kind);
    expect(nodes.filter((n) => n.kind === 'review').map((n) => n.id.replace('CaseReview:', ''))).toEqual(
      cases.map((c) => c.id),
    );
    expect(nodes.some((n) => n.id === 'HarmType:neglect')).toBe(false);
    const ids = new Set(nodes.map((n) => n.id));
    const edges = Array.from(doc.getElementsByTagName('edge')).map((e) => ({
      source: e.getAttribute('source') ?? '',
      target: e.getAttribute('target') ?? '',
      ...attributes(e),
    }));
    for (const e of edges) {
      expect(ids.has(e.source), e.source).toBe(true);
      expect(ids.has(e.target), e.target).toBe(true);
    }
    const { data } = await api.gql<{
      themeNetwork: {
        nodes: { id: string; weight: number; degree: number; pageRank: number; community: number | null }[];
        edges: { source: string; target: string; weight: number }[];
      };
    }>(
      `{ themeNetwork(filter: ${FILTER_GQL}) { nodes { id weight degree pageRank community } edges { source target weight } } }`,
    );
    const network = data?.themeNetwork;
    expect(network?.edges.length).toBeGreaterThan(0);
    const cooccurs = edges.filter((e) => e.type === 'CO_OCCURS');
    expect(cooccurs.map((e) => [e.source, e.target, e.weight]).sort()).toEqual(
      (network?.edges ?? []).map((e) => [`Theme:${e.source}`, `Theme:${e.target}`, String(e.weight)]).sort(),
    );
    for (const t of network?.nodes ?? []) {
      const node = nodes.find((n) => n.id === `Theme:${t.id}`);
      expect(node?.reviews, t.id).toBe(String(t.weight));
      expect(node?.degree, t.id).toBe(String(t.degree));
      expect(Number(node?.pagerank), t.id).toBeCloseTo(t.pageRank, 10);
      expect(node?.community, t.id).toBe(t.community === null ? undefined : String(t.community));
    }
    const hasTheme = edges.filter((e) => e.type === 'HAS_THEME');
    expect(hasTheme.length).toBe(
      new Set(cases.flatMap((c) => c.themes.map((t) => `${c.id}|${t.theme.id}`))).size,
    );
  });

  it('writes the same full graph as GEXF 1.3', async () => {
    const graphmlDoc = parseStrictXml(await file('full-graph.graphml'));
    const doc = parseStrictXml(await file('full-graph.gexf'));
    expect(doc.documentElement?.getAttribute('version')).toBe('1.3');
    expect(doc.getElementsByTagName('node').length).toBe(graphmlDoc.getElementsByTagName('node').length);
    expect(doc.getElementsByTagName('edge').length).toBe(graphmlDoc.getElementsByTagName('edge').length);
  });

  it('answers a bad filter parameter in the query string with 400 and the reason', async () => {
    const response = await fetch(`${api.url}/export/reviews.csv?not.themes=no-such-theme`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(
      /not\.themes: unknown id "no-such-theme"/,
    );
  });
});
