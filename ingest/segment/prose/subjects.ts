import { pseudonymInTitle, pseudonymKey } from '../../extract/pseudonym.ts';
import { openingLines } from './about.ts';

/**
 * The children a prose document is about, found by the ways reviews name them:
 * - a code: "Child Q", "Baby E", "Child LR", "Child X1/X2", "child 1", "Young Person B";
 * - a prefixed name: "Child Jody", "Baby Eve" (the name must recur, be marked as a pseudonym, or sit in
 *   the title, so "Child Protection" is never a child);
 * - a given name where an event names it: "the murder of Danielle Reid", "the death of Chris (Newham)",
 *   "When Holly died", "Harry, a 13 year old";
 * - quoted letters for siblings reviewed together: "two brothers, ‘W’ and ‘X’";
 * - names in the title: "Learning from Local Case Reviews: X and Rachel", a title page's name line.
 * A child mentioned only as someone's sibling, or in a review "yet to be published", is not a subject.
 */

export interface Mention {
  start: number;
  end: number;
}

export interface Subject {
  /** As printed: "Child F", "Baby Eve", "W and X". */
  name: string;
  /** For grouping mentions of the same child: "f", "eve", "w and x". */
  key: string;
  mentions: Mention[];
  /** The bracketed area printed after the name: "Chris (Newham)" -> Newham. */
  area: string | null;
}

const Q_OPEN = `['‘’"“]?`;
const Q_CLOSE = `['’"”]?`;
const LETTERS = `${Q_OPEN}[A-Z]{1,3}\\d{0,2}(?:\\/[A-Z]{1,3}\\d{0,2})?${Q_CLOSE}`;
const ONE_CODE = `(?:${LETTERS}|(?<=(?:Child|child|CHILD|Baby)[ \\t\\u00a0]+)\\d{1,2})`;
const CODE = new RegExp(
  `\\b(Child|CHILD|child|Baby|BABY|Infant|Young[ \\t]+Person|Sibling|Siblings|Family|Brothers|Sisters|Twins)[ \\t\\u00a0]+(${ONE_CODE}(?:[ \\t]+(?:and|&)[ \\t]+${LETTERS})?)(?![\\p{L}\\p{N}’'-])`,
  'gu',
);
/** "Case GN13:": a review listed by its case code (letters and digits), not "Serious Case R[eview]". */
const CASE_CODE = /(?<![\p{L}][ \t\u00a0])\bCase[ \t\u00a0]+([A-Z]{1,3}\d{1,3})(?![\p{L}\p{N}])/gu;
/** "the Oak Lane children", "the Harwood family": a family reviewed together, named by its surname. */
const FAMILY =
  /\b[Tt]he\s+((?:\p{Lu}[\p{L}'’-]+\s+){1,3}(?:children|family|siblings|brothers|sisters|twins))\b(?!['’]s\b)/gu;
const PREFIXED = /\b(Child|Baby)\s+(\p{Lu}\p{Ll}{2,}(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}])/gu;
// A given name and a surname on one line: a name never runs on into the next line's first word.
const NAME = String.raw`\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?:[ \t\u00a0]+\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)?`;
const AFTER_NAME = String.raw`(?=[ \t\u00a0]*(?:\r?\n|[(,.;:'’"”]|$)|\s*(?:[(,.;:'’"”]|$)|\s+(?:and|in|who|which|on|at|was|were|has|had|have|is|by|aged|from|after|before|for|to|occurred|with|died|during|when|while|whose|following|until|since)\b)`;
/** "two-year-old", "a 22-month-old toddler": an age told before a name. */
const AGE_BEFORE = String.raw`(?:(?:a|the)\s+)?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)[- ](?:year|month|week|day)s?[- ]old\s+(?:(?:baby|toddler|boy|girl|infant|teenager)\s+)?`;
const EVENT_NAME = new RegExp(
  String.raw`\b(?:death|deaths|murder|killing|manslaughter|suicide|conviction|circumstances|life|lives|case) of (?:${AGE_BEFORE})?['‘"“]?(${NAME})['’"”]?${AFTER_NAME}`,
  'gu',
);
/** "two-year-old Keanu Williams", "the 14 year old Alsami": a name told with the child's age. */
const AGED_NAME = new RegExp(
  String.raw`\b${AGE_BEFORE}['‘"“]?(${NAME})['’"”]?(?:${AFTER_NAME}|(?=['’]s\b|\s+death\b))`,
  'gu',
);
/** "Local Child Safeguarding Practice Review Leo": a review named after its child. */
const REVIEW_OF_NAME = new RegExp(
  String.raw`\b(?:Practice|Case|Learning|Management)[ \t]+Review[ \t]+['‘"“]?(${NAME})['’"”]?(?=[ \t]*(?:[.,;:)\n]|$|\s+(?:was|is|has|into|published)\b))`,
  'gu',
);
/** "Leo was 4 months old when he died": a sentence that opens with a named child's age. */
const OPENS_WITH_AGE = new RegExp(
  String.raw`(?<=[.!?]\s+|^|\d[ \t]+)(${NAME}) was (?:an? (?:\p{Ll}+ ){0,3})?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)[- ](?:year|month|week|day)s?[- ]old\b`,
  'gmu',
);
/** "Keanu Williams died on 9 January 2011": a sentence that opens with a named child's death. */
const OPENS_WITH_DEATH = new RegExp(
  String.raw`(?<=[.!?]\s+|^)(${NAME}) (?:died|was killed|was murdered)\b`,
  'gmu',
);
const KNOWN_AS = new RegExp(
  String.raw`\b(?:known|(?:be )?referred to|refer to|called|named|described)(?: (?:in|throughout) (?:the|this) (?:report|review|briefing))?(?: only| simply| here)? as (?:(?:Child|Baby) )?['‘"“]?(${NAME})['’"”]?${AFTER_NAME}`,
  'gu',
);
/**
 * "Alexa-Marie Quinn, called Sophie in the report", "the baby, referred to as ‘Child N’ in the report":
 * the name the review itself gives the child, which news prints beside the child's real name.
 */
const REPORT_ALIAS = new RegExp(
  String.raw`\b(?:called|named|known as|(?:be )?referred to (?:only |simply |here )?as|given the pseudonyms?)\s+['‘"“]?((?:(?:Child|Baby)\s+)?(?:${NAME}|[A-Z]{1,3}\d{0,2}))['’"”]?,?\s+(?:in|throughout|by)\s+(?:the|this|its)\s+(?:report|review|briefing|reviewers?)\b`,
  'gu',
);
const CHILD_FIELD = new RegExp(
  String.raw`^[\s\-•*]*(?:Child|Young person|Subject)\s*:\s*['‘"“]?(${NAME})['’"”]?`,
  'gmu',
);
const DIED = new RegExp(String.raw`\b(?:When|After|Before) (${NAME}) died\b`, 'gu');
const AGED = new RegExp(
  String.raw`(?<=[.!?]\s+|^|\b(?:of|and|after|when|that|as|until|before|because|where)\s+)(${NAME}),? (?:a|an|aged) (?:\d+|[a-z]+)[- ]?(?:year|month|week)s?[- ]?old\b`,
  'gmu',
);
const QUOTED_PAIR = /['‘’"“]([A-Z])['’"”]?,?\s+and\s+['‘’"“]([A-Z])['’"”,]{0,2}/gu;

/** Capitalised words that begin sentences or name things, never a child. */
const NOT_A_NAME = new Set(
  `protection safeguarding sexual criminal death deaths practice care health abuse exploitation services trafficking neglect
  poverty development mental maternity welfare minding arrangements looked trauma review reviews learning sleep safety
  the a an this that these those his her their its our we they he she it there here when where what who which how why
  mr mrs ms miss dr sir lord lady mother father mum dad parent parents partner sibling siblings brother sister
  child children baby babies infant infants family families young person people adult adults
  serious case local national independent overview report summary executive briefing panel board partnership council
  police court judge coroner social health nhs school hospital county city borough district north south east west
  january february march april may june july august september october november december
  monday tuesday wednesday thursday friday saturday sunday today yesterday
  introduction findings recommendations recommendation conclusion conclusions background summary contents
  learning lessons method methodology appendix glossary foreword purpose
  syndrome trio gangs lines marriage slavery liberty strategy framework
  england wales scotland ireland britain london uk government department office inspectorate ofsted
  queen king prince princess royal saint university college collection repository library hub
  after before following into concerning regarding about from with without during since until
  guidance framework process procedure procedures briefing briefings panel group team update updates
  professionals practitioners staff agencies partners managers workers`
    .split(/\s+/)
    .filter(Boolean),
);

const SIBLING_BEFORE = /\b(?:sibling|brother|sister|twin|half[- ]sibling|cousin)\b[^.;!?]{0,40}$/i;
const PLURAL_GROUP = /\b(?:siblings|brothers|sisters|twins|children|babies)\b[^.;!?]{0,30}$/i;
const UNPUBLISHED =
  /\b(?:yet to be published|not yet (?:been )?published|(?:is|remains) (?:still )?(?:the subject of|ongoing|underway)|will be published|has not been published)\b/i;

/** A child named to compare with ("reminds us of the death of Baby P and similar cases"). */
const COMPARED =
  /\b(?:remind(?:s|ed)?\s+(?:us\s+)?of|similar\s+cases|in\s+the\s+wake\s+of|echo(?:es|ed)\s+(?:the\s+)?(?:case|death)|like\s+the\s+(?:case|death)\s+of)\b/i;

export function findSubjects(text: string, title: string): Subject[] {
  const found = new Map<string, Subject>();
  const add = (name: string, start: number, end: number) => {
    const key = pseudonymKey(name);
    if (!key) return;
    const s = found.get(key) ?? { name, key, mentions: [], area: null };
    s.mentions.push({ start, end });
    s.area ??= bracketArea(text, end);
    found.set(key, s);
  };
  for (const m of text.matchAll(CODE)) {
    const code = (m[2] as string).replace(/[‘’'"“”]/g, '').replace(/\s+/g, ' ');
    add(`${codePrefix(m[1] as string)} ${code}`, m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(CASE_CODE)) add(`Case ${m[1] as string}`, m.index, m.index + m[0].length);
  for (const m of text.matchAll(FAMILY)) {
    const name = (m[1] as string).replace(/\s+/g, ' ');
    if (
      name
        .split(' ')
        .some(
          (w) =>
            NOT_A_NAME.has(w.toLowerCase()) &&
            !/^(?:children|family|siblings|brothers|sisters|twins)$/i.test(w),
        )
    )
      continue;
    add(name, m.index + m[0].indexOf(m[1] as string), m.index + m[0].length);
  }
  for (const m of text.matchAll(PREFIXED)) {
    const name = m[2] as string;
    if (NOT_A_NAME.has(name.toLowerCase())) continue;
    if (!prefixedNameHolds(text, title, name, m.index + m[0].length)) continue;
    add(`${m[1] as string} ${name}`, m.index, m.index + m[0].length);
  }
  for (const re of [
    EVENT_NAME,
    DIED,
    AGED,
    AGED_NAME,
    OPENS_WITH_DEATH,
    OPENS_WITH_AGE,
    REVIEW_OF_NAME,
    KNOWN_AS,
    CHILD_FIELD,
  ]) {
    for (const m of text.matchAll(re)) {
      const name = (m[1] as string).trim();
      if (!isGivenName(name)) continue;
      const start = m.index + m[0].indexOf(name);
      // "known as Baby Ezra": the child keeps the prefix the text gives the name.
      const prefix =
        re === KNOWN_AS ? /\b(Child|Baby)\s+['‘"“]?$/.exec(text.slice(m.index, start))?.[1] : undefined;
      if (prefix) add(`${prefix} ${name}`, start - prefix.length - 1, start + name.length);
      else add(name, start, start + name.length);
    }
  }
  for (const m of text.matchAll(REPORT_ALIAS)) {
    const name = (m[1] as string).replace(/\s+/g, ' ');
    const bare = name.replace(/^(?:Child|Baby) /, '');
    if (bare === name ? !isGivenName(name) : NOT_A_NAME.has(bare.toLowerCase())) continue;
    const start = m.index + m[0].indexOf(m[1] as string);
    add(name, start, start + (m[1] as string).length);
  }
  for (const m of text.matchAll(QUOTED_PAIR)) {
    const before = text.slice(Math.max(0, m.index - 60), m.index);
    if (PLURAL_GROUP.test(before)) add(`${m[1]} and ${m[2]}`, m.index, m.index + m[0].length);
  }
  for (const name of titleNames(title)) {
    const at = text.indexOf(name);
    if (at >= 0) add(name, at, at + name.length);
  }
  for (const { name, at } of titleAreaNames(text, title)) add(name, at, at + name.length);
  addBareMentions(text, found);
  mergeRealNames(text, found);
  mergePairHeadings(text, found);
  mergeGivenNames(found);
  return [...found.values()]
    .map((s) => ({ ...s, mentions: s.mentions.sort((a, b) => a.start - b.start) }))
    .filter((s) => !onlyIncidental(text, s))
    .sort((a, b) => (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0));
}

function codePrefix(prefix: string): string {
  const p = prefix.replace(/\s+/g, ' ');
  return p === 'CHILD' ? 'Child' : p === 'BABY' ? 'Baby' : p;
}

function prefixedNameHolds(text: string, title: string, name: string, after: number): boolean {
  if (/^\s*\(\s*pseudonym/i.test(text.slice(after, after + 20))) return true;
  if (title.includes(name)) return true;
  const alone = new RegExp(`(?<!(?:Child|Baby)\\s)\\b${name}(?:['’]s)?\\b(?!\\s+\\p{Lu})`, 'gu');
  return [...text.matchAll(alone)].length >= 1;
}

/** Whether a layout's "child" field is a child's name or code rather than a heading or an organisation. */
export function isChildName(child: string): boolean {
  const rest = child.replace(
    /^(?:Child(?:ren)?|Baby|Babies|Infant|Family|Siblings?|Brothers|Sisters|Twins|Young\s+Person)\s+/i,
    '',
  );
  if (rest !== child) return rest.trim().length > 0;
  return isGivenName(child);
}

function isGivenName(name: string): boolean {
  return name.split(/\s+/).every((w) => !NOT_A_NAME.has(w.toLowerCase())) && !/^[A-Z]+$/.test(name);
}

/** "Chris (Newham)": an area in brackets right after the name. */
function bracketArea(text: string, end: number): string | null {
  const m = /^\s*\(([A-Z][\p{L}\s&'’.-]{2,40})\)/u.exec(text.slice(end, end + 48));
  const area = m?.[1]?.trim();
  return area && !/pseudonym|not (?:their|his|her) real name/i.test(area) ? area : null;
}

/**
 * Names from a title such as "Learning from Local Case Reviews: X and Rachel June 2019": after the last
 * colon, a run of names or code letters joined by "and", "&" or commas; the run stops at the first word
 * that is not a name.
 */
function titleNames(title: string): string[] {
  if (!title.includes(':')) return [];
  const tokens = title
    .slice(title.lastIndexOf(':') + 1)
    .trim()
    .split(/\s+/);
  const names: string[] = [];
  let expectName = true;
  for (const raw of tokens) {
    const token = raw.replace(/,$/, '');
    if (expectName) {
      const letter = /^[A-Z]\d{0,2}$/.test(token);
      if (!letter && (!/^\p{Lu}\p{Ll}+$/u.test(token) || !isGivenName(token))) break;
      names.push(token);
      expectName = raw.endsWith(',');
    } else if (/^(?:and|&)$/i.test(token)) {
      expectName = true;
    } else break;
  }
  return names.length >= 2 || (names.length === 1 && tokens.length === 1) ? names : [];
}

const TITLE_AREA_LINES = 6;
const TITLE_WORDS = /\b(?:review|briefing|brief|summary|report|learning)\b/i;
const QUOTED_NAME = /["“‘']\s*(\p{Lu}[\p{L}-]+)\s*["”’']/u;

/**
 * A name on the title page: quoted ('Executive Summary: "Conor"', '"ZARA"') or beside the kind of
 * review ("Ryan: Local Child Safeguarding Practice Review", "Ella – Child Safeguarding Practice Review").
 * The name must recur on its own in the text, so a place in a partnership's name is never taken.
 */
function titleAreaNames(text: string, title: string): { name: string; at: number }[] {
  const lines = [title, ...openingLines(text, TITLE_AREA_LINES), ...runningHeaders(text)];
  const out: { name: string; at: number }[] = [];
  for (const raw of lines) {
    const line = raw
      .trim()
      .replace(/^#+\s*/, '')
      .replace(/^(?:\*\*|__)(.*)(?:\*\*|__)$/, '$1');
    if (line.length > 160) continue;
    const quoted = QUOTED_NAME.exec(line)?.[1];
    const beside = TITLE_WORDS.test(line) ? pseudonymInTitle(line) : null;
    // A title's first word ("Held in mind": a national review) is no name when a phrase runs on from it.
    const runsOn = beside !== null && new RegExp(`${escapeRegExp(beside)}\\s+\\p{Ll}`, 'u').test(line);
    for (const candidate of [quoted, runsOn ? null : beside]) {
      if (!candidate || candidate.includes(' ')) continue;
      const name = /^\p{Lu}+$/u.test(candidate) && candidate.length > 1 ? titleCase(candidate) : candidate;
      if (!isGivenName(name) || NOT_A_NAME.has(name.toLowerCase())) continue;
      const alone = standaloneOffsets(text, name);
      if (alone.length >= 2) out.push({ name, at: alone[0] as number });
    }
  }
  return out;
}

/**
 * Short lines a report prints on every page ("Josh - Serious Case Review"): a running header names the
 * review wherever the title page is.
 */
function runningHeaders(text: string): string[] {
  const seen = new Map<string, number>();
  for (const m of text.matchAll(/^[ \t]*([^\n]{6,80}?)[ \t]*$/gm)) {
    const line = m[1] as string;
    if (TITLE_WORDS.test(line)) seen.set(line, (seen.get(line) ?? 0) + 1);
  }
  return [...seen].filter(([, n]) => n >= 2).map(([line]) => line);
}

function titleCase(word: string): string {
  return word.charAt(0) + word.slice(1).toLowerCase();
}

/**
 * Offsets of `name` not joined to another capitalised word ("Zara was", not "Corvale Children's" or
 * "Queen's University").
 */
function standaloneOffsets(text: string, name: string): number[] {
  const re = new RegExp(
    `(?<![\\p{L}]|\\p{Lu}\\p{Ll}+\\s)${escapeRegExp(name)}(?![\\p{L}])(?!(?:['’]s)?\\s+\\p{Lu}[\\p{Ll}'’])`,
    'gu',
  );
  return [...text.matchAll(re)].map((m) => m.index);
}

/**
 * A review's own name for its child absorbs the real name news prints beside it: the name told in the same
 * sentence ("the murder of Alexa-Marie Quinn, called Sophie in the report"), or else the one other named
 * child of the document, so one review never becomes two.
 */
function mergeRealNames(text: string, found: Map<string, Subject>): void {
  for (const m of text.matchAll(REPORT_ALIAS)) {
    const alias = found.get(pseudonymKey((m[1] as string).replace(/\s+/g, ' ')));
    if (!alias) continue;
    const sentence = sentenceAround(text, m.index);
    const others = [...found.values()].filter((s) => s !== alias);
    const inSentence = others.filter((s) =>
      s.mentions.some((x) => x.start >= sentence.start && x.end <= sentence.end),
    );
    const named = others.filter((s) => !CODED.test(s.name));
    const real = inSentence.length > 0 ? inSentence : named.length === 1 ? named : [];
    for (const s of real) {
      alias.mentions.push(...s.mentions);
      found.delete(s.key);
    }
  }
}

/** A line that is only two given names: "Grace and Georgina". */
const PAIR_HEADING = /^[ \t]*(\p{Lu}\p{Ll}+)[ \t]+(?:and|&)[ \t]+(\p{Lu}\p{Ll}+)[ \t]*$/gmu;

/**
 * A heading that names two children, one of whom the text tells about ("Grace and Georgina", then
 * "Georgina was brought to hospital"), names the review: the pair is the subject.
 */
function mergePairHeadings(text: string, found: Map<string, Subject>): void {
  for (const m of text.matchAll(PAIR_HEADING)) {
    const [first, second] = [m[1] as string, m[2] as string];
    if (!isGivenName(first) || !isGivenName(second)) continue;
    const singles = [first, second].flatMap((n) => {
      const s = found.get(pseudonymKey(n));
      return s ? [s] : [];
    });
    if (singles.length === 0) continue;
    const name = `${first} and ${second}`;
    const start = m.index + m[0].indexOf(first);
    const pair = found.get(pseudonymKey(name)) ?? { name, key: pseudonymKey(name), mentions: [], area: null };
    pair.mentions.push({ start, end: start + name.length });
    for (const s of singles) {
      pair.mentions.push(...s.mentions.filter((x) => x.start !== start));
      found.delete(s.key);
    }
    found.set(pair.key, pair);
  }
}

/** "Clyde died" after "two-year-old Clyde Campbell": a given name alone is the child named in full. */
function mergeGivenNames(found: Map<string, Subject>): void {
  for (const short of [...found.values()]) {
    if (short.name.includes(' ') || CODED.test(short.name)) continue;
    const full = [...found.values()].filter(
      (s) =>
        s !== short && !CODED.test(s.name) && s.name.startsWith(`${short.name} `) && !/ and /.test(s.name),
    );
    const into = full.length === 1 ? full[0] : undefined;
    if (!into) continue;
    into.mentions.push(...short.mentions.filter((m) => !into.mentions.some((x) => x.start === m.start)));
    found.delete(short.key);
  }
}

const CODED = /^(?:Child|Baby|Infant|Young Person|Sibling|Siblings|child)\s/;

/** Once a child is known, later bare mentions ("F", "Eve", "Holly") count as mentions too. */
function addBareMentions(text: string, found: Map<string, Subject>): void {
  for (const s of found.values()) {
    const bare = s.name.replace(/^(?:Child|Baby|Infant|Young Person|Sibling|child)\s+/, '');
    if (bare.length < 3) continue;
    const re = new RegExp(`(?<![\\p{L}])${escapeRegExp(bare)}(?![\\p{L}])`, 'gu');
    for (const m of text.matchAll(re)) {
      if (!s.mentions.some((x) => x.start <= m.index && m.index < x.end))
        s.mentions.push({ start: m.index, end: m.index + m[0].length });
    }
  }
}

/**
 * Every mention names the child as someone's sibling, as the subject of a review not yet published, or
 * as a case to compare with.
 */
function onlyIncidental(text: string, s: Subject): boolean {
  return s.mentions.every((m) => {
    const sentence = sentenceAround(text, m.start);
    const before = text.slice(Math.max(sentence.start, m.start - 60), m.start);
    const said = text.slice(sentence.start, sentence.end);
    return SIBLING_BEFORE.test(before) || UNPUBLISHED.test(said) || COMPARED.test(said);
  });
}

export function sentenceAround(text: string, at: number): { start: number; end: number } {
  let start = at;
  while (start > 0 && !/[.!?\n]/.test(text[start - 1] ?? '')) start -= 1;
  let end = at;
  while (end < text.length && !/[.!?\n]/.test(text[end] ?? '')) end += 1;
  return { start, end: Math.min(text.length, end + 1) };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
