/**
 * Opaque Relay cursors. Case cursors carry the case's place in the listing order (year and id), so a page
 * boundary stays put when the index is rebuilt; statement cursors carry an offset. Both are base64url.
 */
import type { SortKey } from '../analytics/index.ts';
import { badInput } from '../graphql/errors.ts';

export interface PageArgs {
  first: number;
  after: string | null;
}

export function encodeCaseCursor(key: SortKey): string {
  return Buffer.from(JSON.stringify(['c', key.year, key.id])).toString('base64url');
}

export function decodeCaseCursor(cursor: string | null | undefined): SortKey | null {
  if (cursor === null || cursor === undefined || cursor === '') return null;
  const parsed = parseCursor(cursor);
  if (
    Array.isArray(parsed) &&
    parsed.length === 3 &&
    parsed[0] === 'c' &&
    (parsed[1] === null || Number.isInteger(parsed[1])) &&
    typeof parsed[2] === 'string'
  ) {
    return { year: parsed[1] as number | null, id: parsed[2] };
  }
  throw badCursor(cursor);
}

export function encodeOffsetCursor(offset: number): string {
  return Buffer.from(JSON.stringify(['o', offset])).toString('base64url');
}

/** The offset of the item after `cursor` (0 without a cursor). */
export function decodeOffsetCursor(cursor: string | null | undefined): number {
  if (cursor === null || cursor === undefined || cursor === '') return 0;
  const parsed = parseCursor(cursor);
  if (Array.isArray(parsed) && parsed.length === 2 && parsed[0] === 'o' && Number.isInteger(parsed[1])) {
    const offset = parsed[1] as number;
    if (offset >= 0) return offset + 1;
  }
  throw badCursor(cursor);
}

function parseCursor(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor(cursor);
  }
}

function badCursor(cursor: string) {
  const shown = cursor.length > 40 ? `${cursor.slice(0, 40)}…` : cursor;
  return badInput(
    `after: "${shown}" is not a cursor of this list; pass the endCursor (or an edge cursor) of the previous page`,
    'after',
  );
}

/** Validates `first` against the server's cap, with a message that says how to page instead. */
export function checkFirst(first: number | null | undefined, maxFirst: number, argument = 'first'): number {
  const value = first ?? 20;
  if (!Number.isInteger(value) || value < 0 || value > maxFirst) {
    throw badInput(
      `${argument} must be between 0 and ${maxFirst} (got ${value}); fetch more with after: pageInfo.endCursor`,
      argument,
    );
  }
  return value;
}
