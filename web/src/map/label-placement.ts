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

function overlaps(a: Box, b: Box): boolean {
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
