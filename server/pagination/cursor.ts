/**
 * Opaque Relay cursors, base64url JSON. Case and statement cursors carry the item's place in the listing
 * order (a keyset: its sort key, not its offset), so a page boundary stays put when documents are added or
 * removed and the index is rebuilt: the next page starts at the first item that sorts after the cursor,
 * whether or not that item is still there. Offset cursors remain for lists with no stable order (recurring
 * asks, ranked by how many reviews make them), and are still read where statement cursors once were.
 */
import { compareText } from '../../graph/read-rules.ts';
import { compareKeys, type SortKey } from '../analytics/index.ts';
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

/** A statement's place in the statement listings: its review's id, then its start, then its id. */
export interface StatementKey {
  caseId: string;
  start: number;
  id: string;
}

/** A recommendation's place in the recommendation answers: its review's place (year, id), start, id. */
export interface AskKey extends StatementKey {
  year: number | null;
}

/** Where a page starts: at the beginning, after an offset (older cursors), or after a key. */
export type After<K> = { kind: 'start' } | { kind: 'offset'; offset: number } | { kind: 'key'; key: K };

export function encodeStatementCursor(key: StatementKey): string {
  return Buffer.from(JSON.stringify(['s', key.caseId, key.start, key.id])).toString('base64url');
}

export function encodeAskCursor(key: AskKey): string {
  return Buffer.from(JSON.stringify(['r', key.year, key.caseId, key.start, key.id])).toString('base64url');
}

export function compareStatementKeys(a: StatementKey, b: StatementKey): number {
  return compareText(a.caseId, b.caseId) || a.start - b.start || compareText(a.id, b.id);
}

export function compareAskKeys(a: AskKey, b: AskKey): number {
  return (
    compareKeys({ year: a.year, id: a.caseId }, { year: b.year, id: b.caseId }) ||
    a.start - b.start ||
    compareText(a.id, b.id)
  );
}

/** A statement page's start: a statement cursor, or an offset cursor given out before keysets. */
export function decodeStatementCursor(cursor: string | null | undefined): After<StatementKey> {
  if (cursor === null || cursor === undefined || cursor === '') return { kind: 'start' };
  const parsed = parseCursor(cursor);
  if (
    Array.isArray(parsed) &&
    parsed.length === 4 &&
    parsed[0] === 's' &&
    typeof parsed[1] === 'string' &&
    Number.isInteger(parsed[2]) &&
    typeof parsed[3] === 'string'
  ) {
    return { kind: 'key', key: { caseId: parsed[1], start: parsed[2] as number, id: parsed[3] } };
  }
  return { kind: 'offset', offset: decodeOffsetCursor(cursor) };
}

/** A recommendation-answer page's start: an ask cursor, or an offset cursor given out before keysets. */
export function decodeAskCursor(cursor: string | null | undefined): After<AskKey> {
  if (cursor === null || cursor === undefined || cursor === '') return { kind: 'start' };
  const parsed = parseCursor(cursor);
  if (
    Array.isArray(parsed) &&
    parsed.length === 5 &&
    parsed[0] === 'r' &&
    (parsed[1] === null || Number.isInteger(parsed[1])) &&
    typeof parsed[2] === 'string' &&
    Number.isInteger(parsed[3]) &&
    typeof parsed[4] === 'string'
  ) {
    const [, year, caseId, start, id] = parsed as [string, number | null, string, number, string];
    return { kind: 'key', key: { year, caseId, start, id } };
  }
  return { kind: 'offset', offset: decodeOffsetCursor(cursor) };
}

/** The index of the first item of a sorted list that sorts after `key` (the list's length when none). */
export function firstAfter<T, K>(
  items: readonly T[],
  key: K,
  keyOf: (item: T) => K,
  compare: (a: K, b: K) => number,
): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const item = items[mid] as T;
    if (compare(keyOf(item), key) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
