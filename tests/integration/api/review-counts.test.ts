/**
 * One name for one measure: every type that gives a number of reviews gives it as reviewCount, and the
 * older names still answer the same number. Over HTTP, against the seed documents (the bundled sample
 * without them).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, corpusFiles, startLoadedServer, type TestServer } from './running-server.ts';

type Row = Record<string, unknown>;

/** Every object in `value` (depth first) that has both keys, as [new, old] pairs. */
function pairs(
  value: unknown,
  oldName: string,
  out: Array<[unknown, unknown]> = [],
): Array<[unknown, unknown]> {
  if (Array.isArray(value)) for (const v of value) pairs(v, oldName, out);
  else if (value !== null && typeof value === 'object') {
    const row = value as Row;
    if ('reviewCount' in row && `old_${oldName}` in row) out.push([row.reviewCount, row[`old_${oldName}`]]);
    for (const v of Object.values(row)) pairs(v, oldName, out);
  }
  return out;
}

describe(`reviewCount over ${CORPUS.name}`, () => {
  let api: TestServer;

  beforeAll(async () => {
    api = await startLoadedServer(corpusFiles());
  });

  afterAll(async () => {
    await api?.stop();
  });

  const cases: Array<[string, string, string]> = [
    [
      'caseCount',
      'taxonomy entries and sources',
      `{
      harmTypes { reviewCount old_caseCount: caseCount } agencies { reviewCount old_caseCount: caseCount }
      themes { reviewCount old_caseCount: caseCount } sources { reviewCount old_caseCount: caseCount }
      themeNetwork(minShared: 1, minLift: 0, maxP: 1) { reviewCount old_caseCount: caseCount } }`,
    ],
    [
      'weight',
      'theme network nodes and links',
      `{ themeNetwork(minShared: 1, minLift: 0, maxP: 1) {
      nodes { reviewCount old_weight: weight } edges { reviewCount old_weight: weight } } }`,
    ],
    [
      'shared',
      'related themes and network links',
      `{ themes { related { reviewCount old_shared: shared } }
      themeNetwork(minShared: 1, minLift: 0, maxP: 1) { edges { reviewCount old_shared: shared } } }`,
    ],
    [
      'count',
      'facet values and cohort cells',
      `{ facets { themes { reviewCount old_count: count }
      years { reviewCount old_count: count } }
      compareCohorts(a: { outcome: [DEATH] }) { features { a { reviewCount old_count: count } b { reviewCount old_count: count } } } }`,
    ],
    [
      'reviews',
      'populations, communities and trends',
      `{ themeCommunities { population { reviewCount old_reviews: reviews }
      communities { reviewCount old_reviews: reviews } }
      themeTrends { themes { reviewCount old_reviews: reviews years { reviewCount old_reviews: reviews } } } }`,
    ],
    ['cases', 'stats', '{ stats { reviewCount old_cases: cases } }'],
  ];

  for (const [oldName, where, query] of cases) {
    it(`gives ${where} a reviewCount equal to the deprecated ${oldName}`, async () => {
      const result = await api.gql(query);
      expect(result.errors).toBeUndefined();
      const found = pairs(result.data, oldName);
      expect(found.length).toBeGreaterThan(0);
      expect(found.some(([count]) => typeof count === 'number' && count > 0)).toBe(true);
      for (const [count, old] of found) expect(count).toBe(old);
    });
  }

  it('marks each older name deprecated in favour of reviewCount', async () => {
    const result = await api.gql<{
      __schema: {
        types: { name: string; fields: { name: string; deprecationReason: string | null }[] | null }[];
      };
    }>('{ __schema { types { name fields(includeDeprecated: true) { name deprecationReason } } } }');
    const deprecated = (result.data?.__schema.types ?? []).flatMap((t) =>
      (t.fields ?? [])
        .filter((f) => f.deprecationReason === 'Use reviewCount.')
        .map((f) => `${t.name}.${f.name}`),
    );
    expect(deprecated).toEqual(
      expect.arrayContaining([
        'Agency.caseCount',
        'HarmType.caseCount',
        'Theme.caseCount',
        'Source.caseCount',
        'ThemeNetwork.caseCount',
        'ThemeNode.weight',
        'ThemeEdge.weight',
        'ThemeEdge.shared',
        'RelatedTheme.shared',
        'FacetValue.count',
        'CohortCell.count',
        'Population.reviews',
        'Stats.cases',
        'IngestResult.cases',
      ]),
    );
    for (const name of deprecated) {
      const type = result.data?.__schema.types.find((t) => t.name === name.split('.')[0]);
      expect(
        type?.fields?.map((f) => f.name),
        name,
      ).toContain('reviewCount');
    }
  });
});
