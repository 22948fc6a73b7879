/**
 * The theme map's network query: significant links (Fisher p, lift), the pairs left out and why, Louvain
 * communities and per-theme centrality, all under the thresholds of the view (state/thresholds.ts). The
 * same text is what "copy as GraphQL" hands to a notebook user.
 */
import type { AnalyticNetworkQuery } from './generated/operations.ts';
import type { Operation } from './queries.ts';
import type { CaseFilter } from './types.ts';

/** The theme map's network; typed as generated for the same document under the name AnalyticNetwork. */
export type AnalyticNetwork = AnalyticNetworkQuery['themeNetwork'];

/** A theme with its centrality; community is null when the theme has no link. */
export type AnalyticNode = AnalyticNetwork['nodes'][number];

export type AnalyticEdge = AnalyticNetwork['edges'][number];

export type NetworkCommunity = AnalyticNetwork['communities'][number];

export type OmittedLinks = AnalyticNetwork['omitted'];

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
export const ANALYTIC_NETWORK: Operation<AnalyticNetworkQuery, NetworkVariables> = {
  name: 'ThemeNetwork',
  query: `query ThemeNetwork(${NETWORK_PARAMS}) {\n  ${ANALYTIC_NETWORK_FIELDS}\n}`,
};
