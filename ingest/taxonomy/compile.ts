/**
 * A validated taxonomy turned into ready-to-run matchers. Compiled once per taxonomy object and cached, so
 * callers pass the plain `Taxonomy` around and never see a RegExp.
 */
import { requiredLiterals } from './needle.ts';
import { phraseAcronyms, phraseToPattern } from './phrase.ts';
import { buildScanIndex, type ScanIndex, scanEntries } from './scan.ts';
import type { TaxonEntry, TaxonKind, Taxonomy } from './types.ts';

export interface Matcher {
  /** Global, case-insensitive; always reset `lastIndex` before use. */
  regex: RegExp;
  /**
   * The regex may match only if, for one of these groups, every needle occurs in the lower-cased text;
   * null means always run it.
   */
  needles: string[][] | null;
  /**
   * Acronyms the matched text must contain as written, in capitals: "SEND" is special educational needs,
   * "send" is a verb. Empty when case does not matter.
   */
  capitals: string[];
}

export interface CompiledEntry {
  kind: TaxonKind;
  id: string;
  label: string;
  matchers: Matcher[];
  exclusions: Matcher[];
  /** Phrases that count only in a sentence where one of `context` also matches. */
  weak: Matcher[];
  context: Matcher[];
  /** A generic theme: it yields to any specific theme named in the same sentence. */
  generic: boolean;
  /** A theme about the child (its group is "child"): a parent's own history does not count for it. */
  aboutChild: boolean;
  /** An agency that commissions reviews: tagged only from learning, recommendations and actions. */
  statementsOnly: boolean;
}

export interface CompiledTaxonomy {
  harmTypes: CompiledEntry[];
  agencies: CompiledEntry[];
  themes: CompiledEntry[];
  /** Every entry of every kind, for scanning a text once. */
  all: CompiledEntry[];
  index: ScanIndex;
}

const FLAGS = 'gi';
const cache = new WeakMap<Taxonomy, CompiledTaxonomy>();

export function compileTaxonomy(taxonomy: Taxonomy): CompiledTaxonomy {
  const cached = cache.get(taxonomy);
  if (cached) return cached;
  const harmTypes = taxonomy.harmTypes.map((e) => compileEntry('harmTypes', e));
  const agencies = taxonomy.agencies.map((e) => ({
    ...compileEntry('agencies', e),
    statementsOnly: e.commissioner,
  }));
  const themes = taxonomy.themes.map((e) => ({
    ...compileEntry('themes', e),
    generic: e.generic,
    aboutChild: e.group === 'child',
  }));
  const all = [...harmTypes, ...agencies, ...themes];
  const compiled = { harmTypes, agencies, themes, all, index: buildScanIndex(all) };
  cache.set(taxonomy, compiled);
  return compiled;
}

function compileEntry(kind: TaxonKind, entry: TaxonEntry): CompiledEntry {
  return {
    kind,
    id: entry.id,
    label: entry.label,
    matchers: [
      ...entry.synonyms.map(phraseMatcher),
      ...entry.patterns.map(spacesAsWhitespace).map(toMatcher),
    ],
    exclusions: (entry.exclusions ?? []).map(spacesAsWhitespace).map(toMatcher),
    weak: (entry.weak ?? []).map(phraseMatcher),
    context: contextMatchers(entry.context ?? []),
    generic: false,
    aboutChild: kind === 'harmTypes',
    statementsOnly: false,
  };
}

/**
 * Context phrases are only ever asked "does any of them occur in this sentence": the plain ones run as one
 * alternation; those with acronyms keep their own matcher, which checks the capitals.
 */
function contextMatchers(phrases: readonly string[]): Matcher[] {
  const plain = phrases.filter((p) => phraseAcronyms(p).length === 0);
  const cased = phrases.filter((p) => phraseAcronyms(p).length > 0).map(phraseMatcher);
  if (plain.length === 0) return cased;
  return [toMatcher(`(?:${plain.map(phraseToPattern).join('|')})`), ...cased];
}

function phraseMatcher(phrase: string): Matcher {
  return { ...toMatcher(phraseToPattern(phrase)), capitals: phraseAcronyms(phrase) };
}

export function toMatcher(source: string): Matcher {
  return { regex: new RegExp(source, FLAGS), needles: requiredLiterals(source), capitals: [] };
}

/** Whether `matched` (a match of the matcher's regex) is written as the matcher requires. */
export function accepts(matcher: Matcher, matched: string): boolean {
  if (matcher.capitals.length === 0) return true;
  const compact = matched.replace(/\s+/g, '');
  return matcher.capitals.every((acronym) => compact.includes(acronym));
}

/**
 * A space written in a taxonomy pattern stands for any run of whitespace: extracted text has line breaks
 * and non-breaking spaces where the reader sees a space.
 */
export function spacesAsWhitespace(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i] ?? '';
    if (char === '\\') {
      out += char + (source[i + 1] ?? '');
      i++;
      continue;
    }
    if (char === '[') inClass = true;
    else if (char === ']') inClass = false;
    out += char === ' ' && !inClass ? '\\s+' : char;
  }
  return out;
}

/** Whether the matcher is worth running on a text whose lower-cased form is `lower`. */
export function mayMatch(matcher: Matcher, lower: string): boolean {
  if (matcher.needles === null) return true;
  return matcher.needles.some((group) => group.every((needle) => lower.includes(needle)));
}

export interface Span {
  start: number;
  end: number;
}

/** Every non-empty match of the matcher in `text`, as offsets into `text`. */
export function findAll(matcher: Matcher, text: string, lower: string): Span[] {
  if (!mayMatch(matcher, lower)) return [];
  const spans: Span[] = [];
  const { regex } = matcher;
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
    if (m[0].length === 0) {
      regex.lastIndex++;
      continue;
    }
    if (!accepts(matcher, m[0])) continue;
    spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Every entry's matches in `text` (offsets into it); entries without a match are left out. */
export function matchTaxonomy(compiled: CompiledTaxonomy, text: string): Map<CompiledEntry, Span[]> {
  const matches = new Map<CompiledEntry, Span[]>();
  for (const [i, spans] of scanEntries(compiled.index, text)) {
    const entry = compiled.all[i];
    if (entry) matches.set(entry, spans);
  }
  return matches;
}
