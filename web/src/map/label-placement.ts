/**
 * Which theme labels to show at the current zoom: heaviest first, each only if its box does not cover a
 * label already placed or a heavier theme's circle (drawn above it). Zooming in makes room, so lighter
 * labels appear progressively; nothing ever overlaps. Pure geometry in screen pixels.
 */

export interface LabelCandidate {
  id: string;
  /** Screen position of the node centre and its rendered diameter. */
  x: number;
  y: number;
  diameter: number;
  /** Rendered label size. */
  fontSize: number;
  /** Rendered max label width before wrapping. */
  maxWidth: number;
  text: string;
  /** Higher goes first (weight; the selection gets +Infinity). */
  priority: number;
}

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

const CHAR_WIDTH = 0.56;
const LINE_HEIGHT = 1.2;
const MARGIN = 3;

/** The rendered box of a label drawn centred under its node, wrapped at maxWidth. */
export function labelBox(c: LabelCandidate): Box {
  const textWidth = c.text.length * c.fontSize * CHAR_WIDTH;
  const width = Math.min(textWidth, c.maxWidth);
  const lines = Math.max(1, Math.ceil(textWidth / Math.max(1, c.maxWidth)));
  const top = c.y + c.diameter / 2 + 4;
  return {
    x1: c.x - width / 2 - MARGIN,
    x2: c.x + width / 2 + MARGIN,
    y1: top - MARGIN,
    y2: top + lines * c.fontSize * LINE_HEIGHT + MARGIN,
  };
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

/** The inner part of a circle: a label may graze a heavier circle's rim but not cross its middle. */
function circleBox(c: LabelCandidate): Box {
  const r = c.diameter * 0.45;
  return { x1: c.x - r, x2: c.x + r, y1: c.y - r, y2: c.y + r };
}

/** Ids of the labels to show, given the viewport (labels off screen are not placed). */
export function placeLabels(
  candidates: readonly LabelCandidate[],
  viewport: { width: number; height: number },
  minFontSize: number,
  reserved: readonly Box[] = [],
): Set<string> {
  const ordered = [...candidates].sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : 1));
  // Screen areas covered by something else (the presentation's title and caption card) take no labels.
  const placed: Box[] = [...reserved];
  const heavier: Box[] = [];
  const shown = new Set<string>();
  for (const c of ordered) {
    const box = labelBox(c);
    const visible = box.x2 > 0 && box.x1 < viewport.width && box.y2 > 0 && box.y1 < viewport.height;
    const legible = c.fontSize >= minFontSize || c.priority === Number.POSITIVE_INFINITY;
    if (
      visible &&
      legible &&
      !placed.some((p) => overlaps(p, box)) &&
      !heavier.some((p) => overlaps(p, box))
    ) {
      placed.push(box);
      shown.add(c.id);
    }
    heavier.push(circleBox(c));
  }
  return shown;
}

export interface Circle {
  id: string;
  x: number;
  y: number;
  r: number;
}

export interface MeasuredLabel {
  id: string;
  /** The label's rendered box in each place it may go, in order of preference (see LABEL_SIDES). */
  boxes: Box[];
  /** Rendered font size. */
  fontSize: number;
  /** Higher goes first; +Infinity always shows (the selection). */
  priority: number;
}

const LABEL_MARGIN = 2;

/** Whether a box and a circle share any point (closest point of the box to the centre). */
export function boxTouchesCircle(box: Box, c: Circle): boolean {
  const nx = Math.max(box.x1, Math.min(c.x, box.x2));
  const ny = Math.max(box.y1, Math.min(c.y, box.y2));
  return (nx - c.x) ** 2 + (ny - c.y) ** 2 < c.r * c.r;
}

function grown(b: Box, m: number): Box {
  return { x1: b.x1 - m, y1: b.y1 - m, x2: b.x2 + m, y2: b.y2 + m };
}

/**
 * The theme map's placement, from the label boxes the renderer measured: most important first, each only
 * if it touches no label already placed, no circle other than its own, no region name and no area
 * reserved by an overlay. Ids of the labels to show.
 */
export function placeMeasuredLabels(
  candidates: readonly MeasuredLabel[],
  circles: readonly Circle[],
  viewport: { width: number; height: number },
  minFontSize: number,
  reserved: readonly Box[] = [],
): Map<string, number> {
  const ordered = [...candidates].sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : 1));
  const placed: Box[] = [...reserved];
  const shown = new Map<string, number>();
  for (const c of ordered) {
    const legible = c.fontSize >= minFontSize || c.priority === Number.POSITIVE_INFINITY;
    if (!legible) continue;
    const side = c.boxes.findIndex((b) => {
      const box = grown(b, LABEL_MARGIN);
      const inside = box.x1 >= 0 && box.y1 >= 0 && box.x2 <= viewport.width && box.y2 <= viewport.height;
      return (
        inside &&
        !placed.some((p) => overlaps(p, box)) &&
        !circles.some((k) => k.id !== c.id && boxTouchesCircle(box, k))
      );
    });
    if (side < 0) continue;
    placed.push(grown(c.boxes[side]!, LABEL_MARGIN));
    shown.set(c.id, side);
  }
  return shown;
}

/** Where a theme's label may go, in order of preference: below its circle, above, right, left. */
export const LABEL_SIDES = ['below', 'above', 'right', 'left'] as const;

/**
 * The label's box on each side of a circle at (x, y) of radius r, from its size (w × h) and the gap
 * between circle and text.
 */
export function sideBoxes(x: number, y: number, r: number, w: number, h: number, gap: number): Box[] {
  return [
    { x1: x - w / 2, x2: x + w / 2, y1: y + r + gap, y2: y + r + gap + h },
    { x1: x - w / 2, x2: x + w / 2, y1: y - r - gap - h, y2: y - r - gap },
    { x1: x + r + gap, x2: x + r + gap + w, y1: y - h / 2, y2: y + h / 2 },
    { x1: x - r - gap - w, x2: x - r - gap, y1: y - h / 2, y2: y + h / 2 },
  ];
}
