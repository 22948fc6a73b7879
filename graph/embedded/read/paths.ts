/** Walking the graph: a node's neighbourhood and the shortest paths between two nodes. */
import { StoreError } from '../../errors.ts';
import { isNodeLabel } from '../../ids.ts';
import type { Cover, HubListEngine, HubListReader } from '../../paths/hub-lists.ts';
import { type FirstLinked, type Step, stepsFrom, walkNeighbourhood } from '../../paths/neighbourhood.ts';
import {
  type Adjacency,
  type Expand,
  type PathSteps,
  SearchTooBroad,
  shortestPaths,
} from '../../paths/shortest.ts';
import { compareBy, compareText } from '../../read-rules.ts';
import { NODE_LABELS, type NodeLabel, REL_TYPES, type RelType, relDecl } from '../../schema/model.ts';
import type { GraphEdge, GraphNode, GraphPath, NodeRef, Subgraph } from '../../store.ts';
import type { Row, Session } from '../database.ts';
import { HUB_LABELS, isHub, type SharedPaths } from './path-index.ts';
import { text, textOrNull } from './values.ts';

/** Hop bounds are part of a LadybugDB pattern, not parameters: they are clamped integers, never input text. */
const MAX_HOPS = 10;

/** Up to this many nodes of a label are looked up one by one by key rather than by one `IN` scan. */
const KEY_LOOKUPS = 64;

/** Links a connections search may read before it gives up (about a second's work at 100k reviews). */
const MAX_ADJACENCIES = 2_000_000;

function hops(n: number): number {
  return Math.min(MAX_HOPS, Math.max(1, Math.floor(n)));
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
 * until `limit` nodes; with every edge among them. The walk (graph/paths/neighbourhood.ts) asks for no more
 * ids than the answer holds; a hub's first ids come from its kept list (graph/paths/hub-lists.ts), so a
 * theme's neighbourhood costs what its first reviews cost, however many reviews it has. Captions and edges
 * are then read for the chosen nodes alone. Once the adjacency index holds what is stored now, the walk and
 * the edges come from it, and only the captions from the engine.
 */
export async function neighbourhood(
  session: Session,
  shared: SharedPaths,
  start: NodeRef,
  depth: number,
  limit: number,
): Promise<Subgraph> {
  const startNode = (await nodesByRef(session, [start])).get(refKey(start));
  if (!startNode || limit < 1) return { nodes: [], edges: [] };
  if (depth < 1 || limit < 2) return { nodes: [startNode], edges: [] };
  const index = shared.adjacency();
  if (index) {
    const linked: FirstLinked = async (step, ids, count) =>
      ids.flatMap((id) => index.linked({ label: step.from, id }, step.type, count));
    const walked = await walkNeighbourhood(start, hops(depth), Math.floor(limit), linked);
    const nodes = await withCaptions(session, startNode, walked.nodes.slice(1));
    return { nodes, edges: distinctEdges(index.linksAmong(nodes)) };
  }
  const hubs = shared.hubs.reader(hubEngine(session), shared.generation());
  const lists = new NodeLists(session);
  const walked = await walkNeighbourhood(start, hops(depth), Math.floor(limit), firstLinked(lists, hubs));
  const nodes = await withCaptions(session, startNode, walked.nodes.slice(1));
  return { nodes, edges: distinctEdges(await linksWithin(lists, hubs, nodes)) };
}

async function withCaptions(session: Session, start: GraphNode, chosen: NodeRef[]): Promise<GraphNode[]> {
  const captions = await nodesByRef(session, chosen);
  return [start, ...chosen.map((ref) => captions.get(refKey(ref)) ?? { ...ref, caption: ref.id })];
}

function stepPattern(step: Step): string {
  const arrow = step.outgoing ? `-[r:${step.type}]->` : `<-[r:${step.type}]-`;
  return `(n:${step.from})${arrow}(m:${step.to})`;
}

/** A list's version: its count and the sum of its links' internal offsets, read without touching a node. */
function hubEngine(session: Session): HubListEngine {
  return {
    async version(step, id) {
      const [row] = await session.rows(
        `MATCH ${stepPattern(step)} WHERE n.id = $id RETURN count(r) AS links, sum(offset(ID(r))) AS offsets`,
        { id },
      );
      return `${text(row ?? {}, 'links')}/${text(row ?? {}, 'offsets')}`;
    },
    first: (step, id, count) => firstOf(session, step, id, count),
  };
}

/** How many relationship types reach each label. */
const TYPES_OF = Object.fromEntries(
  NODE_LABELS.map((label) => [label, stepsFrom(label).reduce((n, t) => n + t.steps.length, 0)]),
) as Record<NodeLabel, number>;

/**
 * One read's lists of the nodes that are not hubs, kept for the rest of the read: the walk reads a node's
 * list and the edges among the chosen nodes need it again, as do the several paths through one node.
 */
class NodeLists {
  private readonly read = new Map<string, { ids: string[]; whole: boolean }>();

  constructor(private readonly session: Session) {}

  async first(step: Step, id: string, count: number): Promise<string[]> {
    const key = `${step.from}\u0000${step.type}\u0000${id}`;
    if (!this.read.has(key) && TYPES_OF[step.from] > 3) await this.readAround(step.from, id);
    const known = this.read.get(key);
    if (known && (known.whole || count <= known.ids.length)) return known.ids.slice(0, count);
    const ids = await firstOf(this.session, step, id, count);
    this.read.set(key, { ids, whole: ids.length < count });
    return ids;
  }

  all(step: Step, id: string): Promise<string[]> {
    return this.first(step, id, Number.MAX_SAFE_INTEGER);
  }

  /**
   * Every link of a node, in one query: for a case (six types) it costs what two queries of one type cost
   * (7 ms against 17 at 100k reviews); for a statement a query of the one type wanted is the cheaper.
   */
  private async readAround(label: NodeLabel, id: string): Promise<void> {
    const rows = await this.session.rows(
      `MATCH (n:${label})-[r]-(m) WHERE n.id = $id RETURN DISTINCT label(r) AS type, m.id AS m`,
      { id },
    );
    const byType = new Map<string, string[]>();
    for (const row of rows)
      byType.set(text(row, 'type'), [...(byType.get(text(row, 'type')) ?? []), text(row, 'm')]);
    for (const { steps } of stepsFrom(label))
      for (const step of steps)
        this.read.set(`${label}\u0000${step.type}\u0000${id}`, {
          ids: [...new Set(byType.get(step.type))].sort(compareText),
          whole: true,
        });
  }
}

async function firstOf(session: Session, step: Step, id: string, count: number): Promise<string[]> {
  const rows = await session.rows(
    `MATCH ${stepPattern(step)} WHERE n.id = $id RETURN DISTINCT m.id AS id ORDER BY id LIMIT $count`,
    { id, count },
  );
  return rows.map((row) => text(row, 'id'));
}

/**
 * The first ids linked to each frontier node, one primary-key lookup per node: a hub's from its kept list,
 * any other node's (a few dozen links at most) from the engine. `UNWIND` or `IN` over the ids would make
 * LadybugDB 0.19 scan the whole relationship table (0.3 s at 100k reviews) where a lookup takes a
 * millisecond.
 */
function firstLinked(lists: NodeLists, hubs: HubListReader): FirstLinked {
  return async (step, ids, count) => {
    const out: string[] = [];
    for (const id of new Set(ids)) {
      out.push(
        ...(HUB_LABELS.has(step.from)
          ? await hubs.first(step, id, count)
          : await lists.first(step, id, count)),
      );
    }
    return out;
  };
}

/** Past this many nodes of one label, their links to a hub are read from its kept list, built if need be. */
const MANY_NODES = 16;

/** Ids compare in the same order here (code units) and in the engine (bytes) unless they hold these. */
const UNORDERED = /[\ud800-\uffff]/;

/**
 * The links between any two of `nodes`, each type from the side that answers it cheaply. Toward a hub, its
 * kept list names which of the listed nodes link to it, for every node up to the list's last id (so for
 * every node a neighbourhood took from that list); each other node is looked up by key, all its links of the
 * type at once. Between a case and its statements, the fewer side is looked up by key.
 */
async function linksWithin(
  lists: NodeLists,
  hubs: HubListReader,
  nodes: readonly NodeRef[],
): Promise<Adjacency[]> {
  const byLabel = idsByLabel(nodes);
  const out: Adjacency[] = [];
  for (const type of REL_TYPES) {
    const decl = relDecl(type);
    const froms = [...new Set(byLabel.get(decl.from))];
    const tos = [...new Set(byLabel.get(decl.to))];
    if (froms.length === 0 || tos.length === 0) continue;
    const link = (a: string, b: string): Adjacency => ({
      from: { label: decl.from, id: a },
      type,
      to: { label: decl.to, id: b },
    });
    const wanted = new Set(tos);
    let lookUp = froms;
    const hub = HUB_LABELS.has(decl.to);
    const step: Step = { from: decl.to, type, to: decl.from, outgoing: false };
    // A hub's kept list pays when the walk took these nodes from it, or when there are many of them; a few
    // statements of one case are looked up by key rather than have a theme's list of statements built.
    if (hub && (froms.length > MANY_NODES || tos.every((b) => hubs.asked(step, b)))) {
      const covers: Array<{ b: string; cover: Cover }> = [];
      for (const b of tos) covers.push({ b, cover: await hubs.cover(step, b) });
      const covered = (a: string, upTo: string | null) =>
        upTo === null || (!UNORDERED.test(a) && !UNORDERED.test(upTo) && a <= upTo);
      lookUp = froms.filter((a) => covers.some(({ cover }) => !covered(a, cover.upTo)));
      const uncovered = new Set(lookUp);
      for (const a of froms) {
        if (uncovered.has(a)) continue;
        for (const { b, cover } of covers) if (cover.ids.has(a)) out.push(link(a, b));
      }
    } else if (!hub && tos.length < froms.length) {
      const wantedFrom = new Set(froms);
      for (const b of tos)
        for (const a of await lists.all(step, b)) if (wantedFrom.has(a)) out.push(link(a, b));
      continue;
    }
    const forward: Step = { from: decl.from, type, to: decl.to, outgoing: true };
    for (const a of lookUp)
      for (const b of await lists.all(forward, a)) if (wanted.has(b)) out.push(link(a, b));
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

/** Reads shared by one connections question: non-hub lists and kept hub lists. */
interface Lists {
  session: Session;
  nodes: NodeLists;
  hubs: HubListReader;
}

function reverse(step: Step): Step {
  return { from: step.to, type: step.type, to: step.from, outgoing: !step.outgoing };
}

function stepsBetween(from: NodeLabel, to: NodeLabel): Step[] {
  return stepsFrom(from).find((t) => t.to === to)?.steps ?? [];
}

/** Whether `id` is in a kept hub list: true, false, or null when the list stops before it. */
function inCover(cover: Cover, id: string): boolean | null {
  if (cover.ids.has(id)) return true;
  if (cover.upTo === null) return false;
  return !UNORDERED.test(id) && !UNORDERED.test(cover.upTo) && id < cover.upTo ? false : null;
}

/** The types of the links between `a` and `b`, read from whichever is not a hub; null when unknown. */
async function linkTypes(lists: Lists, a: NodeRef, b: NodeRef): Promise<RelType[] | null> {
  const types: RelType[] = [];
  for (const step of stepsBetween(a.label, b.label)) {
    let linked: boolean | null;
    // `b` is the end the walks keep returning to: its lists are read once.
    if (!isHub(b.label)) linked = (await lists.nodes.all(reverse(step), b.id)).includes(a.id);
    else if (!isHub(a.label)) linked = (await lists.nodes.all(step, a.id)).includes(b.id);
    else linked = inCover(await lists.hubs.cover(step, a.id), b.id);
    if (linked === null) return null;
    if (linked) types.push(step.type);
  }
  return types;
}

/** Every node linked to a non-hub node, each with the type of the link, by id then label. */
async function neighboursOf(lists: Lists, ref: NodeRef): Promise<Array<{ node: NodeRef; type: RelType }>> {
  const out: Array<{ node: NodeRef; type: RelType }> = [];
  for (const { to, steps } of stepsFrom(ref.label))
    for (const step of steps)
      for (const id of await lists.nodes.all(step, ref.id))
        out.push({ node: { label: to, id }, type: step.type });
  return out.sort((x, y) => compareText(x.node.id, y.node.id) || compareText(x.node.label, y.node.label));
}

const comparePathSteps = (x: PathSteps, y: PathSteps): number => {
  for (let i = 1; i < x.nodes.length - 1; i++) {
    const a = x.nodes[i] as NodeRef;
    const b = y.nodes[i] as NodeRef;
    const order = compareText(a.id, b.id) || compareText(a.label, b.label);
    if (order !== 0) return order;
  }
  for (let i = 0; i < x.types.length; i++) {
    const order = compareText(x.types[i] as string, y.types[i] as string);
    if (order !== 0) return order;
  }
  return 0;
};

function firstPaths(paths: PathSteps[], limit: number): PathSteps[] {
  const distinct = new Map<string, PathSteps>();
  for (const p of paths) distinct.set(JSON.stringify([p.nodes.map(refKey), p.types]), p);
  return [...distinct.values()].sort(comparePathSteps).slice(0, limit);
}

/**
 * The first `limit` paths of exactly `length` hops from `a` to `b` (in the order of read-rules: the nodes
 * along them by id, then label, then the types), asked only once every shorter length has none, so each is
 * a shortest path and never repeats a node. Hubs are never expanded: a path is extended from whichever end
 * is not a hub, one neighbour at a time (a few dozen links); from the start in order, stopping once `limit`
 * paths are in, from the end asking each neighbour for its first `limit`, which hold the first `limit` of
 * all. Two hubs two hops apart share middle nodes, found in their kept lists. Null when neither end of a
 * longer stretch is anything but a hub.
 */
async function walks(
  lists: Lists,
  a: NodeRef,
  b: NodeRef,
  length: number,
  limit: number,
): Promise<PathSteps[] | null> {
  if (length === 1) {
    const types = await linkTypes(lists, a, b);
    return types === null ? null : types.map((type) => ({ nodes: [a, b], types: [type] }));
  }
  const paths: PathSteps[] = [];
  if (!isHub(a.label)) {
    let last: string | null = null;
    for (const { node, type } of await neighboursOf(lists, a)) {
      if (paths.length >= limit && node.id !== last) break;
      last = node.id;
      const rest = await walks(lists, node, b, length - 1, limit);
      if (rest === null) return null;
      for (const p of rest) paths.push({ nodes: [a, ...p.nodes], types: [type, ...p.types] });
    }
    return firstPaths(paths, limit);
  }
  if (!isHub(b.label)) {
    const ordered = await walksThroughKept(lists, a, b, length, limit);
    if (ordered !== null) return ordered;
    for (const { node, type } of await neighboursOf(lists, b)) {
      const rest = await walks(lists, a, node, length - 1, limit);
      if (rest === null) return null;
      for (const p of rest) paths.push({ nodes: [...p.nodes, b], types: [...p.types, type] });
    }
    return firstPaths(paths, limit);
  }
  return length === 2 ? sharedMiddles(lists, a, b, limit) : null;
}

/** Members of a hub's kept lists tried in order before asking every neighbour of the other end instead. */
const KEPT_TRIES = 16;

/**
 * From a hub toward a node that is not one: the hub's kept lists, merged in order of id then label, give its
 * first neighbours, each extended toward the end like any other node; the first `limit` paths come from the
 * first neighbours that lead there. Null when the kept lists run out (or `KEPT_TRIES` neighbours lead
 * nowhere) first.
 */
async function walksThroughKept(
  lists: Lists,
  a: NodeRef,
  b: NodeRef,
  length: number,
  limit: number,
): Promise<PathSteps[] | null> {
  const members: Array<{ node: NodeRef; type: RelType }> = [];
  let below: string | null = null;
  for (const { to, steps } of stepsFrom(a.label)) {
    for (const step of steps) {
      const cover = await lists.hubs.cover(step, a.id);
      if (cover.upTo !== null) {
        if (UNORDERED.test(cover.upTo)) return null;
        if (below === null || cover.upTo < below) below = cover.upTo;
      }
      for (const id of cover.ids) members.push({ node: { label: to, id }, type: step.type });
    }
  }
  members.sort((x, y) => compareText(x.node.id, y.node.id) || compareText(x.node.label, y.node.label));
  const paths: PathSteps[] = [];
  let last: string | null = null;
  let tried = 0;
  for (const { node, type } of members) {
    if (paths.length >= limit && node.id !== last) return firstPaths(paths, limit);
    if (below !== null && node.id > below) return null;
    if (++tried > KEPT_TRIES && paths.length === 0) return null;
    last = node.id;
    if (refKey(node) === refKey(b)) continue;
    const rest = await walks(lists, node, b, length - 1, limit);
    if (rest === null) return null;
    for (const p of rest) paths.push({ nodes: [a, ...p.nodes], types: [type, ...p.types] });
  }
  return below === null ? firstPaths(paths, limit) : null;
}

/**
 * Two hubs' shared neighbours, by id. Below the lowest point where a kept list stops, the shared ids are all
 * known; when fewer than `limit` lie there, the engine intersects the two lists, one label at a time.
 */
async function sharedMiddles(lists: Lists, a: NodeRef, b: NodeRef, limit: number): Promise<PathSteps[]> {
  const pairs: Array<{ to: NodeLabel; s1: Step; s2: Step }> = [];
  for (const { to, steps } of stepsFrom(a.label))
    for (const s1 of steps) for (const s2 of stepsBetween(b.label, to)) pairs.push({ to, s1, s2 });
  const paths: PathSteps[] = [];
  let below: string | null = null;
  let unordered = false;
  for (const { to, s1, s2 } of pairs) {
    const [ca, cb] = [await lists.hubs.cover(s1, a.id), await lists.hubs.cover(s2, b.id)];
    for (const upTo of [ca.upTo, cb.upTo]) {
      if (upTo === null) continue;
      if (UNORDERED.test(upTo)) unordered = true;
      if (below === null || upTo < below) below = upTo;
    }
    for (const id of ca.ids)
      if (cb.ids.has(id)) paths.push({ nodes: [a, { label: to, id }, b], types: [s1.type, s2.type] });
  }
  const known = firstPaths(
    paths.filter((p) => below === null || (p.nodes[1] as NodeRef).id <= below),
    limit,
  );
  if (!unordered && (below === null || known.length >= limit)) return known;
  const found: PathSteps[] = [];
  for (const { to, s1, s2 } of pairs) {
    const rows = await lists.session.rows(
      `MATCH (a:${a.label})${arrowOf(s1)}(m:${to})${arrowOf(reverse(s2))}(b:${b.label}) ` +
        'WHERE a.id = $a AND b.id = $b RETURN DISTINCT m.id AS id ORDER BY id LIMIT $limit',
      { a: a.id, b: b.id, limit },
    );
    for (const row of rows)
      found.push({ nodes: [a, { label: to, id: text(row, 'id') }, b], types: [s1.type, s2.type] });
  }
  return firstPaths(found, limit);
}

function arrowOf(step: Step): string {
  return step.outgoing ? `-[:${step.type}]->` : `<-[:${step.type}]-`;
}

/** Lengths up to this are walked from the ends that are not hubs before the engine is asked. */
const WALK_HOPS = 4;

/**
 * The shortest paths, length by length: walked (see walks) where the ends allow, else asked of the engine
 * with both ends bound up to three hops. `none` is the length up to which there is certainly no path: the
 * paths are null when there are none that short, or when a longer stretch between two hubs is left to the
 * bidirectional search.
 */
async function shortPaths(
  session: Session,
  shared: SharedPaths,
  from: NodeRef,
  to: NodeRef,
  maxHops: number,
  limit: number,
): Promise<{ paths: PathSteps[] | null; none: number }> {
  const lists: Lists = {
    session,
    nodes: new NodeLists(session),
    hubs: shared.hubs.reader(hubEngine(session), shared.generation()),
  };
  let none = 0;
  for (let length = 1; length <= Math.min(WALK_HOPS, maxHops); length++) {
    let paths = await walks(lists, from, to, length, limit);
    if (paths === null) {
      if (length > BOUND_HOPS) break;
      paths = await boundPaths(session, from, to, length, limit);
    }
    if (paths.length > 0) return { paths: paths.slice(0, limit), none };
    none = length;
  }
  return { paths: null, none };
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

/** The same answer as the adjacency index gives, from the engine: while the index is built or rebuilt. */
async function connectionsFromEngine(
  session: Session,
  shared: SharedPaths,
  from: NodeRef,
  to: NodeRef,
  maxHops: number,
  limit: number,
): Promise<PathSteps[]> {
  const ends = await nodesByRef(session, [from, to]);
  if (!ends.has(refKey(from)) || !ends.has(refKey(to))) return [];
  const short = await shortPaths(session, shared, from, to, hops(maxHops), Math.floor(limit));
  // Every length up to maxHops was asked: none found means there is no such path, and a search would only
  // read the hubs' whole neighbourhoods to learn it again.
  if (short.paths === null && short.none >= hops(maxHops)) return [];
  return (
    short.paths ??
    (await shortestPaths(
      from,
      to,
      { maxHops: hops(maxHops), limit: Math.floor(limit), maxAdjacencies: MAX_ADJACENCIES },
      adjacencies(session),
    ))
  );
}

/**
 * All shortest paths between two nodes, at most `maxHops` long, distinct as node and edge sequences (a link
 * evidenced twice is one connection), ordered by the ids along them, at most `limit`.
 */
export async function connections(
  session: Session,
  shared: SharedPaths,
  from: NodeRef,
  to: NodeRef,
  maxHops: number,
  limit: number,
): Promise<GraphPath[]> {
  if (limit < 1 || maxHops < 1 || refKey(from) === refKey(to)) return [];
  let steps: PathSteps[];
  try {
    const index = shared.adjacency();
    steps = index
      ? index.shortestPaths(from, to, hops(maxHops), Math.floor(limit))
      : await connectionsFromEngine(session, shared, from, to, maxHops, limit);
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
