/**
 * Pure mapping from the theme network to what is drawn: communities as coloured regions, circle sizes by
 * the chosen measure, label sizes and priorities, link widths, bridging themes and the step order.
 */
import type { AnalyticEdge, AnalyticNetwork, AnalyticNode } from '../api/network-queries.ts';
import type { ThemeEdge, ThemeNode } from '../api/types.ts';
import type { SizeBy, Weighting } from '../state/view-state.ts';
import { UNLINKED } from './community-layout.ts';

export interface MapNode {
  id: string;
  label: string;
  group: string | null;
  /** Reviews with the theme. */
  weight: number;
  /** Links on the map. */
  degree: number;
  weightedDegree: number;
  betweenness: number;
  pageRank: number;
  /** The region the theme is drawn in (UNLINKED for themes with no link in the whole collection). */
  region: number;
  regionName: string;
  /** The value of the size measure, and its share of the largest on the map (0..1). */
  measure: number;
  size: number;
  fontSize: number;
  colour: string;
  /** Links themes of several communities and lies on many shortest paths. */
  bridge: boolean;
}

export interface MapEdge {
  id: string;
  source: string;
  target: string;
  weight: number;
  lift: number;
  pValue: number;
  width: number;
  opacity: number;
}

export interface MapRegion {
  id: number;
  name: string;
  colour: string;
}

export interface MapModel {
  nodes: MapNode[];
  edges: MapEdge[];
  regions: MapRegion[];
}

export const EMPTY_MODEL: MapModel = { nodes: [], edges: [], regions: [] };

/** The communities of the whole collection: they fix each theme's region and colour whatever the filter. */
export interface Regions {
  of: ReadonlyMap<string, number>;
  names: ReadonlyMap<number, string>;
  colours: ReadonlyMap<number, string>;
}

const MIN_SIZE = 22;
const MAX_SIZE = 84;

export interface ModelOptions {
  weighting: Weighting;
  sizeBy: SizeBy;
  regions: Regions;
  /** Themes and links counted in fewer reviews are left out (room-safe's small counts). */
  floor: number;
  /** Multiplies label sizes (presentation uses large labels). */
  labelScale: number;
}

export const MEASURE_LABELS: Readonly<Record<SizeBy, string>> = {
  reviews: 'reviews with the theme',
  weightedDegree: 'weighted degree (shared reviews over its links)',
  betweenness: 'betweenness (how often it lies between other themes)',
  pageRank: 'PageRank (centrality in the network)',
};

export function measureOf(node: AnalyticNode, sizeBy: SizeBy): number {
  switch (sizeBy) {
    case 'weightedDegree':
      return node.weightedDegree;
    case 'betweenness':
      return node.betweenness;
    case 'pageRank':
      return node.pageRank;
    default:
      return node.weight;
  }
}

export function buildMapModel(network: AnalyticNetwork, options: ModelOptions): MapModel {
  const nodesShown = network.nodes.filter((n) => n.weight >= options.floor);
  const shown = new Set(nodesShown.map((n) => n.id));
  const edges = network.edges.filter(
    (e) => e.weight >= options.floor && e.source !== e.target && shown.has(e.source) && shown.has(e.target),
  );
  const maxShared = Math.max(1, ...edges.map((e) => e.weight));
  const maxLift = Math.max(1, ...edges.map((e) => e.lift));
  // Thousands of faint links read as texture; the fewer the links per theme, the more each may show.
  const density = edges.length / Math.max(1, nodesShown.length);
  const baseOpacity = density > 12 ? 0.05 : density > 4 ? 0.12 : 0.25;
  const degree = new Map<string, number>();
  for (const e of edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  const maxMeasure = Math.max(Number.MIN_VALUE, ...nodesShown.map((n) => measureOf(n, options.sizeBy)));
  const bridges = bridgingThemes(nodesShown, edges, options.regions.of);
  const nodes = nodesShown.map((n): MapNode => {
    const region = options.regions.of.get(n.id) ?? UNLINKED;
    const measure = measureOf(n, options.sizeBy);
    const share = Math.max(0, measure) / maxMeasure;
    return {
      id: n.id,
      label: n.label,
      group: n.group,
      weight: n.weight,
      degree: degree.get(n.id) ?? 0,
      weightedDegree: n.weightedDegree,
      betweenness: n.betweenness,
      pageRank: n.pageRank,
      region,
      regionName: options.regions.names.get(region) ?? NOT_LINKED,
      measure,
      size: nodeSize(share),
      fontSize: labelSize(share) * options.labelScale,
      colour: options.regions.colours.get(region) ?? NO_COMMUNITY_COLOUR,
      bridge: bridges.has(n.id),
    };
  });
  const regionsShown = new Set(nodes.map((n) => n.region));
  return {
    nodes,
    edges: edges.map((e) => mapEdge(e, options.weighting, maxShared, maxLift, baseOpacity)),
    regions: [...regionsShown]
      .sort((a, b) => (a === UNLINKED ? 1 : b === UNLINKED ? -1 : a - b))
      .map((id) => ({
        id,
        name: options.regions.names.get(id) ?? NOT_LINKED,
        colour: options.regions.colours.get(id) ?? NO_COMMUNITY_COLOUR,
      })),
  };
}

export const NOT_LINKED = 'Themes without a significant link';
export const NO_COMMUNITY_COLOUR = '#8a949c';

function mapEdge(
  e: AnalyticEdge,
  weighting: Weighting,
  maxShared: number,
  maxLift: number,
  baseOpacity: number,
): MapEdge {
  const strength = edgeStrength(e, weighting, maxShared, maxLift);
  return {
    id: linkId(e.source, e.target),
    source: e.source,
    target: e.target,
    weight: e.weight,
    lift: e.lift,
    pValue: e.pValue,
    width: 1 + strength * 7,
    opacity: Math.min(0.9, baseOpacity + strength ** 1.5 * 0.7),
  };
}

/**
 * Bridging themes: linked to themes of another community and among the highest betweenness
 * on the map (the top tenth, at least three), so the themes that join otherwise separate clusters.
 */
export function bridgingThemes(
  nodes: readonly AnalyticNode[],
  edges: readonly ThemeEdge[],
  communityOf: ReadonlyMap<string, number>,
): Set<string> {
  const others = new Map<string, Set<number>>();
  const note = (a: string, b: string) => {
    const ca = communityOf.get(a);
    const cb = communityOf.get(b);
    if (ca === undefined || cb === undefined || ca === cb) return;
    others.set(a, (others.get(a) ?? new Set()).add(cb));
  };
  for (const e of edges) {
    note(e.source, e.target);
    note(e.target, e.source);
  }
  const candidates = nodes
    .filter((n) => n.betweenness > 0 && (others.get(n.id)?.size ?? 0) >= 1)
    .sort((a, b) => b.betweenness - a.betweenness || (a.id < b.id ? -1 : 1));
  const keep = Math.max(3, Math.ceil(nodes.length / 10));
  return new Set(candidates.slice(0, keep).map((n) => n.id));
}

/** Node diameter by area: the square root keeps big themes from swamping the map. */
export function nodeSize(share: number): number {
  return Math.round(MIN_SIZE + Math.sqrt(Math.min(1, Math.max(0, share))) * (MAX_SIZE - MIN_SIZE));
}

/** More important themes get larger labels (and are labelled first). */
export function labelSize(share: number): number {
  return Math.round((13 + Math.sqrt(Math.min(1, Math.max(0, share))) * 7) * 10) / 10;
}

/** 0..1 for edge width and opacity: shared reviews, or lift on a log scale (lift 1 = chance = 0). */
export function edgeStrength(
  edge: ThemeEdge,
  weighting: Weighting,
  maxShared: number,
  maxLift: number,
): number {
  if (weighting === 'lift') {
    if (edge.lift <= 1 || maxLift <= 1) return 0;
    return Math.min(1, Math.log(edge.lift) / Math.log(maxLift));
  }
  return Math.sqrt(edge.weight / Math.max(1, maxShared));
}

/** A link's id does not depend on which end the server calls the source. */
export function linkId(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** Themes in the order presentation steps through them: heaviest first, ties by label. */
export function stepOrder(nodes: readonly Pick<ThemeNode, 'id' | 'label' | 'weight'>[]): string[] {
  return [...nodes]
    .sort((a, b) => b.weight - a.weight || a.label.localeCompare(b.label) || (a.id < b.id ? -1 : 1))
    .map((n) => n.id);
}

/**
 * Association strength for "strongest related themes": significant links first (smaller p), then the
 * larger lift, then more shared reviews. Raw counts alone would rank the commonest themes first.
 */
export function byAssociation(a: AnalyticEdge, b: AnalyticEdge, maxP = 0.05): number {
  const sa = a.pValue <= maxP ? 0 : 1;
  const sb = b.pValue <= maxP ? 0 : 1;
  return sa - sb || b.lift - a.lift || a.pValue - b.pValue || b.weight - a.weight;
}
