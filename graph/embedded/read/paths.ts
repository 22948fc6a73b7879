/** Walking the graph: a node's neighbourhood and the shortest paths between two nodes. */
import { StoreError } from '../../errors.ts';
import { isNodeLabel } from '../../ids.ts';
import {
  type Adjacency,
  type Expand,
  type PathSteps,
  SearchTooBroad,
  shortestPaths,
} from '../../paths/shortest.ts';
import { caption, compareBy, compareNodes } from '../../read-rules.ts';
import { type NodeLabel, REL_TYPES, type RelType, relDecl } from '../../schema/model.ts';
import type { GraphEdge, GraphNode, GraphPath, NodeRef, Subgraph } from '../../store.ts';
import type { Row, Session } from '../database.ts';
import { int, text, textOrNull } from './values.ts';

/** Hop bounds are part of a LadybugDB pattern, not parameters: they are clamped integers, never input text. */
const MAX_HOPS = 10;

/** Up to this many nodes of a label are looked up one by one by key rather than by one `IN` scan. */
const KEY_LOOKUPS = 64;

/** Links a connections search may read before it gives up (about a second's work at 100k reviews). */
const MAX_ADJACENCIES = 2_000_000;

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
  const found = new Map<string, GraphNode>();
  for (const [label, ids] of idsByLabel(refs)) {
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
  return distinctEdges(await linksWithin(session, nodes));
}

/** Links as edges pointing the stored way, each once, in the order edges are listed. */
function distinctEdges(links: readonly Adjacency[]): GraphEdge[] {
  const edges = new Map<string, GraphEdge>();
  for (const link of links) {
    const edge = edgeOf(link.type, link.from, link.to);
    edges.set(`${edge.type}\u0000${refKey(edge.source)}\u0000${refKey(edge.target)}`, edge);
  }
  return sortEdges([...edges.values()]);
}

const sortEdges = (edges: GraphEdge[]): GraphEdge[] =>
  edges.sort(
    compareBy(
      (e) => e.type,
      (e) => e.source.label,
      (e) => e.source.id,
      (e) => e.target.label,
      (e) => e.target.id,
    ),
  );

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
  if (depth < 1 || limit === 1) return { nodes: [startNode], edges: [] };
  if (hops(depth) === 1) return firstNeighbours(session, startNode, Math.floor(limit));
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
  const nodes = [startNode, ...reached.map((r) => r.node)];
  return { nodes, edges: await edgesAmong(session, nodes) };
}

/**
 * Depth one, the expand-on-click case. A theme at 100k reviews has tens of thousands of neighbours: the
 * engine orders them (by label, then id, as compareNodes does), keeps the first `limit - 1` and gathers the
 * relationship types to each, so only the chosen rows cross into JavaScript. Captions for the chosen nodes
 * and the edges among them follow, each looked up by primary key.
 */
async function firstNeighbours(session: Session, start: GraphNode, limit: number): Promise<Subgraph> {
  const rows = await session.rows(
    `MATCH (n:${start.label})-[r]-(m) WHERE n.id = $one ` +
      'WITH label(m) AS label, m.id AS m, collect(DISTINCT label(r)) AS types ' +
      'RETURN label, m, types ORDER BY label, m LIMIT $limit',
    { one: start.id, limit: limit - 1 },
  );
  const fromStart: Adjacency[] = [];
  const chosen: NodeRef[] = [];
  for (const row of rows) {
    const to = nodeRef(text(row, 'label'), text(row, 'm'));
    if (!to) continue;
    chosen.push(to);
    for (const type of typesOf(row)) fromStart.push({ from: start, type, to });
  }
  chosen.sort(compareNodes);
  const captions = await nodesByRef(session, chosen);
  const nodes = [start, ...chosen.map((ref) => captions.get(refKey(ref)) ?? { ...ref, caption: ref.id })];
  return { nodes, edges: distinctEdges([...fromStart, ...(await linksWithin(session, chosen))]) };
}

function typesOf(row: Row): RelType[] {
  const value = row.types;
  if (!Array.isArray(value)) return [];
  return value.flatMap((t) => {
    const type = typeof t === 'string' ? relType(t) : null;
    return type ? [type] : [];
  });
}

/**
 * The links between any two of `nodes`: for each relationship type whose two labels are both among them,
 * the links of each node on its `from` side (a case, a learning statement or a recommendation: never a hub),
 * each looked up by primary key, keeping those whose other end is listed. A lookup by key takes a
 * millisecond; `IN` over a list scans the label's whole table (over 100 ms at 100k reviews).
 */
async function linksWithin(session: Session, nodes: readonly NodeRef[]): Promise<Adjacency[]> {
  const byLabel = idsByLabel(nodes);
  const out: Adjacency[] = [];
  for (const type of REL_TYPES) {
    const decl = relDecl(type);
    const from = byLabel.get(decl.from);
    const to = new Set(byLabel.get(decl.to));
    if (!from || to.size === 0) continue;
    for (const id of new Set(from)) {
      const rows = await session.rows(
        `MATCH (a:${decl.from})-[r:${type}]->(b:${decl.to}) WHERE a.id = $id RETURN DISTINCT b.id AS b`,
        { id },
      );
      for (const row of rows) {
        const b = text(row, 'b');
        if (to.has(b)) out.push({ from: { label: decl.from, id }, type, to: { label: decl.to, id: b } });
      }
    }
  }
  return out;
}

/** The neighbours of a set of nodes, one query per label, each relationship once per pair and type. */
function adjacencies(session: Session): Expand {
  return async (nodes) => {
    const out: Adjacency[] = [];
    for (const [label, ids] of idsByLabel(nodes)) {
      // A few ids go one by one through the primary key; `IN` scans the label's table (25 ms for 100k
      // cases), which pays only for a wide frontier.
      const rows: Row[] = [];
      const one = `MATCH (n:${label})-[r]-(m) WHERE n.id = $id RETURN DISTINCT n.id AS n, label(r) AS type, label(m) AS label, m.id AS m`;
      if (ids.length <= KEY_LOOKUPS)
        for (const id of new Set(ids)) rows.push(...(await session.rows(one, { id })));
      else
        rows.push(
          ...(await session.rows(
            `MATCH (n:${label})-[r]-(m) WHERE n.id IN $ids ` +
              'RETURN DISTINCT n.id AS n, label(r) AS type, label(m) AS label, m.id AS m',
            { ids },
          )),
        );
      for (const row of rows) {
        const type = relType(text(row, 'type'));
        const to = nodeRef(text(row, 'label'), text(row, 'm'));
        if (type && to) out.push({ from: { label, id: text(row, 'n') }, type, to });
      }
    }
    return out;
  };
}

function relType(value: string): RelType | null {
  return (REL_TYPES as readonly string[]).includes(value) ? (value as RelType) : null;
}

function nodeRef(label: string, id: string): NodeRef | null {
  return isNodeLabel(label) ? { label, id } : null;
}

/** Paths this long or shorter are asked of the engine directly (see boundPaths). */
const BOUND_HOPS = 3;

/**
 * Paths of exactly `length` hops with both ends bound, ordered and limited by the engine: most questions
 * (two themes, two cases, a case and an agency) are answered this way from a handful of rows, without
 * reading the thousands of neighbours a theme or an agency has. Called for 1, 2, 3 hops in turn, so a
 * repeated node (which would imply a shorter path) never reaches a result.
 */
async function boundPaths(
  session: Session,
  from: NodeRef,
  to: NodeRef,
  length: number,
  limit: number,
): Promise<PathSteps[]> {
  const middles = Array.from({ length: length - 1 }, (_, i) => i + 1);
  const steps = middles.map((i) => `-[r${i}]-(x${i})`).join('');
  const pattern = `(a:${from.label})${steps}-[r${length}]-(b:${to.label})`;
  const columns = [
    ...middles.flatMap((i) => [`x${i}.id AS id${i}`, `label(x${i}) AS label${i}`]),
    ...Array.from({ length }, (_, i) => `label(r${i + 1}) AS type${i + 1}`),
  ];
  const order = [
    ...middles.flatMap((i) => [`id${i}`, `label${i}`]),
    ...Array.from({ length }, (_, i) => `type${i + 1}`),
  ];
  const rows = await session.rows(
    `MATCH ${pattern} WHERE a.id = $from AND b.id = $to ` +
      `WITH DISTINCT ${columns.join(', ')} RETURN * ORDER BY ${order.join(', ')} LIMIT $limit`,
    { from: from.id, to: to.id, limit },
  );
  const paths: PathSteps[] = [];
  for (const row of rows) {
    const inner = middles.map((i) => nodeRef(text(row, `label${i}`), text(row, `id${i}`)));
    const types = Array.from({ length }, (_, i) => relType(text(row, `type${i + 1}`)));
    if (inner.every((n) => n !== null) && types.every((t) => t !== null))
      paths.push({ nodes: [from, ...(inner as NodeRef[]), to], types: types as RelType[] });
  }
  return paths;
}

/** The shortest paths the engine can answer with both ends bound, or null when all are longer than that. */
async function shortPaths(
  session: Session,
  from: NodeRef,
  to: NodeRef,
  maxHops: number,
  limit: number,
): Promise<PathSteps[] | null> {
  for (let length = 1; length <= Math.min(BOUND_HOPS, maxHops); length++) {
    const paths = await boundPaths(session, from, to, length, limit);
    if (paths.length > 0) return paths;
  }
  return null;
}

function idsByLabel(nodes: readonly NodeRef[]): Map<NodeLabel, string[]> {
  const byLabel = new Map<NodeLabel, string[]>();
  for (const ref of nodes) {
    const ids = byLabel.get(ref.label) ?? [];
    ids.push(ref.id);
    byLabel.set(ref.label, ids);
  }
  return byLabel;
}

/** Edges point the way the relationship is stored: every type joins two different labels. */
function edgeOf(type: RelType, a: NodeRef, b: NodeRef): GraphEdge {
  const [source, target] = relDecl(type).from === a.label ? [a, b] : [b, a];
  return {
    type,
    source: { label: source.label, id: source.id },
    target: { label: target.label, id: target.id },
  };
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
  if (limit < 1 || maxHops < 1 || refKey(from) === refKey(to)) return [];
  const ends = await nodesByRef(session, [from, to]);
  if (!ends.has(refKey(from)) || !ends.has(refKey(to))) return [];
  let steps = await shortPaths(session, from, to, hops(maxHops), Math.floor(limit));
  // The bound queries asked every length up to maxHops: none found means there is no such path, and a
  // search would only read the hubs' whole neighbourhoods to learn it again.
  if (steps === null && hops(maxHops) <= BOUND_HOPS) steps = [];
  try {
    steps ??= await shortestPaths(
      from,
      to,
      { maxHops: hops(maxHops), limit: Math.floor(limit), maxAdjacencies: MAX_ADJACENCIES },
      adjacencies(session),
    );
  } catch (e) {
    if (e instanceof SearchTooBroad) throw new StoreError('invalid-input', e.message, { cause: e });
    throw e;
  }
  const known = await nodesByRef(
    session,
    steps.flatMap((p) => p.nodes),
  );
  return steps.map((p) => ({
    nodes: p.nodes.map((ref) => known.get(refKey(ref)) ?? { ...ref, caption: ref.id }),
    edges: p.types.map((type, i) => edgeOf(type, p.nodes[i] as NodeRef, p.nodes[i + 1] as NodeRef)),
  }));
}
