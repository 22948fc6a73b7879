import { describe, expect, it } from 'vitest';
import type { ThemeNetwork } from '../../../web/src/api/types.ts';
import { Geography } from '../../../web/src/map/geography.ts';

const whole: ThemeNetwork = {
  caseCount: 12,
  nodes: ['a', 'b', 'c', 'd', 'e'].map((id, i) => ({
    id,
    label: id.toUpperCase(),
    group: null,
    weight: 10 - i,
  })),
  edges: [
    { source: 'a', target: 'b', weight: 5, lift: 1.2 },
    { source: 'b', target: 'c', weight: 3, lift: 1.5 },
    { source: 'c', target: 'd', weight: 2, lift: 2 },
    { source: 'd', target: 'e', weight: 1, lift: 3 },
  ],
};

describe('the theme map geography', () => {
  it('keeps every theme where it was when a filter shrinks the network', () => {
    const geo = new Geography();
    const before = new Map(geo.place(whole));
    const filtered: ThemeNetwork = {
      caseCount: 3,
      nodes: whole.nodes.slice(0, 3),
      edges: whole.edges.slice(0, 1),
    };
    const after = geo.place(filtered);
    for (const n of filtered.nodes) expect(after.get(n.id)).toEqual(before.get(n.id));
  });

  it('places a theme it has not seen without moving the others', () => {
    const geo = new Geography();
    const before = new Map(geo.place(whole));
    const grown: ThemeNetwork = {
      ...whole,
      nodes: [...whole.nodes, { id: 'f', label: 'F', group: null, weight: 4 }],
      edges: [...whole.edges, { source: 'f', target: 'a', weight: 2, lift: 1 }],
    };
    const after = geo.place(grown);
    expect(geo.has('f')).toBe(true);
    for (const n of whole.nodes) expect(after.get(n.id)).toEqual(before.get(n.id));
  });

  it('gives two fresh geographies of the same network the same positions', () => {
    expect(new Map(new Geography().place(whole))).toEqual(new Map(new Geography().place(whole)));
  });
});
