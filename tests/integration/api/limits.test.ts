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
    expect(result.errors?.map((e) => e.message)).toContain('Query depth limit of 12 exceeded, found 34.');
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
        message: 'Aliases limit of 30 exceeded, found 31.',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
    ]);
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
        'this query lists more than 50 cases and statements in all; ask for fewer with first, or page with after',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const details = await small.gql('{ cases(first: 10) { edges { node { learning { text } } } } }');
    expect(details.errors?.[0]?.message).toMatch(/reads the details of more than 5 cases/);
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
