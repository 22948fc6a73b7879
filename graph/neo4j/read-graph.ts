/** Reads over the typed graph: the neighbourhood of a node, shortest paths, search. */
import { int } from 'neo4j-driver';
import { compareBy, compareNodes, comparePaths, rankSearchHits, searchNeedle } from '../read-rules.ts';
import { NODE_LABELS, type NodeLabel, REL_TYPES, type RelType } from '../schema/model.ts';
import type { GraphEdge, GraphNode, GraphPath, NodeRef, SearchHit, SearchKind, Subgraph } from '../store.ts';
import { type RowReader, readerOf } from './rows.ts';
import type { QueryRunner } from './session.ts';

/** The hop bound written into cypher/queries/connections.cypher (bounds cannot be parameters). */
export const MAX_HOPS = 10;

const SEARCH_KINDS: readonly SearchKind[] = [
  'case',
  'theme',
  'agency',
  'harmType',
  'partnership',
  'learning',
  'recommendation',
];

interface FoundNode extends GraphNode {
  elementId: string;
}

function nodeOf(r: RowReader): GraphNode {
  return { label: r.oneOf<NodeLabel>('label', NODE_LABELS), id: r.str('id'), caption: r.str('caption') };
}

function edgeOf(r: RowReader): GraphEdge {
  return {
    type: r.oneOf<RelType>('type', REL_TYPES),
    source: { label: r.oneOf<NodeLabel>('fromLabel', NODE_LABELS), id: r.str('fromId') },
    target: { label: r.oneOf<NodeLabel>('toLabel', NODE_LABELS), id: r.str('toId') },
  };
}

async function findNodes(q: QueryRunner, refs: readonly NodeRef[]): Promise<FoundNode[]> {
  const rows = await q.run('nodes-by-ref', { refs: refs.map((r) => ({ label: r.label, id: r.id })) });
  return rows.map(readerOf('nodes-by-ref')).map((r) => ({ ...nodeOf(r), elementId: r.str('elementId') }));
}

const withoutElementId = ({ label, id, caption }: FoundNode): GraphNode => ({ label, id, caption });

const compareEdges = compareBy<GraphEdge>(
  (e) => e.type,
  (e) => e.source.label,
  (e) => e.source.id,
  (e) => e.target.label,
  (e) => e.target.id,
);

/**
 * Breadth first from `start`: the start, then the nodes one hop away by label and id, then two hops away, …
 * until `limit` nodes (start included) or `depth` hops; with every edge among them.
 */
export async function neighbourhoodIn(
  q: QueryRunner,
  start: NodeRef,
  depth: number,
  limit: number,
): Promise<Subgraph> {
  const maxNodes = Math.floor(limit);
  if (maxNodes < 1) return { nodes: [], edges: [] };
  const [origin] = await findNodes(q, [start]);
  if (!origin) return { nodes: [], edges: [] };
  const nodes = new Map<string, FoundNode>([[origin.elementId, origin]]);
  let frontier = [origin.elementId];
  const levels = Math.min(MAX_HOPS, Math.floor(depth));
  for (let level = 0; level < levels && frontier.length > 0 && nodes.size < maxNodes; level++) {
    const rows = await q.run('neighbourhood-step', {
      frontier,
      seen: [...nodes.keys()],
      limit: int(maxNodes - nodes.size),
    });
    const found = rows
      .map(readerOf('neighbourhood-step'))
      .map((r) => ({ ...nodeOf(r), elementId: r.str('elementId') }))
      .sort(compareNodes);
    for (const node of found) nodes.set(node.elementId, node);
    frontier = found.map((n) => n.elementId);
  }
  const edgeRows = nodes.size > 1 ? await q.run('edges-among', { elementIds: [...nodes.keys()] }) : [];
  return {
    nodes: [...nodes.values()].map(withoutElementId),
    edges: edgeRows.map(readerOf('edges-among')).map(edgeOf).sort(compareEdges),
  };
}

function pathKey(path: GraphPath): string {
  const nodes = path.nodes.map((n) => `${n.label}:${n.id}`);
  const edges = path.edges.map((e) => e.type);
  return JSON.stringify([nodes, edges]);
}

/**
 * All shortest paths between two nodes, at most `maxHops` long, distinct as node and edge sequences (a link
 * evidenced by several sources is one connection), ordered by the ids along them, at most `limit`.
 */
export async function connectionsIn(
  q: QueryRunner,
  from: NodeRef,
  to: NodeRef,
  maxHops: number,
  limit: number,
): Promise<GraphPath[]> {
  const hops = Math.min(MAX_HOPS, Math.floor(maxHops));
  const wanted = Math.floor(limit);
  if (hops < 1 || wanted < 1 || (from.label === to.label && from.id === to.id)) return [];
  const ends = await findNodes(q, [from, to]);
  const a = ends.find((n) => n.label === from.label && n.id === from.id);
  const b = ends.find((n) => n.label === to.label && n.id === to.id);
  if (!a || !b) return [];
  const rows = await q.run('connections', {
    fromElementId: a.elementId,
    toElementId: b.elementId,
    maxHops: int(hops),
    limit: int(wanted),
  });
  const paths = new Map<string, GraphPath>();
  for (const r of rows.map(readerOf('connections'))) {
    const path = { nodes: r.rows('nodes').map(nodeOf), edges: r.rows('edges').map(edgeOf) };
    const key = pathKey(path);
    if (!paths.has(key)) paths.set(key, path);
  }
  return [...paths.values()].sort(comparePaths).slice(0, wanted);
}

export async function searchIn(q: QueryRunner, text: string, limit: number): Promise<SearchHit[]> {
  const needle = searchNeedle(text);
  const wanted = Math.floor(limit);
  if (needle.length === 0 || wanted < 1) return [];
  const rows = await q.run('search', { text: needle, limit: int(wanted) });
  const read = rows.map(readerOf('search')).map((r) => ({
    hit: {
      kind: r.oneOf('kind', SEARCH_KINDS),
      id: r.str('id'),
      caption: r.str('caption'),
      caseId: r.strOrNull('caseId'),
    },
    bySummary: r.bool('bySummary'),
  }));
  // A review found by its summary alone follows every hit found by its caption (the query orders them so).
  const byCaption = read.filter((h) => !h.bySummary).map((h) => h.hit);
  const bySummary = read.filter((h) => h.bySummary).map((h) => h.hit);
  return [...rankSearchHits(byCaption, needle, wanted), ...bySummary].slice(0, wanted);
}
