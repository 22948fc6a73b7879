import { describe, expect, it } from 'vitest';
import type { SceneNode } from '../../../web/src/export/scene.ts';
import { layoutSceneLabels } from '../../../web/src/export/svg-labels.ts';
import { boxTouchesCircle, overlaps } from '../../../web/src/map/label-placement.ts';

const theme = (i: number): SceneNode => ({
  x: (i % 10) * 60,
  y: Math.floor(i / 10) * 45,
  width: 20 + (i % 4) * 6,
  height: 20 + (i % 4) * 6,
  shape: 'ellipse',
  fill: '#1d5fa8',
  stroke: '#ffffff',
  label: `Theme number ${i} with a longer name`,
  fontSize: 12,
  priority: 100 - i,
});

describe('labels in the SVG export', () => {
  const nodes = Array.from({ length: 60 }, (_, i) => theme(i));
  const region: SceneNode = {
    ...theme(0),
    x: 270,
    y: 110,
    width: 600,
    height: 260,
    label: 'Alpha · Beta',
    region: true,
    shape: 'round-rectangle',
  };
  const place = (x: number, y: number) => ({ x: 100 + x * 2, y: 200 + y * 2 });
  const labels = layoutSceneLabels([region, ...nodes], place, 2, { x1: 0, y1: 0, x2: 1500, y2: 900 });

  it('lays out as many labels as fit, the most important first, and names the region', () => {
    expect(labels.length).toBeGreaterThanOrEqual(8);
    expect(labels.some((l) => l.region && l.lines.join(' ') === 'Alpha · Beta')).toBe(true);
    const numbers = labels.filter((l) => !l.region).map((l) => Number(/\d+/.exec(l.lines[0]!)?.[0]));
    expect(Math.min(...numbers)).toBeLessThan(10);
  });

  it('never overlaps two labels, or a label and a circle not its own', () => {
    for (const a of labels) for (const b of labels) if (a !== b) expect(overlaps(a.box, b.box)).toBe(false);
    for (const l of labels.filter((x) => !x.region)) {
      const touching = nodes.filter((n) => {
        const c = place(n.x, n.y);
        return boxTouchesCircle(l.box, { id: '', x: c.x, y: c.y, r: n.width });
      });
      expect(touching.length).toBeLessThanOrEqual(1);
    }
  });
});
