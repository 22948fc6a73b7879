/**
 * The closed vocabularies of the graph, declared once: the kinds of review, outcomes, age bands and agency
 * sectors. Each entry names a value three ways: as the graph stores it (`value`), as the GraphQL API spells
 * it (`name`, an enum value in server/schema/*.graphql) and as a person reads it (`label`). The record
 * types (graph/records.ts), the engines' row readers, the GraphQL enum mapping, the taxonomy's checks and
 * the web app's filters all derive from these tables. Plain data with no imports, so the web app can use
 * it too; graph/schema/model.ts declares which fields a case review has, this file what some of them hold.
 */

export interface VocabularyEntry {
  readonly name: string;
  readonly value: string;
  readonly label: string;
}

export type Vocabulary = readonly VocabularyEntry[];

export const REVIEW_TYPE_VOCABULARY = [
  { name: 'SCR', value: 'SCR', label: 'Serious case review' },
  { name: 'LCSPR', value: 'LCSPR', label: 'Local practice review' },
  { name: 'CSPR', value: 'CSPR', label: 'Practice review' },
  { name: 'NATIONAL', value: 'NATIONAL', label: 'National review' },
  { name: 'OTHER', value: 'OTHER', label: 'Other review' },
] as const satisfies Vocabulary;

export const OUTCOME_VOCABULARY = [
  { name: 'DEATH', value: 'death', label: 'Death' },
  { name: 'SERIOUS_HARM', value: 'serious-harm', label: 'Serious harm' },
  { name: 'OTHER', value: 'other', label: 'Other' },
] as const satisfies Vocabulary;

/** Age of the child at the incident, in years. */
export const AGE_BAND_VOCABULARY = [
  { name: 'UNDER_1', value: 'under 1', label: 'Under 1' },
  { name: 'AGE_1_5', value: '1-5', label: '1–5' },
  { name: 'AGE_6_10', value: '6-10', label: '6–10' },
  { name: 'AGE_11_15', value: '11-15', label: '11–15' },
  { name: 'AGE_16_PLUS', value: '16+', label: '16 and over' },
] as const satisfies Vocabulary;

/** The sector of an agency (taxonomy.yaml); the API gives it as stored, so name and value are the same. */
export const SECTOR_VOCABULARY = [
  { name: 'police', value: 'police', label: 'Police' },
  { name: 'health', value: 'health', label: 'Health' },
  { name: 'social care', value: 'social care', label: 'Social care' },
  { name: 'education', value: 'education', label: 'Education' },
  { name: 'justice', value: 'justice', label: 'Justice' },
  { name: 'voluntary', value: 'voluntary', label: 'Voluntary sector' },
  { name: 'partnership', value: 'partnership', label: 'Safeguarding partnership' },
  { name: 'national', value: 'national', label: 'National body' },
] as const satisfies Vocabulary;

type ValueOf<V extends Vocabulary> = V[number]['value'];
type NameOf<V extends Vocabulary> = V[number]['name'];

/** Stored values. */
export type ReviewType = ValueOf<typeof REVIEW_TYPE_VOCABULARY>;
export type Outcome = ValueOf<typeof OUTCOME_VOCABULARY>;
export type AgeBand = ValueOf<typeof AGE_BAND_VOCABULARY>;
export type Sector = ValueOf<typeof SECTOR_VOCABULARY>;

/** GraphQL enum names. */
export type ReviewTypeName = NameOf<typeof REVIEW_TYPE_VOCABULARY>;
export type OutcomeName = NameOf<typeof OUTCOME_VOCABULARY>;
export type AgeBandName = NameOf<typeof AGE_BAND_VOCABULARY>;

/** The stored values, in the vocabulary's order. */
export function valuesOf<const V extends Vocabulary>(vocabulary: V): readonly ValueOf<V>[] {
  return vocabulary.map((entry) => entry.value as ValueOf<V>);
}

/** The GraphQL names, in the vocabulary's order. */
export function namesOf<const V extends Vocabulary>(vocabulary: V): readonly NameOf<V>[] {
  return vocabulary.map((entry) => entry.name as NameOf<V>);
}

/** GraphQL name -> stored value ('SERIOUS_HARM' -> 'serious-harm'): the schema's enum mapping. */
export function valueByName<const V extends Vocabulary>(
  vocabulary: V,
): { readonly [E in V[number] as E['name']]: E['value'] } {
  return Object.fromEntries(vocabulary.map((e) => [e.name, e.value])) as {
    [E in V[number] as E['name']]: E['value'];
  };
}

/** GraphQL name -> label ('SERIOUS_HARM' -> 'Serious harm'). */
export function labelByName<const V extends Vocabulary>(vocabulary: V): Readonly<Record<NameOf<V>, string>> {
  return Object.fromEntries(vocabulary.map((e) => [e.name, e.label])) as Record<NameOf<V>, string>;
}

/** Stored value -> label ('serious-harm' -> 'Serious harm'). */
export function labelByValue<const V extends Vocabulary>(
  vocabulary: V,
): Readonly<Record<ValueOf<V>, string>> {
  return Object.fromEntries(vocabulary.map((e) => [e.value, e.label])) as Record<ValueOf<V>, string>;
}

export const REVIEW_TYPES = valuesOf(REVIEW_TYPE_VOCABULARY);
export const OUTCOMES = valuesOf(OUTCOME_VOCABULARY);
export const AGE_BANDS = valuesOf(AGE_BAND_VOCABULARY);
export const SECTORS = valuesOf(SECTOR_VOCABULARY);
