/**
 * The graph schema, declared once. Everything else derives from it: LadybugDB DDL, Neo4j constraints and
 * indexes (cypher/schema.cypher), and the schema handed to the Cypher linter.
 */
import {
  AGE_BAND_VOCABULARY,
  OUTCOME_VOCABULARY,
  REVIEW_TYPE_VOCABULARY,
  type Vocabulary,
} from './vocabulary.ts';

export type PropertyType = 'STRING' | 'INT64' | 'DOUBLE' | 'BOOLEAN' | 'STRING[]';

export interface PropertyDecl {
  readonly name: string;
  readonly type: PropertyType;
}

export interface NodeDecl {
  readonly label: NodeLabel;
  readonly key: 'id';
  readonly properties: readonly PropertyDecl[];
  /** Properties that get a (range) index besides the key. */
  readonly indexed: readonly string[];
  /** Properties covered by the full-text index, when the label is searchable. */
  readonly fullText: readonly string[];
}

export interface RelDecl {
  readonly type: RelType;
  readonly from: NodeLabel;
  readonly to: NodeLabel;
  readonly properties: readonly PropertyDecl[];
}

export const NODE_LABELS = [
  'Source',
  'CaseReview',
  'HarmType',
  'Agency',
  'Theme',
  'Learning',
  'Recommendation',
] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

export const REL_TYPES = [
  'PUBLISHED_IN',
  'CONCERNS',
  'INVOLVED',
  'HAS_LEARNING',
  'ABOUT',
  'HAS_THEME',
  'MAKES',
  'TARGETS',
  'ADDRESSES',
] as const;
export type RelType = (typeof REL_TYPES)[number];

const s = (name: string): PropertyDecl => ({ name, type: 'STRING' });
const i = (name: string): PropertyDecl => ({ name, type: 'INT64' });

/** Every extracted link carries where it came from: the source, the quoted sentence, offsets into the source text. */
export const EVIDENCE_PROPERTIES: readonly PropertyDecl[] = [s('sourceId'), s('quote'), i('start'), i('end')];

/**
 * A case review's properties, in column order: the one declaration of its fields. The record type
 * (CaseReviewFields below, graph/records.ts), both engines' column lists and row readers and the ingest
 * output take their fields from here. `required` fields are never null; `values` names the vocabulary a
 * field's stored values come from (graph/schema/vocabulary.ts).
 */
export const CASE_REVIEW_PROPERTIES = [
  { name: 'id', type: 'STRING', required: true },
  { name: 'title', type: 'STRING', required: true },
  { name: 'child', type: 'STRING' },
  { name: 'reviewType', type: 'STRING', required: true, values: REVIEW_TYPE_VOCABULARY },
  { name: 'partnership', type: 'STRING' },
  { name: 'authors', type: 'STRING' },
  { name: 'reportYear', type: 'INT64' },
  { name: 'incidentYear', type: 'INT64' },
  { name: 'age', type: 'STRING' },
  { name: 'ageBand', type: 'STRING', values: AGE_BAND_VOCABULARY },
  { name: 'gender', type: 'STRING' },
  { name: 'outcome', type: 'STRING', values: OUTCOME_VOCABULARY },
  { name: 'summary', type: 'STRING' },
  { name: 'topic', type: 'STRING' },
] as const satisfies readonly (PropertyDecl & { required?: true; values?: Vocabulary })[];

type CaseReviewDecl = (typeof CASE_REVIEW_PROPERTIES)[number];
type DeclaredValue<D> = D extends { values: Vocabulary }
  ? D['values'][number]['value']
  : D extends { type: 'INT64' }
    ? number
    : string;

/** A case review's fields as records carry them, derived from CASE_REVIEW_PROPERTIES. */
export type CaseReviewFields = {
  [D in CaseReviewDecl as D['name']]: D extends { required: true }
    ? DeclaredValue<D>
    : DeclaredValue<D> | null;
};

export type CaseReviewProperty = (typeof CASE_REVIEW_PROPERTIES)[number]['name'];

export const NODES: readonly NodeDecl[] = [
  {
    label: 'Source',
    key: 'id',
    properties: [
      s('id'),
      s('title'),
      s('publisher'),
      s('published'),
      s('path'),
      s('format'),
      s('kind'),
      s('ingestedAt'),
      s('text'),
      // Last, in the order they were added, so a database made before them (each column added at the end)
      // has the same column order.
      s('sha256'),
      s('extractor'),
      s('extraction'),
    ],
    indexed: [],
    fullText: [],
  },
  {
    label: 'CaseReview',
    key: 'id',
    properties: CASE_REVIEW_PROPERTIES,
    indexed: ['reportYear', 'reviewType', 'outcome'],
    fullText: ['title', 'child', 'partnership', 'summary'],
  },
  {
    label: 'HarmType',
    key: 'id',
    properties: [s('id'), s('label'), s('description')],
    indexed: [],
    fullText: [],
  },
  {
    label: 'Agency',
    key: 'id',
    properties: [s('id'), s('label'), s('description'), s('sector')],
    indexed: ['sector'],
    fullText: [],
  },
  {
    label: 'Theme',
    key: 'id',
    properties: [s('id'), s('label'), s('description'), s('group')],
    indexed: [],
    fullText: ['label', 'description'],
  },
  {
    label: 'Learning',
    key: 'id',
    properties: [s('id'), s('text'), s('sourceId'), i('start'), i('end')],
    indexed: ['sourceId'],
    fullText: ['text'],
  },
  {
    label: 'Recommendation',
    key: 'id',
    properties: [s('id'), s('text'), s('sourceId'), i('start'), i('end')],
    indexed: ['sourceId'],
    fullText: ['text'],
  },
];

export const RELATIONSHIPS: readonly RelDecl[] = [
  { type: 'PUBLISHED_IN', from: 'CaseReview', to: 'Source', properties: EVIDENCE_PROPERTIES },
  { type: 'CONCERNS', from: 'CaseReview', to: 'HarmType', properties: EVIDENCE_PROPERTIES },
  { type: 'INVOLVED', from: 'CaseReview', to: 'Agency', properties: EVIDENCE_PROPERTIES },
  { type: 'HAS_LEARNING', from: 'CaseReview', to: 'Learning', properties: EVIDENCE_PROPERTIES },
  { type: 'ABOUT', from: 'Learning', to: 'Theme', properties: EVIDENCE_PROPERTIES },
  { type: 'HAS_THEME', from: 'CaseReview', to: 'Theme', properties: EVIDENCE_PROPERTIES },
  { type: 'MAKES', from: 'CaseReview', to: 'Recommendation', properties: EVIDENCE_PROPERTIES },
  { type: 'TARGETS', from: 'Recommendation', to: 'Agency', properties: EVIDENCE_PROPERTIES },
  { type: 'ADDRESSES', from: 'Recommendation', to: 'Theme', properties: EVIDENCE_PROPERTIES },
];

export function nodeDecl(label: NodeLabel): NodeDecl {
  const decl = NODES.find((n) => n.label === label);
  if (!decl) throw new Error(`unknown node label ${label}`);
  return decl;
}

export function relDecl(type: RelType): RelDecl {
  const decl = RELATIONSHIPS.find((r) => r.type === type);
  if (!decl) throw new Error(`unknown relationship type ${type}`);
  return decl;
}

/** The values of a record's declared properties, in declaration order (absent ones as null): a write row. */
export function declaredValues(label: NodeLabel, record: object): Record<string, unknown> {
  const values = record as Record<string, unknown>;
  return Object.fromEntries(nodeDecl(label).properties.map(({ name }) => [name, values[name] ?? null]));
}
