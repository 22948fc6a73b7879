/**
 * Headed sections of a single-review document: a line such as "Key learning", "4. What can we learn?",
 * "Recommendations" or "Good practice" opens a list of learning, of recommendations, or of something that
 * is neither (background, good practice, questions to consider). The headings are data (cues.yaml), so a
 * new wording is a line there.
 */
import type { StatementLabel } from '../../extract/labels.ts';
import type { Line } from '../../extract/lines.ts';
import type { TextView } from '../../extract/view.ts';
import { type HeadingKind, normalHeading, type ProseCues, proseCues } from './cues.ts';

export function sectionLabels(
  view: TextView,
  from: number,
  to: number,
  cues: ProseCues = proseCues(),
): StatementLabel[] {
  const labels: StatementLabel[] = [];
  for (const line of view.lines) {
    if (line.blank || line.contentStart < from || line.end > to) continue;
    const kind = headingKind(line, view, cues);
    if (!kind) continue;
    labels.push({ kind, start: line.contentStart, end: line.end, targetHint: null, hintScope: 'all' });
  }
  return labels;
}

export function headingKind(line: Line, view: TextView, cues: ProseCues = proseCues()): HeadingKind | null {
  const t = line.text.trim();
  if (t.length > 90 || (/[.;,]$/.test(t) && view.hintOf(line) !== 'heading')) return null;
  const whole = cues.headings.get(normalHeading(t));
  if (whole) return whole;
  // "1. Learning Journey: What did we do?" — the part after the colon says what follows.
  const parts = t.split(':').map(normalHeading).filter(Boolean);
  for (const part of parts.reverse()) {
    const kind = cues.headings.get(part);
    if (kind) return kind;
  }
  return null;
}
