/**
 * Connections from the in-memory adjacency give what the read rules define: every shortest path of at most
 * `maxHops` hops, each node and type sequence once, ordered by the nodes along it (id, then label, by code
 * unit) and then the types, the first `limit` of them. Checked on every pair of a small graph against an
 * exhaustive walk written from the rules alone; the graph has two hubs, ids that do not sort in the order
 * the engine numbered them, a theme and an agency that share an id, links evidenced twice, numbering gaps
 * left by removed nodes, and links to nodes that are gone.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { AdjacencyIndex, type LinkTable, type NodeTable } from '../../../graph/paths/adjacency.ts';
import { type NodeLabel, RELATIONSHIPS, type RelType, relDecl } from '../../../graph/schema/model.ts';
import type { NodeRef } from '../../../graph/store.ts';

type Key = string;
const key = (n: NodeRef): Key => `${n.label}\u0000${n.id}`;
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A small fixed graph: reviews linked to themes, agencies, a harm type, statements and one source. */
function graph(): { nodes: NodeRef[]; links: Array<{ type: RelType; from: string; to: string }> } {
  const nodes: NodeRef[] = [];
  const links: Array<{ type: RelType; from: string; to: string }> = [];
  const add = (label: NodeLabel, id: string) => nodes.push({ label, id });
  for (const t of ['housing', 'neglect-signs', 'voice']) add('Theme', t);
  for (const a of ['housing', 'police', 'school']) add('Agency', a);
  add('HarmType', 'neglect');
  add('Source', 'bulletin-1');
  for (let i = 0; i < 14; i++) {
    const id = `r-${(i * 7) % 11}-${i}`;
    add('CaseReview', id);
    links.push({ type: 'PUBLISHED_IN', from: id, to: 'bulletin-1' });
    links.push({ type: 'HAS_THEME', from: id, to: 'housing' });
    if (i % 3 === 0) links.push({ type: 'HAS_THEME', from: id, to: 'voice' });
    if (i % 5 === 1) links.push({ type: 'HAS_THEME', from: id, to: 'neglect-signs' });
    if (i % 2 === 0) links.push({ type: 'INVOLVED', from: id, to: 'police' });
    if (i % 4 === 1) links.push({ type: 'INVOLVED', from: id, to: 'housing' });
    if (i === 13) links.push({ type: 'INVOLVED', from: id, to: 'school' });
    if (i % 6 === 0) links.push({ type: 'CONCERNS', from: id, to: 'neglect' });
    if (i % 4 === 2) {
      add('Learning', `l-${i}`);
      links.push({ type: 'HAS_LEARNING', from: id, to: `l-${i}` });
      links.push({ type: 'ABOUT', from: `l-${i}`, to: i % 8 === 2 ? 'voice' : 'neglect-signs' });
    }
    if (i % 5 === 3) {
      add('Recommendation', `m-${i}`);
      links.push({ type: 'MAKES', from: id, to: `m-${i}` });
      links.push({ type: 'TARGETS', from: `m-${i}`, to: 'school' });
      links.push({ type: 'ADDRESSES', from: `m-${i}`, to: 'voice' });
    }
  }
  // Evidenced in a second document: still one connection.
  links.push({ type: 'HAS_THEME', from: 'r-0-0', to: 'housing' });
  return { nodes, links };
}

/** The tables the engine would give: offsets in the order written, with gaps, and a link to a lost node. */
function tables(g: ReturnType<typeof graph>): { nodes: NodeTable[]; links: LinkTable[] } {
  const offsets = new Map<Key, number>();
  const byLabel = new Map<NodeLabel, { offsets: number[]; ids: string[] }>();
  for (const n of g.nodes) {
    const t = byLabel.get(n.label) ?? { offsets: [], ids: [] };
    const offset = t.offsets.length * 2 + 1;
    t.offsets.push(offset);
    t.ids.push(n.id);
    offsets.set(key(n), offset);
    byLabel.set(n.label, t);
  }
  const links = RELATIONSHIPS.map((rel): LinkTable => {
    const mine = g.links.filter((l) => l.type === rel.type);
    const end = (label: NodeLabel, id: string) => offsets.get(key({ label, id })) ?? -1;
    return {
      type: rel.type,
      from: rel.from,
      to: rel.to,
      fromOffsets: [...mine.map((l) => end(rel.from, l.from)), 0],
      toOffsets: [...mine.map((l) => end(rel.to, l.to)), 0],
    };
  });
  return { nodes: [...byLabel].map(([label, t]) => ({ label, ...t })), links };
}

/** Every shortest simple path within `maxHops`, spelled, in the order of the rules, the first `limit`. */
function exhaustive(g: ReturnType<typeof graph>, from: NodeRef, to: NodeRef, maxHops: number, limit: number) {
  const around = new Map<Key, Array<{ next: NodeRef; type: RelType }>>();
  const seen = new Set<string>();
  for (const l of g.links) {
    const decl = relDecl(l.type);
    const [a, b] = [
      { label: decl.from, id: l.from },
      { label: decl.to, id: l.to },
    ];
    const once = `${l.type}\u0000${key(a)}\u0000${key(b)}`;
    if (seen.has(once)) continue;
    seen.add(once);
    around.set(key(a), [...(around.get(key(a)) ?? []), { next: b, type: l.type }]);
    around.set(key(b), [...(around.get(key(b)) ?? []), { next: a, type: l.type }]);
  }
  const found: Array<{ nodes: NodeRef[]; types: RelType[] }> = [];
  const walk = (nodes: NodeRef[], types: RelType[]) => {
    const last = nodes[nodes.length - 1] as NodeRef;
    if (key(last) === key(to)) return void found.push({ nodes, types });
    if (types.length === maxHops) return;
    for (const { next, type } of around.get(key(last)) ?? [])
      if (!nodes.some((n) => key(n) === key(next))) walk([...nodes, next], [...types, type]);
  };
  if (key(from) !== key(to)) walk([from], []);
  const shortest = Math.min(...found.map((p) => p.types.length));
  const order = (p: { nodes: NodeRef[]; types: RelType[] }) => [
    ...p.nodes.slice(1, -1).flatMap((n) => [n.id, n.label]),
    ...p.types,
  ];
  return found
    .filter((p) => p.types.length === shortest)
    .sort((x, y) => {
      const [a, b] = [order(x), order(y)];
      for (let i = 0; i < a.length; i++)
        if (cmp(a[i] as string, b[i] as string)) return cmp(a[i] as string, b[i] as string);
      return 0;
    })
    .slice(0, limit)
    .map((p) => spell(p.nodes, p.types));
}

const spell = (nodes: readonly NodeRef[], types: readonly string[]) =>
  nodes.map((n, i) => `${n.label}:${n.id}${i < types.length ? ` -${types[i]}- ` : ''}`).join('');

describe('connections from the in-memory adjacency', () => {
  const g = graph();
  const t = tables(g);
  let index: AdjacencyIndex | null = null;
  beforeAll(async () => {
    index = await AdjacencyIndex.build(t.nodes, t.links);
  });

  it('keeps every node once and every link once, whatever the numbering', () => {
    expect(index?.nodeCount).toBe(g.nodes.length);
    const distinct = new Set(g.links.map((l) => `${l.type}:${l.from}:${l.to}`)).size;
    expect(index?.linkCount).toBe(2 * distinct);
  });

  it('gives every pair the shortest paths of the rules, in their order, for every hop bound and page size', () => {
    if (!index) throw new Error('the index was not built');
    let answered = 0;
    let none = 0;
    for (const a of g.nodes)
      for (const b of g.nodes)
        for (const maxHops of [1, 2, 3, 4])
          for (const limit of [1, 3, 20]) {
            const expected = exhaustive(g, a, b, maxHops, limit);
            const paths = index.shortestPaths(a, b, maxHops, limit).map((p) => spell(p.nodes, p.types));
            expect(paths, `${key(a)} to ${key(b)}, maxHops ${maxHops}, first ${limit}`).toEqual(expected);
            if (expected.length > 0) answered++;
            else none++;
          }
    expect(answered).toBeGreaterThan(1_000);
    expect(none).toBeGreaterThan(100);
  });

  it('tells a theme from an agency of the same id, and answers nothing for a node it does not hold', () => {
    if (!index) throw new Error('the index was not built');
    expect(index.has({ label: 'Theme', id: 'housing' })).toBe(true);
    expect(index.has({ label: 'Agency', id: 'housing' })).toBe(true);
    expect(index.has({ label: 'HarmType', id: 'housing' })).toBe(false);
    expect(
      index.shortestPaths({ label: 'Theme', id: 'missing' }, { label: 'Agency', id: 'police' }, 4, 5),
    ).toEqual([]);
    const between = index.shortestPaths(
      { label: 'Theme', id: 'housing' },
      { label: 'Agency', id: 'housing' },
      2,
      1,
    );
    expect(between.map((p) => spell(p.nodes, p.types))).toEqual([
      'Theme:housing -HAS_THEME- CaseReview:r-2-5 -INVOLVED- Agency:housing',
    ]);
  });
});
