/** What an export draws, independent of Cytoscape: positions, sizes, colours and text in model coordinates. */
import type { Rect } from './composition.ts';

export type SceneShape =
  | 'ellipse'
  | 'round-rectangle'
  | 'diamond'
  | 'hexagon'
  | 'triangle'
  | 'tag'
  | 'rectangle';

export interface SceneNode {
  x: number;
  y: number;
  width: number;
  height: number;
  shape: SceneShape;
  fill: string;
  stroke: string;
  label: string;
  fontSize: number;
  /** A community region (drawn under the themes, its name above it) rather than a theme. */
  region?: boolean;
  /** Which labels are placed first when not all fit (the screen's importance); larger first. */
  priority?: number;
}

export interface SceneEdge {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
  colour: string;
  opacity: number;
}

export interface LegendEntry {
  label: string;
  fill: string;
  shape: SceneShape;
}

export interface Scene {
  title: string;
  caption: string;
  legendTitle: string;
  legend: LegendEntry[];
  legendNotes: string[];
  footer: string;
  nodes: SceneNode[];
  edges: SceneEdge[];
  background: string;
  ink: string;
}

/** Bounding box of the drawing, with room below nodes for their labels. */
export function sceneBounds(scene: Pick<Scene, 'nodes'>): Rect {
  if (scene.nodes.length === 0) return { x: 0, y: 0, width: 1, height: 1 };
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const n of scene.nodes) {
    const labelHalf = Math.min(n.label.length, 28) * n.fontSize * 0.3;
    minX = Math.min(minX, n.x - Math.max(n.width / 2, labelHalf));
    maxX = Math.max(maxX, n.x + Math.max(n.width / 2, labelHalf));
    minY = Math.min(minY, n.y - n.height / 2);
    maxY = Math.max(maxY, n.y + n.height / 2 + n.fontSize * 1.6);
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/** Polygon points of a shape centred on (x, y), or null for shapes drawn natively (ellipse, rectangles). */
export function shapePoints(
  shape: SceneShape,
  x: number,
  y: number,
  w: number,
  h: number,
): Array<[number, number]> | null {
  const hw = w / 2;
  const hh = h / 2;
  switch (shape) {
    case 'diamond':
      return [
        [x, y - hh],
        [x + hw, y],
        [x, y + hh],
        [x - hw, y],
      ];
    case 'hexagon':
      return [
        [x - hw, y],
        [x - hw / 2, y - hh],
        [x + hw / 2, y - hh],
        [x + hw, y],
        [x + hw / 2, y + hh],
        [x - hw / 2, y + hh],
      ];
    case 'triangle':
      return [
        [x, y - hh],
        [x + hw, y + hh],
        [x - hw, y + hh],
      ];
    case 'tag':
      return [
        [x - hw, y - hh],
        [x + hw / 2, y - hh],
        [x + hw, y],
        [x + hw / 2, y + hh],
        [x - hw, y + hh],
      ];
    default:
      return null;
  }
}
