/**
 * An index of briefings: each entry is a heading line followed by a short description ("01 August 2025",
 * "“It’s Silent”: Race, racism & safeguarding children", two lines of prose). An entry is a review when
 * its description names a kind of review and says it was published or what it found; entries about
 * audits, training or procedures are not.
 */

import type { ReviewType } from '../../../graph/records.ts';
import { endsSentence, type Line } from '../../extract/lines.ts';
import { pseudonymInTitle } from '../../extract/pseudonym.ts';
import type { TextView } from '../../extract/view.ts';
import { isChromeLine } from '../../read/chrome.ts';
import { namesReviewKind, proseCues } from './cues.ts';
import { headingKind } from './sections.ts';
import { isChildName } from './subjects.ts';

export interface IndexEntry {
  span: { start: number; end: number };
  title: string;
  child: string | null;
  reviewType?: ReviewType;
  /** The year of a date line printed right under the heading. */
  year?: number;
}

const DATE_LINE =
  /^(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:19|20)\d\d$/i;
const MIN_HEADINGS = 3;
const MAX_MEDIAN_BLURB = 600;

export function headedIndex(view: TextView, body: { start: number; end: number }): IndexEntry[] {
  const lines = view.lines.filter((l) => !l.blank && l.start >= body.start && l.end <= body.end);
  const headings = lines.filter((l, i) => isEntryHeading(view, l, lines[i + 1], lines[i + 2]));
  if (headings.length < MIN_HEADINGS) return [];
  const ends = headings.map((_h, i) => {
    const next = headings[i + 1];
    return next ? previousContentEnd(lines, next) : body.end;
  });
  // An index describes each item in a line or two; long sections are the parts of one document.
  const lengths = headings.map((h, i) => (ends[i] as number) - h.end).sort((a, b) => a - b);
  if ((lengths[Math.floor(lengths.length / 2)] ?? 0) > MAX_MEDIAN_BLURB) return [];
  const entries: IndexEntry[] = [];
  headings.forEach((h, i) => {
    const entry = indexEntry(view, h, ends[i] as number);
    if (entry) entries.push(entry);
  });
  return entries;
}

/**
 * A review entry either names a kind of review and says something particular about it (published,
 * what it found), or is headed by a child's name and tells what happened to that child.
 */
function indexEntry(view: TextView, heading: Line, end: number): IndexEntry | null {
  const cues = proseCues();
  const blurb = view.text.slice(heading.end, end);
  const title = headingText(heading.text);
  const publication = cues.nationalPublication.some((re) => re.test(`${title}\n${blurb}`));
  const particular =
    publication || cues.specific.some((re) => re.test(blurb)) || cues.national.some((re) => re.test(blurb));
  if (!particular) return null;
  // "Learning from Serious Case Reviews": a heading over reviews in general, not one of them.
  if (!publication && GENERAL_HEADING.test(title)) return null;
  const named = namesReviewKind(blurb) || /\breview\b/i.test(blurb);
  // "Zara (LCSPR, 2021)", "Noah – local review": the name before a bracket or a dash.
  const nameOnly = title.replace(/\s*(?:\([^)]*\)|[:–—-]\s.*)$/u, '');
  const child = nameOnly.split(/\s+/).length <= 5 ? pseudonymInTitle(nameOnly) : null;
  const isChild = child !== null && isChildName(child) && NAMED_CHILD.test(title);
  if (!isChild && (!named || NOT_A_REVIEW.test(`${title} ${blurb}`))) return null;
  const national =
    publication || (/\bnational\b/i.test(blurb) && /\bpanel\b|\bnational (?:review|analysis)\b/i.test(blurb));
  const dated = DATE_LINE.exec(blurb.trimStart().split('\n', 1)[0]?.trim() ?? '');
  const year = dated ? Number(/(?:19|20)\d\d/.exec(dated[0])?.[0]) : undefined;
  return {
    span: { start: heading.contentStart, end },
    title,
    child: isChild ? child : null,
    reviewType: national ? 'NATIONAL' : undefined,
    ...(year ? { year } : {}),
  };
}

/** A heading about reviews in the plural: "Learning from Serious Case Reviews", "Case reviews". */
const GENERAL_HEADING = /^(?:(?:learning|lessons)\s+from\s+)?(?:[\p{L}-]+\s+){0,4}reviews$/iu;

/** A heading that is a name: "Alfie", "Child H", "Siblings L and M", "Baby Isla". */
const NAMED_CHILD =
  /^(?:(?:Child|Baby|Infant|Siblings?|Family|Young Person)\s+\S+(?:\s+and\s+\S+)?|\p{Lu}\p{Ll}+(?:\s+(?:and|&)\s+\p{Lu}\p{Ll}+)?)(?:\s*\([^)]*\)|\s*[:–—-]\s.*)?$/u;
/** Briefings on audits, tools, strategies and courses are not reviews, even when they mention one. */
const NOT_A_REVIEW =
  /\b(?:audit|toolkit|tool|strategy|training|course|procedure|guidance|protocol|self-assessment)s?\b/i;

function headingText(raw: string): string {
  return raw
    .trim()
    .replace(/^#+\s*/, '')
    .replace(/^(?:\*\*|__)(.*)(?:\*\*|__)$/, '$1')
    .trim();
}

/**
 * A heading line followed by its description, or by its date line and then its description ("Child
 * protection in England" / "26 May 2022" / "A national review into …").
 */
function isEntryHeading(
  view: TextView,
  line: Line,
  next: Line | undefined,
  after: Line | undefined,
): boolean {
  const t = headingText(line.text);
  if (!next || t.length > 120 || /[.,;:]$/.test(t) || DATE_LINE.test(t)) return false;
  if (!/^[\p{Lu}"“‘'\d]/u.test(t) || headingKind(line, view) !== null) return false;
  if (CONTENTS_HEADING.test(t) || isChromeLine(t) || INSTRUCTION.test(t) || SECTION_WORD.test(t))
    return false;
  const n = next.text.trim();
  // A long line and a short one that ends the sentence are one sentence wrapped, not a heading and its text.
  if (t.length >= 60 && n.length < 40 && endsSentence(n) && !DATE_LINE.test(n)) return false;
  if (DATE_LINE.test(n)) {
    const a = after?.text.trim() ?? '';
    return a !== '' && !DATE_LINE.test(a) && (endsSentence(a) || a.length > 100);
  }
  return endsSentence(n) || n.length > 100;
}

/** A one-word section heading of a letter, answer or form ("Request", "Response"), never an entry's title. */
const SECTION_WORD =
  /^(?:request|response|answer|question|questions|introduction|background|summary|overview|context|purpose|about|details|decision|outcome|update|notes?|comments?|reply)$/i;

/** A template's instruction ("List the job titles of …", "Summarise the key facts"), never an entry. */
const INSTRUCTION =
  /^(?:List|Summari[sz]e|Note|Describe|Explain|Include|Provide|State|Give|Set out|Outline|Record|Identify|Insert|Add|Enter)\s+(?:the|a|an|all|any|each|how|what|whether|here|clearly)\b/;

/** "In This Issue", "Contents": a heading over the list of what follows, never an entry itself. */
export const CONTENTS_HEADING =
  /^(?:in this (?:issue|edition|newsletter|briefing|update)|inside this (?:issue|edition)|(?:table of )?contents|at a glance)$/i;

function previousContentEnd(lines: Line[], next: Line): number {
  const i = lines.indexOf(next);
  let j = i - 1;
  while (j >= 0 && DATE_LINE.test((lines[j] as Line).text.trim())) j -= 1;
  return (lines[j] as Line | undefined)?.end ?? next.start;
}
