/**
 * What two recommendations are compared by: their content words. Text is lower-cased, accents dropped,
 * split on anything not a letter or digit; one-character tokens, common English words and the words every
 * recommendation is phrased with ("should", "ensure", "recommend") are dropped; a plural 's'/'ies' is
 * folded so "health visitors" meets "health visitor". The result is a set: sorted and distinct.
 */

const STOP_WORDS = new Set(
  `a about above after again against all also am an and any are as at be been before being below between
  both but by can could did do does doing done down during each either every few for from further had has
  have having he her here hers him his how however i if in into is it its itself just may me might more most
  must my no nor not now of off on once only or other our ours out over own per same shall she should so
  some such than that the their theirs them then there these they this those through to too under until up
  upon us very via was we were what when where which while who whom why will with within without would you
  your ensure ensures ensuring recommend recommends recommended recommendation recommendations consider
  considers`.split(/\s+/),
);

export function contentWords(text: string): string[] {
  const words = new Set<string>();
  for (const raw of text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)) {
    if (raw.length < 2 || STOP_WORDS.has(raw)) continue;
    words.add(singular(raw));
  }
  return [...words].sort();
}

function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us'))
    return word.slice(0, -1);
  return word;
}

/** |a ∩ b| / |a ∪ b| of two sorted distinct lists (0 when both are empty). */
export function jaccard(a: readonly string[], b: readonly string[]): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] ?? '';
    const y = b[j] ?? '';
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  const union = a.length + b.length - shared;
  return union === 0 ? 0 : shared / union;
}
