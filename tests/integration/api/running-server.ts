/**
 * Starts the real server over a real embedded database in a temp folder, loaded through the real ingest
 * path, on a free loopback port. Each test file gets its own database and server.
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openEmbeddedStore } from '../../../graph/embedded/store.ts';
import type { GraphStore } from '../../../graph/store.ts';
import { ingestPaths } from '../../../ingest/load/ingest-files.ts';
import { loadTaxonomy } from '../../../ingest/taxonomy/index.ts';
import { readServerConfig, type ServerConfig } from '../../../server/config.ts';
import { type RunningServer, startServer } from '../../../server/http/app.ts';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const SEEDS_DIR = resolve(REPO_ROOT, '../shared/seeds');
export const SEEDS_PRESENT = existsSync(SEEDS_DIR);
/**
 * The documents a suite that needs only a realistic corpus loads: the seeds when they are beside the
 * checkout, else the bundled fictional sample (THREADLINE_TEST_CORPUS=sample chooses it even then).
 */
export const CORPUS: { name: string; dir: string; seeds: boolean } =
  SEEDS_PRESENT && process.env.THREADLINE_TEST_CORPUS !== 'sample'
    ? { name: 'the seed documents', dir: SEEDS_DIR, seeds: true }
    : { name: 'the bundled sample corpus', dir: resolve(REPO_ROOT, 'ingest/sample/corpus'), seeds: false };

/** The documents of `CORPUS`, as paths. */
export function corpusFiles(): string[] {
  return readdirSync(CORPUS.dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(CORPUS.dir, f));
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

export interface TestServer {
  url: string;
  config: ServerConfig;
  store: GraphStore;
  server: RunningServer;
  /** POSTs one operation to /graphql. */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  /** Another server (other configuration) over the same store; stopped with this one. */
  sibling(config: Partial<ServerConfig>): Promise<TestServer>;
  stop(): Promise<void>;
}

export function announceMissingSeeds(): void {
  if (!SEEDS_PRESENT)
    console.log(`seed documents not found at ${SEEDS_DIR}: the seed-based API tests are skipped`);
}

function client(
  url: string,
  config: ServerConfig,
  store: GraphStore,
  server: RunningServer,
  cleanup: () => Promise<void>,
): TestServer {
  const siblings: TestServer[] = [];
  return {
    url,
    config,
    store,
    server,
    async gql(query, variables = {}, headers = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json',
          ...headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GraphQLResponse, 'status'>;
      return { status: response.status, ...body } as GraphQLResponse<never>;
    },
    async sibling(config) {
      const otherConfig = testConfig(config);
      const other = await startServer({ store, config: otherConfig, log: () => undefined });
      const sibling = client(other.url, otherConfig, store, other, async () => undefined);
      siblings.push(sibling);
      return sibling;
    },
    async stop() {
      for (const s of siblings) await s.stop();
      await server.close();
      await cleanup();
    },
  };
}

export function testConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    ...readServerConfig({}),
    port: 0,
    webDir: join(tmpdir(), 'threadline-no-web-build'),
    ...overrides,
  };
}

/** A server over a fresh database holding the documents under `paths`. */
export async function startLoadedServer(
  paths: string[],
  config: Partial<ServerConfig> = {},
): Promise<TestServer> {
  const dir = await mkdtemp(join(tmpdir(), 'threadline-api-'));
  const store = await openEmbeddedStore({ path: join(dir, 'db') });
  try {
    await store.ensureSchema();
    const summary = await ingestPaths(store, paths, { taxonomy: loadTaxonomy() });
    if (summary.failed.length > 0) throw new Error(`ingest failed: ${JSON.stringify(summary.failed)}`);
    const serverConfig = testConfig(config);
    const server = await startServer({ store, config: serverConfig, log: () => undefined });
    return client(server.url, serverConfig, store, server, async () => {
      try {
        await store.close();
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  } catch (e) {
    await store.close();
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
}
