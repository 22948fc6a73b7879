import { describe, expect, it } from 'vitest';
import type { ThemeNetwork } from '../../../web/src/api/types.ts';
import {
  buildMapModel,
  edgeStrength,
  labelSize,
  linkId,
  nodeSize,
  stepOrder,
} from '../../../web/src/map/map-model.ts';
import { groupColours } from '../../../web/src/map/palette.ts';

const network: ThemeNetwork = {
  caseCount: 10,
  nodes: [
    { id: 'a', label: 'Alpha', group: 'g1', weight: 9 },
    { id: 'b', label: 'Beta', group: 'g2', weight: 4 },
    { id: 'c', label: 'Gamma', group: null, weight: 1 },
  ],
  edges: [
    { source: 'a', target: 'b', weight: 4, lift: 1.1 },
    { source: 'b', target: 'c', weight: 1, lift: 2.5 },
  ],
};
const colours = groupColours(['g1', 'g2', null], 'desk');

describe('what the theme map draws', () => {
  it('sizes nodes by review count with the largest theme largest', () => {
    const model = buildMapModel(network, { weighting: 'shared', colours, hideLinksBelow: 1, labelScale: 1 });
    const [a, b, c] = model.nodes;
    expect(a!.size).toBeGreaterThan(b!.size);
    expect(b!.size).toBeGreaterThan(c!.size);
    expect(nodeSize(0, 10)).toBe(22);
    expect(nodeSize(10, 10)).toBe(84);
    expect(labelSize(10, 10)).toBeGreaterThan(labelSize(1, 10));
  });

  it('weights links by shared reviews or by lift, as toggled', () => {
    const shared = buildMapModel(network, { weighting: 'shared', colours, hideLinksBelow: 1, labelScale: 1 });
    const lift = buildMapModel(network, { weighting: 'lift', colours, hideLinksBelow: 1, labelScale: 1 });
    expect(shared.edges[0]!.width).toBeGreaterThan(shared.edges[1]!.width);
    expect(lift.edges[1]!.width).toBeGreaterThan(lift.edges[0]!.width);
    expect(edgeStrength({ source: 'x', target: 'y', weight: 3, lift: 0.8 }, 'lift', 3, 2)).toBe(0);
  });

  it("hides links supported by fewer reviews than asked and counts each theme's remaining links", () => {
    const model = buildMapModel(network, { weighting: 'shared', colours, hideLinksBelow: 2, labelScale: 1 });
    expect(model.edges.map((e) => e.id)).toEqual(['a|b']);
    expect(model.nodes.map((n) => n.degree)).toEqual([1, 1, 0]);
  });

  it('scales labels for presentation', () => {
    const desk = buildMapModel(network, { weighting: 'shared', colours, hideLinksBelow: 1, labelScale: 1 });
    const room = buildMapModel(network, { weighting: 'shared', colours, hideLinksBelow: 1, labelScale: 1.8 });
    expect(room.nodes[0]!.fontSize).toBeCloseTo(desk.nodes[0]!.fontSize * 1.8);
  });

  it('keeps label sizes from the whole collection while circles follow the filtered counts', () => {
    const whole = new Map([
      ['a', 30],
      ['b', 4],
      ['c', 1],
    ]);
    const filtered = {
      ...network,
      nodes: network.nodes.map((n) => ({ ...n, weight: n.id === 'b' ? 9 : 1 })),
    };
    const model = buildMapModel(filtered, {
      weighting: 'shared',
      colours,
      hideLinksBelow: 1,
      labelScale: 1,
      labelWeights: whole,
    });
    const [a, b] = model.nodes;
    expect(b!.size).toBeGreaterThan(a!.size);
    expect(a!.fontSize).toBeGreaterThan(b!.fontSize);
  });

  it('names a link the same whichever end comes first', () => {
    expect(linkId('b', 'a')).toBe(linkId('a', 'b'));
  });

  it('steps through themes heaviest first, ties by label', () => {
    expect(
      stepOrder([
        { id: 'x', label: 'Zed', weight: 2 },
        { id: 'y', label: 'Aye', weight: 2 },
        { id: 'z', label: 'Big', weight: 5 },
      ]),
    ).toEqual(['z', 'y', 'x']);
  });
});
