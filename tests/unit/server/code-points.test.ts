import { describe, expect, it } from 'vitest';
import { codePointOffset, surrogatePairStarts } from '../../../server/graphql/code-points.ts';

/** The code-point offset of a UTF-16 offset, counted the slow way. */
function slow(text: string, utf16: number): number {
  return [...text.slice(0, utf16)].length;
}

describe('code-point offsets from UTF-16 offsets', () => {
  it('leaves offsets alone in text without characters outside the Basic Multilingual Plane', () => {
    const text = 'Café – naïve “quote” 中文';
    const pairs = surrogatePairStarts(text);
    expect(pairs.length).toBe(0);
    for (let i = 0; i <= text.length; i++) expect(codePointOffset(pairs, i)).toBe(i);
  });

  it('counts each emoji before an offset as one code point, not two code units', () => {
    const text = 'a😀b 𝒳 c🧒🏽d';
    const pairs = surrogatePairStarts(text);
    expect([...pairs]).toEqual([1, 5, 9, 11]);
    const quote = 'c🧒🏽d';
    const start = text.indexOf(quote);
    expect(codePointOffset(pairs, start)).toBe(6);
    expect(
      [...text].slice(codePointOffset(pairs, start), codePointOffset(pairs, start + quote.length)).join(''),
    ).toBe(quote);
    for (let i = 0; i <= text.length; i++) {
      if (pairs.includes(i - 1)) continue; // inside a pair: no evidence ever starts or ends there
      expect(codePointOffset(pairs, i), `offset ${i}`).toBe(slow(text, i));
    }
  });

  it('skips a lone surrogate, which is one code point on its own', () => {
    const text = `x\ud800y😀z`;
    const pairs = surrogatePairStarts(text);
    expect([...pairs]).toEqual([3]);
    expect(codePointOffset(pairs, text.length)).toBe(slow(text, text.length));
  });
});
