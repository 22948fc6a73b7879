/**
 * GraphQL enum values <-> the values the graph stores. The schema maps them (enum resolvers), so resolvers
 * and the analytics index only ever see domain values ('serious-harm', 'under 1', 'CaseReview'). The
 * vocabularies themselves are declared in graph/schema/vocabulary.ts; these are views of them.
 */
import type { NodeLabel } from '../../graph/schema/model.ts';
import {
  AGE_BAND_VOCABULARY,
  labelByValue,
  OUTCOME_VOCABULARY,
  REVIEW_TYPE_VOCABULARY,
  valueByName,
} from '../../graph/schema/vocabulary.ts';

export const OUTCOME_VALUES = valueByName(OUTCOME_VOCABULARY);
export const AGE_BAND_VALUES = valueByName(AGE_BAND_VOCABULARY);
export const REVIEW_TYPE_VALUES = valueByName(REVIEW_TYPE_VOCABULARY);

export const NODE_KIND_VALUES = {
  CASE_REVIEW: 'CaseReview',
  THEME: 'Theme',
  HARM_TYPE: 'HarmType',
  AGENCY: 'Agency',
  LEARNING: 'Learning',
  RECOMMENDATION: 'Recommendation',
  SOURCE: 'Source',
} as const satisfies Record<string, NodeLabel>;

export type EnumValues = Record<string, string>;

/** The GraphQL name of a domain value ('serious-harm' -> 'SERIOUS_HARM'), or null when it has none. */
export function enumName(values: EnumValues, value: string): string | null {
  for (const [name, v] of Object.entries(values)) if (v === value) return name;
  return null;
}

/** Readable labels for facet panels, by stored value. */
export const OUTCOME_LABELS: Readonly<Record<string, string>> = labelByValue(OUTCOME_VOCABULARY);
