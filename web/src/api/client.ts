/**
 * A tiny typed GraphQL client over fetch. Failures are values with a kind the UI can act on:
 * 'unreachable' (offer retry), 'unauthorised' (ask for the API token), 'forbidden' (admin token wrong),
 * 'graphql' (the server answered with errors), 'http' (anything else).
 *
 * A server that has just started may ask to be asked again while it prepares its analysis; the client
 * does so for a bounded time (./warming.ts), saying meanwhile that it waits ("Preparing the analysis…").
 */
import { preparingNotice } from '../shell/status.ts';
import type { Operation } from './queries.ts';
import {
  type Clock,
  DEFAULT_WARMING_POLICY,
  type Fetch,
  fetchThroughWarming,
  isWarmingGaveUp,
  realClock,
  type WarmingPolicy,
} from './warming.ts';

export type ApiErrorKind = 'unreachable' | 'unauthorised' | 'forbidden' | 'graphql' | 'http' | 'aborted';

export interface ApiError {
  kind: ApiErrorKind;
  message: string;
  status?: number;
  /** The server was still preparing its analysis when the client stopped waiting. */
  warming?: true;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export interface TokenSource {
  apiToken(): string | null;
  adminToken(): string | null;
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** What the app needs from an API; the bench mode swaps in a synthetic one. */
export interface Api {
  request<TData, TVars>(
    op: Operation<TData, TVars>,
    variables: TVars,
    signal?: AbortSignal,
  ): Promise<ApiResult<TData>>;
  upload<TData, TVars>(
    op: Operation<TData, TVars>,
    variables: TVars,
    filePath: string,
    file: Blob,
    filename: string,
  ): Promise<ApiResult<TData>>;
}

export interface ClientOptions {
  fetch?: Fetch;
  clock?: Clock;
  warming?: WarmingPolicy;
  /** Told, per request, how long it has waited for a warming server so far; null once it stops waiting. */
  onWait?: (request: object, waitedMs: number | null) => void;
}

export class GraphQLClient implements Api {
  private readonly options: Required<ClientOptions>;

  constructor(
    private readonly endpoint: string,
    private readonly tokens: TokenSource,
    options: ClientOptions = {},
  ) {
    this.options = {
      fetch: options.fetch ?? ((url, init) => fetch(url, init)),
      clock: options.clock ?? realClock,
      warming: options.warming ?? DEFAULT_WARMING_POLICY,
      onWait: options.onWait ?? ((request, waitedMs) => preparingNotice.update(request, waitedMs)),
    };
  }

  async request<TData, TVars>(
    op: Operation<TData, TVars>,
    variables: TVars,
    signal?: AbortSignal,
  ): Promise<ApiResult<TData>> {
    const body = JSON.stringify({ query: op.query, variables, operationName: op.name });
    return this.send<TData>(body, { 'Content-Type': 'application/json' }, this.tokens.apiToken(), signal);
  }

  /** Sends one file per the GraphQL multipart request spec (operations, map, then the file part). */
  async upload<TData, TVars>(
    op: Operation<TData, TVars>,
    variables: TVars,
    filePath: string,
    file: Blob,
    filename: string,
  ): Promise<ApiResult<TData>> {
    const form = new FormData();
    form.append('operations', JSON.stringify({ query: op.query, variables, operationName: op.name }));
    form.append('map', JSON.stringify({ 0: [filePath] }));
    form.append('0', file, filename);
    // The multipart body sets its own Content-Type with the boundary; a preflight header keeps CSRF guards happy.
    // The server reads one bearer token; the admin token also grants reads.
    const token = this.tokens.adminToken() ?? this.tokens.apiToken();
    return this.send<TData>(form, { 'GraphQL-Preflight': '1' }, token);
  }

  private headers(extra: Record<string, string>, token: string | null): Record<string, string> {
    const headers: Record<string, string> = { Accept: 'application/json', ...extra };
    if (token) headers.Authorization = `Bearer ${token}`;
    return headers;
  }

  private async send<TData>(
    body: BodyInit,
    extraHeaders: Record<string, string>,
    token: string | null,
    signal?: AbortSignal,
  ): Promise<ApiResult<TData>> {
    let response: Response;
    try {
      const request = {};
      const answer = await fetchThroughWarming(
        this.options.fetch,
        this.endpoint,
        { method: 'POST', body, headers: this.headers(extraHeaders, token), signal },
        {
          clock: this.options.clock,
          policy: this.options.warming,
          onWait: (waitedMs) => this.options.onWait(request, waitedMs),
          signal,
        },
      );
      if (isWarmingGaveUp(answer)) {
        const waited = Math.round(answer.waitedMs / 1000);
        return {
          ok: false,
          error: {
            kind: 'unreachable',
            message: `The server is still preparing its analysis after ${waited} s of waiting. It has probably just started; try again in a minute.`,
            status: 503,
            warming: true,
          },
        };
      }
      response = answer;
    } catch (cause) {
      if (signal?.aborted) return fail('aborted', 'The request was cancelled.');
      return fail(
        'unreachable',
        `The Threadline server at ${this.endpoint} did not answer (${describe(cause)}).`,
      );
    }
    if (response.status === 401) return fail('unauthorised', 'This server needs an API token.', 401);
    if (response.status === 403) return fail('forbidden', 'The token was refused.', 403);
    const unavailable = response.status === 502 || response.status === 503 || response.status === 504;
    let payload: GraphQLResponse<TData>;
    try {
      payload = (await response.json()) as GraphQLResponse<TData>;
    } catch (cause) {
      if (signal?.aborted) return fail('aborted', 'The request was cancelled.');
      if (unavailable)
        return fail(
          'unreachable',
          `The Threadline server is not available (HTTP ${response.status}).`,
          response.status,
        );
      return fail(
        'http',
        `The server answered HTTP ${response.status} without JSON (${describe(cause)}).`,
        response.status,
      );
    }
    if (unavailable) {
      const message =
        payload.errors?.[0]?.message ?? `The Threadline server is not available (HTTP ${response.status}).`;
      return fail('unreachable', message, response.status);
    }
    if (payload.errors?.length) {
      const codes = payload.errors.map((e) => e.extensions?.code ?? '');
      if (codes.includes('UNAUTHENTICATED'))
        return fail('unauthorised', payload.errors[0]!.message, response.status);
      if (codes.includes('FORBIDDEN')) return fail('forbidden', payload.errors[0]!.message, response.status);
      if (codes.includes('SERVICE_UNAVAILABLE') || codes.includes('TIMEOUT')) {
        return fail('unreachable', payload.errors[0]!.message, response.status);
      }
      return fail('graphql', payload.errors.map((e) => e.message).join('; '), response.status);
    }
    if (!response.ok || payload.data == null) {
      return fail('http', `The server answered HTTP ${response.status}.`, response.status);
    }
    return { ok: true, data: payload.data };
  }
}

function fail(kind: ApiErrorKind, message: string, status?: number): { ok: false; error: ApiError } {
  return { ok: false, error: status === undefined ? { kind, message } : { kind, message, status } };
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
