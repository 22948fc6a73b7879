/**
 * Which engine to open, read from the environment. Embedded (LadybugDB) unless NEO4J_URI is set.
 *   THREADLINE_DB_PATH  embedded database directory (default data/threadline, relative to the working directory)
 *   NEO4J_URI           bolt://, bolt+s://, bolt+ssc://, neo4j://, neo4j+s:// or neo4j+ssc://
 *   NEO4J_USER          default neo4j
 *   NEO4J_PASSWORD      required with NEO4J_URI
 *   NEO4J_DATABASE      default neo4j
 */
import { resolve } from 'node:path';

export type StoreConfig =
  | { engine: 'embedded'; path: string }
  | { engine: 'neo4j'; uri: string; user: string; password: string; database: string };

export const DEFAULT_DB_PATH = 'data/threadline';
export const NEO4J_SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'] as const;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    /** The environment variable at fault. */
    readonly variable: string,
    message: string,
  ) {
    super(message);
  }
}

function setting(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/** The URI with any user:password@ part hidden, for messages. */
function shown(uri: string): string {
  return uri.replace(/^([^:/]+:\/\/)[^@/]*@/, '$1');
}

function checkNeo4jUri(uri: string): void {
  const schemes = NEO4J_SCHEMES.map((s) => `${s}://`).join(', ');
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(uri)?.[1]?.toLowerCase();
  if (!scheme || !(NEO4J_SCHEMES as readonly string[]).includes(scheme)) {
    throw new ConfigError(
      'NEO4J_URI',
      `NEO4J_URI "${shown(uri)}" must start with one of ${schemes} (e.g. bolt://127.0.0.1:7687)`,
    );
  }
  let host = '';
  try {
    host = new URL(uri).hostname;
  } catch {
    host = '';
  }
  if (!host)
    throw new ConfigError(
      'NEO4J_URI',
      `NEO4J_URI "${shown(uri)}" names no host (e.g. bolt://127.0.0.1:7687)`,
    );
}

export function readStoreConfig(env: NodeJS.ProcessEnv): StoreConfig {
  const uri = setting(env, 'NEO4J_URI');
  if (!uri) {
    return {
      engine: 'embedded',
      path: resolve(process.cwd(), setting(env, 'THREADLINE_DB_PATH') ?? DEFAULT_DB_PATH),
    };
  }
  checkNeo4jUri(uri);
  // A password may legitimately start or end with spaces: take it as given.
  const password = env.NEO4J_PASSWORD;
  if (!password) {
    throw new ConfigError(
      'NEO4J_PASSWORD',
      'NEO4J_PASSWORD is not set; put it in the environment or .env (see .env.example)',
    );
  }
  return {
    engine: 'neo4j',
    uri,
    user: setting(env, 'NEO4J_USER') ?? 'neo4j',
    password,
    database: setting(env, 'NEO4J_DATABASE') ?? 'neo4j',
  };
}

/** One line for logs: the engine and where it lives, never the password. */
export function describeStoreConfig(config: StoreConfig): string {
  return config.engine === 'embedded'
    ? `embedded database at ${config.path}`
    : `Neo4j at ${shown(config.uri)} as ${config.user}, database ${config.database}`;
}
