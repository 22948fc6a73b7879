/**
 * Request bodies, before anything reads them. A multipart upload is refused unless the admin token came
 * with it, and any body is refused once it passes its size limit, counted while it streams in: the admin
 * may send up to THREADLINE_MAX_UPLOAD_MB, everyone else a query's worth. A refused body is never kept in
 * memory: after the answer, what is still arriving is dropped for two seconds, then the connection is closed.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { Transform } from 'node:stream';
import type { ServerConfig } from '../config.ts';
import { type Caller, identify } from './auth.ts';

export const API_TOKEN_MESSAGE =
  'This server requires an API token: send THREADLINE_API_TOKEN as "Authorization: Bearer <token>"';
export const WRITES_DISABLED_MESSAGE =
  'Writes through the API are disabled on this server: set THREADLINE_ADMIN_TOKEN where the server runs, restart it, and send the token as "Authorization: Bearer <token>" (or use npm run ingest while the server is stopped)';
export const ADMIN_TOKEN_MESSAGE =
  'This write needs the admin token: send THREADLINE_ADMIN_TOKEN as "Authorization: Bearer <token>"';

/** What handles a request once its body is allowed: yoga, given a Request whose body is counted. */
export type FetchHandler = (request: Request) => Promise<Response> | Response;

/** The Request class the handler expects (yoga's fetch API). */
export type RequestClass = new (input: string, init: RequestInit) => Request;

type Refusal = { status: number; code: string; message: string };

const BODYLESS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The HTTP listener: bodyless requests go straight to `plain` (yoga's own node handler); requests with a
 * body are checked, then handed to `fetch` with a body that stops at the caller's limit.
 */
export function intake(
  config: Pick<ServerConfig, 'apiToken' | 'adminToken' | 'limits'>,
  plain: RequestListener,
  fetch: FetchHandler,
  RequestImpl: RequestClass = Request,
): RequestListener {
  return (req, res) => {
    if (BODYLESS.has(req.method ?? 'GET')) {
      plain(req, res);
      return;
    }
    const caller = identify(config, header(req, 'authorization'));
    const limit = caller.isAdmin ? config.limits.maxBodyBytes : config.limits.maxQueryBodyBytes;
    const refusal = refusalBeforeReading(config, caller, req, limit);
    if (refusal) {
      refuse(req, res, refusal);
      return;
    }
    void forward(req, res, tooLarge(caller, limit), limit, fetch, RequestImpl);
  };
}

function refusalBeforeReading(
  config: Pick<ServerConfig, 'apiToken' | 'adminToken'>,
  caller: Caller,
  req: IncomingMessage,
  limit: number,
): Refusal | null {
  const path = (req.url ?? '/').split('?', 1)[0];
  const multipart = /^multipart\/form-data\b/i.test(header(req, 'content-type') ?? '');
  if (path === '/graphql' && !caller.canRead) {
    return { status: 401, code: 'UNAUTHENTICATED', message: API_TOKEN_MESSAGE };
  }
  if (multipart && !caller.isAdmin) {
    const message = config.adminToken === null ? WRITES_DISABLED_MESSAGE : ADMIN_TOKEN_MESSAGE;
    return { status: 403, code: 'FORBIDDEN', message };
  }
  const declared = Number(header(req, 'content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) return tooLarge(caller, limit);
  return null;
}

function tooLarge(caller: Caller, limit: number): Refusal {
  const size = formatBytes(limit);
  const message = caller.isAdmin
    ? `The request body is larger than the upload limit of ${size} (THREADLINE_MAX_UPLOAD_MB); split the document or raise the limit`
    : `The request body is larger than ${size}, the limit for a request without the admin token; send a smaller query`;
  return { status: 413, code: 'PAYLOAD_TOO_LARGE', message };
}

/** "60.0 MB", "1.0 MB" — the precision of every other size in messages. */
function formatBytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  if (Array.isArray(value)) return value[0] ?? null;
  return value ?? null;
}

/** Answers, then closes the connection so the unread body is dropped rather than read. */
function refuse(req: IncomingMessage, res: ServerResponse, refusal: Refusal): void {
  if (res.headersSent) {
    req.socket.destroy();
    return;
  }
  // 401 has the shape of every other route's 401; the others are GraphQL errors, for GraphQL clients.
  const body = JSON.stringify(
    refusal.status === 401
      ? { error: 'unauthorized', message: refusal.message }
      : { errors: [{ message: refusal.message, extensions: { code: refusal.code } }] },
  );
  const headers: Record<string, string | number> = {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  };
  if (refusal.status === 401) headers['www-authenticate'] = 'Bearer realm="threadline"';
  res.writeHead(refusal.status, headers);
  res.end(body, () => lingerThenClose(req));
}

/** How long a refused body is drained (read and dropped, never kept) before the connection is cut. */
const LINGER_MS = 2000;

/**
 * Cutting the connection while the client is still sending makes it lose the answer (the reset overtakes
 * it), so the rest of the body is read and dropped for a short while, then the connection is closed.
 */
function lingerThenClose(req: IncomingMessage): void {
  if (req.complete) return;
  const socket = req.socket;
  const timer = setTimeout(() => socket.destroy(), LINGER_MS);
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
  req.once('end', () => {
    clearTimeout(timer);
    socket.end();
  });
  req.resume();
}

class BodyTooLarge extends Error {}

async function forward(
  req: IncomingMessage,
  res: ServerResponse,
  overLimit: Refusal,
  limit: number,
  fetch: FetchHandler,
  RequestImpl: RequestClass,
): Promise<void> {
  let seen = 0;
  let refused = false;
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > limit) {
        done(new BodyTooLarge());
        return;
      }
      done(null, chunk);
    },
  });
  counted.on('error', (e) => {
    if (!(e instanceof BodyTooLarge) || refused) return;
    refused = true;
    req.unpipe(counted);
    req.pause();
    refuse(req, res, overLimit);
  });
  req.pipe(counted);
  const aborted = new AbortController();
  res.once('close', () => aborted.abort());
  const request = new RequestImpl(`http://${header(req, 'host') ?? 'localhost'}${req.url ?? '/'}`, {
    method: req.method ?? 'POST',
    headers: requestHeaders(req),
    body: counted as unknown as ReadableStream<Uint8Array>,
    signal: aborted.signal,
    duplex: 'half',
  } as RequestInit & { duplex: 'half' });
  let response: Response;
  try {
    response = await fetch(request);
  } catch {
    if (!refused && !res.headersSent) {
      res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ errors: [{ message: 'Unexpected error.' }] }));
    }
    return;
  }
  if (refused || res.headersSent || res.destroyed) return;
  await send(response, res);
}

function requestHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.startsWith(':') || value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  return headers;
}

async function send(response: Response, res: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const cookies = response.headers.getSetCookie?.() ?? [];
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  res.writeHead(response.status, headers);
  if (!response.body) {
    res.end();
    return;
  }
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
    }
    res.end();
  } catch {
    res.destroy();
  }
}
