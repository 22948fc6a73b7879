/**
 * Fields a prose document prints about a review, wherever they sit: the partnership or board that
 * commissioned it, and the year it was published. Incident, inquest, upload and "sent to" dates are
 * never the publication year.
 */
import { monthIndex } from '../../extract/dates.ts';

const ACRONYM = String.raw`\b(?:LSCB|LSCP|SCP|SSCB|SCB|LSCPB)(?![\p{L}])`;
const ORG_TAIL = String.raw`(?:Local\s+)?Safeguarding\s+(?:Children|Childrens|Children's|Children’s)\s+(?:Board|Partnership)|Safeguarding\s+(?:Children\s+)?(?:Board|Partnership|Assurance\s+Partnership)|Children\s+and\s+Families\s+Partnership|Child\s+Protection\s+Committee|Safeguarding\s+Adults\s+Board|Children's\s+Safeguarding\s+Assurance\s+Partnership|Children’s\s+Safeguarding\s+Assurance\s+Partnership|Local\s+Authority\s+Safeguarding\s+Partnership`;
/** Words of one name sit on one line: "Review – Child X⏎Safeguarding Board" names no board "Child X". */
const JOIN = String.raw`[ \t\u00a0]+`;
/** A nation's board named after the nation: "Safeguarding Board for Northern Ireland". */
const NATION_BOARD = String.raw`Safeguarding\s+Board\s+for\s+(?:Northern\s+Ireland|Wales|Scotland)`;
const PLACE_WORD = String.raw`(?:\p{Lu}[\p{L}'’.-]*|&|and|of|upon|on|the)`;
const ORG = new RegExp(
  String.raw`(?:the\s+then\s+)?((?:\p{Lu}[\p{L}'’.-]*)(?:${JOIN}${PLACE_WORD}){0,5}?${JOIN}(?:${ORG_TAIL}|${ACRONYM})|(?:${NATION_BOARD})|(?:${ORG_TAIL}))(?!\p{L})`,
  'gu',
);
/**
 * A role printed before the board's name, with or without the person holding it: "Independent Scrutineer
 * of the …", "Keith Makin Chairman of the …".
 */
const ROLE =
  /^(?:\p{Lu}[\p{L}'’.-]*\s+){0,3}?(?:(?:Independent|Lead)\s+)?(?:Scrutineer|Chairs?|Chair(?:man|person|woman)|Business\s+Manager|Manager|Director|Head)\s+(?:of|for)\s+(?:the\s+)?/u;
/** Words that open a sentence or name a role, not a place, so they are dropped from the front of a name. */
const NOT_A_PLACE =
  /^(?:The|A|An|This|That|Chair|Independent|Of|And|In|For|By|With|Following|Then|Today|Newly)\s+/u;

export interface Found<T> {
  value: T;
  at: number;
}

/** Every partnership or board named in `text`, with where it is named. */
export function partnershipsIn(text: string): Found<string>[] {
  const out: Found<string>[] = [];
  for (const m of withTitleCasedCapitals(text).matchAll(ORG)) {
    let name = (m[1] as string).replace(/\s+/g, ' ').trim();
    // "Independent Scrutineer of the Lindenbridge ..." names a role, then the partnership.
    name = name.replace(ROLE, '');
    while (NOT_A_PLACE.test(name)) name = name.replace(NOT_A_PLACE, '');
    if (new RegExp(`^${ACRONYM}$`, 'u').test(name)) continue;
    // "Re-consideration of Serious Case Review LSCB: Bradford" is a form's heading, not a board's name.
    if (/\b(?:Reviews?|Reports?|Case|Consideration)\b/u.test(name)) continue;
    if (
      !/^\p{Lu}/u.test(name) ||
      (/^(?:Local\s+)?Safeguarding\b/u.test(name) && !/Assurance|\bfor\s+\p{Lu}/u.test(name))
    )
      continue;
    out.push({ value: name, at: m.index + m[0].indexOf(m[1] as string) });
  }
  return out;
}

/** Whether `text` is only the name of a partnership or board ("Suffolk Safeguarding Children Board"). */
export function isOrganisationName(text: string): boolean {
  const found = partnershipsIn(text);
  return found.length === 1 && found[0]?.at === 0 && found[0].value.length === text.length;
}

/**
 * Lines set in capitals ("FENHOLT CHILDREN'S SAFEGUARDING PARTNERSHIP") read as "Fenholt Children's
 * Safeguarding Partnership"; the length, and so every offset, is unchanged.
 */
function withTitleCasedCapitals(text: string): string {
  return text.replace(/^[^\p{Ll}\n]*\p{Lu}{3,}[^\p{Ll}\n]*$/gmu, (line) =>
    line.replace(/\p{Lu}+/gu, (w) =>
      w.length <= 4 && /^(?:LSCB|LSCP|SCP|SSCB|SCB|NHS)$/.test(w)
        ? w
        : w.charAt(0) + w.slice(1).toLowerCase(),
    ),
  );
}

/** The partnership named nearest before `at` (else the first after it) within [from, to). */
export function partnershipNear(found: Found<string>[], at: number, from: number, to: number): string | null {
  const inside = found.filter((f) => f.at >= from && f.at < to);
  const before = inside.filter((f) => f.at <= at);
  return (before[before.length - 1] ?? inside[0])?.value ?? null;
}

const MONTH = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?`;
const DAY = String.raw`(?:\d{1,2}\s*(?:st|nd|rd|th)?\s+)?`;
const PUBLISHED = [
  new RegExp(
    String.raw`\bpublish(?:ed|ing)?:?\s+(?:on\s+|in\s+)?${DAY}(?:${MONTH}\s+)?((?:19|20)\d\d)\b`,
    'iu',
  ),
  new RegExp(
    String.raw`\bpublished\b[^.\n]{0,80}?\b(?:in|on)\s+${DAY}(?:${MONTH}\s+)?((?:19|20)\d\d)\b`,
    'iu',
  ),
  new RegExp(String.raw`\bpublication\s+date\s*:?\s*${DAY}(?:${MONTH}\s+)?((?:19|20)\d\d)\b`, 'iu'),
  new RegExp(String.raw`\bdate\s+of\s+publication\s*:?\s*${DAY}(?:${MONTH}\s+)?((?:19|20)\d\d)\b`, 'iu'),
  new RegExp(
    String.raw`\b(?:was|were)\s+published\s+(?:on\s+|in\s+)${DAY}(?:${MONTH}\s+)?((?:19|20)\d\d)\b`,
    'iu',
  ),
  new RegExp(String.raw`\bIn\s+${MONTH}\s+((?:19|20)\d\d),?\s+the\s+[^.]{0,80}?\bpublished\b`, 'iu'),
  new RegExp(String.raw`\bOn\s+${DAY}${MONTH}\s+((?:19|20)\d\d),?\s+the\s+[^.]{0,100}?\bpublished\b`, 'iu'),
  // A resource page's labelled line "Year: 2013".
  /^[ \t]*(?:year|year of publication|published)[ \t]*:[ \t]*((?:19|20)\d\d)[ \t]*$/imu,
  // An index heading "Zara (LCSPR, 2021)": the kind of review and its year in brackets.
  /^[^\n]{1,60}\((?:SCR|LCSPR|CSPR|CPR|SCLR|CMR|[\p{L} ]{3,30}),?\s*((?:19|20)\d\d)\)\s*$/mu,
];

/** The publication year printed in `text`: a "Published ..." phrase, else a title page's date line. */
export function publishedYearIn(text: string, titlePage: string): number | null {
  for (const re of PUBLISHED) {
    const m = re.exec(text);
    if (m) return Number(m[1]);
  }
  return titlePageYear(titlePage);
}

/** "October 2016", "Thursday 6 June 2024", "25 January 2020": a line that is only a date. */
const DATE_LINE =
  /^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:(\p{L}+)\s+)?((?:19|20)\d\d)$/iu;

/** A title page's own date line ("October 2016") before any contents or numbered paragraph. */
function titlePageYear(titlePage: string): number | null {
  for (const line of titlePage.split('\n')) {
    const t = line.trim();
    if (/^(?:contents|1\.?\s)/i.test(t)) break;
    const m = DATE_LINE.exec(t);
    if (m && (!m[1] || monthIndex(m[1]) !== null)) return Number(m[2]);
  }
  return null;
}
