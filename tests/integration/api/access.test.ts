/** API and admin tokens, and writes through the API (ingestDocument, removeSource), over HTTP. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_CORPUS_DIR } from '../../../ingest/sample/index.ts';
import { startLoadedServer, type TestServer } from './running-server.ts';

const API_TOKEN = 'reader-token-for-tests-0001';
const ADMIN_TOKEN = 'admin-token-for-tests-0002';
const asReader = { authorization: `Bearer ${API_TOKEN}` };
const asAdmin = { authorization: `Bearer ${ADMIN_TOKEN}` };

const sampleFiles = readdirSync(SAMPLE_CORPUS_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const [heldBack, ...preloaded] = sampleFiles;
const heldBackText = readFileSync(join(SAMPLE_CORPUS_DIR, heldBack ?? ''), 'utf8');

const INGEST = `mutation($filename: String!, $text: String) {
  ingestDocument(filename: $filename, text: $text) { filename status sourceId cases warnings error } }`;

interface IngestResult {
  filename: string;
  status: string;
  sourceId: string | null;
  cases: number;
  error: string | null;
}

describe('tokens and writes', () => {
  let api: TestServer;
  let open: TestServer;

  beforeAll(async () => {
    api = await startLoadedServer(
      preloaded.map((f) => join(SAMPLE_CORPUS_DIR, f)),
      { apiToken: API_TOKEN, adminToken: ADMIN_TOKEN },
    );
    open = await api.sibling({});
  });

  afterAll(async () => {
    await api?.stop();
  });

  const caseCount = async () =>
    (
      await api.gql<{ stats: { cases: number; sources: number } }>(
        '{ stats { cases sources } }',
        {},
        asReader,
      )
    ).data?.stats;

  it('answers 401 with a JSON message when the API token is missing or wrong', async () => {
    const attempts: Record<string, string>[] = [{}, { authorization: 'Bearer not-the-token' }];
    for (const headers of attempts) {
      const response = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: '{ stats { cases } }' }),
      });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        error: 'unauthorized',
        message:
          'This server requires an API token: send THREADLINE_API_TOKEN as "Authorization: Bearer <token>"',
      });
    }
    expect((await fetch(`${api.url}/export/themes.csv`)).status).toBe(401);
    expect((await fetch(`${api.url}/export/themes.csv`, { headers: asReader })).status).toBe(200);
  });

  it('keeps /healthz and the GraphiQL page open without a token, /healthz saying only ok', async () => {
    const health = await fetch(`${api.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
    const detailed = await fetch(`${api.url}/healthz`, { headers: asReader });
    expect(await detailed.json()).toMatchObject({ ok: true, engine: 'embedded', reachable: true });
    const graphiql = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(graphiql.status).toBe(200);
    expect(await graphiql.text()).toContain('Threadline GraphQL');
  });

  it('accepts the admin token for reads too, and says writes are possible', async () => {
    const result = await api.gql<{ capabilities: { writable: boolean; maxFirst: number; maxHops: number } }>(
      '{ capabilities { engine writable maxFirst maxHops } }',
      {},
      asAdmin,
    );
    expect(result.data?.capabilities).toEqual({
      engine: 'embedded',
      writable: true,
      maxFirst: 100,
      maxHops: 6,
    });
  });

  it('refuses writes presented with the reader token', async () => {
    const result = await api.gql(INGEST, { filename: 'x.txt', text: heldBackText }, asReader);
    expect(result.errors?.[0]).toMatchObject({
      message:
        'This write needs the admin token: send THREADLINE_ADMIN_TOKEN as "Authorization: Bearer <token>"',
      extensions: { code: 'FORBIDDEN' },
    });
    expect(await caseCount()).toMatchObject({ sources: preloaded.length });
  });

  it('refuses every write when no admin token is configured, and says how to enable them', async () => {
    const caps = await open.gql<{ capabilities: { writable: boolean } }>('{ capabilities { writable } }');
    expect(caps.data?.capabilities.writable).toBe(false);
    const result = await open.gql('mutation { removeSource(id: "anything") }', {}, asAdmin);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(result.errors?.[0]?.message).toMatch(
      /^Writes through the API are disabled on this server: set THREADLINE_ADMIN_TOKEN/,
    );
  });

  it('ingests a document sent as text, is idempotent, and removes it again', async () => {
    const before = await caseCount();
    const first = await api.gql<{ ingestDocument: IngestResult }>(
      INGEST,
      { filename: heldBack, text: heldBackText },
      asAdmin,
    );
    expect(first.errors).toBeUndefined();
    const loaded = first.data?.ingestDocument;
    expect(loaded).toMatchObject({ filename: heldBack, status: 'loaded', error: null });
    expect(loaded?.cases).toBeGreaterThan(0);
    const after = await caseCount();
    expect(after).toEqual({
      cases: (before?.cases ?? 0) + (loaded?.cases ?? 0),
      sources: (before?.sources ?? 0) + 1,
    });

    const again = await api.gql<{ ingestDocument: IngestResult }>(
      INGEST,
      { filename: heldBack, text: heldBackText },
      asAdmin,
    );
    expect(again.data?.ingestDocument.status).toBe('unchanged');

    const removed = await api.gql<{ removeSource: boolean }>(
      'mutation($id: ID!) { removeSource(id: $id) }',
      { id: loaded?.sourceId },
      asAdmin,
    );
    expect(removed.data?.removeSource).toBe(true);
    expect(await caseCount()).toEqual(before);
    const unknown = await api.gql<{ removeSource: boolean }>(
      'mutation { removeSource(id: "no-such-source") }',
      {},
      asAdmin,
    );
    expect(unknown.data?.removeSource).toBe(false);
  });

  it('ingests a multipart file upload and reports a file it cannot read', async () => {
    const upload = async (name: string, bytes: Uint8Array) => {
      const form = new FormData();
      form.append(
        'operations',
        JSON.stringify({
          query:
            'mutation($file: File) { ingestDocument(filename: "upload.txt", file: $file) { status cases sourceId error } }',
          variables: { file: null },
        }),
      );
      form.append('map', JSON.stringify({ 0: ['variables.file'] }));
      form.append('0', new Blob([Buffer.from(bytes)]), name);
      const response = await fetch(`${api.url}/graphql`, { method: 'POST', headers: asAdmin, body: form });
      return (await response.json()) as { data?: { ingestDocument: IngestResult }; errors?: unknown[] };
    };
    const good = await upload(heldBack ?? 'upload.txt', new TextEncoder().encode(heldBackText));
    expect(good.errors).toBeUndefined();
    expect(good.data?.ingestDocument).toMatchObject({ status: 'loaded', error: null });
    expect(good.data?.ingestDocument.cases).toBeGreaterThan(0);
    const search = await api.gql<{ cases: { totalCount: number } }>(
      'query($s: [ID!]) { cases(filter: { sources: $s }) { totalCount } }',
      { s: [good.data?.ingestDocument.sourceId] },
      asReader,
    );
    expect(search.data?.cases.totalCount).toBe(good.data?.ingestDocument.cases);

    const empty = await upload('empty.txt', new Uint8Array());
    expect(empty.data?.ingestDocument).toMatchObject({ status: 'failed', cases: 0 });
    expect(empty.data?.ingestDocument.error).toMatch(/upload\.txt/);
  });

  it('asks for exactly one of text and file', async () => {
    const result = await api.gql(INGEST, { filename: 'nothing.txt' }, asAdmin);
    expect(result.errors?.[0]).toMatchObject({
      message: 'send exactly one of text (the document as a string) or file (a multipart upload)',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
