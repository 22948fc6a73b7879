/**
 * An index of briefings: each entry is a heading line followed by a short description ("01 August 2025",
 * "“It’s Silent”: Race, racism & safeguarding children", two lines of prose). An entry is a review when
 * its description names a kind of review and says it was published or what it found; entries about
 * audits, training or procedures are not.
 */

import type { ReviewType } from '../../../graph/records.ts';
import { endsSentence, type Line } from '../../extract/lines.ts';
import type { TextView } from '../../extract/view.ts';
import { proseCues } from './cues.ts';
import { headingKind } from './sections.ts';

export interface IndexEntry {
  span: { start: number; end: number };
  title: string;
  reviewType?: ReviewType;
}

const DATE_LINE =
  /^(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:19|20)\d\d$/i;
const MIN_HEADINGS = 3;

export function headedIndex(view: TextView, body: { start: number; end: number }): IndexEntry[] {
  const lines = view.lines.filter((l) => !l.blank && l.start >= body.start && l.end <= body.end);
  const headings = lines.filter((l, i) => isEntryHeading(view, l, lines[i + 1]));
  if (headings.length < MIN_HEADINGS) return [];
  const cues = proseCues();
  const entries: IndexEntry[] = [];
  headings.forEach((h, i) => {
    const next = headings[i + 1];
    const end = next ? previousContentEnd(lines, next) : body.end;
    const blurb = view.text.slice(h.end, end);
    cues.reviewName.lastIndex = 0;
    cues.reviewAcronym.lastIndex = 0;
    const named = cues.reviewName.test(blurb) || cues.reviewAcronym.test(blurb);
    if (!named || !cues.specific.some((re) => re.test(blurb))) return;
    const national = /\bnational\b/i.test(blurb) && /\bpanel\b|\bnational (?:review|analysis)\b/i.test(blurb);
    entries.push({
      span: { start: h.contentStart, end },
      title: h.text.trim(),
      reviewType: national ? 'NATIONAL' : undefined,
    });
  });
  return entries;
}

function isEntryHeading(view: TextView, line: Line, next: Line | undefined): boolean {
  const t = line.text.trim();
  if (!next || t.length > 120 || /[.,;:]$/.test(t) || DATE_LINE.test(t)) return false;
  if (!/^[\p{Lu}"“‘'\d]/u.test(t) || headingKind(line, view) !== null) return false;
  const n = next.text.trim();
  return !DATE_LINE.test(n) && (endsSentence(n) || n.length > 100);
}

function previousContentEnd(lines: Line[], next: Line): number {
  const i = lines.indexOf(next);
  let j = i - 1;
  while (j >= 0 && DATE_LINE.test((lines[j] as Line).text.trim())) j -= 1;
  return (lines[j] as Line | undefined)?.end ?? next.start;
}
