import { describe, expect, it } from 'vitest';
import {
  bridgingThemes,
  buildMapModel,
  edgeStrength,
  labelSize,
  linkId,
  type ModelOptions,
  nodeSize,
  stepOrder,
} from '../../../web/src/map/map-model.ts';
import { analyticEdge, analyticNetwork, analyticNode } from './network-fixture.ts';

const network = analyticNetwork(
  [
    analyticNode('a', 9, { community: 0, betweenness: 0.1, pageRank: 0.2, weightedDegree: 4 }),
    analyticNode('b', 4, { community: 0, betweenness: 0.6, pageRank: 0.5, weightedDegree: 7 }),
    analyticNode('c', 1, { community: 1, pageRank: 0.3, weightedDegree: 3 }),
  ],
  [analyticEdge('a', 'b', 4, { lift: 1.1 }), analyticEdge('b', 'c', 1, { lift: 2.5 })],
);

const options: ModelOptions = {
  weighting: 'shared',
  sizeBy: 'reviews',
  regions: {
    of: new Map([
      ['a', 0],
      ['b', 0],
      ['c', 1],
    ]),
    names: new Map([
      [0, 'A · B'],
      [1, 'C'],
    ]),
    colours: new Map([
      [0, '#1d5fa8'],
      [1, '#b5501a'],
    ]),
  },
  floor: 1,
  labelScale: 1,
};

describe('what the theme map draws', () => {
  it('sizes circles by review count by default, the largest theme largest', () => {
    const [a, b, c] = buildMapModel(network, options).nodes;
    expect(a!.size).toBeGreaterThan(b!.size);
    expect(b!.size).toBeGreaterThan(c!.size);
    expect(nodeSize(0)).toBe(22);
    expect(nodeSize(1)).toBe(84);
    expect(labelSize(1)).toBeGreaterThan(labelSize(0.1));
  });

  it('sizes circles by the chosen measure: betweenness puts the bridge first', () => {
    const [a, b] = buildMapModel(network, { ...options, sizeBy: 'betweenness' }).nodes;
    expect(b!.size).toBeGreaterThan(a!.size);
    expect(b!.measure).toBe(0.6);
    const [pa, pb] = buildMapModel(network, { ...options, sizeBy: 'pageRank' }).nodes;
    expect(pb!.size).toBeGreaterThan(pa!.size);
  });

  it("colours each theme by its community's region and lists the regions shown", () => {
    const model = buildMapModel(network, options);
    expect(model.nodes.map((n) => n.colour)).toEqual(['#1d5fa8', '#1d5fa8', '#b5501a']);
    expect(model.regions.map((r) => r.name)).toEqual(['A · B', 'C']);
  });

  it('weights links by shared reviews or by lift, as toggled', () => {
    const shared = buildMapModel(network, options);
    const lift = buildMapModel(network, { ...options, weighting: 'lift' });
    expect(shared.edges[0]!.width).toBeGreaterThan(shared.edges[1]!.width);
    expect(lift.edges[1]!.width).toBeGreaterThan(lift.edges[0]!.width);
    expect(edgeStrength(analyticEdge('x', 'y', 3, { lift: 0.8 }), 'lift', 3, 2)).toBe(0);
  });

  it('room-safe: leaves out themes and links counted in fewer reviews than the floor', () => {
    const model = buildMapModel(network, { ...options, floor: 2 });
    expect(model.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(model.edges.map((e) => e.id)).toEqual(['a|b']);
    expect(model.regions.map((r) => r.id)).toEqual([0]);
  });

  it('scales labels for presentation', () => {
    const desk = buildMapModel(network, options);
    const room = buildMapModel(network, { ...options, labelScale: 1.8 });
    expect(room.nodes[0]!.fontSize).toBeCloseTo(desk.nodes[0]!.fontSize * 1.8);
  });

  it('finds bridging themes: high betweenness with a link into another community', () => {
    const bridges = bridgingThemes(network.nodes, network.edges, options.regions.of);
    expect([...bridges]).toEqual(['b']);
    expect(buildMapModel(network, options).nodes.find((n) => n.id === 'b')!.bridge).toBe(true);
  });

  it('names a link the same whichever end comes first, and steps heaviest first', () => {
    expect(linkId('b', 'a')).toBe(linkId('a', 'b'));
    expect(stepOrder(network.nodes)).toEqual(['a', 'b', 'c']);
  });
});
