/**
 * The shapes the explorer reads, named. Answers are typed by the types generated from the SDL and the
 * query documents (./generated/operations.ts, `npm run codegen`); tests/unit/web/queries.test.ts validates
 * every query document against the SDL.
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
import type {
  BootstrapQuery,
  CaseDetailQuery,
  CasesQuery,
  ConnectionsQuery,
  FacetsQuery,
  IngestDocumentMutation,
  NeighbourhoodQuery,
  NodeKind,
  SearchQuery,
  ThemeDetailQuery,
  ThemeNetworkQuery,
} from './generated/operations.ts';

/** The enums' values, as the API spells them (the vocabularies are declared in graph/schema/vocabulary.ts). */
export type Outcome = OutcomeName;
export type AgeBand = AgeBandName;
export type ReviewType = ReviewTypeName;
export type { NodeKind };

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

export type Evidence = ThemeLinkRef['evidence'];

export type Stats = BootstrapQuery['stats'];

export type Capabilities = BootstrapQuery['capabilities'];

export type ThemeSummary = BootstrapQuery['themes'][number];

export type SourceSummary = BootstrapQuery['sources'][number];

export type ThemeNetwork = ThemeNetworkQuery['themeNetwork'];

export type ThemeNode = ThemeNetwork['nodes'][number];

export type ThemeEdge = ThemeNetwork['edges'][number];

export type FacetValue = FacetsQuery['harmTypes']['harmTypes'][number];

export type PageInfo = CasesQuery['cases']['pageInfo'];

export interface Connection<T> {
  totalCount: number;
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
}

export type RelatedTheme = NonNullable<ThemeDetailQuery['theme']>['related'][number];

/** A review as listed in the theme and link panels: enough to cite it, plus its theme evidence. */
export type CaseListItem = CasesQuery['cases']['edges'][number]['node'];

export type ThemeLinkRef = CaseListItem['themes'][number];

export type CaseDetail = NonNullable<CaseDetailQuery['case']>;

export type Subgraph = NeighbourhoodQuery['neighbourhood'];

export type GraphNode = Subgraph['nodes'][number];

export type GraphEdge = Subgraph['edges'][number];

export type GraphPath = ConnectionsQuery['connections'][number];

export type SearchHit = SearchQuery['search'][number];

export type IngestResult = IngestDocumentMutation['ingestDocument'];
