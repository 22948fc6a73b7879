/**
 * Label layout for the SVG export, done as on screen (map/label-placement.ts): region names first, then
 * theme labels by importance, each below, above, right or left of its circle, only where it touches no
 * other label and no circle. Works in the picture's own coordinates, with text measured conservatively.
 */
import { type Box, placeMeasuredLabels, sideBoxes } from '../map/label-placement.ts';
import { wrapText } from './composition.ts';
import type { SceneNode } from './scene.ts';

export interface PlacedText {
  lines: string[];
  /** Anchor point of the first line's baseline. */
  x: number;
  y: number;
  fontSize: number;
  anchor: 'start' | 'middle' | 'end';
  box: Box;
  region: boolean;
  /** Index of the scene node the label names. */
  node: number;
}

/** Average advance of a character, in ems, rounded up so boxes are never smaller than the text. */
const CHAR_EM = 0.6;
const LINE_EM = 1.2;
const WRAP_CHARS = 18;
const MIN_FONT = 9;

export function layoutSceneLabels(
  nodes: readonly SceneNode[],
  place: (x: number, y: number) => { x: number; y: number },
  scale: number,
  drawing: Box,
): PlacedText[] {
  const texts = new Map<string, { lines: string[]; font: number; w: number; h: number }>();
  const circles: Array<{ id: string; x: number; y: number; r: number }> = [];
  const candidates = nodes.flatMap((n, i) => {
    if (!n.label) return [];
    const id = String(i);
    const font = n.fontSize * scale;
    const lines = n.region ? wrapText(n.label, 60, 2) : wrapText(n.label, WRAP_CHARS, 3);
    const w = Math.max(...lines.map((l) => l.length)) * font * CHAR_EM;
    const h = lines.length * font * LINE_EM;
    texts.set(id, { lines, font, w, h });
    const c = place(n.x, n.y);
    const gap = 3 * scale;
    if (n.region) {
      const top = c.y - (n.height * scale) / 2;
      const box = { x1: c.x - w / 2, x2: c.x + w / 2, y1: top - gap - h, y2: top - gap };
      return [{ id, boxes: [box], fontSize: font, priority: Number.POSITIVE_INFINITY }];
    }
    const r = (n.width * scale) / 2;
    circles.push({ id, x: c.x, y: c.y, r });
    return [
      { id, boxes: sideBoxes(c.x, c.y, r, w, h, gap), fontSize: font, priority: n.priority ?? n.width },
    ];
  });
  const shown = placeMeasuredLabels(
    candidates.map((c) => ({ ...c, boxes: c.boxes.map((b) => shift(b, -drawing.x1, -drawing.y1)) })),
    circles.map((c) => ({ ...c, x: c.x - drawing.x1, y: c.y - drawing.y1 })),
    { width: drawing.x2 - drawing.x1, height: drawing.y2 - drawing.y1 },
    MIN_FONT,
  );
  const out: PlacedText[] = [];
  for (const c of candidates) {
    const side = shown.get(c.id);
    const t = texts.get(c.id);
    if (side === undefined || !t) continue;
    const box = c.boxes[side]!;
    const anchor = side === 2 ? 'start' : side === 3 ? 'end' : 'middle';
    const x = anchor === 'start' ? box.x1 : anchor === 'end' ? box.x2 : (box.x1 + box.x2) / 2;
    out.push({
      lines: t.lines,
      x,
      y: box.y1 + t.font * 0.95,
      fontSize: t.font,
      anchor,
      box,
      region: nodes[Number(c.id)]?.region === true,
      node: Number(c.id),
    });
  }
  return out;
}

function shift(b: Box, dx: number, dy: number): Box {
  return { x1: b.x1 + dx, x2: b.x2 + dx, y1: b.y1 + dy, y2: b.y2 + dy };
}
