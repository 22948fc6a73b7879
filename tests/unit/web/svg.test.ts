import { describe, expect, it } from 'vitest';
import { fitInside, frame, wrapText } from '../../../web/src/export/composition.ts';
import { type Scene, sceneBounds, shapePoints } from '../../../web/src/export/scene.ts';
import { sceneToSvg } from '../../../web/src/export/svg.ts';

const scene: Scene = {
  title: 'Threadline — theme map',
  caption: 'Harm: Neglect & <other> · Years: 2014–2019',
  legendTitle: 'Theme groups',
  legend: [
    { label: 'Practice', fill: '#1d5fa8', shape: 'ellipse' },
    { label: 'Family "context"', fill: '#c2571a', shape: 'diamond' },
  ],
  legendNotes: ['Circle size: reviews carrying the theme.'],
  footer: 'Exported 2024-01-01',
  nodes: [
    {
      x: 0,
      y: 0,
      width: 40,
      height: 40,
      shape: 'ellipse',
      fill: '#1d5fa8',
      stroke: '#fff',
      label: 'A & B',
      fontSize: 14,
    },
    {
      x: 200,
      y: 80,
      width: 30,
      height: 30,
      shape: 'hexagon',
      fill: '#c2571a',
      stroke: '#fff',
      label: 'C',
      fontSize: 12,
    },
  ],
  edges: [{ x1: 0, y1: 0, x2: 200, y2: 80, width: 3, colour: '#5b6770', opacity: 0.5 }],
  background: '#ffffff',
  ink: '#0b0c0c',
};

/** Tag balance: every element opened is closed in order, as an XML parser demands. */
function balanced(xml: string): boolean {
  const stack: string[] = [];
  for (const m of xml.matchAll(/<(\/?)([a-zA-Z]+)\b[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = m;
    if (selfClosing) continue;
    if (closing) {
      if (stack.pop() !== name) return false;
    } else stack.push(name!);
  }
  return stack.length === 0;
}

describe('SVG export', () => {
  const svg = sceneToSvg(scene);

  it('is a standalone, well-formed SVG document at projector size', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="1920" height="1080"')).toBe(true);
    expect(balanced(svg)).toBe(true);
    expect(svg).not.toMatch(/href=/);
  });

  it('escapes text so labels and captions cannot break the markup', () => {
    expect(svg).toContain('A &amp; B');
    expect(svg).toContain('Neglect &amp; &lt;other&gt;');
    expect(svg).not.toContain('<other>');
  });

  it('draws every node, edge and legend entry', () => {
    expect(svg.match(/<line /g)).toHaveLength(1);
    expect(svg).toContain('<ellipse');
    expect(svg.match(/<polygon /g)?.length).toBe(2); // the hexagon node and the diamond legend swatch
    expect(svg).toContain('Practice');
  });

  it('fits the drawing inside the frame, centred', () => {
    const f = frame();
    const t = fitInside({ x: 0, y: 0, width: 100, height: 50 }, f.drawing);
    expect(100 * t.scale).toBeLessThanOrEqual(f.drawing.width + 1e-6);
    expect(50 * t.scale).toBeLessThanOrEqual(f.drawing.height + 1e-6);
    expect(t.dx + 50 * t.scale).toBeCloseTo(f.drawing.x + f.drawing.width / 2);
  });

  it('leaves room under nodes for their labels', () => {
    const b = sceneBounds(scene);
    expect(b.y + b.height).toBeGreaterThan(80 + 15);
  });

  it('wraps long captions and marks what was cut', () => {
    expect(wrapText('one two three four five six', 9, 2)).toEqual(['one two', 'three…']);
    expect(wrapText('short', 20)).toEqual(['short']);
  });

  it('outlines polygon shapes around their centre', () => {
    expect(shapePoints('diamond', 0, 0, 10, 10)).toEqual([
      [0, -5],
      [5, 0],
      [0, 5],
      [-5, 0],
    ]);
    expect(shapePoints('ellipse', 0, 0, 10, 10)).toBeNull();
  });
});
