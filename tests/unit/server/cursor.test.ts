import { describe, expect, it } from 'vitest';
import { isUserError } from '../../../server/graphql/errors.ts';
import {
  checkFirst,
  compareAskKeys,
  compareStatementKeys,
  decodeAskCursor,
  decodeCaseCursor,
  decodeOffsetCursor,
  decodeStatementCursor,
  encodeAskCursor,
  encodeCaseCursor,
  encodeOffsetCursor,
  encodeStatementCursor,
  firstAfter,
} from '../../../server/pagination/cursor.ts';

describe('cursors', () => {
  it('round-trips a case position, including an unknown year and ids with colons', () => {
    const key = { year: null, id: 'case:with:colons' };
    expect(decodeCaseCursor(encodeCaseCursor(key))).toEqual(key);
    expect(decodeCaseCursor(encodeCaseCursor({ year: 2019, id: 'x' }))).toEqual({ year: 2019, id: 'x' });
    expect(decodeCaseCursor(null)).toBeNull();
  });

  it('points an offset cursor at the item after it', () => {
    expect(decodeOffsetCursor(encodeOffsetCursor(0))).toBe(1);
    expect(decodeOffsetCursor(undefined)).toBe(0);
  });

  it('refuses a cursor from another list with BAD_USER_INPUT naming the argument', () => {
    const attempt = () => decodeCaseCursor(encodeOffsetCursor(3));
    expect(attempt).toThrow(/after: ".*" is not a cursor of this list/);
    const error = (() => {
      try {
        decodeOffsetCursor('not base64 json');
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(isUserError(error)).toBe(true);
    expect((error as { extensions: unknown }).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'after',
    });
  });

  it('round-trips a statement keyset and still reads an offset cursor given out before', () => {
    const key = { caseId: 'camden:2016', start: 120, id: 'lrn-abc-120-180' };
    expect(decodeStatementCursor(encodeStatementCursor(key))).toEqual({ kind: 'key', key });
    expect(decodeStatementCursor(encodeOffsetCursor(4))).toEqual({ kind: 'offset', offset: 5 });
    expect(decodeStatementCursor(null)).toEqual({ kind: 'start' });
    const ask = { year: null, caseId: 'b', start: 3, id: 'rec-x' };
    expect(decodeAskCursor(encodeAskCursor(ask))).toEqual({ kind: 'key', key: ask });
    expect(() => decodeStatementCursor(encodeCaseCursor({ year: 2020, id: 'x' }))).toThrow(
      /is not a cursor of this list/,
    );
  });

  it('starts the next page after the place of the cursor, whether or not its statement is still listed', () => {
    const second = { caseId: 'a', start: 9, id: 'l2' };
    const rows = [{ caseId: 'a', start: 5, id: 'l1' }, second, { caseId: 'c', start: 1, id: 'l3' }];
    const same = (r: (typeof rows)[number]) => r;
    expect(firstAfter(rows, second, same, compareStatementKeys)).toBe(2);
    // A statement removed since: the page starts at the first one sorting after where it stood.
    expect(firstAfter(rows, { caseId: 'b', start: 0, id: 'gone' }, same, compareStatementKeys)).toBe(2);
    expect(firstAfter(rows, { caseId: 'z', start: 0, id: 'z' }, same, compareStatementKeys)).toBe(3);
  });

  it('orders recommendations newest review first, unknown years last, as the answers list them', () => {
    const keys = [
      { year: 2024, caseId: 'b', start: 1, id: 'r1' },
      { year: 2020, caseId: 'a', start: 1, id: 'r2' },
      { year: 2020, caseId: 'a', start: 7, id: 'r3' },
      { year: null, caseId: 'a', start: 0, id: 'r4' },
    ];
    for (let i = 1; i < keys.length; i++) {
      expect(
        compareAskKeys(keys[i - 1] as (typeof keys)[number], keys[i] as (typeof keys)[number]),
      ).toBeLessThan(0);
    }
  });

  it('caps first with a message that says how to page', () => {
    expect(checkFirst(undefined, 100)).toBe(20);
    expect(checkFirst(100, 100)).toBe(100);
    expect(() => checkFirst(101, 100)).toThrow(
      'first must be between 0 and 100 (got 101); fetch more with after: pageInfo.endCursor',
    );
    expect(() => checkFirst(-1, 100)).toThrow(/between 0 and 100/);
  });
});
