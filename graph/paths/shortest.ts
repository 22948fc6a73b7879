/**
 * All shortest paths between two nodes by bidirectional breadth-first search, over any engine that can list
 * the neighbours of a set of nodes. Hubs (a theme, an agency, a source document) touch thousands of nodes,
 * so a one-sided search two hops out reads most of the graph; searching from both ends and expanding the
 * smaller frontier first meets in the middle after reading a few thousand rows.
 *
 * Every shortest path crosses the level where the two searches meet; the paths are enumerated from there,
 * in ascending order of the ids along them (ties by label), stopping at `limit`, so asking for three paths
 * never builds the other thousand.
 */
import { compareText } from '../read-rules.ts';
import type { NodeLabel, RelType } from '../schema/model.ts';
import type { NodeRef } from '../store.ts';

/** One relationship met while expanding: `from` is the node expanded, `to` its neighbour. */
export interface Adjacency {
  from: NodeRef;
  type: RelType;
  to: NodeRef;
}

/** The neighbours of every node in `nodes` (each relationship once per pair and type is enough). */
export type Expand = (nodes: readonly NodeRef[]) => Promise<readonly Adjacency[]>;

export interface PathSteps {
  /** From the start node to the end node, both included. */
  nodes: NodeRef[];
  /** types[i] joins nodes[i] and nodes[i + 1]. */
  types: RelType[];
}

export interface SearchLimits {
  maxHops: number;
  limit: number;
  /** Stops the search with a readable error once this many adjacencies have been read. */
  maxAdjacencies: number;
}

export class SearchTooBroad extends Error {
  override readonly name = 'SearchTooBroad';
}

interface Link {
  key: string;
  type: RelType;
}

/** One side of the search: how far each reached node is from this side's origin, and how it was reached. */
class Side {
  readonly level = new Map<string, number>();
  /** node → the links one level closer to this side's origin. */
  readonly back = new Map<string, Link[]>();
  frontier: string[];
  depth = 0;

  constructor(readonly origin: string) {
    this.level.set(origin, 0);
    this.frontier = [origin];
  }

  /** Records one expansion's adjacencies; returns the new frontier. */
  advance(adjacencies: readonly Adjacency[]): string[] {
    const next = this.depth + 1;
    const reached: string[] = [];
    for (const { from, type, to } of adjacencies) {
      const parent = keyOf(from);
      if (this.level.get(parent) !== this.depth) continue;
      const child = keyOf(to);
      const known = this.level.get(child);
      if (known === undefined) {
        this.level.set(child, next);
        reached.push(child);
      } else if (known !== next) {
        continue;
      }
      const links = this.back.get(child) ?? [];
      if (!links.some((l) => l.key === parent && l.type === type)) links.push({ key: parent, type });
      this.back.set(child, links);
    }
    this.depth = next;
    this.frontier = reached;
    return reached;
  }
}

function keyOf(ref: NodeRef): string {
  return `${ref.label}\u0000${ref.id}`;
}

function refOf(key: string): NodeRef {
  const cut = key.indexOf('\u0000');
  return { label: key.slice(0, cut) as NodeLabel, id: key.slice(cut + 1) };
}

function compareKeys(a: string, b: string): number {
  return compareRefs(refOf(a), refOf(b));
}

function compareRefs(x: NodeRef, y: NodeRef): number {
  return compareText(x.id, y.id) || compareText(x.label, y.label);
}

function compareLinks(a: Link, b: Link): number {
  return compareKeys(a.key, b.key) || compareText(a.type, b.type);
}

export async function shortestPaths(
  from: NodeRef,
  to: NodeRef,
  limits: SearchLimits,
  expand: Expand,
): Promise<PathSteps[]> {
  const start = keyOf(from);
  const end = keyOf(to);
  if (limits.limit < 1 || limits.maxHops < 1 || start === end) return [];
  const forward = new Side(start);
  const backward = new Side(end);
  let read = 0;
  while (forward.depth + backward.depth < limits.maxHops) {
    const side = chooseSide(forward, backward);
    if (side.frontier.length === 0) return [];
    const other = side === forward ? backward : forward;
    const adjacencies = await expand(side.frontier.map(refOf));
    read += adjacencies.length;
    if (read > limits.maxAdjacencies) {
      throw new SearchTooBroad(
        `finding connections read more than ${limits.maxAdjacencies.toLocaleString('en-GB')} links ` +
          'without meeting; lower maxHops or start from a less connected node',
      );
    }
    const meeting = side.advance(adjacencies).filter((k) => other.level.get(k) === other.depth);
    if (meeting.length > 0) return enumerate(forward, backward, meeting, limits.limit);
  }
  return [];
}

/** Expand the side with fewer nodes waiting; an exhausted side means there is no path at all. */
function chooseSide(forward: Side, backward: Side): Side {
  if (forward.frontier.length === 0) return forward;
  if (backward.frontier.length === 0) return backward;
  return forward.frontier.length <= backward.frontier.length ? forward : backward;
}

/**
 * Paths through the meeting nodes in ascending id order: from the start, step to the smallest next node
 * that still leads to a meeting node (forward half), then follow the backward search's links to the end.
 */
function enumerate(forward: Side, backward: Side, meeting: string[], limit: number): PathSteps[] {
  const ahead = forwardSteps(forward, meeting);
  const meets = new Set(meeting);
  const out: PathSteps[] = [];
  const nodes: string[] = [];
  const types: RelType[] = [];
  const walk = (key: string, inBackwardHalf: boolean): boolean => {
    nodes.push(key);
    if (key === backward.origin) {
      out.push({ nodes: nodes.map(refOf), types: [...types] });
    } else {
      const backwards = inBackwardHalf || meets.has(key);
      const onwards = (backwards ? backward.back.get(key) : ahead.get(key)) ?? [];
      for (const step of [...onwards].sort(compareLinks)) {
        types.push(step.type);
        const more = walk(step.key, backwards);
        types.pop();
        if (!more) break;
      }
    }
    nodes.pop();
    return out.length < limit;
  };
  walk(forward.origin, false);
  return out;
}

/** For the forward half: node → links one level further from the start that still reach a meeting node. */
function forwardSteps(forward: Side, meeting: string[]): Map<string, Link[]> {
  const steps = new Map<string, Link[]>();
  const done = new Set<string>();
  let layer = meeting;
  while (layer.length > 0) {
    const previous = new Set<string>();
    for (const child of layer) {
      if (done.has(child)) continue;
      done.add(child);
      for (const link of forward.back.get(child) ?? []) {
        const list = steps.get(link.key) ?? [];
        list.push({ key: child, type: link.type });
        steps.set(link.key, list);
        previous.add(link.key);
      }
    }
    layer = [...previous];
  }
  return steps;
}
