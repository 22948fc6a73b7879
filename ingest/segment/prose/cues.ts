/**
 * The prose cues (cues.yaml), read and compiled once. A bad file fails at start-up with a message naming
 * the file and the entry, because a silently ignored cue would silently lose reviews.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export type HeadingKind = 'learning' | 'recommendations' | 'stop';

/** What a table column holds, from its header cell. */
export type TableColumn = 'name' | 'type' | 'published' | 'summary' | 'partnership' | 'outcome';

export interface ProseCues {
  version: string;
  reviewName: RegExp;
  reviewAcronym: RegExp;
  /** National publications and the bodies that publish them. */
  national: RegExp[];
  /** National publications only, not a mention of the panel that publishes them. */
  nationalPublication: RegExp[];
  unnamedReview: RegExp[];
  specific: RegExp[];
  general: RegExp[];
  shared: RegExp[];
  endOfText: RegExp[];
  countWords: ReadonlyMap<string, number>;
  headings: ReadonlyMap<string, HeadingKind>;
  tableColumns: ReadonlyMap<string, TableColumn>;
}

const CUES_PATH = fileURLToPath(new URL('./cues.yaml', import.meta.url));

let cached: ProseCues | null = null;

/**
 * Whether the text names a kind of review ("serious case review", "LCSPR"). The cue regexes are global,
 * so each test starts from the beginning here rather than where the last caller left them.
 */
export function namesReviewKind(text: string): boolean {
  const cues = proseCues();
  cues.reviewName.lastIndex = 0;
  cues.reviewAcronym.lastIndex = 0;
  return cues.reviewName.test(text) || cues.reviewAcronym.test(text);
}

export function proseCues(): ProseCues {
  cached ??= compileCues(parse(readFileSync(CUES_PATH, 'utf8')) as unknown, CUES_PATH);
  return cached;
}

export function compileCues(raw: unknown, where: string): ProseCues {
  const doc = record(raw, where, 'the file');
  const headings = new Map<string, HeadingKind>();
  const rawHeadings = record(doc.headings, where, 'headings');
  for (const kind of ['learning', 'recommendations', 'stop'] as const) {
    for (const h of strings(rawHeadings[kind], where, `headings.${kind}`))
      headings.set(normalHeading(h), kind);
  }
  const tableColumns = new Map<string, TableColumn>();
  const rawColumns = record(doc.tableColumns, where, 'tableColumns');
  for (const column of ['name', 'type', 'published', 'summary', 'partnership', 'outcome'] as const) {
    for (const h of strings(rawColumns[column], where, `tableColumns.${column}`))
      tableColumns.set(normalHeading(h), column);
  }
  const counts = record(doc.countWords, where, 'countWords');
  return {
    version: String(doc.version ?? ''),
    reviewName: phrases(strings(doc.reviewNames, where, 'reviewNames'), 'iu'),
    reviewAcronym: phrases(strings(doc.reviewAcronyms, where, 'reviewAcronyms'), 'u'),
    national: [
      ...patterns(doc.nationalPatterns, where, 'nationalPatterns'),
      ...patterns(doc.nationalActorPatterns, where, 'nationalActorPatterns'),
    ],
    nationalPublication: patterns(doc.nationalPatterns, where, 'nationalPatterns'),
    unnamedReview: patterns(doc.unnamedReviewPatterns, where, 'unnamedReviewPatterns'),
    specific: patterns(doc.specificPatterns, where, 'specificPatterns'),
    general: patterns(doc.generalPatterns, where, 'generalPatterns'),
    shared: patterns(doc.sharedHeadings, where, 'sharedHeadings'),
    endOfText: patterns(doc.endOfText, where, 'endOfText'),
    countWords: new Map(Object.entries(counts).map(([w, n]) => [w.toLowerCase(), Number(n)])),
    headings,
    tableColumns,
  };
}

/** A heading as the cue table keys it: lower case, no numbering, no trailing "?" or ":". */
export function normalHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/^[\s#*\-•\u2022\uf0b7]*(?:\d{1,2}(?:\.\d{1,2})*[.):]?|step \d+[.:]?|[a-z][.)])?\s+/u, '')
    .replace(/[’']/g, "'")
    .replace(/[\s:?.!*#]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function phrases(list: string[], flags: string): RegExp {
  const alternatives = list
    .map((p) =>
      p
        .trim()
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\s+/g, '[\\s-]+'),
    )
    .sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})s?(?![\\p{L}\\p{N}])`, `${flags}g`);
}

function patterns(value: unknown, where: string, field: string): RegExp[] {
  return strings(value, where, field).map((source) => {
    try {
      return new RegExp(spacesOutsideClasses(source), 'iu');
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`${where}: ${field} entry ${JSON.stringify(source)} does not compile (${reason})`);
    }
  });
}

/** A space in a pattern stands for any run of whitespace, except inside a character class. */
function spacesOutsideClasses(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i += 1) {
    const ch = source[i] as string;
    if (ch === '\\') {
      out += ch + (source[i + 1] ?? '');
      i += 1;
    } else if (ch === '[') {
      inClass = true;
      out += ch;
    } else if (ch === ']') {
      inClass = false;
      out += ch;
    } else out += ch === ' ' && !inClass ? '\\s+' : ch;
  }
  return out;
}

function record(value: unknown, where: string, field: string): Record<string, unknown> {
  if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  throw new Error(`${where}: ${field} must be a mapping`);
}

function strings(value: unknown, where: string, field: string): string[] {
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' && v.trim() !== '')) return value;
  throw new Error(`${where}: ${field} must be a list of non-empty strings`);
}
