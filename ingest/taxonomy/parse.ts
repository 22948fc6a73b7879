/**
 * Reads and validates taxonomy YAML. Validation happens once, here: after it, every id is a unique slug,
 * every sector and group is known and every pattern compiles, so the classifier never has to check.
 */
import { parseDocument } from 'yaml';
import type { Sector } from '../../graph/records.ts';
import { TaxonomyError, type TaxonomyProblem } from './errors.ts';
import { phraseToPattern } from './phrase.ts';
import {
  type HarmTypeEntry,
  SECTORS,
  type TaxonEntry,
  type TaxonKind,
  type Taxonomy,
  THEME_GROUPS,
  type ThemeGroup,
} from './types.ts';

export type TaxonomyResult = { ok: true; taxonomy: Taxonomy } | { ok: false; error: TaxonomyError };

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const TOP_LEVEL_KEYS = ['version', 'harmTypes', 'agencies', 'themes'];
const COMMON_KEYS = ['id', 'label', 'description', 'synonyms', 'patterns', 'exclusions', 'weak', 'context'];
const EXTRA_KEYS: Record<TaxonKind, string[]> = {
  harmTypes: [],
  agencies: ['sector', 'commissioner'],
  themes: ['group', 'generic'],
};

type Raw = Record<string, unknown>;

export function parseTaxonomy(text: string, file: string): TaxonomyResult {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e) => ({
      entry: 'YAML syntax',
      message: `${e.message.split('\n')[0]}; fix the indentation or quoting there`,
    }));
    return { ok: false, error: new TaxonomyError('syntax', file, problems) };
  }
  const problems: TaxonomyProblem[] = [];
  const taxonomy = readTaxonomy(doc.toJS(), problems);
  if (problems.length > 0 || taxonomy === null) {
    return { ok: false, error: new TaxonomyError('invalid', file, problems) };
  }
  return { ok: true, taxonomy };
}

function readTaxonomy(root: unknown, problems: TaxonomyProblem[]): Taxonomy | null {
  if (!isRecord(root)) {
    problems.push({
      entry: 'file',
      message: 'expected a mapping with version, harmTypes, agencies and themes at the top level',
    });
    return null;
  }
  for (const key of Object.keys(root)) {
    if (!TOP_LEVEL_KEYS.includes(key)) {
      problems.push({
        entry: 'file',
        message: `unknown top-level key "${key}"; use ${TOP_LEVEL_KEYS.join(', ')}`,
      });
    }
  }
  const version = root.version;
  if (typeof version !== 'string' && typeof version !== 'number') {
    problems.push({ entry: 'version', message: 'missing; add `version: "YYYY.N"` at the top of the file' });
  }
  const harmTypes = readList(root, 'harmTypes', problems, (raw) => readCommon(raw) as HarmTypeEntry);
  const agencies = readList(root, 'agencies', problems, (raw, where) => ({
    ...readCommon(raw),
    sector: readSector(raw.sector, where, problems),
    commissioner: readFlag('commissioner', raw.commissioner, where, problems),
  }));
  const themes = readList(root, 'themes', problems, (raw, where) => ({
    ...readCommon(raw),
    group: readGroup(raw.group, where, problems),
    generic: readFlag('generic', raw.generic, where, problems),
  }));
  return { version: String(version ?? ''), harmTypes, agencies, themes };
}

function readList<T extends TaxonEntry>(
  root: Raw,
  kind: TaxonKind,
  problems: TaxonomyProblem[],
  read: (raw: Raw, where: string) => T,
): T[] {
  const list = root[kind];
  if (!Array.isArray(list) || list.length === 0) {
    problems.push({ entry: kind, message: `missing or empty; add a list of entries under "${kind}:"` });
    return [];
  }
  const entries: T[] = [];
  const ids = new Map<string, string>();
  const labels = new Map<string, string>();
  list.forEach((raw: unknown, index) => {
    const where = entryName(kind, index, raw);
    if (!isRecord(raw)) {
      problems.push({ entry: where, message: 'expected a mapping with id, label, description and synonyms' });
      return;
    }
    checkKeys(raw, kind, where, problems);
    checkText(raw, where, problems);
    checkUnique(ids, raw.id, where, 'id', problems);
    checkUnique(
      labels,
      typeof raw.label === 'string' ? raw.label.toLowerCase() : raw.label,
      where,
      'label',
      problems,
    );
    checkPatterns(raw, where, problems);
    entries.push(read(raw, where));
  });
  return entries;
}

function entryName(kind: TaxonKind, index: number, raw: unknown): string {
  const id = isRecord(raw) && typeof raw.id === 'string' ? ` "${raw.id}"` : '';
  return `${kind}[${index}]${id}`;
}

function checkKeys(raw: Raw, kind: TaxonKind, where: string, problems: TaxonomyProblem[]): void {
  const allowed = [...COMMON_KEYS, ...EXTRA_KEYS[kind]];
  for (const key of Object.keys(raw)) {
    if (!allowed.includes(key)) {
      problems.push({
        entry: where,
        message: `unknown key "${key}"; allowed keys are ${allowed.join(', ')}`,
      });
    }
  }
}

function checkText(raw: Raw, where: string, problems: TaxonomyProblem[]): void {
  if (typeof raw.id !== 'string' || !SLUG.test(raw.id)) {
    problems.push({
      entry: where,
      message: `id ${JSON.stringify(raw.id)} is not a slug; use lower-case words joined by hyphens, e.g. "information-sharing"`,
    });
  }
  for (const field of ['label', 'description'] as const) {
    if (typeof raw[field] !== 'string' || (raw[field] as string).trim() === '') {
      problems.push({ entry: where, message: `missing ${field}; add a non-empty "${field}:" line` });
    }
  }
}

function checkUnique(
  seen: Map<string, string>,
  value: unknown,
  where: string,
  field: string,
  problems: TaxonomyProblem[],
): void {
  if (typeof value !== 'string') return;
  const first = seen.get(value);
  if (first !== undefined) {
    problems.push({
      entry: where,
      message: `${field} "${value}" is already used by ${first}; give this entry its own ${field}`,
    });
    return;
  }
  seen.set(value, where);
}

function checkPatterns(raw: Raw, where: string, problems: TaxonomyProblem[]): void {
  const synonyms = stringList(raw.synonyms, `${where} synonyms`, problems);
  const patterns = stringList(raw.patterns, `${where} patterns`, problems);
  const exclusions = stringList(raw.exclusions, `${where} exclusions`, problems);
  const weak = stringList(raw.weak, `${where} weak`, problems);
  const context = stringList(raw.context, `${where} context`, problems);
  if (synonyms.length + patterns.length + weak.length === 0) {
    problems.push({
      entry: where,
      message: 'has no synonyms or patterns, so it can never match; add at least one',
    });
  }
  if (weak.length > 0 && context.length === 0) {
    problems.push({
      entry: where,
      message: 'has weak phrases but no context, so they can never count; add "context:" phrases',
    });
  }
  const seen = new Set<string>();
  const checkPhrase = (kind: string) => (phrase: string, i: number) => {
    const key = phrase.trim().toLowerCase();
    if (seen.has(key)) {
      problems.push({
        entry: `${where} ${kind} ${i + 1}`,
        message: `"${phrase}" is listed twice; remove one`,
      });
    }
    seen.add(key);
    checkRegex(phraseToPattern(phrase), `${where} ${kind} ${i + 1} "${phrase}"`, problems, false);
  };
  synonyms.forEach(checkPhrase('synonym'));
  weak.forEach(checkPhrase('weak phrase'));
  context.forEach((phrase, i) => {
    checkRegex(phraseToPattern(phrase), `${where} context ${i + 1} "${phrase}"`, problems, false);
  });
  patterns.forEach((p, i) => {
    checkRegex(p, `${where} pattern ${i + 1}`, problems);
  });
  exclusions.forEach((p, i) => {
    checkRegex(p, `${where} exclusion ${i + 1}`, problems);
  });
}

/** `mayBeEmpty`: a plain phrase always needs at least one character, so only patterns are run on "". */
function checkRegex(source: string, where: string, problems: TaxonomyProblem[], mayBeEmpty = true): void {
  let regex: RegExp;
  try {
    regex = new RegExp(source, 'i');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    problems.push({
      entry: where,
      message: `${JSON.stringify(source)} does not compile (${reason}); fix the regular expression or write it as a plain phrase under synonyms`,
    });
    return;
  }
  if (mayBeEmpty && regex.test('')) {
    problems.push({
      entry: where,
      message: `${JSON.stringify(source)} matches empty text, so it would match everywhere; make it require at least one word`,
    });
  }
}

function stringList(value: unknown, where: string, problems: TaxonomyProblem[]): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.push({ entry: where, message: 'expected a list; write each item on its own "- " line' });
    return [];
  }
  const items: string[] = [];
  value.forEach((item: unknown, i) => {
    if (typeof item !== 'string' || item.trim() === '') {
      problems.push({
        entry: `${where} item ${i + 1}`,
        message: `expected non-empty text, got ${JSON.stringify(item)}; quote it if it contains ':' or '#'`,
      });
      return;
    }
    items.push(item);
  });
  return items;
}

function readCommon(raw: Raw): TaxonEntry {
  return {
    id: String(raw.id ?? ''),
    label: String(raw.label ?? '').trim(),
    description: String(raw.description ?? '').trim(),
    synonyms: onlyStrings(raw.synonyms),
    patterns: onlyStrings(raw.patterns),
    exclusions: onlyStrings(raw.exclusions),
    weak: onlyStrings(raw.weak),
    context: onlyStrings(raw.context),
  };
}

function onlyStrings(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '')
    : [];
}

function readSector(value: unknown, where: string, problems: TaxonomyProblem[]): Sector {
  if (typeof value === 'string' && (SECTORS as readonly string[]).includes(value)) return value as Sector;
  problems.push({
    entry: where,
    message: `sector ${JSON.stringify(value)} is not known; use one of ${SECTORS.join(', ')}`,
  });
  return 'partnership';
}

function readGroup(value: unknown, where: string, problems: TaxonomyProblem[]): ThemeGroup {
  if (typeof value === 'string' && (THEME_GROUPS as readonly string[]).includes(value))
    return value as ThemeGroup;
  problems.push({
    entry: where,
    message: `group ${JSON.stringify(value)} is not known; use one of ${THEME_GROUPS.join(', ')}`,
  });
  return 'practice';
}

function readFlag(name: string, value: unknown, where: string, problems: TaxonomyProblem[]): boolean {
  if (value === undefined || typeof value === 'boolean') return value === true;
  problems.push({ entry: where, message: `${name} ${JSON.stringify(value)} must be true or false` });
  return false;
}

function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
