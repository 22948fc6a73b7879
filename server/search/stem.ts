/**
 * A small, deterministic English stemmer for search: it folds the inflections analysts type ("drowned",
 * "drowning", "drowns") onto one stem so a query meets a taxonomy label or synonym in another form. It is
 * not a linguistic stemmer: it only has to send both sides of a comparison to the same string.
 */

/** Longest first, so "-ers" wins over "-s" and "-ness" over "-s". */
const SUFFIXES = ['ness', 'ers', 'ing', 'ed', 'er', 'es', 'ly', 's'] as const;

/** A stem shorter than this is left whole: "bed" is not "b" + "-ed", "sing" is not "s" + "-ing". */
const MIN_STEM = 3;

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

/** The stem of one lower-case word. */
export function stem(word: string): string {
  let w = word.toLowerCase();
  // "families" and "family", "babies" and "baby" meet before the suffixes are tried.
  if (w.endsWith('ies') && w.length - 3 >= MIN_STEM - 1) w = `${w.slice(0, -3)}y`;
  w = stripSuffix(w);
  // "abuse", "abused" and "abuses" all end up "abus".
  if (w.endsWith('e') && w.length - 1 >= MIN_STEM) w = w.slice(0, -1);
  return undoubled(w);
}

function stripSuffix(w: string): string {
  for (const suffix of SUFFIXES) {
    if (!w.endsWith(suffix)) continue;
    const rest = w.slice(0, -suffix.length);
    if (rest.length < MIN_STEM || !hasVowel(rest)) continue;
    // "class", "witness" keep their double s; "-s" after "s" or "u" ("focus") is part of the word.
    if (suffix === 's' && (rest.endsWith('s') || rest.endsWith('u') || rest.endsWith('i'))) continue;
    // "witness" is not "wit" + "-ness"; "darkness" is "dark" + "-ness".
    if (suffix === 'ness' && rest.length < MIN_STEM + 1) continue;
    return rest;
  }
  return w;
}

/** "running" -> "runn" -> "run", and "run" stays "run": a final doubled consonant is folded. */
function undoubled(w: string): string {
  const last = w.at(-1);
  if (last !== undefined && w.length > MIN_STEM && w.at(-2) === last && !VOWELS.has(last)) {
    return w.slice(0, -1);
  }
  return w;
}

function hasVowel(text: string): boolean {
  for (const c of text) if (VOWELS.has(c) || c === 'y') return true;
  return false;
}

/**
 * Lower-case words of a phrase: runs of letters and digits. Apostrophes join ("children's" is one word,
 * so it stems like "childrens"); hyphens and other marks break ("multi-agency" is two).
 */
export function words(phrase: string): string[] {
  return phrase
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['\u2019]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** The stems of a phrase's words, in order. */
export function stems(phrase: string): string[] {
  return words(phrase).map(stem);
}
