/** Pure mapping from the theme network to what is drawn: sizes, label sizes, edge widths, step order. */
import type { ThemeEdge, ThemeNetwork, ThemeNode } from '../api/types.ts';
import type { Weighting } from '../state/view-state.ts';
import { colourOf } from './palette.ts';

export interface MapNode {
  id: string;
  label: string;
  group: string | null;
  weight: number;
  degree: number;
  size: number;
  fontSize: number;
  colour: string;
}

export interface MapEdge {
  id: string;
  source: string;
  target: string;
  weight: number;
  lift: number;
  width: number;
  opacity: number;
}

export interface MapModel {
  nodes: MapNode[];
  edges: MapEdge[];
}

const MIN_SIZE = 22;
const MAX_SIZE = 84;

export interface ModelOptions {
  weighting: Weighting;
  colours: ReadonlyMap<string, string>;
  /** Links with fewer shared reviews are left out (presentation's "hide small counts"). */
  hideLinksBelow: number;
  /** Multiplies label sizes (presentation uses large labels). */
  labelScale: number;
  /**
   * Weights that size the labels: those of the whole collection, so a label keeps its size whatever the
   * filter (circles follow the filtered counts). Defaults to the network's own weights.
   */
  labelWeights?: ReadonlyMap<string, number>;
}

export function buildMapModel(network: ThemeNetwork, options: ModelOptions): MapModel {
  const maxWeight = Math.max(1, ...network.nodes.map((n) => n.weight));
  const labelWeight = (n: ThemeNode) => options.labelWeights?.get(n.id) ?? n.weight;
  const maxLabelWeight = options.labelWeights ? Math.max(1, ...options.labelWeights.values()) : maxWeight;
  const edges = network.edges.filter((e) => e.weight >= options.hideLinksBelow && e.source !== e.target);
  const maxShared = Math.max(1, ...edges.map((e) => e.weight));
  const maxLift = Math.max(1, ...edges.map((e) => e.lift));
  // Thousands of faint links read as texture; the fewer the links per theme, the more each may show.
  const density = edges.length / Math.max(1, network.nodes.length);
  const baseOpacity = density > 12 ? 0.03 : density > 4 ? 0.08 : 0.18;
  const degree = new Map<string, number>();
  for (const e of edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  return {
    nodes: network.nodes.map((n) => ({
      id: n.id,
      label: n.label,
      group: n.group,
      weight: n.weight,
      degree: degree.get(n.id) ?? 0,
      size: nodeSize(n.weight, maxWeight),
      fontSize: labelSize(labelWeight(n), maxLabelWeight) * options.labelScale,
      colour: colourOf(options.colours, n.group),
    })),
    edges: edges.map((e) => {
      const strength = edgeStrength(e, options.weighting, maxShared, maxLift);
      return {
        id: linkId(e.source, e.target),
        source: e.source,
        target: e.target,
        weight: e.weight,
        lift: e.lift,
        width: 0.6 + strength * 8,
        opacity: Math.min(0.9, baseOpacity + strength ** 1.5 * 0.75),
      };
    }),
  };
}

/** Node diameter by area: the square root keeps big themes from swamping the map. */
export function nodeSize(weight: number, maxWeight: number): number {
  const share = Math.sqrt(Math.max(0, weight) / Math.max(1, maxWeight));
  return Math.round(MIN_SIZE + share * (MAX_SIZE - MIN_SIZE));
}

/** Heavier themes get larger labels, so when zoomed out the minor labels drop away first. */
export function labelSize(weight: number, maxWeight: number): number {
  const share = Math.max(0, weight) / Math.max(1, maxWeight);
  return Math.round(12 + share * 10);
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
 * Layout strengths come from the whole collection, so the geography never depends on the filter. Cosine
 * similarity (shared / sqrt(weightA * weightB)) rather than raw counts keeps the big themes from all
 * collapsing into the middle; squaring it lets distinctive pairs form visible neighbourhoods.
 */
export function layoutEdges(
  network: ThemeNetwork,
): Array<{ source: string; target: string; strength: number }> {
  const weight = new Map(network.nodes.map((n) => [n.id, Math.max(1, n.weight)]));
  return network.edges.map((e) => {
    const cosine = e.weight / Math.sqrt((weight.get(e.source) ?? 1) * (weight.get(e.target) ?? 1));
    return { source: e.source, target: e.target, strength: Math.min(1, cosine) ** 2 };
  });
}
