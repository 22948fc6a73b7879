/**
 * Recommendation answers over HTTP on the real embedded engine: the hand-worked corpus of
 * tests/unit/server/recommendation-fixture.ts loaded as two documents, each answer checked against the
 * hand-worked figures and against a brute-force computation over the raw recommendations the API lists
 * per case (read through store.caseDetail, a path that shares no code with the answers).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../../graph/embedded/store.ts';
import type { SourceBatch } from '../../../graph/records.ts';
import type { GraphStore, RecommendationRow } from '../../../graph/store.ts';
import { type RunningServer, startServer } from '../../../server/http/app.ts';
import { buildBatch, TAXONOMY } from '../../fixtures/batches.ts';
import {
  bruteGroups,
  bruteMatrix,
  caseRecord,
  type FixtureReview,
  RECOMMENDATIONS,
  REVIEWS,
} from '../../unit/server/recommendation-fixture.ts';
import { testConfig } from './running-server.ts';

function documentOf(path: string, reviews: FixtureReview[]): SourceBatch {
  const lines: string[] = [];
  const cases = reviews.map((r) => {
    const heading = `Review of ${r.title} (${r.id})`;
    const harm = `In the case of ${r.title} the harm was neglect.`;
    const recommendations = RECOMMENDATIONS.filter((x) => x.review === r.id);
    lines.push(heading, ...(r.harmTypes.length > 0 ? [harm] : []), ...recommendations.map((x) => x.text));
    return {
      review: caseRecord(r),
      heading,
      harmTypes: r.harmTypes.map((id) => [id, harm] as const),
      recommendations: recommendations.map(({ text, agencies, themes }) => ({ text, agencies, themes })),
    };
  });
  return buildBatch({
    path,
    title: `Fixture ${path}`,
    publisher: 'Fictional Review Library',
    published: '2024-01',
    format: 'txt',
    kind: 'repository-bulletin',
    text: `${lines.join('\n')}\n`,
    cases,
  });
}

interface Ask {
  id: string;
  text: string;
  review: { id: string; title: string; year: number | null };
  agencies: { id: string }[];
  themes: { id: string }[];
  evidence: { sourceId: string; quote: string; start: number; end: number; unit: string };
}

const ASK = `id text review { id title year } agencies { id } themes { id }
  evidence { sourceId quote start end unit }`;
const COUNTS = 'recommendationCount reviewCount firstYear lastYear unknownYearCount';
const ALL_TYPES = { reviewTypes: ['LCSPR', 'SCR', 'NATIONAL'] };

describe('recommendation answers through GraphQL on the embedded engine', () => {
  let dir: string;
  let store: GraphStore;
  let server: RunningServer;
  let raw: RecommendationRow[];
  const yearOf = (id: string) => REVIEWS.find((r) => r.id === id)?.year ?? null;

  async function gql<T>(query: string, variables: Record<string, unknown> = {}) {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: T; errors?: { message: string }[] };
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'threadline-recommendations-'));
    store = await openEmbeddedStore({ path: join(dir, 'db') });
    await store.ensureSchema();
    await store.upsertTaxonomy(TAXONOMY);
    const national = REVIEWS.filter((r) => r.reviewType === 'NATIONAL');
    await store.loadSources([
      documentOf(
        'fixture/reviews.txt',
        REVIEWS.filter((r) => r.reviewType !== 'NATIONAL'),
      ),
      documentOf('fixture/national.txt', national),
    ]);
    server = await startServer({ store, config: testConfig(), log: () => undefined });
    raw = [];
    for (const r of REVIEWS) {
      const { data } = await gql<{
        case: {
          title: string;
          recommendations: {
            id: string;
            text: string;
            sourceId: string;
            start: number;
            end: number;
            targets: { agency: { id: string } }[];
            themes: { theme: { id: string } }[];
          }[];
        };
      }>(
        `query($id: ID!) { case(id: $id) { title recommendations { id text sourceId start end
          targets { agency { id } } themes { theme { id } } } } }`,
        { id: r.id },
      );
      for (const x of data?.case.recommendations ?? [])
        raw.push({
          id: x.id,
          text: x.text,
          sourceId: x.sourceId,
          start: x.start,
          end: x.end,
          caseId: r.id,
          caseTitle: data?.case.title ?? '',
          agencies: [...new Set(x.targets.map((t) => t.agency.id))].sort(),
          themes: [...new Set(x.themes.map((t) => t.theme.id))].sort(),
        });
    }
  });

  afterAll(async () => {
    await server?.close();
    await store?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const caseRows = () => raw.filter((r) => !r.caseId.startsWith('national'));

  it('lists every fixture recommendation as a raw row', () => {
    expect(raw).toHaveLength(RECOMMENDATIONS.length);
  });

  it('answers the matrix as worked out by hand and as counted afresh from the raw rows', async () => {
    for (const [filter, rows] of [
      [null, caseRows()],
      [ALL_TYPES, raw],
      [
        { harmTypes: ['neglect'] },
        raw.filter((r) => ['dunhollow-child-d', 'elmstead-2018-child-e'].includes(r.caseId)),
      ],
    ] as const) {
      const { data, errors } = await gql<{
        recommendationMatrix: {
          population: { reviews: number; excluded: { national: number } };
          total: Record<string, number | null>;
          rows: ({ agency: { id: string } | null; noneNamed: boolean } & Record<string, unknown>)[];
          columns: ({ theme: { id: string } | null; noneNamed: boolean } & Record<string, unknown>)[];
          cells: ({ agency: { id: string } | null; theme: { id: string } | null } & Record<
            string,
            unknown
          >)[];
        };
      }>(
        `query($filter: CaseFilter) { recommendationMatrix(filter: $filter) {
          population { reviews excluded { national } } total { ${COUNTS} }
          rows { agency { id } noneNamed ${COUNTS} } columns { theme { id } noneNamed ${COUNTS} }
          cells { agency { id } theme { id } ${COUNTS} } } }`,
        { filter },
      );
      expect(errors).toBeUndefined();
      const m = data?.recommendationMatrix;
      const brute = bruteMatrix([...rows], yearOf);
      const view = (t: Record<string, unknown>) => [
        t.recommendationCount,
        t.reviewCount,
        t.firstYear,
        t.lastYear,
      ];
      const tally = (t: {
        recommendations: number;
        reviews: number;
        firstYear: number | null;
        lastYear: number | null;
      }) => [t.recommendations, t.reviews, t.firstYear, t.lastYear];
      const sorted = (xs: unknown[]) => xs.map((x) => JSON.stringify(x)).sort();
      expect(view(m?.total ?? {})).toEqual(tally(brute.total));
      expect(
        sorted(m?.cells.map((c) => [c.agency?.id ?? null, c.theme?.id ?? null, ...view(c)]) ?? []),
      ).toEqual(sorted(brute.cells.map((c) => [c.agency, c.theme, ...tally(c)])));
      expect(sorted(m?.rows.map((r) => [r.agency?.id ?? null, ...view(r)]) ?? [])).toEqual(
        sorted(brute.agencies.map((l) => [l.id, ...tally(l)])),
      );
      expect(sorted(m?.columns.map((c) => [c.theme?.id ?? null, ...view(c)]) ?? [])).toEqual(
        sorted(brute.themes.map((l) => [l.id, ...tally(l)])),
      );
      for (const r of m?.rows ?? []) expect(r.noneNamed).toBe(r.agency === null);
    }
  });

  it('says what is asked of health visiting, by theme, and opens each cell to its sentences', async () => {
    const { data, errors } = await gql<{
      recommendationMatrix: {
        rows: { agency: { id: string } | null; recommendationCount: number }[];
        cells: {
          theme: { id: string } | null;
          recommendationCount: number;
          reviewCount: number;
          years: { year: number; recommendationCount: number }[];
          recommendations: { totalCount: number; edges: { node: Ask }[] };
        }[];
      };
    }>(`{ recommendationMatrix(agencies: ["health-visiting"]) {
      rows { agency { id } recommendationCount }
      cells { theme { id } recommendationCount reviewCount years { year recommendationCount }
        recommendations(first: 10) { totalCount edges { node { ${ASK} } } } } } }`);
    expect(errors).toBeUndefined();
    const m = data?.recommendationMatrix;
    expect(m?.rows).toEqual([{ agency: { id: 'health-visiting' }, recommendationCount: 4 }]);
    const family = m?.cells.find((c) => c.theme?.id === 'think-family');
    expect(family).toMatchObject({ recommendationCount: 4, reviewCount: 4 });
    expect(family?.years.map((y) => y.year)).toEqual([2018, 2019, 2020, 2021]);
    const asks = family?.recommendations.edges.map((e) => e.node) ?? [];
    expect(asks.map((a) => a.review.id)).toEqual([
      'alderford-2021-child-a',
      'birchmoor-2020-child-b',
      'cobbleton-2019-child-c',
      'elmstead-2018-child-e',
    ]);
    const sources = await gql<{ sources: { id: string; text: string }[] }>('{ sources { id text } }');
    const texts = new Map(sources.data?.sources.map((x) => [x.id, x.text]));
    for (const a of asks) {
      expect(texts.get(a.evidence.sourceId)?.slice(a.evidence.start, a.evidence.end)).toBe(a.evidence.quote);
      expect(a.evidence.quote).toBe(a.text);
      expect(a.evidence.unit).toBe('UTF16_CODE_UNITS');
    }
  });

  it('pages a cell with recommendationsFor, including the none-named row', async () => {
    const page = async (variables: Record<string, unknown>) =>
      (
        await gql<{
          recommendationsFor: {
            totalCount: number;
            edges: { cursor: string; node: Ask }[];
            pageInfo: { hasNextPage: boolean; endCursor: string | null };
          };
        }>(
          `query($agency: ID, $noAgency: Boolean, $theme: ID, $noTheme: Boolean, $after: String, $filter: CaseFilter) {
            recommendationsFor(agency: $agency, noAgency: $noAgency, theme: $theme, noTheme: $noTheme,
              filter: $filter, first: 2, after: $after) {
              totalCount edges { cursor node { ${ASK} } } pageInfo { hasNextPage endCursor } } }`,
          variables,
        )
      ).data?.recommendationsFor;
    const first = await page({ agency: 'health-visiting', theme: 'think-family' });
    expect(first?.totalCount).toBe(4);
    expect(first?.pageInfo.hasNextPage).toBe(true);
    const second = await page({
      agency: 'health-visiting',
      theme: 'think-family',
      after: first?.pageInfo.endCursor,
    });
    const ids = [...(first?.edges ?? []), ...(second?.edges ?? [])].map((e) => e.node.id);
    const expected = raw
      .filter((r) => r.agencies.includes('health-visiting') && r.themes.includes('think-family'))
      .filter((r) => !r.caseId.startsWith('national'));
    expect(new Set(ids)).toEqual(new Set(expected.map((r) => r.id)));
    expect(second?.pageInfo.hasNextPage).toBe(false);
    const none = await page({ noAgency: true });
    expect(none?.edges.map((e) => e.node.text)).toEqual(['Schools should hear the voice of the child.']);
    const noTheme = await page({ noTheme: true, filter: ALL_TYPES });
    expect(noTheme?.edges.map((e) => e.node.agencies.map((a) => a.id))).toEqual([['police']]);
  });

  it('refuses a cell named two ways, and ids it does not know', async () => {
    const both = await gql('{ recommendationsFor(agency: "gp", noAgency: true) { totalCount } }');
    expect(both.errors?.[0]?.message).toMatch(/agency or noAgency/);
    const unknown = await gql(
      '{ recommendationMatrix(agencies: ["lighthouse-keepers"]) { total { recommendationCount } } }',
    );
    expect(unknown.errors?.[0]?.message).toMatch(/unknown id "lighthouse-keepers"/);
  });

  it('groups recurring asks as worked out by hand and as every pair compared on the raw rows', async () => {
    for (const [filter, rows] of [
      [null, caseRows()],
      [ALL_TYPES, raw],
    ] as const) {
      for (const minReviews of [1, 2]) {
        const { data, errors } = await gql<{
          recurringRecommendations: {
            totalCount: number;
            threshold: number;
            similarity: string;
            edges: {
              node: {
                representative: string;
                reviewCount: number;
                reviews: { id: string; year: number | null }[];
                agencies: { agency: { id: string }; recommendationCount: number }[];
                recommendations: { edges: { node: { id: string } }[] };
              };
            }[];
          };
        }>(
          `query($filter: CaseFilter, $minReviews: Int) { recurringRecommendations(filter: $filter,
            minReviews: $minReviews, first: 10) { totalCount threshold similarity
            edges { node { representative reviewCount reviews { id year }
              agencies { agency { id } recommendationCount }
              recommendations(first: 10) { edges { node { id } } } } } } }`,
          { filter, minReviews },
        );
        expect(errors).toBeUndefined();
        const answer = data?.recurringRecommendations;
        expect(answer?.threshold).toBe(0.6);
        expect(answer?.similarity).toMatch(/Jaccard/);
        const groups = answer?.edges.map((e) => e.node.recommendations.edges.map((x) => x.node.id).sort());
        expect(groups).toEqual(bruteGroups(raw, [...rows], minReviews));
        expect(answer?.totalCount).toBe(groups?.length);
      }
    }
    const { data } = await gql<{
      recurringRecommendations: { edges: { node: { representative: string; reviewCount: number } }[] };
    }>('{ recurringRecommendations { edges { node { representative reviewCount } } } }');
    expect(data?.recurringRecommendations.edges.map((e) => e.node)).toEqual([
      { representative: 'Health visitors should ask about domestic abuse at every contact.', reviewCount: 3 },
      {
        representative: "GPs should share concerns about neglect with children's social care.",
        reviewCount: 2,
      },
    ]);
  });

  it("answers the README's question in one query, within the API's cost limits", async () => {
    const { data, errors } = await gql<{
      recommendationMatrix: { cells: { recommendations: { edges: unknown[] } }[] };
      recurringRecommendations: { totalCount: number };
    }>(`query AskedOfHealthVisiting {
      recommendationMatrix(filter: { yearFrom: 2015 }, agencies: ["health-visiting"]) {
        population { reviews excluded { national } }
        rows { agency { label } recommendationCount reviewCount }
        cells { theme { label } recommendationCount reviewCount firstYear lastYear
                years { year recommendationCount }
                recommendations(first: 5) { edges { node {
                  text review { title year } evidence { sourceId quote start end unit } } } } }
      }
      recurringRecommendations(filter: { yearFrom: 2015 }, first: 10) {
        totalCount
        edges { node { representative reviewCount firstYear lastYear
                       reviews(first: 5) { title year }
                       agencies { agency { label } recommendationCount }
                       themes { theme { label } recommendationCount } } }
      }
    }`);
    expect(errors).toBeUndefined();
    expect(data?.recommendationMatrix.cells.length).toBe(2);
    expect(data?.recurringRecommendations.totalCount).toBe(1);
  });

  it('exports the same answers as CSV under the same filter', async () => {
    const matrix = await fetch(`${server.url}/export/recommendation-matrix.csv?harmTypes=neglect`);
    expect(matrix.status).toBe(200);
    const lines = (await matrix.text()).trim().split('\r\n');
    expect(lines[0]).toBe(
      'kind,agency_id,agency_label,theme_id,theme_label,recommendations,reviews,first_year,last_year,unknown_year_recommendations,recommendations_by_year',
    );
    expect(lines).toContain('cell,gp,GP,information-sharing,Information sharing,2,2,2018,2018,1,2018:1');
    expect(lines.at(-1)).toBe('total,,,,,3,2,2018,2018,1,2018:2');
    const all = (await (await fetch(`${server.url}/export/recommendation-matrix.csv`)).text()).split('\r\n');
    expect(all).toContain('cell,,(none named),voice-of-the-child,Voice of the child,1,1,2021,2021,0,2021:1');
    expect(all).toContain('cell,police,Police,,(none named),1,1,2020,2020,0,2020:1');
    expect(all).toContain('agency,,(none named),,,1,1,2021,2021,0,2021:1');
    const recurring = await fetch(
      `${server.url}/export/recurring-recommendations.csv?reviewTypes=LCSPR,SCR,NATIONAL`,
    );
    expect(recurring.status).toBe(200);
    const rows = (await recurring.text()).trim().split('\r\n');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toMatch(
      /^1,[^,]+,Health visitors should ask about domestic abuse at every contact\.,4,4,2,2019,2022,Health visiting \(4\); GP \(1\),/,
    );
    const bad = await fetch(`${server.url}/export/recurring-recommendations.csv?agencies=lighthouse-keepers`);
    expect(bad.status).toBe(400);
  });
});
