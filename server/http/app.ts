/**
 * The HTTP server: GraphQL at /graphql (GraphiQL on GET from a browser), /healthz, file exports under
 * /export/, and the web app at /. One yoga instance serves all of it; the routes plugin runs before
 * yoga's own GraphQL handling, after its CORS and GraphiQL plugins.
 */
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { useGraphQlJit } from '@envelop/graphql-jit';
import { type CORSOptions, createYoga, type Plugin, maskError as yogaMaskError } from 'graphql-yoga';
import { firstLine, isStoreError } from '../../graph/errors.ts';
import type { GraphStore } from '../../graph/store.ts';
import {
  type Extractor,
  ingestUpload,
  loadTaxonomy,
  openExtractor,
  type Taxonomy,
} from '../../ingest/index.ts';
import { IndexKeeper, isIndexWarmingError } from '../analytics/keeper.ts';
import type { ServerConfig } from '../config.ts';
import { RequestBudget } from '../graphql/budget.ts';
import { createLoaders, type RequestContext, requestIndex, type UploadIngester } from '../graphql/context.ts';
import { fromStoreError, isUserError, rootCause } from '../graphql/errors.ts';
import { queryLimits } from '../graphql/limits.ts';
import { inputNesting } from '../graphql/nesting.ts';
import { resultCache } from '../graphql/result-cache.ts';
import { buildSchema } from '../graphql/schema.ts';
import { type TaxonSearch, taxonSearch } from '../search/taxonomy-hits.ts';
import { bearerToken, identify } from './auth.ts';
import { EXAMPLE_QUERIES } from './examples.ts';
import { exportResponse } from './exports.ts';
import { health, warming } from './health.ts';
import { API_TOKEN_MESSAGE, intake, type RequestClass } from './intake.ts';
import { json, unauthorized } from './respond.ts';
import { staticSite } from './static.ts';
import { withTimeout } from './timeout.ts';

export interface ServerOptions {
  store: GraphStore;
  config: ServerConfig;
  /** How uploads are ingested; defaults to ingestUpload with the bundled taxonomy. */
  ingest?: UploadIngester;
  taxonomy?: Taxonomy;
  /** Where unexpected errors are reported (one line each); defaults to stderr. */
  log?: (line: string) => void;
  /**
   * Listen before the analytics index is built, building it in the background (`npm start`): requests
   * made meanwhile wait for it up to `config.indexWaitMs`. By default it is built before createServer returns.
   */
  indexInBackground?: boolean;
  /** The file the analytics index is saved in and restored from (server/analytics/persisted-index.ts). */
  savedIndex?: string | null;
  /** The file the search index is saved in and restored from (server/search/saved-search.ts). */
  savedSearch?: string | null;
}

export interface RunningServer {
  url: string;
  host: string;
  port: number;
  keeper: IndexKeeper;
  /** Stops listening and drops open connections; the store stays open (its owner closes it). */
  close(): Promise<void>;
}

export interface ThreadlineServer {
  http: Server;
  keeper: IndexKeeper;
  listen(port?: number, host?: string): Promise<RunningServer>;
}

/** Uploads are read on this many worker threads at once; more uploads wait their turn. */
const UPLOAD_THREADS = 2;

/**
 * Reads uploads on worker threads under the configured time and memory limits. The threads start with the
 * first upload and stop with the server.
 */
class UploadReader {
  private extractor: Promise<Extractor> | null = null;
  private closed = false;

  constructor(
    private readonly config: ServerConfig,
    private readonly taxonomy: () => Taxonomy,
  ) {}

  ingester(): UploadIngester {
    return async (store, filename, bytes, options) => {
      const taxonomy = this.taxonomy();
      const extractor = await this.open(taxonomy);
      return ingestUpload(store, filename, bytes, taxonomy, { replaces: options?.replaces, extractor });
    };
  }

  private open(taxonomy: Taxonomy): Promise<Extractor> {
    this.extractor ??= openExtractor(taxonomy, UPLOAD_THREADS, {
      limits: this.config.extract,
      inlineFallback: false,
      background: true,
    });
    return this.extractor;
  }

  /** Stops the threads; an upload being read fails with a message saying the server is stopping. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await (await this.extractor)?.close();
  }
}

/** Builds (or starts building) the analytics index and the HTTP server (not yet listening). */
export async function createServer(options: ServerOptions): Promise<ThreadlineServer> {
  const { store, config } = options;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const kept = { savedIndex: options.savedIndex ?? null, savedSearch: options.savedSearch ?? null, log };
  const keeper = options.indexInBackground
    ? IndexKeeper.start(store, kept)
    : await IndexKeeper.open(store, kept);
  // The store's own warm-up (path adjacency, seconds of CPU at 100k) waits for the index, so that it does not
  // compete with the first answers a start gives.
  keeper.ready().then(
    () => store.warm?.(),
    (e: unknown) => log(`threadline: the analytics index could not be built: ${describe(e)}`),
  );
  let taxonomy = options.taxonomy;
  const taxonomyOf = () => {
    taxonomy ??= loadTaxonomy();
    return taxonomy;
  };
  const uploads = new UploadReader(config, taxonomyOf);
  let taxa: TaxonSearch | undefined;
  const taxonSearchOf = () => {
    taxa ??= taxonSearch(taxonomyOf());
    return taxa;
  };
  const ingest = options.ingest ?? uploads.ingester();
  const site = staticSite(config.webDir);
  // Uploads wait for their worker thread and then the store, so they get longer than a query.
  const uploadTimeoutMs = Math.max(config.requestTimeoutMs, config.extract.seconds * 1000 + 30_000);

  const routes: Plugin = {
    async onRequest({ request, url, endResponse, requestHandler, setRequestHandler }) {
      const path = url.pathname;
      const caller = identify(config, request.headers.get('authorization'));
      if (path === '/healthz') {
        const withToken = bearerToken(request.headers.get('authorization')) !== null && !caller.badToken;
        return endResponse(await health(store, withToken, keeper.states));
      }
      if (path === '/graphql') {
        if (!caller.canRead) return endResponse(unauthorized(API_TOKEN_MESSAGE));
        const timeout = caller.isAdmin ? uploadTimeoutMs : config.requestTimeoutMs;
        setRequestHandler(withTimeout(requestHandler, timeout));
        return;
      }
      if (path === '/export' || path.startsWith('/export/')) {
        if (!caller.canRead) return endResponse(unauthorized(API_TOKEN_MESSAGE));
        const index = await keeper.ready(config.indexWaitMs).catch((e: unknown) => {
          if (isIndexWarmingError(e)) return e;
          throw e;
        });
        if (isIndexWarmingError(index)) return endResponse(warming(index));
        return endResponse(await exportResponse(index, path, url.searchParams, store));
      }
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        return endResponse(
          json(405, { error: 'method not allowed', message: `${request.method} ${path} is not served` }),
        );
      }
      return endResponse(await site(path, request.method));
    },
  };

  const yoga = createYoga<Record<string, unknown>, RequestContext>({
    schema: buildSchema(),
    graphqlEndpoint: '/graphql',
    landingPage: false,
    logging: false,
    multipart: true,
    maxRequestBodySize: config.limits.maxBodyBytes,
    cors: (request) => corsFor(config.corsOrigins, request.headers.get('origin')),
    graphiql: { title: 'Threadline GraphQL', defaultQuery: EXAMPLE_QUERIES, shouldPersistHeaders: false },
    // GraphiQL served from this package rather than a CDN, so it works on a laptop with no network; imported
    // when a browser first asks for it, as loading it is a tenth of a second that a start need not pay.
    renderGraphiQL: async (options) =>
      (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(options),
    maskedErrors: {
      maskError(error, message) {
        const cause = rootCause(error);
        if (isStoreError(cause) && cause.kind !== 'query') return fromStoreError(cause);
        if (isUserError(cause)) return error as Error;
        const masked = yogaMaskError(error, message, false);
        if (masked !== error) log(`threadline: unexpected error: ${describe(cause)}`);
        return masked;
      },
    },
    context: async ({ request }): Promise<RequestContext> => {
      const index = await requestIndex(keeper, config.indexWaitMs);
      return {
        store,
        index,
        keeper,
        config,
        isAdmin: identify(config, request.headers.get('authorization')).isAdmin,
        ingest,
        loaders: createLoaders(store, index),
        budget: new RequestBudget({ items: config.limits.maxItems, details: config.limits.maxDetails }),
        taxonSearch: taxonSearchOf,
      };
    },
    // Compiled execution: a theme map is thousands of edge objects, and graphql-jit resolves and serialises
    // them several times faster than the interpreter.
    plugins: [routes, inputNesting(), queryLimits(config.limits), resultCache(), useGraphQlJit()],
  });

  // Bodies are checked (token, size while streaming) before yoga reads them; see intake.ts.
  const http = createHttpServer(
    intake(config, yoga, (request) => yoga.fetch(request), yoga.fetchAPI.Request as RequestClass),
  );
  http.requestTimeout = Math.max(30_000, config.requestTimeoutMs * 2, uploadTimeoutMs + 10_000);

  return {
    http,
    keeper,
    listen: (port = config.port, host = config.host) =>
      new Promise<RunningServer>((resolve, reject) => {
        http.once('error', reject);
        http.listen(port, host, () => {
          http.off('error', reject);
          const address = http.address() as AddressInfo;
          const shownHost = address.address.includes(':') ? `[${address.address}]` : address.address;
          resolve({
            url: `http://${shownHost}:${address.port}`,
            host: address.address,
            port: address.port,
            keeper,
            close: async () => {
              await Promise.all([closeServer(http), uploads.close()]);
            },
          });
        });
      }),
  };
}

/** createServer + listen: what `npm start` and the tests use. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const server = await createServer(options);
  return server.listen();
}

/**
 * CORS answers only an origin on the list, echoing it; any other origin gets no CORS headers at all (never
 * `null`, which some browsers treat as a real origin). `*` allows every origin, without credentials.
 */
function corsFor(allowed: readonly string[], origin: string | null): CORSOptions {
  if (origin === null || allowed.length === 0) return false;
  const any = allowed.includes('*');
  if (!any && !allowed.includes(origin)) return false;
  return {
    origin: any ? '*' : origin,
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['authorization', 'content-type', 'graphql-preflight'],
    credentials: !any,
    maxAge: 600,
  };
}

function closeServer(http: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    http.close((e) => (e ? reject(e) : resolve()));
    http.closeAllConnections();
  });
}

function describe(e: unknown): string {
  if (e instanceof Error)
    return `${e.name}: ${firstLine(e.message)}${e.stack ? ` (${firstStackFrame(e.stack)})` : ''}`;
  return String(e);
}

function firstStackFrame(stack: string): string {
  return (
    stack
      .split('\n')
      .find((l) => l.trim().startsWith('at '))
      ?.trim() ?? ''
  );
}
