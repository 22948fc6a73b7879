/**
 * What the embedded store's reader sessions share about paths: the kept hub lists and the in-memory adjacency
 * of the whole graph (graph/paths/adjacency.ts), read from the engine and stamped with the store's writes.
 */
import { AdjacencyIndex, type LinkTable, type NodeTable } from '../../paths/adjacency.ts';
import { HubLists } from '../../paths/hub-lists.ts';
import { NODE_LABELS, type NodeLabel, RELATIONSHIPS } from '../../schema/model.ts';
import type { Row, Rows } from '../database.ts';
import { text } from './values.ts';

/**
 * The labels whose nodes can have thousands of links: every relationship type reaches them from a case or a
 * statement, so their lists are the long ones, and nothing else is.
 */
export const HUB_LABELS: ReadonlySet<NodeLabel> = new Set(['Source', 'HarmType', 'Agency', 'Theme']);

export const isHub = (label: NodeLabel): boolean => HUB_LABELS.has(label);

/**
 * The whole graph's nodes and links as the adjacency index wants them: each label's ids (in id order, which
 * the index checks) and each type's links as the engine's offsets of their ends, never a property of a link.
 * Null as soon as `current` says a write has made what was read so far out of date.
 */
async function loadAdjacency(rows: Rows, current: () => boolean): Promise<AdjacencyIndex | null> {
  const nodes: NodeTable[] = [];
  for (const label of NODE_LABELS) {
    if (!current()) return null;
    const found = await rows(`MATCH (n:${label}) RETURN offset(ID(n)) AS o, n.id AS id ORDER BY id`);
    nodes.push({
      label,
      offsets: Int32Array.from(found, (r) => Number(r.o)),
      ids: found.map((r) => text(r, 'id')),
    });
  }
  const links: LinkTable[] = [];
  for (const rel of RELATIONSHIPS) {
    if (!current()) return null;
    // Grouped by the end with fewer nodes (a hub, else the review): a few hundred rows of lists cross into
    // JavaScript four to eight times faster than a row per link.
    const byTo = isHub(rel.to);
    const [key, other] = byTo ? ['b', 'a'] : ['a', 'b'];
    const found = await rows(
      `MATCH (a:${rel.from})-[:${rel.type}]->(b:${rel.to}) ` +
        `RETURN offset(ID(${key})) AS k, collect(offset(ID(${other}))) AS o`,
    );
    const [keys, others] = flatten(found);
    links.push({
      type: rel.type,
      from: rel.from,
      to: rel.to,
      fromOffsets: byTo ? others : keys,
      toOffsets: byTo ? keys : others,
    });
  }
  return current() ? await AdjacencyIndex.build(nodes, links) : null;
}

/** Rows of a key and a list of offsets, as one pair of parallel arrays. */
function flatten(found: readonly Row[]): [Int32Array, Int32Array] {
  let n = 0;
  for (const row of found) n += Array.isArray(row.o) ? row.o.length : 0;
  const keys = new Int32Array(n);
  const others = new Int32Array(n);
  let at = 0;
  for (const row of found) {
    if (!Array.isArray(row.o)) continue;
    const k = Number(row.k);
    for (const o of row.o) {
      keys[at] = k;
      others[at++] = Number(o);
    }
  }
  return [keys, others];
}

/**
 * What the store's reader sessions share about paths, stamped with the store's write generation (odd while
 * a write runs), so that a write is seen by the next read: the kept hub lists, and the adjacency index that
 * answers connections from memory. The index is read from the engine in the background (at 100k reviews
 * about 3 s of CPU and 10 s on a busy machine) when the store is warmed (the server does so once its
 * analytics index is in place) and on the first path read after a write; until it holds what is stored now,
 * connections are answered from the engine as before.
 */
export class SharedPaths {
  readonly hubs = new HubLists();
  private writes = 0;
  private index: { generation: number; adjacency: AdjacencyIndex } | null = null;
  private building: Promise<void> | null = null;
  /** The generation whose build failed: not tried again until the next write. */
  private failed: number | null = null;
  private closed = false;

  constructor(
    private readonly rows: Rows,
    private readonly indexed = true,
  ) {}

  /** The write generation, or null while a write is running (nothing kept can be trusted then). */
  generation(): number | null {
    return this.writes % 2 === 0 ? this.writes : null;
  }

  /** Called as a write starts and again as it ends, whether it succeeded or not. */
  writing(): void {
    this.writes++;
  }

  /** The adjacency index if it holds what is stored now; else null, and it is being rebuilt. */
  adjacency(): AdjacencyIndex | null {
    const generation = this.generation();
    if (this.index && this.index.generation === generation) return this.index.adjacency;
    this.index = null;
    this.build();
    return null;
  }

  /** Starts reading the index unless a build is running, a write is, or this generation's build failed. */
  build(): void {
    const generation = this.generation();
    if (!this.indexed || this.building || this.closed || generation === null || this.failed === generation)
      return;
    const current = () => !this.closed && this.writes === generation;
    this.building = loadAdjacency(this.rows, current)
      .then((adjacency) => {
        if (adjacency && current()) this.index = { generation, adjacency };
        else if (!adjacency && current()) this.failed = generation;
      })
      .catch(() => {
        // The engine path keeps answering; the error shows there too, as a value, if it is not passing.
        this.failed = generation;
      })
      .finally(() => {
        this.building = null;
      });
  }

  /** Waits for a build in flight to stop (it stops at its next query). */
  async close(): Promise<void> {
    this.closed = true;
    await this.building;
  }

  /** Resolves once the index holds what is stored now, or its build has given up (for tests and benches). */
  async ready(): Promise<boolean> {
    for (;;) {
      if (this.adjacency() !== null) return true;
      const building = this.building;
      if (!building) return false;
      await building;
    }
  }
}
