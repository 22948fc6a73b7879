/** Abuse limits and error hygiene, over HTTP against the sample corpus. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_CORPUS_DIR } from '../../../ingest/sample/index.ts';
import { startLoadedServer, type TestServer } from './running-server.ts';

function nestedQuery(levels: number): string {
  // case -> themes -> theme -> cases -> edges -> node -> themes -> ... : each repetition adds five levels.
  let inner = 'id';
  for (let depth = 0; depth < levels; depth += 5)
    inner = `themes { theme { cases { edges { node { ${inner} } } } } }`;
  return `{ cases(first: 1) { edges { node { ${inner} } } } }`;
}

describe('query limits', () => {
  let api: TestServer;

  beforeAll(async () => {
    api = await startLoadedServer([SAMPLE_CORPUS_DIR]);
  });

  afterAll(async () => {
    await api?.stop();
  });

  async function stillAnswers(): Promise<void> {
    const { data } = await api.gql<{ stats: { cases: number } }>('{ stats { cases } }');
    expect(data?.stats.cases).toBeGreaterThan(0);
  }

  it('refuses a query nested 30 levels deep, and keeps answering', async () => {
    const result = await api.gql(nestedQuery(30));
    expect(result.status).toBe(400);
    expect(result.data).toBeUndefined();
    expect(result.errors?.map((e) => e.message)).toContain(
      "ask for fewer nested levels: this query is 34 levels deep, more than the 12 allowed; take what is deeper in a second query (for example case(id) for a review's links)",
    );
    await stillAnswers();
  });

  it('accepts a query within the depth limit', async () => {
    const result = await api.gql(nestedQuery(5));
    expect(result.errors).toBeUndefined();
  });

  it('refuses 1,000 aliases, and keeps answering', async () => {
    const fields = Array.from({ length: 1000 }, (_, i) => `a${i}: stats { cases }`).join(' ');
    const result = await api.gql(`{ ${fields} }`);
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.message).toMatch(/token limit|aliases limit/i);
    await stillAnswers();
  });

  it('refuses 31 aliases by the alias limit', async () => {
    const fields = Array.from({ length: 31 }, (_, i) => `a${i}: stats { cases }`).join(' ');
    const result = await api.gql(`{ ${fields} }`);
    expect(result.status).toBe(400);
    expect(result.errors).toEqual([
      {
        message:
          'send fewer aliased fields per request: this query has 31 aliases, more than the 30 allowed; split it into requests of 30 or fewer',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
    ]);
  });

  it('refuses a query over the cost limit, saying which first to lower, to what, and what it costs', async () => {
    const small = await api.sibling({ limits: { ...api.config.limits, maxCost: 2000 } });
    const query = '{ cases(first: 100) { edges { node { id title themes { theme { id label } } } } } }';
    const result = await small.gql(query);
    expect(result.status).toBe(400);
    const message = result.errors?.[0]?.message ?? '';
    const [, path, allowed, cost, max] =
      /^lower `first` on (\S+) to ≤ (\d+) or ask for fewer nested fields; this query costs (\d+) of the (\d+) allowed$/.exec(
        message,
      ) ?? [];
    expect({ path, max }).toEqual({ path: 'cases', max: '2000' });
    expect(Number(cost)).toBeGreaterThan(2000);
    // The advice is right: at that first the query passes, one more and it is refused again.
    const at = (first: number) => small.gql(query.replace('first: 100', `first: ${first}`));
    expect((await at(Number(allowed))).errors).toBeUndefined();
    expect((await at(Number(allowed) + 1)).errors?.[0]?.message).toMatch(
      /this query costs \d+ of the 2000 allowed$/,
    );
  });

  it('caps first at 100 with a message that says how to page', async () => {
    const result = await api.gql('{ cases(first: 101) { totalCount } }');
    expect(result.errors?.[0]).toMatchObject({
      message: 'first must be between 0 and 100 (got 101); fetch more with after: pageInfo.endCursor',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('caps maxHops at 6', async () => {
    const result = await api.gql(
      '{ connections(from: "Theme:information-sharing", to: "HarmType:neglect", maxHops: 7) { length } }',
    );
    expect(result.errors?.[0]).toMatchObject({
      message: 'maxHops must be between 1 and 6 (got 7)',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('explains a malformed node id and a foreign cursor', async () => {
    const badId = await api.gql('{ neighbourhood(id: "Nowhere:information-sharing") { nodes { id } } }');
    expect(badId.errors?.[0]?.message).toMatch(/^id: no node has the id "Nowhere:information-sharing"/);
    const badCursor = await api.gql('{ cases(after: "bm90LWEtY3Vyc29y") { totalCount } }');
    expect(badCursor.errors?.[0]?.message).toMatch(/is not a cursor of this list/);
  });

  it('refuses a shallow query that fans out to too many cases, once, and keeps answering', async () => {
    const small = await api.sibling({ limits: { ...api.config.limits, maxItems: 50, maxDetails: 5 } });
    const fanOut = await small.gql(
      '{ cases(first: 20) { edges { node { themes { theme { cases(first: 20) { edges { node { id } } } } } } } } }',
    );
    expect(fanOut.errors).toHaveLength(1);
    expect(fanOut.errors?.[0]).toMatchObject({
      message:
        'lower `first` on the lists inside other lists (each is listed once per item around it) or page with `after`; this query lists more than the 50 cases and statements allowed in one request',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const details = await small.gql('{ cases(first: 10) { edges { node { learning { text } } } } }');
    expect(details.errors?.[0]?.message).toBe(
      'lower `first` on the case list to ≤ 5, or ask for links, statements and sources of fewer cases (case(id) reads one); this query reads the details of more than the 5 cases allowed in one request',
    );
    const fine = await small.gql<{ cases: { edges: unknown[] } }>(
      '{ cases(first: 5) { edges { node { learning { text } } } } }',
    );
    expect(fine.errors).toBeUndefined();
    expect(fine.data?.cases.edges).toHaveLength(5);
  });

  it('returns null for an unknown case rather than an error', async () => {
    const result = await api.gql<{ case: null }>('{ case(id: "no-such-case") { id } }');
    expect(result).toMatchObject({ status: 200, data: { case: null } });
    expect(result.errors).toBeUndefined();
  });

  it('masks an unexpected failure without leaking a stack trace, and /healthz turns 503', async () => {
    const broken = await startLoadedServer([SAMPLE_CORPUS_DIR]);
    try {
      await broken.store.close();
      const result = await broken.gql('{ case(id: "anything") { id } }');
      const error = result.errors?.[0];
      expect(
        error?.message === 'Unexpected error.' || error?.extensions?.code === 'SERVICE_UNAVAILABLE',
      ).toBe(true);
      expect(JSON.stringify(result)).not.toMatch(/\bat .*\.ts:\d+|stack/);
      const health = await fetch(`${broken.url}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.json()).toEqual({ ok: false });
    } finally {
      await broken.stop().catch(() => undefined);
    }
  });
});
