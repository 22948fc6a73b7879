/** The growing case graph as plain data: merging neighbourhoods and paths, without duplicates. */
import type { GraphEdge, GraphNode, Subgraph } from '../api/types.ts';

export interface GraphData {
  nodes: Map<string, GraphNode>;
  edges: Map<string, GraphEdge & { id: string }>;
}

export function emptyGraph(): GraphData {
  return { nodes: new Map(), edges: new Map() };
}

export function edgeKey(e: GraphEdge): string {
  return `${e.source}>${e.type}>${e.target}`;
}

/** Adds what is new and returns the ids of nodes and edges that were not there before. */
export function merge(graph: GraphData, sub: Subgraph): { nodes: string[]; edges: string[] } {
  const added = { nodes: [] as string[], edges: [] as string[] };
  for (const n of sub.nodes) {
    if (graph.nodes.has(n.id)) continue;
    graph.nodes.set(n.id, n);
    added.nodes.push(n.id);
  }
  for (const e of sub.edges) {
    const id = edgeKey(e);
    if (graph.edges.has(id) || !graph.nodes.has(e.source) || !graph.nodes.has(e.target)) continue;
    graph.edges.set(id, { ...e, id });
    added.edges.push(id);
  }
  return added;
}

/** Counts nodes per kind, for the legend and the graph summary. */
export function countByKind(graph: GraphData): Map<string, number> {
  const counts = new Map<string, number>();
  for (const n of graph.nodes.values()) counts.set(n.kind, (counts.get(n.kind) ?? 0) + 1);
  return counts;
}
