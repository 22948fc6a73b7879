/**
 * Which characters of a region sit outside brackets and quotes, so lists are never split inside
 * "(aggression; impulsivity)" or "'team around the child; model'". Apostrophes inside words
 * (children's, parents’) are not quotes. When the region's quotes (or brackets) do not balance, they are
 * ignored rather than swallowing the rest of the list.
 */

export type TopLevel = (offset: number) => boolean;

/** `top(i)` is true when text[i] is outside every bracket and quote (for i in [start, end)). */
export function topLevelMask(text: string, start: number, end: number): TopLevel {
  // Most lists hold no bracket or quote at all: everything before the first one is top level.
  let first = start;
  while (first < end && !isSpecial(text.charCodeAt(first))) first += 1;
  if (first === end) return () => true;
  const tail = topLevelMaskFrom(text, first, end);
  return (i) => i < first || tail(i);
}

function isSpecial(c: number): boolean {
  return c < 0x80 ? SPECIAL[c] === 1 : c >= LEFT_SINGLE && c <= RIGHT_DOUBLE;
}

function topLevelMaskFrom(text: string, start: number, end: number): TopLevel {
  let mask = scan(text, start, end, true, true);
  if (!mask) mask = scan(text, start, end, false, true);
  if (!mask) mask = scan(text, start, end, true, false);
  if (!mask) mask = scan(text, start, end, false, false) as Uint8Array;
  const m = mask;
  return (i) => m[i - start] === 1;
}

const OPEN_ROUND = 0x28;
const CLOSE_ROUND = 0x29;
const OPEN_SQUARE = 0x5b;
const CLOSE_SQUARE = 0x5d;
const OPEN_CURLY = 0x7b;
const CLOSE_CURLY = 0x7d;
const DOUBLE = 0x22;
const SINGLE = 0x27;
const LEFT_DOUBLE = 0x201c;
const RIGHT_DOUBLE = 0x201d;
const LEFT_SINGLE = 0x2018;
const RIGHT_SINGLE = 0x2019;

/** ASCII brackets and quotes; every other ASCII character is skipped at once. */
const SPECIAL = new Uint8Array(0x80);
for (const c of [DOUBLE, SINGLE, OPEN_ROUND, CLOSE_ROUND, OPEN_SQUARE, CLOSE_SQUARE, OPEN_CURLY, CLOSE_CURLY])
  SPECIAL[c] = 1;

/** The mask, or null when the brackets/quotes being tracked do not balance. */
function scan(
  text: string,
  start: number,
  end: number,
  quotes: boolean,
  brackets: boolean,
): Uint8Array | null {
  const mask = new Uint8Array(end - start);
  const stack: number[] = [];
  for (let i = start; i < end; i += 1) {
    const c = text.charCodeAt(i);
    mask[i - start] = stack.length === 0 ? 1 : 0;
    if (!isSpecial(c)) continue;
    const top = stack.length > 0 ? (stack[stack.length - 1] as number) : -1;
    if (brackets) {
      if (c === OPEN_ROUND) stack.push(CLOSE_ROUND);
      else if (c === OPEN_SQUARE) stack.push(CLOSE_SQUARE);
      else if (c === OPEN_CURLY) stack.push(CLOSE_CURLY);
      else if ((c === CLOSE_ROUND || c === CLOSE_SQUARE || c === CLOSE_CURLY) && top === c) stack.pop();
    }
    if (!quotes) continue;
    const event = quoteEvent(c, text, i, top);
    if (event === 'open') stack.push(c === LEFT_DOUBLE ? RIGHT_DOUBLE : c === LEFT_SINGLE ? RIGHT_SINGLE : c);
    else if (event === 'close') stack.pop();
  }
  return stack.length === 0 ? mask : null;
}

function quoteEvent(c: number, text: string, i: number, top: number): 'open' | 'close' | null {
  switch (c) {
    case DOUBLE:
      return top === DOUBLE ? 'close' : 'open';
    case LEFT_DOUBLE:
      return 'open';
    case RIGHT_DOUBLE:
      return top === RIGHT_DOUBLE ? 'close' : null;
    case LEFT_SINGLE:
      return isWordChar(text, i - 1) ? null : 'open';
    case RIGHT_SINGLE:
      return top === RIGHT_SINGLE && !isWordChar(text, i + 1) ? 'close' : null;
    case SINGLE:
      if (top === SINGLE && !isWordChar(text, i + 1)) return 'close';
      return !isWordChar(text, i - 1) && isWordChar(text, i + 1) ? 'open' : null;
    default:
      return null;
  }
}

function isWordChar(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return true;
  return c > 0x7f && /[\p{L}\p{N}]/u.test(text[i] as string);
}
