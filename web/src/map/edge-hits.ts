/**
 * Which link a click or a hover means: the one whose line passes nearest the pointer, if near enough.
 * Pure geometry in model coordinates; the map converts the tolerance from screen pixels.
 */
import type { Point } from './layout.ts';

export interface HitEdge {
  id: string;
  source: string;
  target: string;
  /** Drawn width in model units. */
  width: number;
}

/** Distance from p to the segment a–b. */
export function segmentDistance(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/**
 * The nearest link to `p` within `tolerance` (plus half its width), or null. Ties go to the thinner line,
 * then to the id, so the same click always means the same link.
 */
export function nearestEdge(
  p: Point,
  edges: readonly HitEdge[],
  positions: ReadonlyMap<string, Point>,
  tolerance: number,
): HitEdge | null {
  let best: HitEdge | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const e of edges) {
    const a = positions.get(e.source);
    const b = positions.get(e.target);
    if (!a || !b) continue;
    const d = segmentDistance(p, a, b);
    if (d > tolerance + e.width / 2) continue;
    if (d < bestDistance || (d === bestDistance && best && e.id < best.id)) {
      best = e;
      bestDistance = d;
    }
  }
  return best;
}
