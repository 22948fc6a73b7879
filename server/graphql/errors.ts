/**
 * Errors a caller can act on. They pass through error masking unchanged (they are GraphQLErrors with a
 * code); anything else is masked as "Unexpected error." and logged on the server.
 *
 * They are built with yoga's createGraphQLError so that they are instances of the same GraphQLError class
 * yoga checks against, however the `graphql` package was resolved for this module (ESM or CommonJS).
 */
import type { GraphQLError } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';
import { firstLine, type StoreError } from '../../graph/errors.ts';

const USER_ERROR_CODES = new Set<string>([
  'BAD_USER_INPUT',
  'FORBIDDEN',
  'NOT_FOUND',
  'SERVICE_UNAVAILABLE',
  'TIMEOUT',
]);

export type UserErrorCode = 'BAD_USER_INPUT' | 'FORBIDDEN' | 'NOT_FOUND' | 'SERVICE_UNAVAILABLE' | 'TIMEOUT';

export function userError(
  code: UserErrorCode,
  message: string,
  extra: Record<string, unknown> = {},
): GraphQLError {
  return createGraphQLError(message, { extensions: { code, ...extra } });
}

export function badInput(message: string, argument?: string): GraphQLError {
  return userError('BAD_USER_INPUT', message, argument ? { argument } : {});
}

export function forbidden(message: string): GraphQLError {
  return userError('FORBIDDEN', message);
}

export function notFound(message: string): GraphQLError {
  return userError('NOT_FOUND', message);
}

/** Store errors a caller can do something about (the database is down, locked, refuses input) keep their message. */
export function fromStoreError(error: StoreError): GraphQLError {
  if (error.kind === 'invalid-input') return badInput(error.message);
  return userError('SERVICE_UNAVAILABLE', `The database cannot answer: ${firstLine(error.message)}`, {
    storeError: error.kind,
  });
}

/** A GraphQLError from any copy of the graphql package. */
export function isGraphQLErrorLike(e: unknown): e is GraphQLError {
  return e instanceof Error && e.name === 'GraphQLError';
}

/** One of ours: a GraphQLError carrying one of the user error codes. */
export function isUserError(e: unknown): e is GraphQLError {
  return isGraphQLErrorLike(e) && USER_ERROR_CODES.has(String(e.extensions?.code));
}

/** The innermost cause behind a (possibly wrapped) resolver error. */
export function rootCause(e: unknown): unknown {
  let current = e;
  while (isGraphQLErrorLike(current) && current.originalError) current = current.originalError;
  return current;
}
