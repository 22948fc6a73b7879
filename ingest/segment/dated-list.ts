/**
 * Yearly lists and monthly updates: every entry opens with "YYYY - Area - Name" (hyphens in yearly lists,
 * en dashes in monthly updates), followed by a summary and labelled lines ("Learning:",
 * "Recommendations:", "Keywords:"). The year is the report year and the area the partnership.
 */
import type { ReviewType } from '../../graph/records.ts';
import { buildCase, type EntryParts } from '../extract/case.ts';
import { localReviewType } from '../extract/era.ts';
import type { Line } from '../extract/lines.ts';
import { pseudonymInTitle } from '../extract/pseudonym.ts';
import { reviewTypeIn } from '../extract/review-type.ts';
import { firstSentences } from '../extract/sentences.ts';
import type { TextView } from '../extract/view.ts';
import type { SegmentContext, SegmentResult } from './segment-types.ts';

/**
 * "2018 - Area - Name", also with a month before the year ("December 2014 – Area – Name") and with or
 * without spaces around the dashes ("2018- Area -Name", "2018–Area–Name"), or with colons or bars between
 * the parts ("2021: Area: Name"). Groups: month, year, the first
 * dash, area, name. The area must start with a letter, so a year range ("2014-2017 - ...") is no entry.
 */
export const DATED_ENTRY =
  /^[ \t\u00a0]*(?:(?:#+|\d{1,3}[.)])[ \t\u00a0]*)?(?:\*\*|__)?(?:((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)[ \t\u00a0]+)?((?:19|20)\d\d)[ \t\u00a0]*([-–—:|])[ \t\u00a0]*(\p{L}[^\n]*?)[ \t\u00a0]*[-–—:|][ \t\u00a0]*(\p{L}[^\n]*?)[ \t\u00a0]*(?:\*\*|__)?[ \t\u00a0]*$/iu;

/** An unnamed board ("Anonymous", "Unnamed", "an unnamed London board") is no partnership. */
const UNNAMED_AREA = /^(?:anonymous|unnamed|not\s+named|unknown|an?\s+unnamed\b.*)$/i;

export function segmentDatedList(view: TextView, _ctx: SegmentContext): SegmentResult {
  const starts = view.lines.filter((l) => DATED_ENTRY.test(l.text));
  const warnings: string[] = [];
  const listType = listReviewType(view.text.slice(0, starts[0]?.start ?? 0));
  const cases = starts.map((line, i) => {
    const next = starts[i + 1];
    const built = buildCase(
      view,
      entryParts(view, line, lastLineBefore(view, next ? next.index : view.lines.length), listType),
    );
    warnings.push(...built.warnings);
    return built.case;
  });
  return { cases, warnings };
}

function lastLineBefore(view: TextView, index: number): Line {
  for (let i = index - 1; i >= 0; i -= 1) {
    const line = view.lines[i] as Line;
    if (!line.blank) return line;
  }
  return view.lines[0] as Line;
}

/**
 * The kind of review a whole list is of, from its introduction ("overview reports of serious case reviews
 * published in 2019"); an entry that names its own kind keeps it.
 */
function listReviewType(intro: string): ReviewType | null {
  const type = reviewTypeIn(intro);
  return type === 'SCR' || type === 'LCSPR' || type === 'CSPR' ? type : null;
}

function entryParts(view: TextView, line: Line, last: Line, listType: ReviewType | null): EntryParts {
  const m = DATED_ENTRY.exec(line.text) as RegExpExecArray;
  const name = (m[5] as string).trim();
  const area = (m[4] as string).trim();
  const firstBody = view.text.slice(line.end, Math.min(last.end, line.end + 400));
  return {
    start: line.contentStart,
    end: Math.max(last.end, line.end),
    title: line.text.trim(),
    bodyStart: line.end,
    childField: pseudonymInTitle(name),
    reviewType: localReviewType(
      reviewTypeIn(name) ?? reviewTypeIn(firstSentences(firstBody.trim(), 1)[0] ?? '') ?? listType,
      Number(m[2]),
      area,
    ),
    meta: { partnership: UNNAMED_AREA.test(area) ? null : area, reportYear: Number(m[2]) },
  };
}
