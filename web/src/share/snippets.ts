/**
 * "Copy as GraphQL" and "copy as Python": the query behind the current view, with its variables, in a form
 * a notebook user can paste and run (Python uses only the standard library).
 */
import { ANALYTIC_NETWORK_FIELDS, NETWORK_PARAMS } from '../api/network-queries.ts';
import { toCaseFilter } from '../filters/filter-model.ts';
import { countFloor, linkThresholds } from '../state/thresholds.ts';
import type { ViewState } from '../state/view-state.ts';

export interface ViewQuery {
  operationName: string;
  query: string;
  variables: Record<string, unknown>;
  /** The response field holding the main result, for the Python summary line. */
  mainField: string;
  /**
   * Room-safe: the least reviews behind any count shown (themes below it are dropped from the answer in
   * Python, as on the map), or null when room-safe is off.
   */
  safeFloor?: number | null;
}

const EVIDENCE = 'evidence { sourceId quote start end }';

export function viewQuery(state: ViewState, casesFirst = 50): ViewQuery {
  return state.view === 'graph' && state.graphRoots.length > 0
    ? graphQuery(state)
    : mapQuery(state, casesFirst);
}

function mapQuery(state: ViewState, casesFirst: number): ViewQuery {
  const filter = toCaseFilter(state.filters);
  const variables: Record<string, unknown> = { filter, ...linkThresholds(state) };
  const params = [NETWORK_PARAMS];
  const fields = [ANALYTIC_NETWORK_FIELDS];
  // Room-safe asks for no name, title, quote or review id: those are where pseudonyms live (a review's id
  // is made from its child's pseudonym).
  const safe = state.roomSafe;
  const caseFields = safe
    ? 'reviewType partnership reportYear themes { theme { id label } }'
    : `id title reviewType partnership reportYear themes { theme { id label } ${EVIDENCE} }`;
  const sel = state.selection;
  if (sel?.kind === 'theme' || sel?.kind === 'link') {
    params.push('$cases: CaseFilter', '$first: Int');
    variables.cases =
      sel.kind === 'theme'
        ? { ...filter, themes: [sel.id] }
        : { ...filter, themesAll: [sel.source, sel.target] };
    variables.first = casesFirst;
    if (sel.kind === 'theme') {
      params.push('$theme: ID!');
      variables.theme = sel.id;
      fields.push(`theme(id: $theme) {
    id label description group reviewCount
    related(limit: 10, filter: $filter) { theme { id label } reviewCount lift }
  }`);
    }
    fields.push(`cases(filter: $cases, first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { ${caseFields} } }
  }`);
  } else if (sel?.kind === 'case' && !safe) {
    // Room-safe leaves the review's card out: asking for it would print its id, which names the child.
    params.push('$case: ID!');
    variables.case = sel.id;
    fields.push(
      `case(id: $case) {
    id title child reviewType partnership reportYear summary
    harmTypes { harmType { id label } ${EVIDENCE} }
    agencies { agency { id label } ${EVIDENCE} }
    themes { theme { id label } ${EVIDENCE} }
    learning { text themes { theme { id } } }
    recommendations { text targets { agency { id label } } }
  }`,
    );
  }
  return {
    operationName: 'ThemeMapView',
    query: `query ThemeMapView(${params.join(', ')}) {\n  ${fields.join('\n  ')}\n}`,
    variables,
    mainField: 'themeNetwork',
    safeFloor: safe ? countFloor(state) : null,
  };
}

function graphQuery(state: ViewState): ViewQuery {
  const variables: Record<string, unknown> = {};
  const params: string[] = [];
  const fields = state.graphRoots.map((root, i) => {
    params.push(`$root${i}: ID!`);
    variables[`root${i}`] = root;
    return `n${i}: neighbourhood(id: $root${i}, depth: 1, limit: 60) {
    nodes { id kind key caption }
    edges { source target type }
  }`;
  });
  if (state.graphPath) {
    params.push('$from: ID!', '$to: ID!');
    variables.from = state.graphPath.from;
    variables.to = state.graphPath.to;
    fields.push(`connections(from: $from, to: $to, maxHops: 4, first: 5) {
    length
    nodes { id kind caption }
    edges { source target type }
    cases { id title }
  }`);
  }
  return {
    operationName: 'CaseGraphView',
    query: `query CaseGraphView(${params.join(', ')}) {\n  ${fields.join('\n  ')}\n}`,
    variables,
    mainField: 'n0',
    safeFloor: state.roomSafe ? countFloor(state) : null,
  };
}

export function graphqlSnippet(q: ViewQuery, endpoint: string): string {
  const safe =
    q.safeFloor === null || q.safeFloor === undefined
      ? ''
      : `# Room-safe: no names, titles or quotes are asked for, and links need ${q.safeFloor}+ shared reviews.
# The map also leaves out themes in fewer than ${q.safeFloor} reviews: drop nodes whose weight is below ${q.safeFloor}.
`;
  return `# POST ${endpoint}  (GraphiQL runs it as is; paste the variables below into its Variables pane)
${safe}${q.query}

# variables
${JSON.stringify(q.variables, null, 2)}
`;
}

export function pythonSnippet(q: ViewQuery, endpoint: string): string {
  const floor =
    q.safeFloor === null || q.safeFloor === undefined
      ? ''
      : `# Room-safe, as on the map: themes in fewer than ${q.safeFloor} reviews are left out.
network["nodes"] = [n for n in network["nodes"] if n["weight"] >= ${q.safeFloor}]
`;
  const summary =
    q.mainField === 'themeNetwork'
      ? `network = data["themeNetwork"]\n${floor}print(len(network["nodes"]), "themes,", len(network["edges"]), "links,", network["caseCount"], "reviews")`
      : `graph = data["${q.mainField}"]\nprint(len(graph["nodes"]), "nodes,", len(graph["edges"]), "edges")`;
  const tables =
    q.mainField === 'themeNetwork'
      ? `
# As tables and a graph:
#   import pandas as pd, networkx as nx
#   nodes = pd.DataFrame(network["nodes"]); edges = pd.DataFrame(network["edges"])
#   G = nx.from_pandas_edgelist(edges, "source", "target", ["weight", "lift"])`
      : '';
  return `${pythonFetch(q, endpoint)}
${summary}
${tables}
`;
}

/** The Python that posts the view's query and leaves the answer in `data`: the start of every snippet. */
export function pythonFetch(q: ViewQuery, endpoint: string): string {
  return `"""The Threadline view behind this snippet, fetched from its GraphQL API."""
import json
import os
import urllib.request

ENDPOINT = ${pyString(endpoint)}
QUERY = """
${q.query.replace(/\\/g, '\\\\').replace(/"""/g, '\\"\\"\\"')}
"""
VARIABLES = ${pyLiteral(q.variables, 0)}

headers = {"Content-Type": "application/json", "Accept": "application/json"}
if os.environ.get("THREADLINE_API_TOKEN"):
    headers["Authorization"] = "Bearer " + os.environ["THREADLINE_API_TOKEN"]
body = json.dumps({"query": QUERY, "variables": VARIABLES}).encode("utf-8")
request = urllib.request.Request(ENDPOINT, data=body, headers=headers, method="POST")
with urllib.request.urlopen(request) as response:
    payload = json.load(response)
if payload.get("errors"):
    raise SystemExit(payload["errors"])
data = payload["data"]`;
}

/** A JSON value written as a Python literal (True/False/None, double-quoted strings). */
export function pyLiteral(value: unknown, indent: number): string {
  const pad = '    '.repeat(indent + 1);
  const end = '    '.repeat(indent);
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'None';
  if (typeof value === 'string') return pyString(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[${value.map((v) => pyLiteral(v, indent + 1)).join(', ')}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${pad}${pyString(k)}: ${pyLiteral(v, indent + 1)},`).join('\n')}\n${end}}`;
}

function pyString(value: string): string {
  // JSON string escapes are valid Python escapes.
  return JSON.stringify(value);
}
