/**
 * The server's configuration, read from the environment once at start. Every problem is reported at once,
 * each naming the variable and what it accepts, so a misconfigured deployment fails before it listens.
 */
import { type ExtractLimits, extractLimits, readLimitProblems } from '../ingest/index.ts';

export interface ServerLimits {
  /** Largest `first` a connection accepts. */
  maxFirst: number;
  /** Longest path `connections` searches. */
  maxHops: number;
  /** Deepest `neighbourhood` expansion. */
  maxDepth: number;
  /** Selection depth of one operation. */
  maxQueryDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxCost: number;
  /** Largest request body with the admin token (uploads included), in bytes. */
  maxBodyBytes: number;
  /** Largest request body without the admin token (a query and its variables), in bytes. */
  maxQueryBodyBytes: number;
  /** Cases and statements one request may list through connections, in all. */
  maxItems: number;
  /** Case details one request may read. */
  maxDetails: number;
}

export interface ServerConfig {
  host: string;
  port: number;
  apiToken: string | null;
  adminToken: string | null;
  /** Origins allowed to call the API from a browser; empty = CORS closed. */
  corsOrigins: string[];
  webDir: string;
  requestTimeoutMs: number;
  /**
   * How long a request made while the analytics index is first being built waits for it before it is told
   * to try again (503 with Retry-After).
   */
  indexWaitMs: number;
  limits: ServerLimits;
  /** Time and memory one uploaded document may take to read, on its worker thread. */
  extract: ExtractLimits;
}

export class ServerConfigError extends Error {
  override readonly name = 'ServerConfigError';
  constructor(readonly problems: string[]) {
    super(`Invalid server configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

export const DEFAULT_LIMITS: ServerLimits = {
  maxFirst: 100,
  maxHops: 6,
  maxDepth: 3,
  maxQueryDepth: 12,
  maxAliases: 30,
  maxDirectives: 20,
  maxTokens: 2000,
  maxCost: 100_000,
  maxBodyBytes: 60 * 1024 * 1024,
  maxQueryBodyBytes: 1024 * 1024,
  maxItems: 5000,
  maxDetails: 250,
};

/** Long enough for a small database's index to arrive; short enough that a caller hears back within a second. */
export const DEFAULT_INDEX_WAIT_MS = 750;

const MIN_TOKEN_LENGTH = 16;

type Env = Record<string, string | undefined>;

class Reader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  text(name: string): string | null {
    const value = this.env[name]?.trim();
    return value ? value : null;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const raw = this.text(name);
    if (raw === null) return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      this.problems.push(`${name}=${raw} is not a whole number between ${min} and ${max}`);
      return fallback;
    }
    return Number(raw);
  }

  token(name: string): string | null {
    const value = this.text(name);
    if (value !== null && value.length < MIN_TOKEN_LENGTH) {
      this.problems.push(
        `${name} is too short: use at least ${MIN_TOKEN_LENGTH} characters (e.g. openssl rand -hex 24)`,
      );
    }
    if (value !== null && /\s/.test(value)) this.problems.push(`${name} must not contain spaces`);
    return value;
  }

  origins(name: string): string[] {
    const raw = this.text(name);
    if (raw === null) return [];
    const origins = raw
      .split(',')
      .map((o) => o.trim())
      .filter((o) => o.length > 0);
    for (const origin of origins) {
      if (origin !== '*' && !isOrigin(origin)) {
        this.problems.push(
          `${name}: "${origin}" is not an origin like https://example.org or http://localhost:5173`,
        );
      }
    }
    return origins.map((o) => o.replace(/\/$/, ''));
  }
}

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value.replace(/\/$/, '');
  } catch {
    return false;
  }
}

/** Reads HOST, PORT, THREADLINE_* server variables. Throws ServerConfigError listing every problem. */
export function readServerConfig(env: Env): ServerConfig {
  const r = new Reader(env);
  const host = r.text('HOST') ?? '127.0.0.1';
  const port = r.integer('PORT', 4000, 0, 65535);
  const apiToken = r.token('THREADLINE_API_TOKEN');
  const adminToken = r.token('THREADLINE_ADMIN_TOKEN');
  const corsOrigins = r.origins('THREADLINE_CORS_ORIGINS');
  const webDir = r.text('THREADLINE_WEB_DIR') ?? 'dist/web';
  const requestTimeoutMs = r.integer('THREADLINE_REQUEST_TIMEOUT_MS', 15_000, 100, 600_000);
  const indexWaitMs = r.integer('THREADLINE_INDEX_WAIT_MS', DEFAULT_INDEX_WAIT_MS, 0, 600_000);
  const limits: ServerLimits = {
    ...DEFAULT_LIMITS,
    maxFirst: r.integer('THREADLINE_MAX_FIRST', DEFAULT_LIMITS.maxFirst, 1, 1000),
    maxHops: r.integer('THREADLINE_MAX_HOPS', DEFAULT_LIMITS.maxHops, 1, 10),
    maxCost: r.integer('THREADLINE_MAX_COST', DEFAULT_LIMITS.maxCost, 100, 1_000_000),
    maxBodyBytes:
      r.integer('THREADLINE_MAX_UPLOAD_MB', DEFAULT_LIMITS.maxBodyBytes / 1024 / 1024, 1, 1024) * 1024 * 1024,
  };
  if (apiToken !== null && apiToken === adminToken) {
    r.problems.push(
      'THREADLINE_API_TOKEN and THREADLINE_ADMIN_TOKEN must differ (the admin token also grants reads)',
    );
  }
  // The reading limits (file size, unzipped size, pages, time, memory) are read by the readers themselves;
  // checking them here means a typo stops the server instead of quietly falling back to a default.
  r.problems.push(...readLimitProblems(env));
  if (r.problems.length > 0) throw new ServerConfigError(r.problems);
  const extract = extractLimits(env);
  return {
    host,
    port,
    apiToken,
    adminToken,
    corsOrigins,
    webDir,
    requestTimeoutMs,
    indexWaitMs,
    limits,
    extract,
  };
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** Listening beyond this machine with no API token means anyone who can reach the port can read. */
export function exposureWarning(config: Pick<ServerConfig, 'host' | 'apiToken'>): string | null {
  if (LOOPBACK.has(config.host) || config.host.startsWith('127.')) return null;
  if (config.apiToken !== null) return null;
  return `listening on ${config.host} without THREADLINE_API_TOKEN: anyone who can reach this port can read the data; set THREADLINE_API_TOKEN (and THREADLINE_ADMIN_TOKEN for uploads), or HOST=127.0.0.1`;
}
