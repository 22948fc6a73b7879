import { describe, expect, it } from 'vitest';
import { gexfOf, graphmlOf } from '../../../web/src/export/graph-files.ts';
import { omittedNote } from '../../../web/src/map/omitted.ts';
import { mapEdge, mapNode } from './network-fixture.ts';

const model = {
  nodes: [mapNode('a', 'Alpha & co', 5, { regionName: 'Alpha · Beta' }), mapNode('b', 'Beta', 3)],
  edges: [mapEdge('a', 'b', 3, { lift: 2.5, pValue: 0.004 })],
  regions: [],
};

describe('graph files of what the map shows', () => {
  it('writes GraphML with exactly the themes and links on the map', () => {
    const xml = graphmlOf(model, 'Links shared by 3+ reviews');
    expect(xml.match(/<node /g)).toHaveLength(2);
    expect(xml.match(/<edge /g)).toHaveLength(1);
    expect(xml).toContain('<data key="label">Alpha &amp; co</data>');
    expect(xml).toContain('<data key="p">0.004</data>');
    expect(xml).toContain('<desc>Links shared by 3+ reviews</desc>');
  });

  it('writes GEXF with communities and the same counts', () => {
    const xml = gexfOf(model, 'caption', new Date('2024-01-02'));
    expect(xml.match(/<node /g)).toHaveLength(2);
    expect(xml.match(/<edge /g)).toHaveLength(1);
    expect(xml).toContain('value="Alpha · Beta"');
    expect(xml).toContain('lastmodifieddate="2024-01-02"');
  });
});

describe('the note on links left out', () => {
  it('says how many links are shown and why the other pairs were left out', () => {
    const text = omittedNote(
      {
        candidateEdges: 967,
        omitted: { total: 934, belowMinShared: 788, belowMinLift: 15, aboveMaxP: 131 },
        edges: Array.from({ length: 33 }, () => ({
          source: 'a',
          target: 'b',
          weight: 2,
          lift: 2,
          expected: 1,
          pValue: 0.01,
        })),
      },
      33,
      { minShared: 2, minLift: 1.2, maxP: 0.05 },
      1,
    );
    expect(text).toBe(
      '33 links shown of 967 pairs of themes sharing a review; 934 left out: 788 shared by fewer than 2 reviews, 15 with lift under 1.2, 131 with p above 0.05.',
    );
  });
});
