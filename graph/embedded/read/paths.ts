/** Walking the graph: a node's neighbourhood and the shortest paths between two nodes. */
import { isNodeLabel } from '../../ids.ts';
import { caption, compareBy, compareNodes, comparePaths } from '../../read-rules.ts';
import { type NodeLabel, REL_TYPES, type RelType, relDecl } from '../../schema/model.ts';
import type { GraphEdge, GraphNode, GraphPath, NodeRef, Subgraph } from '../../store.ts';
import type { Row, Session } from '../database.ts';
import { int, text, textList, textOrNull } from './values.ts';

/** Hop bounds are part of a LadybugDB pattern, not parameters: they are clamped integers, never input text. */
const MAX_HOPS = 10;

/** Paths read before sorting; beyond it the choice of which paths are returned is the engine's. */
const PATH_ROWS_CAP = 10_000;

function hops(n: number): number {
  return Math.min(MAX_HOPS, Math.max(1, Math.floor(n)));
}

const CAPTION_COLUMNS = 'n.id AS id, n.label AS label, n.title AS title, n.text AS text';

function graphNode(label: NodeLabel, row: Row): GraphNode {
  const id = text(row, 'id');
  return {
    label,
    id,
    caption: caption({
      id,
      label: textOrNull(row, 'label'),
      title: textOrNull(row, 'title'),
      text: textOrNull(row, 'text'),
    }),
  };
}

function refKey(ref: NodeRef): string {
  return `${ref.label}\u0000${ref.id}`;
}

/** The nodes behind `refs` that exist, with their captions, keyed by label and id. */
async function nodesByRef(session: Session, refs: readonly NodeRef[]): Promise<Map<string, GraphNode>> {
  const byLabel = new Map<NodeLabel, string[]>();
  for (const ref of refs) byLabel.set(ref.label, [...(byLabel.get(ref.label) ?? []), ref.id]);
  const found = new Map<string, GraphNode>();
  for (const [label, ids] of byLabel) {
    const props =
      label === 'Source' || label === 'CaseReview'
        ? 'n.title'
        : label === 'Learning' || label === 'Recommendation'
          ? 'n.text'
          : 'n.label';
    const rows = await session.rows(
      `UNWIND $ids AS i MATCH (n:${label}) WHERE n.id = i RETURN n.id AS id, ${props} AS caption`,
      { ids: [...new Set(ids)] },
    );
    for (const row of rows) {
      const id = text(row, 'id');
      found.set(refKey({ label, id }), { label, id, caption: textOrNull(row, 'caption') ?? id });
    }
  }
  return found;
}

/** Edges distinct by type and ends, between any two of `nodes`. */
async function edgesAmong(session: Session, nodes: readonly GraphNode[]): Promise<GraphEdge[]> {
  const idsOf = (label: NodeLabel) => nodes.filter((n) => n.label === label).map((n) => n.id);
  const edges: GraphEdge[] = [];
  for (const type of REL_TYPES) {
    const decl = relDecl(type);
    const from = idsOf(decl.from);
    const to = idsOf(decl.to);
    if (from.length === 0 || to.length === 0) continue;
    const rows = await session.rows(
      `UNWIND $from AS f MATCH (a:${decl.from})-[:${type}]->(b:${decl.to}) WHERE a.id = f AND b.id IN $to ` +
        'RETURN DISTINCT a.id AS a, b.id AS b',
      { from, to },
    );
    for (const row of rows) {
      edges.push({
        type,
        source: { label: decl.from, id: text(row, 'a') },
        target: { label: decl.to, id: text(row, 'b') },
      });
    }
  }
  return edges.sort(
    compareBy(
      (e) => e.type,
      (e) => e.source.label,
      (e) => e.source.id,
      (e) => e.target.label,
      (e) => e.target.id,
    ),
  );
}

/**
 * Breadth first from `start`: the start, then the nodes one hop away by label and id, then two hops away, …
 * until `limit` nodes; with every edge among them.
 */
export async function neighbourhood(
  session: Session,
  start: NodeRef,
  depth: number,
  limit: number,
): Promise<Subgraph> {
  const startNode = (await nodesByRef(session, [start])).get(refKey(start));
  if (!startNode || limit < 1) return { nodes: [], edges: [] };
  const nodes: GraphNode[] = [startNode];
  if (depth >= 1 && limit > 1) {
    const rows = await session.rows(
      `MATCH p = (a:${start.label})-[* SHORTEST 1..${hops(depth)}]-(n) WHERE a.id = $id ` +
        `RETURN label(n) AS nodeLabel, ${CAPTION_COLUMNS}, length(p) AS distance ` +
        'ORDER BY distance, nodeLabel, id LIMIT $limit',
      { id: start.id, limit: Math.floor(limit) - 1 },
    );
    const reached = rows
      .filter((row) => isNodeLabel(text(row, 'nodeLabel')))
      .map((row) => ({
        node: graphNode(text(row, 'nodeLabel') as NodeLabel, row),
        distance: int(row, 'distance'),
      }))
      .sort((a, b) => a.distance - b.distance || compareNodes(a.node, b.node));
    nodes.push(...reached.map((r) => r.node));
  }
  return { nodes, edges: await edgesAmong(session, nodes) };
}

/** The node and edge sequence of one path; edges point the way the relationship is stored. */
function pathOf(
  labels: string[],
  ids: string[],
  types: string[],
  known: Map<string, GraphNode>,
): GraphPath | null {
  const nodes: GraphNode[] = [];
  for (let i = 0; i < ids.length; i++) {
    const label = labels[i] ?? '';
    const id = ids[i] ?? '';
    if (!isNodeLabel(label)) return null;
    nodes.push(known.get(refKey({ label, id })) ?? { label, id, caption: id });
  }
  const edges: GraphEdge[] = [];
  for (let i = 0; i < types.length; i++) {
    const type = types[i] as RelType;
    const a = nodes[i];
    const b = nodes[i + 1];
    if (!a || !b || !(REL_TYPES as readonly string[]).includes(type)) return null;
    // Every relationship type joins two different labels, so its direction follows from the model.
    const forward = relDecl(type).from === a.label;
    const [source, target] = forward ? [a, b] : [b, a];
    edges.push({
      type,
      source: { label: source.label, id: source.id },
      target: { label: target.label, id: target.id },
    });
  }
  return { nodes, edges };
}

/**
 * All shortest paths between two nodes, at most `maxHops` long, distinct as node and edge sequences (a link
 * evidenced twice is one connection), ordered by the ids along them, at most `limit`.
 */
export async function connections(
  session: Session,
  from: NodeRef,
  to: NodeRef,
  maxHops: number,
  limit: number,
): Promise<GraphPath[]> {
  if (limit < 1 || maxHops < 1 || (from.label === to.label && from.id === to.id)) return [];
  const rows = await session.rows(
    `MATCH p = (a:${from.label})-[* ALL SHORTEST 1..${hops(maxHops)}]-(b:${to.label}) WHERE a.id = $from AND b.id = $to ` +
      'RETURN DISTINCT list_transform(nodes(p), n -> label(n)) AS labels, list_transform(nodes(p), n -> n.id) AS ids, ' +
      'list_transform(rels(p), r -> label(r)) AS types LIMIT $cap',
    { from: from.id, to: to.id, cap: PATH_ROWS_CAP },
  );
  const refs: NodeRef[] = [];
  for (const row of rows) {
    const labels = textList(row, 'labels');
    textList(row, 'ids').forEach((id, i) => {
      const label = labels[i] ?? '';
      if (isNodeLabel(label)) refs.push({ label, id });
    });
  }
  const known = await nodesByRef(session, refs);
  return rows
    .map((row) => pathOf(textList(row, 'labels'), textList(row, 'ids'), textList(row, 'types'), known))
    .filter((p): p is GraphPath => p !== null)
    .sort(comparePaths)
    .slice(0, Math.floor(limit));
}
