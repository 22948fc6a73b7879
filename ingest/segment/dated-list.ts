/**
 * Yearly lists and monthly updates: every entry opens with "YYYY - Area - Name" (hyphens in yearly lists,
 * en dashes in monthly updates), followed by a summary and labelled lines ("Learning:",
 * "Recommendations:", "Keywords:"). The year is the report year and the area the partnership.
 */
import { buildCase, type EntryParts } from '../extract/case.ts';
import type { Line } from '../extract/lines.ts';
import { pseudonymInTitle } from '../extract/pseudonym.ts';
import { reviewTypeIn } from '../extract/review-type.ts';
import { firstSentences } from '../extract/sentences.ts';
import type { TextView } from '../extract/view.ts';
import type { SegmentContext, SegmentResult } from './segment-types.ts';

export const DATED_ENTRY =
  /^[ \t\u00a0]*((?:19|20)\d\d)[ \t\u00a0]+([-–—])[ \t\u00a0]+(.+?)[ \t\u00a0]+[-–—][ \t\u00a0]+(.+?)[ \t\u00a0]*$/;

export function segmentDatedList(view: TextView, _ctx: SegmentContext): SegmentResult {
  const starts = view.lines.filter((l) => DATED_ENTRY.test(l.text));
  const warnings: string[] = [];
  const cases = starts.map((line, i) => {
    const next = starts[i + 1];
    const built = buildCase(
      view,
      entryParts(view, line, lastLineBefore(view, next ? next.index : view.lines.length)),
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

function entryParts(view: TextView, line: Line, last: Line): EntryParts {
  const m = DATED_ENTRY.exec(line.text) as RegExpExecArray;
  const name = (m[4] as string).trim();
  const firstBody = view.text.slice(line.end, Math.min(last.end, line.end + 400));
  return {
    start: line.contentStart,
    end: Math.max(last.end, line.end),
    title: line.text.trim(),
    bodyStart: line.end,
    childField: pseudonymInTitle(name),
    reviewType: reviewTypeIn(name) ?? reviewTypeIn(firstSentences(firstBody.trim(), 1)[0] ?? ''),
    meta: { partnership: (m[3] as string).trim(), reportYear: Number(m[1]) },
  };
}
