/**
 * GraphQL enum values <-> the values the graph stores. The schema maps them (enum resolvers), so resolvers
 * and the analytics index only ever see domain values ('serious-harm', 'under 1', 'CaseReview').
 */
import type { AgeBand, Outcome, ReviewType } from '../../graph/records.ts';
import type { NodeLabel } from '../../graph/schema/model.ts';

export const OUTCOME_VALUES = {
  DEATH: 'death',
  SERIOUS_HARM: 'serious-harm',
  OTHER: 'other',
} as const satisfies Record<string, Outcome>;

export const AGE_BAND_VALUES = {
  UNDER_1: 'under 1',
  AGE_1_5: '1-5',
  AGE_6_10: '6-10',
  AGE_11_15: '11-15',
  AGE_16_PLUS: '16+',
} as const satisfies Record<string, AgeBand>;

export const REVIEW_TYPE_VALUES = {
  SCR: 'SCR',
  LCSPR: 'LCSPR',
  CSPR: 'CSPR',
  NATIONAL: 'NATIONAL',
  OTHER: 'OTHER',
} as const satisfies Record<string, ReviewType>;

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

/** Readable labels for facet panels. */
export const OUTCOME_LABELS: Record<string, string> = {
  death: 'death',
  'serious-harm': 'serious harm',
  other: 'other',
};
