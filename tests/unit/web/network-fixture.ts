/** Fictional theme networks and map elements for the web unit specs. */
import type { AnalyticEdge, AnalyticNetwork, AnalyticNode } from '../../../web/src/api/network-queries.ts';
import type { MapEdge, MapNode } from '../../../web/src/map/map-model.ts';

export function analyticNode(id: string, weight: number, more: Partial<AnalyticNode> = {}): AnalyticNode {
  return {
    id,
    label: id.charAt(0).toUpperCase() + id.slice(1),
    group: null,
    weight,
    degree: 0,
    weightedDegree: 0,
    betweenness: 0,
    pageRank: 0,
    community: null,
    ...more,
  };
}

export function analyticEdge(
  source: string,
  target: string,
  weight: number,
  more: Partial<AnalyticEdge> = {},
): AnalyticEdge {
  return { source, target, weight, lift: 1.5, expected: weight / 1.5, pValue: 0.01, ...more };
}

/** A network with its analytics: communities named after their members, counts filled in. */
export function analyticNetwork(
  nodes: AnalyticNode[],
  edges: AnalyticEdge[],
  more: Partial<AnalyticNetwork> = {},
): AnalyticNetwork {
  const ids = [...new Set(nodes.map((n) => n.community).filter((c): c is number => c !== null))];
  return {
    caseCount: 20,
    candidateEdges: edges.length,
    omitted: { total: 0, belowMinShared: 0, belowMinLift: 0, aboveMaxP: 0 },
    modularity: ids.length > 0 ? 0.4 : null,
    communities: ids.map((id) => {
      const members = nodes.filter((n) => n.community === id);
      return {
        id,
        name: members
          .map((m) => m.label)
          .slice(0, 2)
          .join(' · '),
        size: members.length,
        reviews: 0,
        themes: members.map((m) => ({ id: m.id })),
      };
    }),
    nodes,
    edges,
    ...more,
  };
}

export function mapNode(id: string, label: string, weight: number, more: Partial<MapNode> = {}): MapNode {
  return {
    id,
    label,
    group: 'practice',
    weight,
    degree: 1,
    weightedDegree: 0,
    betweenness: 0,
    pageRank: 0,
    region: 0,
    regionName: 'Alpha · Beta',
    measure: weight,
    size: 20,
    fontSize: 12,
    colour: '#0072B2',
    bridge: false,
    ...more,
  };
}

export function mapEdge(
  source: string,
  target: string,
  weight: number,
  more: Partial<MapEdge> = {},
): MapEdge {
  return {
    id: `${source}|${target}`,
    source,
    target,
    weight,
    lift: 1,
    pValue: 0.01,
    width: 1,
    opacity: 1,
    ...more,
  };
}
