/**
 * TypeScript mirrors of the GraphQL SDL (server/schema/*.graphql), limited to what the explorer selects.
 * tests/unit/web/queries.test.ts validates every query document against the SDL, so drift shows up there.
 */
import {
  AGE_BAND_VOCABULARY,
  type AgeBandName,
  namesOf,
  OUTCOME_VOCABULARY,
  type OutcomeName,
  REVIEW_TYPE_VOCABULARY,
  type ReviewTypeName,
} from '../../../graph/schema/vocabulary.ts';

/** The enums' values, as the API spells them (the vocabularies are declared in graph/schema/vocabulary.ts). */
export type Outcome = OutcomeName;
export type AgeBand = AgeBandName;
export type ReviewType = ReviewTypeName;
export type NodeKind =
  | 'CASE_REVIEW'
  | 'THEME'
  | 'HARM_TYPE'
  | 'AGENCY'
  | 'LEARNING'
  | 'RECOMMENDATION'
  | 'SOURCE';

export const OUTCOMES: readonly Outcome[] = namesOf(OUTCOME_VOCABULARY);
export const AGE_BANDS: readonly AgeBand[] = namesOf(AGE_BAND_VOCABULARY);
export const REVIEW_TYPES: readonly ReviewType[] = namesOf(REVIEW_TYPE_VOCABULARY);

/** The CaseFilter input: OR within a list, AND across fields. */
export interface CaseFilter {
  harmTypes?: string[];
  themes?: string[];
  /** Every one of these themes (themes matches any). */
  themesAll?: string[];
  agencies?: string[];
  yearFrom?: number;
  yearTo?: number;
  outcome?: Outcome[];
  ageBands?: AgeBand[];
  reviewTypes?: ReviewType[];
  sources?: string[];
  text?: string;
}

export interface Evidence {
  sourceId: string;
  quote: string;
  start: number;
  end: number;
}

export interface Stats {
  cases: number;
  sources: number;
  themes: number;
  harmTypes: number;
  agencies: number;
  learning: number;
  recommendations: number;
  yearMin: number | null;
  yearMax: number | null;
  /** National publications are counted in `cases` only when a filter asks for them. */
  population?: { excluded: { national: number } };
}

export interface Capabilities {
  engine: string;
  writable: boolean;
  maxFirst: number;
  maxHops: number;
}

export interface ThemeSummary {
  id: string;
  label: string;
  description: string | null;
  group: string | null;
  caseCount: number;
}

export interface SourceSummary {
  id: string;
  title: string;
  publisher: string | null;
  published: string | null;
  path: string;
  format: string;
  kind: string;
  caseCount: number;
}

export interface ThemeNode {
  id: string;
  label: string;
  group: string | null;
  weight: number;
}

export interface ThemeEdge {
  source: string;
  target: string;
  weight: number;
  lift: number;
}

export interface ThemeNetwork {
  nodes: ThemeNode[];
  edges: ThemeEdge[];
  caseCount: number;
}

export interface FacetValue {
  id: string;
  label: string;
  count: number;
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface Connection<T> {
  totalCount: number;
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
}

export interface RelatedTheme {
  theme: { id: string; label: string; group: string | null };
  shared: number;
  lift: number;
}

export interface ThemeLinkRef {
  theme: { id: string; label: string };
  evidence: Evidence;
}

/** A review as listed in the theme and link panels: enough to cite it, plus its theme evidence. */
export interface CaseListItem {
  id: string;
  title: string;
  child: string | null;
  reviewType: ReviewType;
  partnership: string | null;
  reportYear: number | null;
  themes: ThemeLinkRef[];
}

export interface CaseDetail {
  id: string;
  title: string;
  child: string | null;
  reviewType: ReviewType;
  partnership: string | null;
  authors: string | null;
  reportYear: number | null;
  incidentYear: number | null;
  age: string | null;
  ageBand: AgeBand | null;
  gender: string | null;
  outcome: Outcome | null;
  summary: string | null;
  topic: string | null;
  harmTypes: Array<{ harmType: { id: string; label: string }; evidence: Evidence }>;
  agencies: Array<{ agency: { id: string; label: string; sector: string }; evidence: Evidence }>;
  themes: ThemeLinkRef[];
  learning: Array<{
    id: string;
    text: string;
    sourceId: string;
    start: number;
    end: number;
    themes: ThemeLinkRef[];
  }>;
  recommendations: Array<{
    id: string;
    text: string;
    sourceId: string;
    start: number;
    end: number;
    themes: ThemeLinkRef[];
    targets: Array<{ agency: { id: string; label: string }; evidence: Evidence }>;
  }>;
  sources: Array<{
    id: string;
    title: string;
    publisher: string | null;
    published: string | null;
    format: string;
    kind: string;
  }>;
}

export interface GraphNode {
  id: string;
  kind: NodeKind;
  key: string;
  caption: string;
}

export interface GraphEdge {
  source: string;
  target: string;
  type: string;
}

export interface Subgraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface GraphPath {
  nodes: GraphNode[];
  edges: GraphEdge[];
  length: number;
  cases: Array<{
    id: string;
    title: string;
    child: string | null;
    reviewType: ReviewType;
    reportYear: number | null;
  }>;
}

export interface SearchHit {
  kind: string;
  id: string;
  key: string;
  caption: string;
  caseId: string | null;
}

export interface IngestResult {
  filename: string;
  status: string;
  sourceId: string | null;
  cases: number;
  warnings: string[];
  error: string | null;
}
