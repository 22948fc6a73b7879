import { describe, expect, it } from 'vitest';
import { forceLayout, hash01, type LayoutEdge, type LayoutNode } from '../../../web/src/map/layout.ts';

function ring(n: number): { nodes: LayoutNode[]; edges: LayoutEdge[] } {
  const nodes = Array.from({ length: n }, (_, i) => ({ id: `t${i}`, radius: 10 + (i % 5) * 4 }));
  const edges = nodes.map((node, i) => ({ source: node.id, target: `t${(i + 1) % n}`, strength: 0.5 }));
  return { nodes, edges };
}

describe('the deterministic force layout', () => {
  it('draws the same picture every time for the same network', () => {
    const { nodes, edges } = ring(40);
    expect(forceLayout(nodes, edges)).toEqual(forceLayout(nodes, edges));
  });

  it('does not depend on the order the server lists nodes and edges in', () => {
    const { nodes, edges } = ring(30);
    const a = forceLayout(nodes, edges);
    const b = forceLayout([...nodes].reverse(), [...edges].reverse());
    for (const node of nodes) {
      expect(b.get(node.id)!.x).toBeCloseTo(a.get(node.id)!.x, 0);
      expect(b.get(node.id)!.y).toBeCloseTo(a.get(node.id)!.y, 0);
    }
  });

  it('keeps pinned nodes exactly where they were and places new ones near their neighbours', () => {
    const { nodes, edges } = ring(20);
    const first = forceLayout(nodes, edges);
    const grown = [...nodes, { id: 'new', radius: 12 }];
    const second = forceLayout(grown, [...edges, { source: 'new', target: 't3', strength: 1 }], {
      pinned: first,
    });
    for (const node of nodes) expect(second.get(node.id)).toEqual(first.get(node.id));
    const added = second.get('new')!;
    const anchor = first.get('t3')!;
    const spread = Math.max(...[...first.values()].map((p) => Math.hypot(p.x - anchor.x, p.y - anchor.y)));
    expect(Math.hypot(added.x - anchor.x, added.y - anchor.y)).toBeLessThan(spread);
  });

  it('leaves no two nodes overlapping', () => {
    const nodes = Array.from({ length: 60 }, (_, i) => ({ id: `n${i}`, radius: 20 }));
    const edges = nodes.flatMap((a, i) =>
      nodes.slice(i + 1).map((b) => ({ source: a.id, target: b.id, strength: 1 })),
    );
    const at = forceLayout(nodes, edges, { labelRoom: 0 });
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const a = at.get(`n${i}`)!;
        const b = at.get(`n${j}`)!;
        expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(20);
      }
    }
  });

  it('copes with an empty network, a single node, self-loops and edges to unknown nodes', () => {
    expect(forceLayout([], []).size).toBe(0);
    const one = forceLayout(
      [{ id: 'a', radius: 5 }],
      [
        { source: 'a', target: 'a', strength: 1 },
        { source: 'a', target: 'ghost', strength: 1 },
      ],
    );
    const p = one.get('a')!;
    expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
  });

  it('hashes ids into [0, 1) deterministically', () => {
    expect(hash01('neglect')).toBe(hash01('neglect'));
    expect(hash01('neglect')).not.toBe(hash01('neglects'));
    for (const id of ['', 'a', 'information-sharing']) {
      expect(hash01(id)).toBeGreaterThanOrEqual(0);
      expect(hash01(id)).toBeLessThan(1);
    }
  });
});
