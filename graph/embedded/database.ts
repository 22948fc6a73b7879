/**
 * The LadybugDB edge: opening the database file, one writer session (LadybugDB allows one write transaction
 * at a time in the whole system), a small pool of reader sessions, and parameterised queries whose rows come
 * back keyed by their `AS` aliases.
 */
import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import {
  Connection,
  Database,
  type LbugValue,
  type PreparedStatement,
  type QueryResult,
} from '@ladybugdb/core';
import { StoreError } from '../errors.ts';
import { damagedMessage } from './files.ts';

export type Row = Record<string, LbugValue>;
export type Params = Record<string, LbugValue>;
/** Runs one read query; each call may use a different reader session. */
export type Rows = (cypher: string, params?: Params) => Promise<Row[]>;

/** Rows are read synchronously (far faster than one async hop per row) in slices, yielding in between. */
const ROWS_PER_SLICE = 2_000;

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function firstLineOf(text: string): string {
  return text.split('\n')[0]?.trim() ?? text;
}

export function queryError(e: unknown, cypher: string): StoreError {
  if (e instanceof StoreError) return e;
  const head = cypher.replace(/\s+/g, ' ').trim().slice(0, 100);
  return new StoreError('query', `LadybugDB rejected a query: ${messageOf(e)} (query: ${head})`, {
    cause: e,
  });
}

async function readRows(result: QueryResult): Promise<Row[]> {
  const rows: Row[] = [];
  try {
    while (result.hasNext()) {
      for (let i = 0; i < ROWS_PER_SLICE && result.hasNext(); i++) {
        const row = result.getNextSync();
        if (row) rows.push(row);
      }
      if (result.hasNext()) await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    result.close();
  }
  return rows;
}

/** One connection; prepared statements are cached per query text. */
export class Session {
  private readonly prepared = new Map<string, PreparedStatement>();

  constructor(private readonly connection: Connection) {}

  async rows(cypher: string, params?: Params): Promise<Row[]> {
    try {
      const result = params
        ? await this.connection.execute(await this.prepare(cypher), params)
        : await this.connection.query(cypher);
      if (!Array.isArray(result)) return await readRows(result);
      const rows: Row[] = [];
      for (const r of result) for (const row of await readRows(r)) rows.push(row);
      return rows;
    } catch (e) {
      throw queryError(e, cypher);
    }
  }

  async run(cypher: string, params?: Params): Promise<void> {
    await this.rows(cypher, params);
  }

  private async prepare(cypher: string): Promise<PreparedStatement> {
    const cached = this.prepared.get(cypher);
    if (cached) return cached;
    const statement = await this.connection.prepare(cypher);
    if (!statement.isSuccess()) throw new Error(statement.getErrorMessage());
    this.prepared.set(cypher, statement);
    return statement;
  }

  async close(): Promise<void> {
    this.prepared.clear();
    await this.connection.close();
  }
}

/**
 * Runs `work` inside BEGIN TRANSACTION / COMMIT. LadybugDB rolls a transaction back by itself when a statement
 * in it fails; the ROLLBACK here covers failures raised by our own checks.
 */
export async function inTransaction<T>(
  session: Session,
  work: () => Promise<T>,
  mode: 'READ WRITE' | 'READ ONLY' = 'READ WRITE',
): Promise<T> {
  await session.run(mode === 'READ ONLY' ? 'BEGIN TRANSACTION READ ONLY' : 'BEGIN TRANSACTION');
  let result: T;
  try {
    result = await work();
  } catch (e) {
    await session.run('ROLLBACK').catch((rollbackError: unknown) => {
      if (!/no active transaction/i.test(messageOf(rollbackError))) throw rollbackError;
    });
    throw e;
  }
  await session.run('COMMIT');
  return result;
}

/** Runs tasks one after another, in the order they were queued. */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const next = this.tail.then(task, task);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

/** A fixed set of sessions handed out one task at a time. */
export class SessionPool {
  private readonly idle: Session[];
  private readonly waiting: Array<(s: Session) => void> = [];

  constructor(private readonly sessions: Session[]) {
    this.idle = [...sessions];
  }

  private acquire(): Promise<Session> {
    const session = this.idle.pop();
    return session ? Promise.resolve(session) : new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(session: Session): void {
    const next = this.waiting.shift();
    if (next) next(session);
    else this.idle.push(session);
  }

  async use<T>(task: (s: Session) => Promise<T>): Promise<T> {
    const session = await this.acquire();
    try {
      return await task(session);
    } finally {
      this.release(session);
    }
  }

  /** Waits for the reads in flight, then closes every session. */
  async close(): Promise<void> {
    const all = await Promise.all(this.sessions.map(() => this.acquire()));
    await Promise.all(all.map((s) => s.close()));
  }
}

export function lockedMessage(path: string): string {
  return (
    `${path} is in use by another Threadline process (probably the server). Stop it, or ingest through the ` +
    'running server: the ingestDocument mutation at /graphql (with THREADLINE_ADMIN_TOKEN set on the server and ' +
    'sent as "Authorization: Bearer <token>").'
  );
}

/** Opens (creating when missing) the database file at `path`; its parent directory is created if needed. */
export async function openDatabase(
  path: string,
  sizes: { maxDbBytes?: number | undefined; bufferPoolBytes?: number | undefined } = {},
): Promise<Database> {
  const existing = await stat(path).catch(() => null);
  if (existing?.isDirectory()) {
    throw new StoreError(
      'invalid-input',
      `${path} is a directory, but LadybugDB keeps a database in one file: set THREADLINE_DB_PATH to a file path ` +
        `inside it (e.g. ${path}/threadline.lbug) or remove the directory.`,
    );
  }
  await mkdir(dirname(path), { recursive: true });
  // A log whose last record was cut off by a killed process is replayed up to that record (the cut-off
  // transaction never committed) instead of refusing to open the database.
  const database = new Database(
    path,
    sizes.bufferPoolBytes ?? 0,
    true,
    false,
    sizes.maxDbBytes ?? 0,
    true,
    -1,
    false,
  );
  try {
    await database.init();
  } catch (e) {
    if (/Could not set lock on file/i.test(messageOf(e))) {
      throw new StoreError('locked', lockedMessage(path), { cause: e });
    }
    throw new StoreError('damaged', damagedMessage(path, firstLineOf(messageOf(e))), { cause: e });
  }
  return database;
}

export async function openSession(database: Database): Promise<Session> {
  const connection = new Connection(database);
  await connection.init();
  return new Session(connection);
}
