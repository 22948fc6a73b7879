import { describe, expect, it } from 'vitest';
import {
  type Adjacency,
  type Expand,
  type SearchLimits,
  SearchTooBroad,
  shortestPaths,
} from '../../../graph/paths/shortest.ts';
import type { RelType } from '../../../graph/schema/model.ts';
import type { NodeRef } from '../../../graph/store.ts';

const theme = (id: string): NodeRef => ({ label: 'Theme', id });
const review = (id: string): NodeRef => ({ label: 'CaseReview', id });
const agency = (id: string): NodeRef => ({ label: 'Agency', id });

const TYPE_BETWEEN: Record<string, RelType> = {
  'CaseReview-Theme': 'HAS_THEME',
  'CaseReview-Agency': 'INVOLVED',
};

/** An undirected in-memory graph; records every expansion so tests can see how much was read. */
function graph(edges: Array<[NodeRef, NodeRef]>) {
  const expansions: string[][] = [];
  const same = (x: NodeRef, y: NodeRef) => x.label === y.label && x.id === y.id;
  const expand: Expand = async (nodes) => {
    expansions.push(nodes.map((n) => n.id));
    const out: Adjacency[] = [];
    for (const node of nodes) {
      for (const [a, b] of edges) {
        const type = TYPE_BETWEEN[`${a.label}-${b.label}`] as RelType;
        if (same(a, node)) out.push({ from: node, type, to: b });
        if (same(b, node)) out.push({ from: node, type, to: a });
      }
    }
    return out;
  };
  return { expand, expansions };
}

const limits = (over: Partial<SearchLimits> = {}): SearchLimits => ({
  maxHops: 4,
  limit: 10,
  maxAdjacencies: 1_000,
  ...over,
});

/** Edges from each review to what it links to: links({ c1: [theme('a'), agency('x')] }). */
function links(byReview: Record<string, NodeRef[]>): Array<[NodeRef, NodeRef]> {
  return Object.entries(byReview).flatMap(([id, targets]) =>
    targets.map((t): [NodeRef, NodeRef] => [review(id), t]),
  );
}

const ids = (paths: Array<{ nodes: NodeRef[] }>) => paths.map((p) => p.nodes.map((n) => n.id));

describe('shortest paths by bidirectional search', () => {
  it('returns every path through a shared case, in ascending order of the ids along them', async () => {
    const { expand } = graph(
      links({ c3: [theme('a'), theme('b')], c1: [theme('a'), theme('b')], c2: [theme('a')] }),
    );
    const paths = await shortestPaths(theme('a'), theme('b'), limits(), expand);
    expect(ids(paths)).toEqual([
      ['a', 'c1', 'b'],
      ['a', 'c3', 'b'],
    ]);
    expect(paths[0]?.types).toEqual(['HAS_THEME', 'HAS_THEME']);
  });

  it('stops at the limit without walking the remaining paths', async () => {
    const shared = Array.from({ length: 50 }, (_, i) => [
      `c${String(i).padStart(2, '0')}`,
      [theme('a'), theme('b')],
    ]);
    const edges = links(Object.fromEntries(shared));
    const paths = await shortestPaths(theme('a'), theme('b'), limits({ limit: 3 }), graph(edges).expand);
    expect(ids(paths)).toEqual([
      ['a', 'c00', 'b'],
      ['a', 'c01', 'b'],
      ['a', 'c02', 'b'],
    ]);
  });

  it('finds longer paths that meet in the middle, each middle combination once', async () => {
    // a — c1 — x — c2 — b and a — c1 — y — c2 — b: length 4 through agencies x and y.
    const { expand } = graph(
      links({ c1: [theme('a'), agency('x'), agency('y')], c2: [agency('x'), agency('y'), theme('b')] }),
    );
    const paths = await shortestPaths(theme('a'), theme('b'), limits(), expand);
    expect(ids(paths)).toEqual([
      ['a', 'c1', 'x', 'c2', 'b'],
      ['a', 'c1', 'y', 'c2', 'b'],
    ]);
    expect(paths[0]?.types).toEqual(['HAS_THEME', 'INVOLVED', 'INVOLVED', 'HAS_THEME']);
  });

  it('keeps only the shortest paths when longer ones exist too', async () => {
    const { expand } = graph(
      links({ c1: [theme('a'), theme('b')], c0: [theme('a'), agency('x')], c9: [agency('x'), theme('b')] }),
    );
    expect(ids(await shortestPaths(theme('a'), theme('b'), limits(), expand))).toEqual([['a', 'c1', 'b']]);
  });

  it('finds a direct link as a path of one hop', async () => {
    const { expand } = graph([[review('c1'), theme('a')]]);
    const paths = await shortestPaths(review('c1'), theme('a'), limits(), expand);
    expect(ids(paths)).toEqual([['c1', 'a']]);
  });

  it('finds nothing when the nodes are further apart than maxHops, or not connected at all', async () => {
    const { expand } = graph(
      links({ c1: [theme('a'), agency('x')], c2: [agency('x'), theme('b')], lone: [theme('z')] }),
    );
    expect(await shortestPaths(theme('a'), theme('b'), limits({ maxHops: 3 }), expand)).toEqual([]);
    expect(ids(await shortestPaths(theme('a'), theme('b'), limits({ maxHops: 4 }), expand))).toHaveLength(1);
    expect(await shortestPaths(theme('a'), theme('z'), limits(), expand)).toEqual([]);
  });

  it('expands the side with fewer nodes waiting, so a hub is not expanded when the other end is small', async () => {
    const hubOnly = Array.from({ length: 20 }, (_, i) => [`h${i}`, [theme('hub')]]);
    const { expand, expansions } = graph(
      links({ ...Object.fromEntries(hubOnly), c1: [theme('small'), theme('hub')] }),
    );
    const paths = await shortestPaths(theme('hub'), theme('small'), limits(), expand);
    expect(ids(paths)).toEqual([['hub', 'c1', 'small']]);
    expect(expansions.flat()).not.toContain('h0');
  });

  it('gives up with a readable error when the search reads more links than allowed', async () => {
    const many = Array.from({ length: 30 }, (_, i) => [`c${i}`, [theme('a')]]);
    const edges = links({ ...Object.fromEntries(many), far: [theme('b')] });
    const search = shortestPaths(theme('a'), theme('b'), limits({ maxAdjacencies: 20 }), graph(edges).expand);
    await expect(search).rejects.toThrow(SearchTooBroad);
    await expect(search).rejects.toThrow(/lower maxHops/);
  });

  it('returns nothing for a node and itself, or a limit below one', async () => {
    const { expand } = graph([[review('c1'), theme('a')]]);
    expect(await shortestPaths(theme('a'), theme('a'), limits(), expand)).toEqual([]);
    expect(await shortestPaths(review('c1'), theme('a'), limits({ limit: 0 }), expand)).toEqual([]);
  });

  it('orders paths whose ids are equal by label, so the order never depends on the engine', async () => {
    const { expand } = graph(links({ c1: [theme('m'), agency('m')], c2: [theme('m'), agency('m')] }));
    const paths = await shortestPaths(review('c1'), review('c2'), limits(), expand);
    expect(paths.map((p) => p.nodes[1])).toEqual([agency('m'), theme('m')]);
  });
});
