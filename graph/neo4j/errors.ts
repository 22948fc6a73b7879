/**
 * Turns what neo4j-driver throws into a StoreError with one readable line: what failed, naming the URI,
 * user or database involved, and what to check.
 */
import { StoreError } from '../errors.ts';
import { QueryFileError } from './queries.ts';

export interface ConnectionTarget {
  uri: string;
  user: string;
  database: string;
}

const UNREACHABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);
const AUTH_CODES = new Set([
  'Neo.ClientError.Security.Unauthorized',
  'Neo.ClientError.Security.AuthenticationRateLimit',
  'Neo.ClientError.Security.CredentialsExpired',
]);
const DATABASE_MISSING_CODES = new Set(['Neo.ClientError.Database.DatabaseNotFound']);
const DATABASE_UNAVAILABLE_CODES = new Set(['Neo.TransientError.General.DatabaseUnavailable']);

/** The URI as it may be shown: any user:password@ part removed. */
export function displayUri(uri: string): string {
  return uri.replace(/^([a-z0-9+.-]+:\/\/)[^@/]*@/i, '$1');
}

function errorCode(e: unknown): string {
  if (typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string') return e.code;
  return '';
}

/** The driver's message reduced to one short line; "Caused by: X" is the part worth reading. */
export function oneLine(message: string): string {
  const causedBy = /Caused by:\s*(.+)$/s.exec(message)?.[1];
  const text = (causedBy ?? message).replace(/\s+/g, ' ').trim();
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function storeErrorFromDriver(e: unknown, target: ConnectionTarget, doing: string): StoreError {
  if (e instanceof StoreError) return e;
  const code = errorCode(e);
  const reason = oneLine(messageOf(e));
  const uri = displayUri(target.uri);
  if (e instanceof QueryFileError) return new StoreError('query', e.message, { cause: e });
  if (DATABASE_UNAVAILABLE_CODES.has(code)) {
    return new StoreError(
      'unreachable',
      `Neo4j at ${uri} cannot serve database "${target.database}" right now (${reason}); check the server's state`,
      { cause: e },
    );
  }
  if (UNREACHABLE_CODES.has(code)) {
    return new StoreError(
      'unreachable',
      `Neo4j at ${uri} is unreachable (${reason}); check NEO4J_URI and that the server is running`,
      { cause: e },
    );
  }
  if (AUTH_CODES.has(code)) {
    return new StoreError(
      'auth',
      `Neo4j at ${uri} refused user "${target.user}" (${reason}); check NEO4J_USER and NEO4J_PASSWORD`,
      { cause: e },
    );
  }
  if (DATABASE_MISSING_CODES.has(code)) {
    return new StoreError(
      'database-missing',
      `Neo4j at ${uri} has no database "${target.database}" (${reason}); create it or set NEO4J_DATABASE`,
      { cause: e },
    );
  }
  const codePart = code ? ` [${code}]` : '';
  return new StoreError('query', `Neo4j failed while ${doing}${codePart}: ${reason}`, { cause: e });
}
