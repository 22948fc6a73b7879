import { describe, expect, it } from 'vitest';
import { EDGE_HEADER, edgesCsv, NODE_HEADER, nodesCsv, toCsv } from '../../../web/src/export/csv.ts';
import type { MapEdge, MapNode } from '../../../web/src/map/map-model.ts';
import { mapEdge, mapNode } from './network-fixture.ts';

const node = (id: string, label: string, weight: number): MapNode =>
  mapNode(id, label, weight, { group: 'g' });

describe('CSV export', () => {
  it('quotes commas, quotes and line breaks as RFC 4180 asks', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x, y', 'say "hi"'],
          ['line\nbreak', null],
        ],
      ),
    ).toBe('a,b\r\n"x, y","say ""hi"""\r\n"line\nbreak",\r\n');
  });

  it('defuses text a spreadsheet would run as a formula, but not negative numbers', () => {
    expect(toCsv(['v'], [['=HYPERLINK("x")'], [-2]])).toBe('v\r\n"\'=HYPERLINK(""x"")"\r\n-2\r\n');
  });

  it('lists visible themes heaviest first under a fixed header', () => {
    const csv = nodesCsv([node('b', 'Beta', 2), node('a', 'Alpha, first', 5)]);
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe(NODE_HEADER.join(','));
    expect(lines[1]).toBe('a,"Alpha, first",g,5,1');
    expect(lines).toHaveLength(3);
  });

  it('lists links with both labels, shared reviews and lift', () => {
    const edge: MapEdge = mapEdge('a', 'b', 3, { lift: 1.23456 });
    const csv = edgesCsv(
      [edge],
      new Map([
        ['a', 'Alpha'],
        ['b', 'Beta'],
      ]),
    );
    expect(csv).toBe(`${EDGE_HEADER.join(',')}\r\na,b,Alpha,Beta,3,1.235\r\n`);
  });
});
