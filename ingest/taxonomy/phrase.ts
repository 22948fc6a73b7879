/**
 * Turns a plain phrase from the taxonomy ("children's social care", "multi-agency working") into a regular
 * expression source that also accepts the forms reviews actually use: American spellings, plurals, the
 * inflections of the verbs practice is described with ("share information" is also "shared information"
 * and "sharing information"), curly or missing apostrophes, hyphens written as spaces (or left out) and line
 * breaks inside the phrase.
 */

const HYPHENS = '\\-\u2010\u2011\u2012\u2013';
/** Between words of the phrase: any run of spaces, line breaks or hyphens. */
const WORD_GAP = `[\\s${HYPHENS}]+`;
/** Where the phrase has a hyphen: a space, a hyphen, or nothing ("multi-agency", "multi agency", "multiagency"). */
const HYPHEN_GAP = `[\\s${HYPHENS}]*`;
const APOSTROPHE = "['\u2019]?";

const IRREGULAR_PLURALS: Readonly<Record<string, string>> = {
  child: 'children',
  man: 'men',
  woman: 'women',
  person: 'people',
  wife: 'wives',
  life: 'lives',
  analysis: 'analyses',
  crisis: 'crises',
};

/** Words whose last letters must not be pluralised or respelt: acronyms and words that are already plural. */
const FIXED_WORDS = new Set(['children', 'people', 'men', 'women', 'services', 'needs', 'parents', 'carers']);

/**
 * Verbs whose other forms say the same thing in a phrase: a phrase written with the base form ("engage
 * with fathers", "look beyond", "challenge decisions") also matches "engaged", "looking", "challenges".
 * A closed list: inflecting every word would let nouns such as "plan" turn into "planning".
 */
const VERBS = new Set([
  'ask',
  'assess',
  'challenge',
  'check',
  'communicate',
  'consider',
  'coordinate',
  'disclose',
  'engage',
  'escalate',
  'identify',
  'involve',
  'listen',
  'look',
  'manage',
  'monitor',
  'notice',
  'recognise',
  'refer',
  'respond',
  'share',
  'transfer',
]);
/** Verbs that double their last consonant before -ed and -ing. */
const DOUBLING = new Set(['refer', 'transfer']);

const patterns = new Map<string, string>();

export function phraseToPattern(phrase: string): string {
  let pattern = patterns.get(phrase);
  if (pattern === undefined) {
    pattern = buildPattern(phrase);
    patterns.set(phrase, pattern);
  }
  return pattern;
}

function buildPattern(phrase: string): string {
  const words = splitWords(phrase.trim());
  const parts: string[] = [];
  words.forEach((word, index) => {
    if (index > 0) parts.push(word.gap === '-' ? HYPHEN_GAP : WORD_GAP);
    const isLast = index === words.length - 1;
    const verb = verbForms(word.text);
    if (verb) parts.push(verb);
    else parts.push(isLast ? withPlural(word.text) : wordPattern(word.text));
  });
  const source = parts.join('');
  const first = phrase.trim()[0] ?? '';
  const last = phrase.trim().slice(-1);
  return `${isWordChar(first) ? '\\b' : ''}${source}${isWordChar(last) ? '\\b' : ''}`;
}

interface PhraseWord {
  text: string;
  /** What separated this word from the previous one. */
  gap: ' ' | '-';
}

function splitWords(phrase: string): PhraseWord[] {
  const words: PhraseWord[] = [];
  for (const match of phrase.matchAll(/([\s\-\u2010-\u2013]+)?([^\s\-\u2010-\u2013]+)/g)) {
    const gap = match[1] && !/\s/.test(match[1]) ? '-' : ' ';
    words.push({ text: match[2] ?? '', gap });
  }
  return words;
}

function isWordChar(char: string): boolean {
  return /\w/.test(char);
}

function isAcronym(word: string): boolean {
  return word.length >= 2 && /^[A-Z0-9&]+$/.test(word) && /[A-Z]/.test(word);
}

/**
 * The acronyms in a phrase ("SEND", "CAMHS", "A&E"). Matching stays case-insensitive for the other words,
 * but an acronym must appear in capitals: lower-case "send", "mash" or "lac" are ordinary words.
 */
export function phraseAcronyms(phrase: string): string[] {
  return splitWords(phrase.trim())
    .map((w) => w.text)
    .filter(isAcronym);
}

/** The base form, -s, -ed and -ing of a listed verb ("share" -> share, shares, shared, sharing); null otherwise. */
function verbForms(word: string): string | null {
  const lower = word.toLowerCase();
  if (!VERBS.has(lower)) return null;
  const forms = [lower];
  if (lower.endsWith('e')) forms.push(`${lower}s`, `${lower}d`, `${lower.slice(0, -1)}ing`);
  else if (/[^aeiou]y$/.test(lower))
    forms.push(`${lower.slice(0, -1)}ies`, `${lower.slice(0, -1)}ied`, `${lower}ing`);
  else if (/(?:s|x|z|ch|sh)$/.test(lower)) forms.push(`${lower}es`, `${lower}ed`, `${lower}ing`);
  else if (DOUBLING.has(lower))
    forms.push(`${lower}s`, `${lower}${lower.slice(-1)}ed`, `${lower}${lower.slice(-1)}ing`);
  else forms.push(`${lower}s`, `${lower}ed`, `${lower}ing`);
  return `(?:${forms.map(wordPattern).join('|')})`;
}

function withPlural(word: string): string {
  if (isAcronym(word)) return `${escapeWord(word)}s?`;
  const lower = word.toLowerCase();
  if (!/^[a-z]+$/.test(lower) || FIXED_WORDS.has(lower)) return wordPattern(word);
  const irregular = IRREGULAR_PLURALS[lower];
  if (irregular) return `(?:${wordPattern(word)}|${wordPattern(irregular)})`;
  if (/[^aeiou]y$/.test(lower)) return `${wordPattern(word.slice(0, -1))}(?:y|ies)`;
  if (/(?:s|x|z|ch|sh)$/.test(lower)) return `${wordPattern(word)}(?:es)?`;
  return `${wordPattern(word)}s?`;
}

/** One word, case-insensitive, with its British spelling widened to accept the American one. */
export function wordPattern(word: string): string {
  if (isAcronym(word)) return escapeWord(word);
  let pattern = escapeWord(word.toLowerCase());
  for (const [british, either] of SPELLINGS) pattern = pattern.replace(british, either);
  return pattern;
}

/** British -> British-or-American, applied to the escaped lower-case word. Order matters. */
const SPELLINGS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(.{3,})our(s|ed|ing|al|able|ite|ites)?$/, '$1ou?r$2'], // behaviour, colour, honour, neighbour
  [/^(.{2,})i[sz](e|es|ed|ing|ation|ations|ational)$/, '$1i[sz]$2'], // organise, radicalisation
  [/^(.{2,})y[sz](e|es|ed|ing)$/, '$1y[sz]$2'], // analyse, paralyse
  [/^(.*)ae(.+)$/, '$1a?e$2'], // paediatric, haemorrhage, anaesthetic
  [/^fo(e)t(.*)$/, 'fo?et$2'], // foetal
  [/^(.+)t(re|res)$/, '$1t(?:re|er)s?'], // centre, theatre
  [/^(.+)programme(s?)$/, '$1program(?:me)?$2'],
  [/^programme(s?)$/, 'program(?:me)?$1'],
  [/^(.+[aeiou])ll(ed|ing|or|ors)$/, '$1ll?$2'], // counselling, labelled, travelled
  [/^judgement(s?)$/, 'judge?ment$1'],
  [/^sceptic(.*)$/, 's[ck]eptic$1'],
  [/^(off|def|lic)enc(e|es)$/, '$1en[cs]$2'], // offence, defence, licence
  [/^focuss(ed|ing)$/, 'focuss?$1'],
  [/^focus(ed|ing)$/, 'focuss?$1'],
  [/^(.+)ogue(s?)$/, '$1og(?:ue)?$2'], // catalogue, dialogue
];

function escapeWord(word: string): string {
  return word
    .replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
    .replace(/['\u2019]/g, APOSTROPHE)
    .replace(/&/g, '\\s*&\\s*');
}
