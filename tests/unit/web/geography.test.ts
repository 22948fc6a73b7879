import { describe, expect, it } from 'vitest';
import { Geography } from '../../../web/src/map/geography.ts';
import { analyticEdge, analyticNetwork, analyticNode } from './network-fixture.ts';

/** Two communities of three themes, one bridge between them, and two themes with no link. */
const whole = analyticNetwork(
  [
    analyticNode('alpha', 12, { community: 0 }),
    analyticNode('beta', 9, { community: 0 }),
    analyticNode('gamma', 7, { community: 0 }),
    analyticNode('delta', 10, { community: 1 }),
    analyticNode('epsilon', 6, { community: 1 }),
    analyticNode('zeta', 5, { community: 1 }),
    analyticNode('eta', 2),
    analyticNode('theta', 1),
  ],
  [
    analyticEdge('alpha', 'beta', 6),
    analyticEdge('beta', 'gamma', 4),
    analyticEdge('alpha', 'gamma', 3),
    analyticEdge('delta', 'epsilon', 5),
    analyticEdge('epsilon', 'zeta', 3),
    analyticEdge('gamma', 'delta', 2),
  ],
);

function regionBox(geo: Geography, ids: readonly string[]) {
  const points = ids.map((id) => geo.at(id)!);
  return {
    x1: Math.min(...points.map((p) => p.x)),
    x2: Math.max(...points.map((p) => p.x)),
    y1: Math.min(...points.map((p) => p.y)),
    y2: Math.max(...points.map((p) => p.y)),
  };
}

describe('the theme map geography', () => {
  it('lays out the same network the same way every time, whatever order it arrives in', () => {
    const shuffled = { ...whole, nodes: [...whole.nodes].reverse(), edges: [...whole.edges].reverse() };
    expect(new Map(new Geography().place(whole))).toEqual(new Map(new Geography().place(shuffled)));
  });

  it('places every theme, and no two at the same point', () => {
    const positions = new Geography().place(whole);
    expect([...positions.keys()].sort()).toEqual(whole.nodes.map((n) => n.id).sort());
    const keys = new Set([...positions.values()].map((p) => `${p.x},${p.y}`));
    expect(keys.size).toBe(whole.nodes.length);
  });

  it('keeps the communities in separate regions that do not overlap', () => {
    const geo = new Geography();
    geo.place(whole);
    const a = regionBox(geo, ['alpha', 'beta', 'gamma']);
    const b = regionBox(geo, ['delta', 'epsilon', 'zeta']);
    const apart = a.x2 < b.x1 || b.x2 < a.x1 || a.y2 < b.y1 || b.y2 < a.y1;
    expect(apart).toBe(true);
  });

  it('names each theme region after its community, and the rest as themes without a link', () => {
    const geo = new Geography();
    geo.place(whole);
    expect(geo.regions.names.get(geo.regions.of.get('alpha')!)).toBe('Alpha · Beta');
    expect(geo.regions.names.get(geo.regions.of.get('eta')!)).toBe('Themes without a significant link');
  });

  it('does not move a theme when the same collection is placed again', () => {
    const geo = new Geography();
    const before = new Map(geo.place(whole));
    expect(new Map(geo.place(whole))).toEqual(before);
  });
});
