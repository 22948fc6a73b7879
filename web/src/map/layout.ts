/**
 * A deterministic force layout (Fruchterman–Reingold with collision and gentle gravity). Same input, same
 * picture: no randomness beyond a hash of each id. Pinned nodes keep their place and only push and pull the
 * others, which is how the theme map keeps its geography when filters change and how the case graph grows
 * around what is already drawn.
 */

export interface Point {
  x: number;
  y: number;
}

export interface LayoutNode {
  id: string;
  /** Drawn radius; also the collision size (labels get extra room via `labelRoom`). */
  radius: number;
}

export interface LayoutEdge {
  source: string;
  target: string;
  /** 0..1, how strongly the two ends pull together. */
  strength: number;
}

export interface LayoutOptions {
  /** Nodes that must not move. */
  pinned?: ReadonlyMap<string, Point>;
  /** Starting points for free nodes (e.g. the node that was expanded). */
  hints?: ReadonlyMap<string, Point>;
  iterations?: number;
  /** Extra clearance around each node so labels have room. */
  labelRoom?: number;
  /** Free area per unit of node area; larger spreads the drawing out. */
  spread?: number;
  /**
   * Width over height to aim for (screens and projectors are wide). The layout runs in a space squeezed by
   * sqrt(aspect) horizontally and is stretched back, so the room around each node is wider than tall,
   * the shape of its label.
   */
  aspect?: number;
}

export function forceLayout(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  options: LayoutOptions = {},
): Map<string, Point> {
  const s = Math.sqrt(Math.max(0.25, Math.min(4, options.aspect ?? 1)));
  if (s === 1) return isotropicLayout(nodes, edges, options);
  const squeeze = (m: ReadonlyMap<string, Point> | undefined) =>
    m && new Map([...m].map(([id, p]) => [id, { x: p.x / s, y: p.y * s }]));
  const out = isotropicLayout(nodes, edges, {
    ...options,
    pinned: squeeze(options.pinned),
    hints: squeeze(options.hints),
  });
  const pinned = options.pinned;
  for (const [id, p] of out) out.set(id, pinned?.get(id) ?? { x: round(p.x * s), y: round(p.y / s) });
  return out;
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

function isotropicLayout(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  options: LayoutOptions,
): Map<string, Point> {
  const ordered = [...nodes].sort((a, b) => b.radius - a.radius || compare(a.id, b.id));
  const n = ordered.length;
  const result = new Map<string, Point>();
  if (n === 0) return result;

  const pinned = options.pinned ?? new Map<string, Point>();
  const room = options.labelRoom ?? 16;
  const index = new Map(ordered.map((node, i) => [node.id, i]));
  const radius = Float64Array.from(ordered, (node) => node.radius + room);
  const fixed = Uint8Array.from(ordered, (node) => (pinned.has(node.id) ? 1 : 0));
  const links = edges
    .map((e) => ({ a: index.get(e.source), b: index.get(e.target), s: clamp(e.strength, 0, 1) }))
    .filter(
      (e): e is { a: number; b: number; s: number } => e.a !== undefined && e.b !== undefined && e.a !== e.b,
    )
    // A canonical order makes the floating-point sums, and so the picture, independent of input order.
    .map((e) => (e.a < e.b ? e : { a: e.b, b: e.a, s: e.s }))
    .sort((x, y) => x.a - y.a || x.b - y.b || x.s - y.s);

  const area = radius.reduce((sum, r) => sum + Math.PI * r * r, 0) * (options.spread ?? 4);
  const k = Math.sqrt(area / n);
  const { xs, ys } = initialPositions(ordered, links, pinned, options.hints, k);

  const free = fixed.reduce((count, f) => count + (f ? 0 : 1), 0);
  const iterations = free === 0 ? 0 : (options.iterations ?? defaultIterations(n));
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  const centre = centroid(xs, ys, fixed);
  let temperature = k * 2;
  const cooling = temperature / (iterations + 1);

  for (let it = 0; it < iterations; it++) {
    dx.fill(0);
    dy.fill(0);
    repel(xs, ys, radius, k, dx, dy);
    attract(xs, ys, links, k, dx, dy);
    for (let i = 0; i < n; i++) {
      if (fixed[i]) continue;
      // Gravity keeps separate clusters from drifting apart.
      dx[i]! += (centre.x - xs[i]!) * 0.01 * (k / 10);
      dy[i]! += (centre.y - ys[i]!) * 0.01 * (k / 10);
      const len = Math.hypot(dx[i]!, dy[i]!);
      if (len > 0) {
        const step = Math.min(len, temperature);
        xs[i]! += (dx[i]! / len) * step;
        ys[i]! += (dy[i]! / len) * step;
      }
    }
    temperature -= cooling;
  }
  separate(xs, ys, radius, fixed, 30);

  ordered.forEach((node, i) => {
    result.set(node.id, { x: round(xs[i]!), y: round(ys[i]!) });
  });
  return result;
}

function defaultIterations(n: number): number {
  if (n <= 60) return 400;
  if (n <= 200) return 250;
  return 160;
}

function initialPositions(
  ordered: readonly LayoutNode[],
  links: ReadonlyArray<{ a: number; b: number }>,
  pinned: ReadonlyMap<string, Point>,
  hints: ReadonlyMap<string, Point> | undefined,
  k: number,
): { xs: Float64Array; ys: Float64Array } {
  const n = ordered.length;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const placed = new Uint8Array(n);
  ordered.forEach((node, i) => {
    const at = pinned.get(node.id) ?? hints?.get(node.id);
    if (at) {
      xs[i] = at.x;
      ys[i] = at.y;
      placed[i] = 1;
    }
  });
  const anyPlaced = placed.some((p) => p === 1);
  const neighbours: number[][] = ordered.map(() => []);
  for (const { a, b } of links) {
    neighbours[a]!.push(b);
    neighbours[b]!.push(a);
  }
  let spiral = 0;
  ordered.forEach((node, i) => {
    if (placed[i]) return;
    const near = neighbours[i]!.filter((j) => placed[j]);
    const jitterAngle = hash01(node.id) * Math.PI * 2;
    if (anyPlaced && near.length > 0) {
      const cx = near.reduce((s, j) => s + xs[j]!, 0) / near.length;
      const cy = near.reduce((s, j) => s + ys[j]!, 0) / near.length;
      xs[i] = cx + Math.cos(jitterAngle) * k;
      ys[i] = cy + Math.sin(jitterAngle) * k;
    } else {
      // A phyllotaxis spiral: the heaviest nodes start in the middle.
      const r = k * 0.9 * Math.sqrt(spiral + 0.5);
      const theta = spiral * GOLDEN_ANGLE;
      xs[i] = r * Math.cos(theta) + (anyPlaced ? outerOffset(pinned, k) : 0);
      ys[i] = r * Math.sin(theta);
      spiral++;
    }
    placed[i] = 1;
  });
  return { xs, ys };
}

/** New nodes with no placed neighbour start beside the existing drawing instead of on top of it. */
function outerOffset(pinned: ReadonlyMap<string, Point>, k: number): number {
  let maxX = Number.NEGATIVE_INFINITY;
  for (const p of pinned.values()) maxX = Math.max(maxX, p.x);
  return Number.isFinite(maxX) ? maxX + k * 2 : 0;
}

function repel(
  xs: Float64Array,
  ys: Float64Array,
  radius: Float64Array,
  k: number,
  dx: Float64Array,
  dy: Float64Array,
) {
  const n = xs.length;
  const k2 = k * k;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let ddx = xs[i]! - xs[j]!;
      let ddy = ys[i]! - ys[j]!;
      let d2 = ddx * ddx + ddy * ddy;
      if (d2 < 1e-6) {
        // Coincident points: separate along a direction fixed by their indices.
        const angle = ((i * 7919 + j * 104729) % 360) * (Math.PI / 180);
        ddx = Math.cos(angle) * 0.01;
        ddy = Math.sin(angle) * 0.01;
        d2 = 1e-4;
      }
      const d = Math.sqrt(d2);
      let force = k2 / d;
      const overlap = radius[i]! + radius[j]! - d;
      if (overlap > 0) force += overlap * 4;
      const fx = (ddx / d) * force;
      const fy = (ddy / d) * force;
      dx[i]! += fx;
      dy[i]! += fy;
      dx[j]! -= fx;
      dy[j]! -= fy;
    }
  }
}

function attract(
  xs: Float64Array,
  ys: Float64Array,
  links: ReadonlyArray<{ a: number; b: number; s: number }>,
  k: number,
  dx: Float64Array,
  dy: Float64Array,
) {
  for (const { a, b, s } of links) {
    const ddx = xs[a]! - xs[b]!;
    const ddy = ys[a]! - ys[b]!;
    const d = Math.sqrt(ddx * ddx + ddy * ddy) || 1e-3;
    const force = ((d * d) / k) * (0.02 + 0.98 * s);
    const fx = (ddx / d) * force;
    const fy = (ddy / d) * force;
    dx[a]! -= fx;
    dy[a]! -= fy;
    dx[b]! += fx;
    dy[b]! += fy;
  }
}

/** Final passes that only remove overlaps, so no two circles (and their label room) collide. */
function separate(
  xs: Float64Array,
  ys: Float64Array,
  radius: Float64Array,
  fixed: Uint8Array,
  passes: number,
) {
  const n = xs.length;
  for (let pass = 0; pass < passes; pass++) {
    let moved = false;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const ddx = xs[j]! - xs[i]!;
        const ddy = ys[j]! - ys[i]!;
        const d = Math.sqrt(ddx * ddx + ddy * ddy) || 1e-3;
        const overlap = (radius[i]! + radius[j]!) * 0.8 - d;
        if (overlap <= 0 || (fixed[i] && fixed[j])) continue;
        const share = fixed[i] || fixed[j] ? 1 : 0.5;
        const ux = ddx / d;
        const uy = ddy / d;
        if (!fixed[i]) {
          xs[i]! -= ux * overlap * share;
          ys[i]! -= uy * overlap * share;
        }
        if (!fixed[j]) {
          xs[j]! += ux * overlap * share;
          ys[j]! += uy * overlap * share;
        }
        moved = true;
      }
    }
    if (!moved) return;
  }
}

/** Gravity pulls towards the pinned drawing when there is one, else towards the origin. */
function centroid(xs: Float64Array, ys: Float64Array, fixed: Uint8Array): Point {
  let sx = 0;
  let sy = 0;
  let count = 0;
  for (let i = 0; i < xs.length; i++) {
    if (!fixed[i]) continue;
    sx += xs[i]!;
    sy += ys[i]!;
    count++;
  }
  return count > 0 ? { x: sx / count, y: sy / count } : { x: 0, y: 0 };
}

/** FNV-1a over the id, mapped to [0, 1). */
export function hash01(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) / 0x100000000;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, Number.isFinite(v) ? v : lo));
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
