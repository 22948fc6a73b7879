/** Turns the drawn graph into export files: a composed PNG at projector size and a standalone SVG. */
import type { Core } from 'cytoscape';
import { FONT_STACK } from '../map/cytoscape-setup.ts';
import { fitInside, frame, type Rect, wrapText } from './composition.ts';
import { type LegendEntry, type Scene, type SceneShape, shapePoints } from './scene.ts';

export interface Framing {
  title: string;
  caption: string;
  legendTitle: string;
  legend: LegendEntry[];
  legendNotes: string[];
  footer: string;
  background: string;
  ink: string;
  /** Data field holding the label ('label' on the theme map, 'short' on the case graph). */
  labelField: string;
}

const SHAPES: readonly SceneShape[] = [
  'ellipse',
  'round-rectangle',
  'diamond',
  'hexagon',
  'triangle',
  'tag',
  'rectangle',
];

export function sceneFromCy(cy: Core, framing: Framing): Scene {
  const nodes = cy.nodes(':visible').map((n) => {
    const pos = n.position();
    const shape = String(n.style('shape'));
    const region = n.isParent();
    return {
      region,
      priority: region ? Number.POSITIVE_INFINITY : Number(n.data('measure') ?? n.width()) || 0,
      x: pos.x,
      y: pos.y,
      width: n.width(),
      height: n.height(),
      shape: (SHAPES as readonly string[]).includes(shape) ? (shape as SceneShape) : 'ellipse',
      fill: String(n.style('background-color')),
      stroke: String(n.style('border-color')),
      label: String(n.data(framing.labelField) ?? ''),
      fontSize: Number.parseFloat(String(n.style('font-size'))) || 12,
    };
  });
  const edges = cy.edges(':visible').map((e) => {
    const s = e.source().position();
    const t = e.target().position();
    return {
      x1: s.x,
      y1: s.y,
      x2: t.x,
      y2: t.y,
      width: Number.parseFloat(String(e.style('width'))) || 1,
      colour: String(e.style('line-color')),
      opacity: Number.parseFloat(String(e.style('opacity'))) || 1,
    };
  });
  return { ...framing, nodes, edges };
}

export async function composedPng(cy: Core, framing: Framing, width = 1920, height = 1080): Promise<Blob> {
  const f = frame(width, height);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const g = canvas.getContext('2d');
  if (!g) throw new Error('This browser cannot draw on a canvas, so the PNG cannot be made.');
  g.fillStyle = framing.background;
  g.fillRect(0, 0, width, height);
  drawHeader(g, framing, f.header, height);

  const drawing = await cy.png({
    output: 'blob-promise',
    full: true,
    bg: framing.background,
    maxWidth: f.drawing.width * 2,
    maxHeight: f.drawing.height * 2,
  });
  const bitmap = await createImageBitmap(drawing);
  const t = fitInside({ x: 0, y: 0, width: bitmap.width, height: bitmap.height }, f.drawing, 1);
  g.drawImage(bitmap, t.dx, t.dy, bitmap.width * t.scale, bitmap.height * t.scale);
  bitmap.close();

  drawLegend(g, framing, f.legend, height);
  g.globalAlpha = 0.75;
  g.fillStyle = framing.ink;
  g.font = `${Math.round(height * 0.015)}px ${FONT_STACK}`;
  g.fillText(framing.footer, f.header.x, f.footerY);
  g.globalAlpha = 1;
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be encoded.'))),
      'image/png',
    ),
  );
}

function drawHeader(g: CanvasRenderingContext2D, framing: Framing, box: Rect, height: number): void {
  const titleSize = Math.round(height * 0.036);
  const captionSize = Math.round(height * 0.02);
  g.fillStyle = framing.ink;
  g.font = `700 ${titleSize}px ${FONT_STACK}`;
  g.fillText(framing.title, box.x, box.y + titleSize);
  g.font = `${captionSize}px ${FONT_STACK}`;
  wrapText(framing.caption, Math.floor(box.width / (captionSize * 0.55)), 2).forEach((line, i) => {
    g.fillText(line, box.x, box.y + titleSize + captionSize * 1.7 * (i + 1));
  });
}

function drawLegend(g: CanvasRenderingContext2D, framing: Framing, box: Rect, height: number): void {
  const size = Math.round(height * 0.017);
  const row = size * 1.9;
  g.fillStyle = framing.ink;
  g.font = `700 ${Math.round(size * 1.15)}px ${FONT_STACK}`;
  g.fillText(framing.legendTitle, box.x, box.y + size);
  let y = box.y + size + row;
  const maxChars = Math.floor((box.width - size * 2) / (size * 0.52));
  g.font = `${size}px ${FONT_STACK}`;
  for (const entry of framing.legend) {
    g.fillStyle = entry.fill;
    drawShape(g, entry.shape, box.x + size / 2, y - size / 3, size, size);
    g.fillStyle = framing.ink;
    g.fillText(wrapText(entry.label, maxChars, 1)[0] ?? '', box.x + size * 1.6, y);
    y += row;
  }
  y += row / 2;
  g.font = `${Math.round(size * 0.9)}px ${FONT_STACK}`;
  for (const note of framing.legendNotes) {
    for (const line of wrapText(note, maxChars, 3)) {
      g.fillText(line, box.x, y);
      y += row * 0.85;
    }
    y += row / 3;
  }
}

function drawShape(
  g: CanvasRenderingContext2D,
  shape: SceneShape,
  x: number,
  y: number,
  w: number,
  h: number,
): void {
  const points = shapePoints(shape, x, y, w, h);
  g.beginPath();
  if (points) {
    for (const [i, [px, py]] of points.entries()) {
      if (i === 0) g.moveTo(px, py);
      else g.lineTo(px, py);
    }
    g.closePath();
  } else if (shape === 'ellipse') {
    g.ellipse(x, y, w / 2, h / 2, 0, 0, Math.PI * 2);
  } else {
    g.rect(x - w / 2, y - h / 2, w, h);
  }
  g.fill();
}
