import { describe, expect, it } from 'vitest';
import { nearestEdge, segmentDistance } from '../../../web/src/map/edge-hits.ts';

const positions = new Map([
  ['a', { x: 0, y: 0 }],
  ['b', { x: 100, y: 0 }],
  ['c', { x: 0, y: 100 }],
  ['d', { x: 100, y: 100 }],
]);
const edges = [
  { id: 'a|b', source: 'a', target: 'b', width: 2 },
  { id: 'a|d', source: 'a', target: 'd', width: 2 },
  { id: 'c|d', source: 'c', target: 'd', width: 2 },
];

describe('which link a click means', () => {
  it('measures the distance to a segment, not to its infinite line', () => {
    expect(segmentDistance({ x: 50, y: 5 }, { x: 0, y: 0 }, { x: 100, y: 0 })).toBe(5);
    expect(segmentDistance({ x: 130, y: 40 }, { x: 0, y: 0 }, { x: 100, y: 0 })).toBe(50);
  });

  it('picks the line passing nearest the pointer, even where lines run close', () => {
    expect(nearestEdge({ x: 60, y: 3 }, edges, positions, 6)?.id).toBe('a|b');
    expect(nearestEdge({ x: 30, y: 28 }, edges, positions, 6)?.id).toBe('a|d');
    expect(nearestEdge({ x: 60, y: 98 }, edges, positions, 6)?.id).toBe('c|d');
  });

  it('picks nothing when no line is within the tolerance and half its width', () => {
    expect(nearestEdge({ x: 50, y: 20 }, edges, positions, 6)).toBeNull();
    expect(nearestEdge({ x: 50, y: 6.5 }, edges, positions, 6)?.id).toBe('a|b');
  });
});
