/** What the incident summary tells about the child and the incident. */

import { ageIn } from './age.ts';
import { eventYearIn } from './dates.ts';
import { genderIn } from './gender.ts';
import { outcomeIn } from './outcome.ts';
import { reviewTypeIn } from './review-type.ts';
import { firstSentences } from './sentences.ts';
import type { ExtractedCase } from './types.ts';

export type SummaryFields = Pick<ExtractedCase, 'incidentYear' | 'age' | 'ageBand' | 'gender' | 'outcome'>;

export function fieldsFromSummary(summary: string | null, child: string | null = null): SummaryFields {
  const incident = summary ? withoutReviewTypeSentence(summary) : '';
  if (!incident) return { incidentYear: null, age: null, ageBand: null, gender: null, outcome: null };
  const age = ageIn(incident);
  return {
    incidentYear: incidentYearIn(incident),
    age: age?.age ?? null,
    ageBand: age?.ageBand ?? null,
    gender: genderIn(incident, child),
    outcome: outcomeIn(incident),
  };
}

/**
 * Some layouts open the summary with the kind of review ("Local child safeguarding practice review.
 * Death of a ..."); the incident sentences follow it.
 */
function withoutReviewTypeSentence(summary: string): string {
  const first = firstSentences(summary, 1)[0] ?? '';
  if (first.split(/\s+/).length > 8 || !reviewTypeIn(first) || !/\.$/.test(first)) return summary;
  return summary.slice(summary.indexOf(first) + first.length).trim();
}

/** The incident year: printed in the opening sentence, or failing that the next one. */
export function incidentYearIn(summary: string): number | null {
  for (const sentence of firstSentences(summary, 2)) {
    const year = eventYearIn(sentence);
    if (year !== null) return year;
  }
  return null;
}
