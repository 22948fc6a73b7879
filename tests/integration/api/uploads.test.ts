/**
 * Uploads against the real server: the token is checked before the body is read, the size limit applies
 * while the body streams in, hostile documents are read off the event loop under limits and store nothing.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zipBombDocx } from '../../../bench/hostile/files.ts';
import { SAMPLE_CORPUS_DIR } from '../../../ingest/sample/index.ts';
import { startLoadedServer, type TestServer } from './running-server.ts';

const ADMIN_TOKEN = 'uploads-admin-token-0123456789abcdef';
const asAdmin = { authorization: `Bearer ${ADMIN_TOKEN}` };

interface Answer {
  status: number;
  body: string;
  /** Bytes of the body written before the answer came. */
  sent: number;
}

/**
 * POSTs a body in 64 KB chunks, never more than `total` bytes, and stops writing as soon as an answer
 * arrives: an answer that comes before `total` proves the server did not wait for the whole body.
 */
function streamUpload(url: string, headers: Record<string, string>, total: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = httpRequest(`${url}/graphql`, { method: 'POST', headers }, (res: IncomingMessage) => {
      answered = true;
      let body = '';
      res.on('data', (d: Buffer) => {
        body += d.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, sent }));
      res.on('error', () => resolve({ status: res.statusCode ?? 0, body, sent }));
    });
    req.on('error', (e) => {
      if (!answered) reject(e);
    });
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    pump();
  });
}

const MULTIPART = { 'content-type': 'multipart/form-data; boundary=x' };

function multipart(name: string, bytes: Uint8Array): FormData {
  const form = new FormData();
  const query = `mutation($file: File) { ingestDocument(filename: ${JSON.stringify(name)}, file: $file) { status cases error } }`;
  form.append('operations', JSON.stringify({ query, variables: { file: null } }));
  form.append('map', JSON.stringify({ 0: ['variables.file'] }));
  form.append('0', new Blob([bytes as Uint8Array<ArrayBuffer>]), name);
  return form;
}

interface UploadAnswer {
  status: string;
  cases: number;
  error: string | null;
}

async function upload(url: string, name: string, bytes: Uint8Array): Promise<UploadAnswer | undefined> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { ...asAdmin, 'graphql-preflight': '1' },
    body: multipart(name, bytes),
  });
  const body = (await response.json()) as { data?: { ingestDocument: UploadAnswer } };
  return body.data?.ingestDocument;
}

/** 13 MB of ordinary paragraphs: a few seconds of reading, past a one-second budget. */
function slowPage(): Uint8Array {
  const paragraph =
    '<p>The health visitor shared information with children’s social care about Child H and the neglect concerns.</p>\n';
  return new TextEncoder().encode(`<html><body>${paragraph.repeat(120_000)}</body></html>`);
}

describe('uploads', () => {
  let api: TestServer;
  let small: TestServer;

  beforeAll(async () => {
    api = await startLoadedServer([SAMPLE_CORPUS_DIR], {
      adminToken: ADMIN_TOKEN,
      extract: { seconds: 1, memoryMb: 512 },
    });
    const limits = { ...api.config.limits, maxBodyBytes: 1024 * 1024, maxQueryBodyBytes: 64 * 1024 };
    small = await api.sibling({ adminToken: ADMIN_TOKEN, limits });
  });

  afterAll(async () => {
    await api?.stop();
  });

  async function sourceCount(): Promise<number> {
    const { data } = await api.gql<{ stats: { sources: number } }>('{ stats { sources } }');
    return data?.stats.sources ?? -1;
  }

  it('refuses an upload without the admin token before reading its body', async () => {
    const answer = await streamUpload(api.url, MULTIPART, 50 * 1024 * 1024);
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body)).toMatchObject({
      errors: [
        { message: expect.stringMatching(/needs the admin token/), extensions: { code: 'FORBIDDEN' } },
      ],
    });
    expect(answer.sent).toBeLessThan(50 * 1024 * 1024);
  });

  it('refuses an upload with a wrong token the same way', async () => {
    const headers = { ...MULTIPART, authorization: 'Bearer not-the-admin-token-at-all' };
    const answer = await streamUpload(api.url, headers, 50 * 1024 * 1024);
    expect(answer.status).toBe(403);
    expect(answer.sent).toBeLessThan(50 * 1024 * 1024);
  });

  it('answers 413 once a streamed body passes the limit, without reading the rest', async () => {
    const answer = await streamUpload(small.url, { ...MULTIPART, ...asAdmin }, 50 * 1024 * 1024);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({
      errors: [
        {
          message:
            'The request body is larger than the upload limit of 1.0 MB (THREADLINE_MAX_UPLOAD_MB); split the document or raise the limit',
          extensions: { code: 'PAYLOAD_TOO_LARGE' },
        },
      ],
    });
    expect(answer.sent).toBeLessThan(50 * 1024 * 1024);
  });

  it('answers 413 at once to a declared length over the limit', async () => {
    const headers = { 'content-type': 'application/json', 'content-length': String(10 * 1024 * 1024) };
    const answer = await streamUpload(small.url, headers, 10 * 1024 * 1024);
    expect(answer.status).toBe(413);
    expect(answer.body).toMatch(/the limit for a request without the admin token/);
  });

  it('keeps answering /healthz while a hostile upload is being read, then fails it naming the limit', async () => {
    const before = await sourceCount();
    let settled = false;
    const pending = upload(api.url, 'slow.html', slowPage()).finally(() => {
      settled = true;
    });
    const health: unknown[] = [];
    while (!settled) {
      const response = await fetch(`${api.url}/healthz`);
      health.push(await response.json());
      await new Promise((r) => setTimeout(r, 50));
    }
    const outcome = await pending;
    expect(health.length).toBeGreaterThan(0);
    for (const answer of health) expect(answer).toEqual({ ok: true });
    expect(outcome).toMatchObject({ status: 'failed', cases: 0 });
    expect(outcome?.error).toBe(
      'slow.html: reading it took longer than 1 s, the limit (THREADLINE_READ_TIMEOUT_S); split the document, or raise the limit if it is genuine',
    );
    expect(await sourceCount()).toBe(before);
  });

  it('refuses a Word document that unzips past the limit, storing nothing', async () => {
    const before = await sourceCount();
    const outcome = await upload(api.url, 'bomb.docx', await zipBombDocx(100));
    expect(outcome).toMatchObject({ status: 'failed', cases: 0 });
    expect(outcome?.error).toMatch(
      /^bomb\.docx: the Word document unzips to 100\.0 MB; the limit is 50\.0 MB \(THREADLINE_MAX_UNZIPPED_MB\)/,
    );
    expect(await sourceCount()).toBe(before);
  });

  it('refuses a GraphQL request with deeply nested variables with 400 and a message', async () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"query":"query($f: CaseFilter) { cases(filter: $f) { totalCount } }","variables":{"f":{"themes":${deep}}}}`,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      errors: [{ message: expect.stringMatching(/variables are nested more than 32 levels deep/) }],
    });
  });

  it('names a source by its file name, not the folder it was loaded from', async () => {
    const { data } = await api.gql<{ cases: { edges: { node: { sources: { path: string }[] } }[] } }>(
      '{ cases(first: 5) { edges { node { sources { path } } } } }',
    );
    const paths = (data?.cases.edges ?? []).flatMap((e) => e.node.sources.map((s) => s.path));
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) expect(path).not.toMatch(/[/\\]/);
  });

  it('never answers CORS with a null origin when several origins are allowed', async () => {
    const cors = await api.sibling({ corsOrigins: ['https://a.example', 'https://b.example'] });
    const preflight = (origin: string) =>
      fetch(`${cors.url}/graphql`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
    const allowed = await preflight('https://b.example');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://b.example');
    const other = await preflight('https://elsewhere.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect(other.headers.get('access-control-allow-credentials')).toBeNull();
  });
});
