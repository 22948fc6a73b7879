/**
 * Every GraphQL document the explorer sends, each paired with the shape of its answer. The same texts are
 * what "copy as GraphQL" hands to a notebook user, so they are written to be read.
 */
import type {
  BootstrapQuery,
  BootstrapQueryVariables,
  CaseDetailQuery,
  CaseDetailQueryVariables,
  CasesQuery,
  CasesQueryVariables,
  ConnectionsQuery,
  ConnectionsQueryVariables,
  FacetsQuery,
  FacetsQueryVariables,
  IngestDocumentMutation,
  IngestDocumentMutationVariables,
  NeighbourhoodQuery,
  NeighbourhoodQueryVariables,
  SearchQuery,
  SearchQueryVariables,
  ThemeDetailQuery,
  ThemeDetailQueryVariables,
  ThemeNetworkQuery,
  ThemeNetworkQueryVariables,
} from './generated/operations.ts';
import type { CaseDetail } from './types.ts';

/** A query text with phantom types for its variables and result. */
export interface Operation<TData, TVars> {
  readonly name: string;
  readonly query: string;
  readonly __data?: TData;
  readonly __vars?: TVars;
}

function operation<TData, TVars>(name: string, query: string): Operation<TData, TVars> {
  return { name, query: query.trim() };
}

export const BOOTSTRAP = operation<BootstrapQuery, BootstrapQueryVariables>(
  'Bootstrap',
  `
query Bootstrap {
  stats {
    cases: reviewCount sources themes harmTypes agencies learning recommendations yearMin yearMax
    population { excluded { national } }
  }
  capabilities { engine writable maxFirst maxHops }
  themes { id label description group caseCount: reviewCount }
  sources { id title publisher published path format kind caseCount: reviewCount }
}`,
);

export const THEME_NETWORK_FIELDS = `themeNetwork(filter: $filter, minShared: $minShared) {
    caseCount: reviewCount
    nodes { id label group weight: reviewCount }
    edges { source target weight: reviewCount lift }
  }`;

export const THEME_NETWORK = operation<ThemeNetworkQuery, ThemeNetworkQueryVariables>(
  'ThemeNetwork',
  `
query ThemeNetwork($filter: CaseFilter, $minShared: Int) {
  ${THEME_NETWORK_FIELDS}
}`,
);

const FACET = '{ id label count: reviewCount }';

export type FacetSlices = FacetsQuery;

/**
 * Counts for each filter list under the selection of the OTHER lists (a list does not narrow its own
 * counts, so one can still add a second harm type). One request, one aliased field per list.
 */
export const FACETS = operation<FacetsQuery, FacetsQueryVariables>(
  'Facets',
  `
query Facets($harmTypes: CaseFilter, $agencies: CaseFilter, $outcomes: CaseFilter, $ageBands: CaseFilter,
  $reviewTypes: CaseFilter, $sources: CaseFilter, $years: CaseFilter) {
  harmTypes: facets(filter: $harmTypes) { harmTypes ${FACET} }
  agencies: facets(filter: $agencies) { agencies ${FACET} }
  outcomes: facets(filter: $outcomes) { outcomes ${FACET} }
  ageBands: facets(filter: $ageBands) { ageBands ${FACET} }
  reviewTypes: facets(filter: $reviewTypes) { reviewTypes ${FACET} }
  sources: facets(filter: $sources) { sources ${FACET} }
  years: facets(filter: $years) { years ${FACET} }
}`,
);

const EVIDENCE = 'evidence { sourceId quote start end }';
const CASE_LIST_ITEM = `id title child reviewType partnership reportYear
        themes { theme { id label } ${EVIDENCE} }`;

export const CASES_FIELDS = `cases(filter: $cases, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { ${CASE_LIST_ITEM} } }
  }`;

export const THEME_DETAIL = operation<ThemeDetailQuery, ThemeDetailQueryVariables>(
  'ThemeDetail',
  `
query ThemeDetail($id: ID!, $filter: CaseFilter, $cases: CaseFilter, $first: Int, $after: String) {
  theme(id: $id) {
    id label description group caseCount: reviewCount
    related(limit: 30, filter: $filter) { theme { id label group } shared: reviewCount lift }
  }
  ${CASES_FIELDS}
}`,
);

export const CASES = operation<CasesQuery, CasesQueryVariables>(
  'Cases',
  `
query Cases($cases: CaseFilter, $first: Int, $after: String) {
  ${CASES_FIELDS}
}`,
);

export const CASE_DETAIL = operation<CaseDetailQuery, CaseDetailQueryVariables>(
  'CaseDetail',
  `
query CaseDetail($id: ID!) {
  case(id: $id) {
    id title child reviewType partnership authors reportYear incidentYear age ageBand gender outcome summary topic
    harmTypes { harmType { id label } ${EVIDENCE} }
    agencies { agency { id label sector } ${EVIDENCE} }
    themes { theme { id label } ${EVIDENCE} }
    learning { id text sourceId start end themes { theme { id label } ${EVIDENCE} } }
    recommendations {
      id text sourceId start end
      themes { theme { id label } ${EVIDENCE} }
      targets { agency { id label } ${EVIDENCE} }
    }
    sources { id title publisher published format kind }
  }
}`,
);

const GRAPH_NODE = 'id kind key caption';

export const NEIGHBOURHOOD = operation<NeighbourhoodQuery, NeighbourhoodQueryVariables>(
  'Neighbourhood',
  `
query Neighbourhood($id: ID!, $depth: Int, $limit: Int) {
  neighbourhood(id: $id, depth: $depth, limit: $limit) {
    nodes { ${GRAPH_NODE} }
    edges { source target type }
  }
}`,
);

export const CONNECTIONS = operation<ConnectionsQuery, ConnectionsQueryVariables>(
  'Connections',
  `
query Connections($from: ID!, $to: ID!, $maxHops: Int, $first: Int) {
  connections(from: $from, to: $to, maxHops: $maxHops, first: $first) {
    length
    nodes { ${GRAPH_NODE} }
    edges { source target type }
    cases { id title child reviewType reportYear }
  }
}`,
);

export const SEARCH = operation<SearchQuery, SearchQueryVariables>(
  'Search',
  `
query Search($text: String!, $first: Int) {
  search(text: $text, first: $first) { kind id key caption caseId }
}`,
);

export const INGEST_DOCUMENT = operation<IngestDocumentMutation, IngestDocumentMutationVariables>(
  'IngestDocument',
  `
mutation IngestDocument($filename: String!, $file: File) {
  ingestDocument(filename: $filename, file: $file) { filename status sourceId cases: reviewCount warnings error }
}`,
);

export type CaseName = Pick<CaseDetail, 'id' | 'title' | 'child' | 'reviewType' | 'reportYear'>;

/** Names of several reviews in one request (one aliased field each), for captions in the case graph. */
export function caseNames(ids: readonly string[]): {
  op: Operation<Record<string, CaseName | null>, Record<string, string>>;
  variables: Record<string, string>;
} {
  const variables: Record<string, string> = {};
  const params: string[] = [];
  const fields = ids.map((id, i) => {
    variables[`c${i}`] = id;
    params.push(`$c${i}: ID!`);
    return `c${i}: case(id: $c${i}) { id title child reviewType reportYear }`;
  });
  return {
    op: operation('CaseNames', `query CaseNames(${params.join(', ')}) {\n  ${fields.join('\n  ')}\n}`),
    variables,
  };
}

export const ALL_OPERATIONS: ReadonlyArray<Operation<unknown, unknown>> = [
  BOOTSTRAP,
  THEME_NETWORK,
  FACETS,
  THEME_DETAIL,
  CASES,
  CASE_DETAIL,
  NEIGHBOURHOOD,
  CONNECTIONS,
  SEARCH,
  INGEST_DOCUMENT,
  caseNames(['a', 'b', 'c']).op,
];
