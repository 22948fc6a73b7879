/**
 * The theme map's geography, community by community: each community is laid out on its own with
 * ForceAtlas2 (graphology-layout-forceatlas2) and cleared of overlaps with Noverlap, then the communities
 * are placed as whole regions (ForceAtlas2 on the community graph, then boxes pushed apart) so no two
 * regions overlap. Themes without a link sit in their own region, heaviest first. Deterministic: the
 * starting positions come from the sorted input, never from Math.random, so the same data gives the same
 * picture whatever order it arrives in.
 */
import GraphModule from 'graphology';
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import noverlapModule from 'graphology-layout-noverlap';
import type { Point } from './layout.ts';

/** CommonJS packages seen from an ES module: the value is module.exports, typed as its default export. */
function cjsDefault<T>(m: { default: T }): T {
  return (m as { default?: T }).default ?? (m as unknown as T);
}
const Graph = cjsDefault(GraphModule);
const forceAtlas2 = cjsDefault(forceAtlas2Module);
const noverlap = cjsDefault(noverlapModule);

export interface PlacedTheme {
  id: string;
  /** Community id, or null for a theme with no link. */
  community: number | null;
  /** Half the room the theme needs: its circle, widened for its label. */
  radius: number;
  /** The circle's diameter alone. */
  circle: number;
  /** Orders themes inside a region (heavier first) and breaks ties. */
  weight: number;
}

export interface PlacedLink {
  source: string;
  target: string;
  weight: number;
}

export interface RegionLayout {
  positions: Map<string, Point>;
  /** Region boxes by community id (-1 for the themes without a link), in model coordinates. */
  regions: Map<number, { x1: number; y1: number; x2: number; y2: number }>;
}

/** The community id of the region holding themes with no link. */
export const UNLINKED = -1;

const REGION_GAP = 40;
const REGION_PADDING = 24;

export function communityLayout(themes: readonly PlacedTheme[], links: readonly PlacedLink[]): RegionLayout {
  const groups = new Map<number, PlacedTheme[]>();
  for (const t of [...themes].sort(byWeight)) {
    const key = t.community ?? UNLINKED;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  const local = new Map<number, Map<string, Point>>();
  for (const [key, members] of groups) {
    local.set(
      key,
      key === UNLINKED ? gridLayout(members) : regionLayout(members, linksWithin(links, members)),
    );
  }
  const boxes = new Map<number, { w: number; h: number }>();
  for (const [key, points] of local) boxes.set(key, extent(points, groups.get(key) ?? []));
  const centres = placeRegions(boxes, interRegionWeights(themes, links));
  const positions = new Map<string, Point>();
  const regions: RegionLayout['regions'] = new Map();
  for (const [key, points] of local) {
    const c = centres.get(key) ?? { x: 0, y: 0 };
    const box = boxes.get(key) ?? { w: 0, h: 0 };
    regions.set(key, { x1: c.x - box.w / 2, y1: c.y - box.h / 2, x2: c.x + box.w / 2, y2: c.y + box.h / 2 });
    for (const [id, p] of points) positions.set(id, { x: round(c.x + p.x), y: round(c.y + p.y) });
  }
  return { positions, regions };
}

function byWeight(a: PlacedTheme, b: PlacedTheme): number {
  return b.weight - a.weight || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function linksWithin(links: readonly PlacedLink[], members: readonly PlacedTheme[]): PlacedLink[] {
  const inside = new Set(members.map((m) => m.id));
  return links
    .filter((l) => inside.has(l.source) && inside.has(l.target) && l.source !== l.target)
    .sort((a, b) => (a.source + a.target < b.source + b.target ? -1 : 1));
}

/** ForceAtlas2 from a circle of the members (heaviest first), then Noverlap; centred on the origin. */
function regionLayout(members: readonly PlacedTheme[], links: readonly PlacedLink[]): Map<string, Point> {
  if (members.length === 1) return new Map([[members[0]!.id, { x: 0, y: 0 }]]);
  const graph = new Graph({ type: 'undirected' });
  const spread = Math.max(...members.map((m) => m.radius)) * Math.sqrt(members.length) * 1.2;
  members.forEach((m, i) => {
    const angle = (2 * Math.PI * i) / members.length;
    graph.addNode(m.id, { x: Math.cos(angle) * spread, y: Math.sin(angle) * spread, size: m.radius });
  });
  for (const l of links) if (!graph.hasEdge(l.source, l.target)) graph.addEdge(l.source, l.target, l);
  forceAtlas2.assign(graph, {
    iterations: 150,
    getEdgeWeight: 'weight',
    settings: { gravity: 1, scalingRatio: 10, adjustSizes: false, barnesHutOptimize: members.length > 200 },
  });
  noverlap.assign(graph, { maxIterations: 200, settings: { margin: 6, ratio: 1, expansion: 1.05 } });
  const points = new Map<string, Point>();
  graph.forEachNode((id, a) => points.set(id, { x: a.x as number, y: a.y as number }));
  return centred(points);
}

/**
 * Themes without a link: close rows, heaviest first, about twice as tall as wide. They are the
 * least connected themes, labelled when zoomed in, on hover or in the list.
 */
function gridLayout(members: readonly PlacedTheme[]): Map<string, Point> {
  const cell = Math.max(...members.map((m) => m.circle)) + 8;
  const columns = Math.max(1, Math.ceil(Math.sqrt(members.length / 2)));
  const points = new Map<string, Point>();
  members.forEach((m, i) => {
    points.set(m.id, { x: (i % columns) * cell, y: Math.floor(i / columns) * cell * 0.8 });
  });
  return centred(points);
}

function centred(points: Map<string, Point>): Map<string, Point> {
  let x1 = Number.POSITIVE_INFINITY;
  let y1 = Number.POSITIVE_INFINITY;
  let x2 = Number.NEGATIVE_INFINITY;
  let y2 = Number.NEGATIVE_INFINITY;
  for (const p of points.values()) {
    x1 = Math.min(x1, p.x);
    x2 = Math.max(x2, p.x);
    y1 = Math.min(y1, p.y);
    y2 = Math.max(y2, p.y);
  }
  const cx = (x1 + x2) / 2;
  const cy = (y1 + y2) / 2;
  return new Map([...points].map(([id, p]) => [id, { x: p.x - cx, y: p.y - cy }]));
}

function extent(
  points: ReadonlyMap<string, Point>,
  members: readonly PlacedTheme[],
): { w: number; h: number } {
  let w = 0;
  let h = 0;
  for (const m of members) {
    const p = points.get(m.id);
    if (!p) continue;
    w = Math.max(w, Math.abs(p.x) + m.radius);
    h = Math.max(h, Math.abs(p.y) + m.radius);
  }
  return { w: 2 * (w + REGION_PADDING), h: 2 * (h + REGION_PADDING) };
}

/** Links between regions, summed: regions that share links are drawn near each other. */
function interRegionWeights(
  themes: readonly PlacedTheme[],
  links: readonly PlacedLink[],
): Map<string, number> {
  const community = new Map(themes.map((t) => [t.id, t.community ?? UNLINKED]));
  const weights = new Map<string, number>();
  for (const l of links) {
    const a = community.get(l.source);
    const b = community.get(l.target);
    if (a === undefined || b === undefined || a === b) continue;
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    weights.set(key, (weights.get(key) ?? 0) + l.weight);
  }
  return weights;
}

/**
 * Regions as nodes: ForceAtlas2 from a spiral (largest in the middle), with the themes without a link
 * kept below the rest; then boxes pushed apart until none overlaps another (with a gap for region names).
 */
function placeRegions(
  boxes: ReadonlyMap<number, { w: number; h: number }>,
  weights: ReadonlyMap<string, number>,
): Map<number, Point> {
  const keys = [...boxes.keys()]
    .filter((k) => k !== UNLINKED)
    .sort((a, b) => area(boxes, b) - area(boxes, a) || a - b);
  const graph = new Graph({ type: 'undirected' });
  const unit = Math.sqrt([...boxes.values()].reduce((s, b) => s + b.w * b.h, 0) / Math.max(1, boxes.size));
  keys.forEach((k, i) => {
    const r = unit * 0.9 * Math.sqrt(i + 0.5);
    const theta = i * Math.PI * (3 - Math.sqrt(5));
    const b = boxes.get(k)!;
    graph.addNode(String(k), {
      x: r * Math.cos(theta) * 1.6,
      y: r * Math.sin(theta),
      size: Math.hypot(b.w, b.h) / 2,
    });
  });
  for (const [key, weight] of [...weights].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [a, b] = key.split('|');
    if (a && b && graph.hasNode(a) && graph.hasNode(b)) graph.addEdge(a, b, { weight });
  }
  if (keys.length > 1)
    forceAtlas2.assign(graph, {
      iterations: 100,
      getEdgeWeight: 'weight',
      settings: { gravity: 2, scalingRatio: 2, adjustSizes: false },
    });
  const rects = keys.map((k) => {
    const a = graph.getNodeAttributes(String(k));
    const b = boxes.get(k)!;
    return { key: k, x: a.x as number, y: a.y as number, w: b.w + REGION_GAP, h: b.h + REGION_GAP };
  });
  // ForceAtlas2 says which regions are neighbours, not how far apart: draw them in until neighbours
  // would touch (wider than tall, like a screen), then push apart exactly as far as their boxes need.
  const scale = compaction(rects);
  for (const r of rects) {
    r.x *= scale * 2.4;
    r.y *= scale;
  }
  separateBoxes(rects);
  const centres = new Map(rects.map((r) => [r.key, { x: r.x, y: r.y }]));
  const unlinked = boxes.get(UNLINKED);
  if (unlinked) {
    // Beside the linked map, on the right: screens are wider than tall.
    const top = Math.min(0, ...rects.map((r) => r.y - r.h / 2));
    const right = Math.max(0, ...rects.map((r) => r.x + r.w / 2));
    centres.set(
      UNLINKED,
      rects.length ? { x: right + unlinked.w / 2 + REGION_GAP / 2, y: top + unlinked.h / 2 } : { x: 0, y: 0 },
    );
  }
  return centres;
}

/** The factor bringing each region's nearest neighbour to about the size of the regions. */
function compaction(rects: ReadonlyArray<{ x: number; y: number; w: number; h: number }>): number {
  if (rects.length < 2) return 1;
  const nearest = rects.map((a, i) =>
    Math.min(...rects.filter((_, j) => j !== i).map((b) => Math.hypot(a.x - b.x, a.y - b.y))),
  );
  const typical = rects.reduce((s, r) => s + (r.w + r.h) / 2, 0) / rects.length;
  const distance = nearest.reduce((s, d) => s + d, 0) / nearest.length;
  return distance > 0 ? typical / distance : 1;
}

function area(boxes: ReadonlyMap<number, { w: number; h: number }>, key: number): number {
  const b = boxes.get(key);
  return b ? b.w * b.h : 0;
}

/** Pushes overlapping boxes apart along the axis that needs the smaller move, until none overlap. */
export function separateBoxes(rects: Array<{ x: number; y: number; w: number; h: number }>): void {
  for (let pass = 0; pass < 400; pass++) {
    let moved = false;
    for (let i = 0; i < rects.length; i++) {
      for (let j = i + 1; j < rects.length; j++) {
        const a = rects[i]!;
        const b = rects[j]!;
        const ox = (a.w + b.w) / 2 - Math.abs(a.x - b.x);
        const oy = (a.h + b.h) / 2 - Math.abs(a.y - b.y);
        if (ox <= 0 || oy <= 0) continue;
        moved = true;
        if (ox < oy) {
          const s = (a.x <= b.x ? -1 : 1) * (ox / 2 + 0.5);
          a.x += s;
          b.x -= s;
        } else {
          const s = (a.y <= b.y ? -1 : 1) * (oy / 2 + 0.5);
          a.y += s;
          b.y -= s;
        }
      }
    }
    if (!moved) return;
  }
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
