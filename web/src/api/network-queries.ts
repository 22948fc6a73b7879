/**
 * The theme map's network query: significant links (Fisher p, lift), the pairs left out and why, Louvain
 * communities and per-theme centrality, all under the thresholds of the view (state/thresholds.ts). The
 * same text is what "copy as GraphQL" hands to a notebook user.
 */
import type { Operation } from './queries.ts';
import type { CaseFilter, ThemeEdge, ThemeNetwork, ThemeNode } from './types.ts';

export interface AnalyticNode extends ThemeNode {
  degree: number;
  weightedDegree: number;
  betweenness: number;
  pageRank: number;
  /** The theme's community id; null when it has no link. */
  community: number | null;
}

export interface AnalyticEdge extends ThemeEdge {
  expected: number;
  pValue: number;
}

export interface NetworkCommunity {
  id: number;
  name: string;
  size: number;
  reviews: number;
  themes: Array<{ id: string }>;
}

export interface OmittedLinks {
  total: number;
  belowMinShared: number;
  belowMinLift: number;
  aboveMaxP: number;
}

export interface AnalyticNetwork extends ThemeNetwork {
  nodes: AnalyticNode[];
  edges: AnalyticEdge[];
  candidateEdges: number;
  omitted: OmittedLinks;
  communities: NetworkCommunity[];
  modularity: number | null;
}

export interface NetworkVariables {
  filter: CaseFilter;
  minShared: number;
  minLift: number;
  maxP: number;
}

export const ANALYTIC_NETWORK_FIELDS = `themeNetwork(filter: $filter, minShared: $minShared, minLift: $minLift, maxP: $maxP) {
    caseCount: reviewCount
    candidateEdges
    omitted { total belowMinShared belowMinLift aboveMaxP }
    modularity
    communities { id name size reviews: reviewCount themes { id } }
    nodes { id label group weight: reviewCount degree weightedDegree betweenness pageRank community }
    edges { source target weight: reviewCount lift expected pValue }
  }`;

export const NETWORK_PARAMS = '$filter: CaseFilter, $minShared: Int, $minLift: Float, $maxP: Float';

/** Named ThemeNetwork like the plain query, so the benchmark's synthetic API answers it too. */
export const ANALYTIC_NETWORK: Operation<{ themeNetwork: AnalyticNetwork }, NetworkVariables> = {
  name: 'ThemeNetwork',
  query: `query ThemeNetwork(${NETWORK_PARAMS}) {\n  ${ANALYTIC_NETWORK_FIELDS}\n}`,
};
