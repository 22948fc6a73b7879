/**
 * The words a match can start with, for patterns that begin at a word boundary. The scanner reads a text
 * word by word and tries, at each word, only the patterns filed under that word (or that word and the
 * next), instead of running every pattern over the whole text.
 *
 * Words here are what regular expressions call word characters ([A-Za-z0-9_]); anything else separates
 * them, so "children's social care" is the words "children", "s", "social", "care".
 */

const MAX_PARTIALS = 64;
const PREFIX_LENGTH = 3;

export type StartKey =
  /** The match starts with these two whole words (joined by one space). */
  | { kind: 'two'; key: string }
  /** The match starts with this whole word; what follows is not known. */
  | { kind: 'one'; key: string }
  /** The match starts with a word that begins with these three letters. */
  | { kind: 'prefix'; key: string };

interface Partial {
  words: string[];
  current: string;
  /** 'open': still reading; 'done': two words known, or the pattern ended; 'unknown': cannot tell more. */
  state: 'open' | 'done' | 'unknown';
}

/** Keys, one of which every match starts with; null when the pattern must be run over the whole text. */
export function startKeys(source: string): StartKey[] | null {
  const keys = new Map<string, StartKey>();
  for (const branch of splitAlternatives(source)) {
    if (!branch.startsWith('\\b')) return null;
    const partials = expand(branch.slice(2), [{ words: [], current: '', state: 'open' }]);
    if (partials === null) return null;
    for (const p of partials) {
      const key = keyOf(end(p));
      if (key === null) return null;
      keys.set(`${key.kind}:${key.key}`, key);
    }
  }
  return keys.size > 0 ? [...keys.values()] : null;
}

function keyOf(p: Partial): StartKey | null {
  const [first, second] = p.words;
  if (first && second) return { kind: 'two', key: `${first} ${second}` };
  if (first) return { kind: 'one', key: first };
  if (p.current.length >= PREFIX_LENGTH) return { kind: 'prefix', key: p.current.slice(0, PREFIX_LENGTH) };
  return null;
}

/** The pattern (or a separator) ended the current word. */
function finish(p: Partial): Partial {
  if (p.state !== 'open') return p;
  const words = p.current ? [...p.words, p.current] : p.words;
  return { words, current: '', state: words.length >= 2 ? 'done' : 'open' };
}

function addChar(p: Partial, char: string): Partial {
  if (p.state !== 'open') return p;
  if (/\w/.test(char)) return { ...p, current: p.current + char };
  return finish(p);
}

/** Nothing more can be read: keep the whole words so far, or the start of the first word. */
function unknown(p: Partial): Partial {
  if (p.state !== 'open') return p;
  return { words: p.words, current: p.words.length > 0 ? '' : p.current, state: 'unknown' };
}

/** The pattern ends here; a word still being read may go on in the text, so only its start is known. */
function end(p: Partial): Partial {
  if (p.state !== 'open') return p;
  return p.current === '' ? { ...p, state: 'done' } : unknown(p);
}

type Atom =
  /** One of these characters. */
  | { kind: 'chars'; chars: string[]; end: number }
  /** Only non-word characters (spaces, hyphens, apostrophes): it ends a word. */
  | { kind: 'separator'; end: number }
  | { kind: 'group'; alternatives: string[]; end: number }
  /** A zero-width assertion that does not change what is read (\b). */
  | { kind: 'nothing'; end: number }
  /** Anything else: a word character class, a dot, a lookaround. */
  | { kind: 'unknown'; end: number };

function expand(source: string, start: Partial[]): Partial[] | null {
  let partials = start;
  let i = 0;
  while (i < source.length && partials.some((p) => p.state === 'open')) {
    const atom = readAtom(source, i);
    const q = quantifier(source, atom.end);
    const once = applyAtom(atom, partials);
    if (once === null) return null;
    let next = once;
    if (q.repeats && atom.kind !== 'separator' && atom.kind !== 'nothing') next = once.map(unknown);
    partials = q.optional ? [...partials, ...next] : next;
    if (partials.length > MAX_PARTIALS) return null;
    i = atom.end + q.length;
  }
  return partials;
}

function applyAtom(atom: Atom, partials: Partial[]): Partial[] | null {
  switch (atom.kind) {
    case 'nothing':
      // \b after word characters: the word ends here.
      return partials.map((p) => (p.current ? finish(p) : p));
    case 'separator':
      return partials.map(finish);
    case 'unknown':
      return partials.map(unknown);
    case 'chars':
      return partials.flatMap((p) => (p.state === 'open' ? atom.chars.map((c) => addChar(p, c)) : [p]));
    case 'group': {
      const out: Partial[] = [];
      for (const alternative of atom.alternatives) {
        const open = partials.filter((p) => p.state === 'open');
        const expanded = expand(alternative, open);
        if (expanded === null) return null;
        out.push(...expanded);
        if (out.length > MAX_PARTIALS) return null;
      }
      return [...partials.filter((p) => p.state !== 'open'), ...out];
    }
  }
}

function readAtom(source: string, i: number): Atom {
  const char = source[i] ?? '';
  if (char === '\\') {
    const next = source[i + 1] ?? '';
    if (next === 'b') return { kind: 'nothing', end: i + 2 };
    if (next === 's' || next === 'W') return { kind: 'separator', end: i + 2 };
    if (/[a-zA-Z0-9]/.test(next)) return { kind: 'unknown', end: i + 2 };
    return { kind: 'chars', chars: [next.toLowerCase()], end: i + 2 };
  }
  if (char === '[') {
    const close = classEnd(source, i);
    return classAtom(source.slice(i + 1, close), close + 1);
  }
  if (char === '(') {
    const close = groupEnd(source, i);
    const body = source.slice(i + 1, close);
    // Lookarounds consume nothing: the match still starts with what follows them.
    if (/^\?(?:=|!|<=|<!)/.test(body)) return { kind: 'nothing', end: close + 1 };
    if (body.startsWith('?') && !body.startsWith('?:')) return { kind: 'unknown', end: close + 1 };
    const inner = body.startsWith('?:') ? body.slice(2) : body;
    return { kind: 'group', alternatives: splitAlternatives(inner), end: close + 1 };
  }
  if ('.^$|)'.includes(char)) return { kind: 'unknown', end: i + 1 };
  return { kind: 'chars', chars: [char.toLowerCase()], end: i + 1 };
}

/** A class of a few literal word characters ([sz]) is enumerated; one of only separators ends a word. */
function classAtom(body: string, end: number): Atom {
  if (body.startsWith('^')) return { kind: 'unknown', end };
  const chars: string[] = [];
  let separators = 0;
  for (let i = 0; i < body.length; i++) {
    const char = body[i] ?? '';
    if (char === '\\') {
      const next = body[i + 1] ?? '';
      i++;
      if (next === 's' || next === 'W') separators++;
      else if (next === 'u') {
        chars.push(String.fromCharCode(Number.parseInt(body.slice(i + 1, i + 5), 16)).toLowerCase());
        i += 4;
      } else if (/[a-zA-Z0-9]/.test(next)) return { kind: 'unknown', end };
      else chars.push(next);
      continue;
    }
    if (body[i + 1] === '-' && i + 2 < body.length) {
      const to = body[i + 2] ?? '';
      if (/\w/.test(char) || /\w/.test(to)) return { kind: 'unknown', end };
      separators++;
      i += 2;
      continue;
    }
    chars.push(char.toLowerCase());
  }
  const wordChars = chars.filter((c) => /\w/.test(c));
  if (wordChars.length === 0) return { kind: 'separator', end };
  if (wordChars.length !== chars.length || separators > 0 || chars.length > 8)
    return { kind: 'unknown', end };
  return { kind: 'chars', chars: [...new Set(chars)], end };
}

function quantifier(source: string, at: number): { optional: boolean; repeats: boolean; length: number } {
  const char = source[at] ?? '';
  const lazy = (n: number) => (source[at + n] === '?' ? 1 : 0);
  if (char === '?') return { optional: true, repeats: false, length: 1 + lazy(1) };
  if (char === '*') return { optional: true, repeats: true, length: 1 + lazy(1) };
  if (char === '+') return { optional: false, repeats: true, length: 1 + lazy(1) };
  if (char === '{') {
    const close = source.indexOf('}', at);
    if (close < 0) return { optional: false, repeats: false, length: 0 };
    const [min = '', max] = source.slice(at + 1, close).split(',');
    return {
      optional: Number(min) === 0,
      repeats: max === undefined ? Number(min) > 1 : max === '' || Number(max) > 1,
      length: close - at + 1 + lazy(close - at + 1),
    };
  }
  return { optional: false, repeats: false, length: 0 };
}

function classEnd(source: string, start: number): number {
  let i = start + 1;
  while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
  return i;
}

function groupEnd(source: string, start: number): number {
  let depth = 0;
  for (let i = start; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') {
      i++;
      continue;
    }
    if (char === '[') {
      i = classEnd(source, i);
      continue;
    }
    if (char === '(') depth++;
    else if (char === ')') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return source.length;
}

function splitAlternatives(body: string): string[] {
  const alternatives: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < body.length; i++) {
    const char = body[i] ?? '';
    if (char === '\\') {
      current += char + (body[i + 1] ?? '');
      i++;
      continue;
    }
    if (char === '[') {
      const close = classEnd(body, i);
      current += body.slice(i, close + 1);
      i = close;
      continue;
    }
    if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === '|' && depth === 0) {
      alternatives.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  alternatives.push(current);
  return alternatives;
}
