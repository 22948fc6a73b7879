/**
 * The engines the store contract suite runs against. The embedded engine is always there (a fresh database
 * file in a temp directory per store). Neo4j joins when NEO4J_URI is set, or when testcontainers finds a
 * container runtime to start one in; otherwise one line says it was not tested, and no test is registered
 * for it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEmbeddedStore } from '../../../graph/embedded/store.ts';
import type { EngineName, GraphStore } from '../../../graph/store.ts';

export interface EngineUnderTest {
  readonly name: EngineName;
  /** A store on an empty database with the schema in place. */
  fresh(): Promise<GraphStore>;
  /** Closes every store handed out so far. */
  closeStores(): Promise<void>;
  /** Closes the stores and releases what the engine holds (a container). */
  stop(): Promise<void>;
}

interface Neo4jTarget {
  uri: string;
  user: string;
  password: string;
  database?: string;
  stop?: () => Promise<void>;
}

type OpenNeo4j = (opts: {
  uri: string;
  user: string;
  password: string;
  database?: string;
}) => Promise<GraphStore>;

function reason(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
}

function embedded(): EngineUnderTest {
  const opened: Array<{ store: GraphStore; dir: string }> = [];
  return {
    name: 'embedded',
    async fresh() {
      const dir = await mkdtemp(join(tmpdir(), 'threadline-store-'));
      // bulkMinRows 0: loadSources always takes the COPY path here, so the suite exercises it on fixtures.
      const store = await openEmbeddedStore({
        path: join(dir, 'db', 'threadline.lbug'),
        bulkMinRows: 0,
        maxDbBytes: 2 ** 36,
        bufferPoolBytes: 2 ** 28,
      });
      await store.ensureSchema();
      opened.push({ store, dir });
      return store;
    },
    async closeStores() {
      for (const { store, dir } of opened.splice(0)) {
        await store.close();
        await rm(dir, { recursive: true, force: true });
      }
    },
    async stop() {
      await this.closeStores();
    },
  };
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A Neo4j 5 container, when testcontainers can load and reach a container runtime; else why not. */
async function containerTarget(): Promise<Neo4jTarget | string> {
  let testcontainers: typeof import('testcontainers');
  try {
    testcontainers = await import('testcontainers');
  } catch (e) {
    return `testcontainers could not load on Node ${process.version} (${reason(e)})`;
  }
  try {
    await withTimeout(testcontainers.getContainerRuntimeClient(), 5_000, 'looking for a container runtime');
  } catch (e) {
    return `no container runtime found (${reason(e)})`;
  }
  const { Neo4jContainer } = await import('@testcontainers/neo4j');
  const container = await new Neo4jContainer('neo4j:5').withPassword('threadline-test').start();
  return {
    uri: container.getBoltUri(),
    user: container.getUsername(),
    password: container.getPassword(),
    stop: async () => {
      await container.stop();
    },
  };
}

/** Empties a Neo4j database before a test; refuses one holding data unless allowed, so no real data is lost. */
async function wipeNeo4j(target: Neo4jTarget, allowNonEmpty: boolean): Promise<void> {
  const neo4j = (await import('neo4j-driver')).default;
  const driver = neo4j.driver(target.uri, neo4j.auth.basic(target.user, target.password));
  const session = driver.session(target.database ? { database: target.database } : {});
  try {
    const result = await session.run('MATCH (n) RETURN count(n) AS n');
    const count = Number(result.records[0]?.get('n') ?? 0);
    if (count > 0 && !allowNonEmpty) {
      throw new Error(
        `the Neo4j database at ${target.uri} holds ${count} nodes; the contract suite empties its database, ` +
          'so point NEO4J_URI at a throwaway database and set THREADLINE_TEST_WIPE_NEO4J=1',
      );
    }
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
    await driver.close();
  }
}

function neo4jEngine(open: OpenNeo4j, target: Neo4jTarget, fromContainer: boolean): EngineUnderTest {
  const opened: GraphStore[] = [];
  return {
    name: 'neo4j',
    async fresh() {
      await wipeNeo4j(target, fromContainer || process.env.THREADLINE_TEST_WIPE_NEO4J === '1');
      const store = await open({
        uri: target.uri,
        user: target.user,
        password: target.password,
        ...(target.database ? { database: target.database } : {}),
      });
      await store.ensureSchema();
      opened.push(store);
      return store;
    },
    async closeStores() {
      for (const store of opened.splice(0)) await store.close();
    },
    async stop() {
      await this.closeStores();
      await target.stop?.();
    },
  };
}

async function loadNeo4jEngine(): Promise<OpenNeo4j | string> {
  try {
    const module = (await import('../../../graph/neo4j/store.ts')) as { openNeo4jStore?: OpenNeo4j };
    return module.openNeo4jStore ?? 'graph/neo4j/store.ts exports no openNeo4jStore';
  } catch (e) {
    return `graph/neo4j/store.ts could not be loaded (${reason(e)})`;
  }
}

async function detectNeo4j(): Promise<EngineUnderTest | string> {
  const uri = process.env.NEO4J_URI;
  let target: Neo4jTarget | string;
  if (uri) {
    target = {
      uri,
      user: process.env.NEO4J_USER ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD ?? '',
      ...(process.env.NEO4J_DATABASE ? { database: process.env.NEO4J_DATABASE } : {}),
    };
  } else {
    const found = await containerTarget();
    if (typeof found === 'string') return `NEO4J_URI unset and ${found}`;
    target = found;
  }
  const open = await loadNeo4jEngine();
  if (typeof open === 'string') {
    await (typeof target === 'string' ? undefined : target.stop?.());
    return open;
  }
  return neo4jEngine(open, target, !uri);
}

async function detectEngines(): Promise<EngineUnderTest[]> {
  const found: EngineUnderTest[] = [embedded()];
  const neo4j = await detectNeo4j();
  if (typeof neo4j === 'string') console.warn(`Neo4j engine NOT tested: ${neo4j}`);
  else found.push(neo4j);
  return found;
}

/** Detected once per test file (vitest runs each file in its own process). */
export const engines: EngineUnderTest[] = await detectEngines();
