import { describe, expect, it } from 'vitest';
import { isUserError } from '../../../server/graphql/errors.ts';
import {
  checkFirst,
  decodeCaseCursor,
  decodeOffsetCursor,
  encodeCaseCursor,
  encodeOffsetCursor,
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

  it('caps first with a message that says how to page', () => {
    expect(checkFirst(undefined, 100)).toBe(20);
    expect(checkFirst(100, 100)).toBe(100);
    expect(() => checkFirst(101, 100)).toThrow(
      'first must be between 0 and 100 (got 101); fetch more with after: pageInfo.endCursor',
    );
    expect(() => checkFirst(-1, 100)).toThrow(/between 0 and 100/);
  });
});
