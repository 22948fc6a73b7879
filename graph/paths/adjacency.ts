/**
 * The whole graph's adjacency in memory, for finding connections without asking the engine. Every node gets
 * a rank, its place in the order of read-rules (id, then label, by code unit); each node's links are kept as
 * one sorted run of `rank × 16 + type` numbers (types in code-unit order of their names), so walking a run
 * in order meets neighbours in path order and, for one neighbour, its types in path order. At 100k reviews
 * (0.8 M nodes, 2.7 M links) that is 21 MB of links and the nodes' ids.
 *
 * The search is breadth first from both ends, always widening the side whose next step reads fewer links,
 * so a hub (a theme of 30,000 reviews) is crossed once at most; the paths are then walked from the start in
 * rank order, so the first `limit` come out first and nothing else is built.
 */
import { compareText } from '../read-rules.ts';
import { NODE_LABELS, type NodeLabel, REL_TYPES, type RelType } from '../schema/model.ts';
import type { NodeRef } from '../store.ts';
import { type Adjacency, type PathSteps, SearchTooBroad } from './shortest.ts';

/** The nodes of one label: `ids[i]` is the node at the engine's offset `offsets[i]`. */
export interface NodeTable {
  label: NodeLabel;
  offsets: ArrayLike<number>;
  ids: readonly string[];
}

/** The links of one type, from and to the engine's offsets of their nodes. */
export interface LinkTable {
  type: RelType;
  from: NodeLabel;
  to: NodeLabel;
  fromOffsets: ArrayLike<number>;
  toOffsets: ArrayLike<number>;
}

/** Types in the order paths compare them. */
const TYPES: readonly RelType[] = [...REL_TYPES].sort(compareText);
const TYPE_SLOTS = 16;
const LABEL_INDEX = new Map<NodeLabel, number>(NODE_LABELS.map((l, i) => [l, i]));
/** Labels at one end of every relationship type: reviews and statements. */
const RUN_OWNERS: ReadonlySet<number> = new Set(
  (['CaseReview', 'Learning', 'Recommendation'] as const).map((l) => LABEL_INDEX.get(l) ?? -1),
);

/** Links a search may scan before it gives up: both ends reading the whole graph at 100k reviews, twice. */
export const SCAN_BUDGET = 24_000_000;

export class AdjacencyIndex {
  private constructor(
    /** Node ids by rank. */
    private readonly ids: readonly string[],
    /** Index into NODE_LABELS, by rank. */
    private readonly labels: Uint8Array,
    /** Node at rank r has its links at entries[start[r] .. start[r + 1]). */
    private readonly start: Int32Array,
    private readonly entries: Int32Array,
  ) {}

  get nodeCount(): number {
    return this.ids.length;
  }

  get linkCount(): number {
    return this.entries.length;
  }

  /**
   * Null when the graph is too large for ranks to fit the packed links (some 130 million nodes). Pauses
   * every few thousand steps, so a server building it (about a second of work at 100k reviews) keeps
   * answering meanwhile.
   */
  static async build(
    nodes: readonly NodeTable[],
    links: readonly LinkTable[],
  ): Promise<AdjacencyIndex | null> {
    const total = nodes.reduce((n, t) => n + t.ids.length, 0);
    if (total * TYPE_SLOTS >= 2 ** 31) return null;
    const { ids, labels, rankAt } = await rankNodes(nodes);
    const degree = new Int32Array(total + 1);
    const ranked: Array<ReturnType<typeof rankLinks>> = [];
    for (const t of links) {
      ranked.push(rankLinks(t, rankAt));
      await pause();
    }
    for (const { a, b } of ranked)
      for (let i = 0; i < a.length; i++) {
        if (i % SLICE === 0) await pause();
        const [x, y] = [a[i] as number, b[i] as number];
        degree[x] = (degree[x] as number) + 1;
        degree[y] = (degree[y] as number) + 1;
      }
    const start = new Int32Array(total + 1);
    for (let r = 0; r < total; r++) start[r + 1] = (start[r] as number) + (degree[r] as number);
    const fill = start.slice(0, total);
    const entries = new Int32Array(start[total] as number);
    for (const { a, b, slot } of ranked)
      for (let i = 0; i < a.length; i++) {
        if (i % SLICE === 0) await pause();
        const [x, y] = [a[i] as number, b[i] as number];
        const [at, back] = [fill[x] as number, fill[y] as number];
        entries[at] = y * TYPE_SLOTS + slot;
        entries[back] = x * TYPE_SLOTS + slot;
        fill[x] = at + 1;
        fill[y] = back + 1;
      }
    return AdjacencyIndex.compact(ids, labels, start, entries);
  }

  /** Sorts each node's run and drops repeats (a link evidenced in two documents is one connection). */
  private static async compact(
    ids: string[],
    labels: Uint8Array,
    start: Int32Array,
    entries: Int32Array,
  ): Promise<AdjacencyIndex> {
    const kept = new Int32Array(start.length);
    let write = 0;
    for (let r = 0; r + 1 < start.length; r++) {
      if (r % SLICE === 0) await pause();
      const run = entries.subarray(start[r] as number, start[r + 1] as number).sort();
      kept[r] = write;
      let last = -1;
      for (const e of run) if (e !== last) entries[write++] = last = e;
    }
    kept[start.length - 1] = write;
    return new AdjacencyIndex(ids, labels, kept, entries.slice(0, write));
  }

  /** The rank of a node, or -1 when it is not in the graph. */
  rankOf(ref: NodeRef): number {
    let [lo, hi] = [0, this.ids.length];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.ids[mid] as string) < ref.id) lo = mid + 1;
      else hi = mid;
    }
    const wanted = LABEL_INDEX.get(ref.label);
    for (let r = lo; r < this.ids.length && this.ids[r] === ref.id; r++)
      if (this.labels[r] === wanted) return r;
    return -1;
  }

  has(ref: NodeRef): boolean {
    return this.rankOf(ref) >= 0;
  }

  /** The first `count` ids linked through `type` to a node, by id; none for a node it does not hold. */
  linked(ref: NodeRef, type: RelType, count: number): string[] {
    const r = this.rankOf(ref);
    const slot = TYPES.indexOf(type);
    const out: string[] = [];
    if (r < 0) return out;
    const stop = this.start[r + 1] as number;
    for (let k = this.start[r] as number; k < stop && out.length < count; k++) {
      const e = this.entries[k] as number;
      if (e % TYPE_SLOTS === slot) out.push(this.ids[(e / TYPE_SLOTS) | 0] as string);
    }
    return out;
  }

  /**
   * The links between any two of `refs`. Every type joins a review or a statement to something, so the
   * short runs of those nodes hold every such link, and a hub's long run is never read.
   */
  linksAmong(refs: readonly NodeRef[]): Adjacency[] {
    const ranks = new Set<number>();
    for (const ref of refs) {
      const r = this.rankOf(ref);
      if (r >= 0) ranks.add(r);
    }
    const out: Adjacency[] = [];
    for (const r of ranks) {
      if (!RUN_OWNERS.has(this.labels[r] as number)) continue;
      const from = this.refAt(r);
      for (let k = this.start[r] as number; k < (this.start[r + 1] as number); k++) {
        const e = this.entries[k] as number;
        const v = (e / TYPE_SLOTS) | 0;
        if (ranks.has(v)) out.push({ from, type: TYPES[e % TYPE_SLOTS] as RelType, to: this.refAt(v) });
      }
    }
    return out;
  }

  private refAt(rank: number): NodeRef {
    return { label: NODE_LABELS[this.labels[rank] as number] as NodeLabel, id: this.ids[rank] as string };
  }

  private work(frontier: readonly number[]): number {
    let n = 0;
    for (const r of frontier) n += (this.start[r + 1] as number) - (this.start[r] as number);
    return n;
  }

  /**
   * The first `limit` shortest paths of at most `maxHops` hops, in the order of read-rules (the nodes along
   * them by id then label, then their types); none when the ends are further apart or either is unknown.
   */
  shortestPaths(from: NodeRef, to: NodeRef, maxHops: number, limit: number): PathSteps[] {
    const [s, t] = [this.rankOf(from), this.rankOf(to)];
    if (s < 0 || t < 0 || s === t || limit < 1 || maxHops < 1) return [];
    const forward = new Side(s, this.ids.length);
    const backward = new Side(t, this.ids.length);
    let scanned = 0;
    while (forward.depth + backward.depth < maxHops) {
      if (forward.frontier.length === 0 || backward.frontier.length === 0) return [];
      const side = this.work(forward.frontier) <= this.work(backward.frontier) ? forward : backward;
      const other = side === forward ? backward : forward;
      scanned += this.work(side.frontier);
      if (scanned > SCAN_BUDGET)
        throw new SearchTooBroad(
          `finding connections read more than ${SCAN_BUDGET.toLocaleString('en-GB')} links without meeting; ` +
            'lower maxHops or start from a less connected node',
        );
      if (this.advance(side, other)) return this.enumerate(forward, backward, t, limit);
    }
    return [];
  }

  /** Widens one side by a hop; true when it reached a node the other side has reached. */
  private advance(side: Side, other: Side): boolean {
    const next: number[] = [];
    const depth = side.depth + 1;
    let met = false;
    for (const u of side.frontier) {
      for (let k = this.start[u] as number; k < (this.start[u + 1] as number); k++) {
        const v = ((this.entries[k] as number) / TYPE_SLOTS) | 0;
        if (side.level[v] !== -1) continue;
        side.level[v] = depth;
        next.push(v);
        if (other.level[v] !== -1) met = true;
      }
    }
    side.depth = depth;
    side.frontier = next;
    return met;
  }

  /**
   * Walks from the start in rank order: up to the meeting hop each node must be that many hops from the
   * start (and, at the meeting hop, reached by the other side); after it, one hop nearer the end each time.
   * A node from which no path completes is remembered, so no branch is walked twice.
   */
  private enumerate(forward: Side, backward: Side, end: number, limit: number): PathSteps[] {
    const length = forward.depth + backward.depth;
    const out: PathSteps[] = [];
    const dead = new Set<number>();
    const nodes: number[] = [forward.origin];
    const types: RelType[][] = [];
    const fits = (v: number, at: number): boolean => {
      if (at < forward.depth) return forward.level[v] === at;
      if (at === forward.depth) return forward.level[v] === at && backward.level[v] === backward.depth;
      return backward.level[v] === length - at;
    };
    const walk = (u: number, at: number): boolean => {
      if (at === length) {
        if (u === end) this.emit(nodes, types, limit, out);
        return u === end;
      }
      let found = false;
      const stop = this.start[u + 1] as number;
      for (let k = this.start[u] as number; k < stop && out.length < limit; ) {
        const v = ((this.entries[k] as number) / TYPE_SLOTS) | 0;
        const between: RelType[] = [];
        for (; k < stop && (((this.entries[k] as number) / TYPE_SLOTS) | 0) === v; k++)
          between.push(TYPES[(this.entries[k] as number) % TYPE_SLOTS] as RelType);
        if (dead.has(v) || !fits(v, at + 1)) continue;
        nodes.push(v);
        types.push(between);
        if (walk(v, at + 1)) found = true;
        else dead.add(v);
        nodes.pop();
        types.pop();
      }
      return found || out.length >= limit;
    };
    walk(forward.origin, 0);
    return out;
  }

  /** One node sequence's paths: every choice of type at each hop, in order, until `limit`. */
  private emit(nodes: readonly number[], types: readonly RelType[][], limit: number, out: PathSteps[]): void {
    const refs = nodes.map((r) => this.refAt(r));
    const chosen: RelType[] = [];
    const choose = (hop: number): void => {
      if (out.length >= limit) return;
      if (hop === types.length) {
        out.push({ nodes: refs, types: [...chosen] });
        return;
      }
      for (const type of types[hop] ?? []) {
        chosen.push(type);
        choose(hop + 1);
        chosen.pop();
      }
    };
    choose(0);
  }
}

/** One end's breadth-first search: each reached node's distance from that end (-1: not reached). */
class Side {
  readonly level: Int8Array;
  frontier: number[];
  depth = 0;

  constructor(
    readonly origin: number,
    size: number,
  ) {
    this.level = new Int8Array(size).fill(-1);
    this.level[origin] = 0;
    this.frontier = [origin];
  }
}

/** Steps between pauses while building. */
const SLICE = 65_536;

const pause = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Ranks by id then label (code units): each label's ids sorted, then merged. */
async function rankNodes(
  nodes: readonly NodeTable[],
): Promise<{ ids: string[]; labels: Uint8Array; rankAt: Int32Array[] }> {
  const sorted = nodes.map((t) => {
    const order = Array.from(t.ids.keys());
    if (!isSorted(t.ids)) order.sort((x, y) => compareText(t.ids[x] as string, t.ids[y] as string));
    return { table: t, order, label: LABEL_INDEX.get(t.label) ?? 0, at: 0 };
  });
  const total = nodes.reduce((n, t) => n + t.ids.length, 0);
  const ids: string[] = new Array(total);
  const labels = new Uint8Array(total);
  const rankAt = NODE_LABELS.map(() => new Int32Array(0));
  for (const { table, label } of sorted) {
    let max = -1;
    for (let i = 0; i < table.offsets.length; i++) max = Math.max(max, table.offsets[i] as number);
    rankAt[label] = new Int32Array(max + 1).fill(-1);
  }
  const labelName = (x: (typeof sorted)[number]) => NODE_LABELS[x.label] as string;
  for (let r = 0; r < total; r++) {
    if (r % SLICE === 0) await pause();
    let best: (typeof sorted)[number] | null = null;
    for (const s of sorted) {
      if (s.at >= s.order.length) continue;
      if (best === null) {
        best = s;
        continue;
      }
      const order =
        compareText(
          s.table.ids[s.order[s.at] as number] as string,
          best.table.ids[best.order[best.at] as number] as string,
        ) || compareText(labelName(s), labelName(best));
      if (order < 0) best = s;
    }
    if (best === null) break;
    const i = best.order[best.at++] as number;
    ids[r] = best.table.ids[i] as string;
    labels[r] = best.label;
    (rankAt[best.label] as Int32Array)[best.table.offsets[i] as number] = r;
  }
  return { ids, labels, rankAt };
}

function isSorted(ids: readonly string[]): boolean {
  for (let i = 1; i < ids.length; i++) if ((ids[i - 1] as string) > (ids[i] as string)) return false;
  return true;
}

/** A link table's ends as ranks; links to a node missing from the node tables are dropped. */
function rankLinks(
  t: LinkTable,
  rankAt: readonly Int32Array[],
): { a: Int32Array; b: Int32Array; slot: number } {
  const from = rankAt[LABEL_INDEX.get(t.from) ?? 0] as Int32Array;
  const to = rankAt[LABEL_INDEX.get(t.to) ?? 0] as Int32Array;
  const a = new Int32Array(t.fromOffsets.length);
  const b = new Int32Array(t.fromOffsets.length);
  let n = 0;
  for (let i = 0; i < t.fromOffsets.length; i++) {
    const x = from[t.fromOffsets[i] as number] ?? -1;
    const y = to[t.toOffsets[i] as number] ?? -1;
    if (x < 0 || y < 0) continue;
    a[n] = x;
    b[n++] = y;
  }
  return { a: a.subarray(0, n), b: b.subarray(0, n), slot: TYPES.indexOf(t.type) };
}
