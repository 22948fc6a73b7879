/**
 * The theme map's geography: the communities and positions of the whole collection (the unfiltered
 * significant network), computed once. Filters, link levels, size measures and room-safe only choose what
 * is drawn; no theme ever moves because of them, and each keeps its community's region and colour.
 */
import type { AnalyticNetwork } from '../api/network-queries.ts';
import { communityLayout, UNLINKED } from './community-layout.ts';
import type { Point } from './layout.ts';
import { labelSize, NOT_LINKED, nodeSize } from './map-model.ts';

export interface RegionNames {
  of: ReadonlyMap<string, number>;
  names: ReadonlyMap<number, string>;
}

export class Geography {
  private positions = new Map<string, Point>();
  private signature = '';
  regions: RegionNames = { of: new Map(), names: new Map() };

  /** Lays out the whole collection, unless this same network was laid out already. */
  place(base: AnalyticNetwork): ReadonlyMap<string, Point> {
    const signature = networkSignature(base);
    if (signature === this.signature) return this.positions;
    this.signature = signature;
    const maxWeight = Math.max(1, ...base.nodes.map((n) => n.weight));
    const of = new Map(base.nodes.map((n) => [n.id, n.community ?? UNLINKED]));
    const names = new Map<number, string>(base.communities.map((c) => [c.id, c.name]));
    names.set(UNLINKED, NOT_LINKED);
    this.regions = { of, names };
    const layout = communityLayout(
      base.nodes.map((n) => {
        const share = n.weight / maxWeight;
        return {
          id: n.id,
          community: n.community,
          weight: n.weight,
          circle: nodeSize(share),
          // Labels are wider than circles: a theme claims part of its label's room as well (labels that
          // still do not fit show when zoomed in).
          radius: Math.max(nodeSize(share) / 2, labelExtent(n.label, labelSize(share)) * 0.2) + 6,
        };
      }),
      base.edges,
    );
    this.positions = layout.positions;
    return this.positions;
  }

  /** Positions for a network drawn now: themes of the whole collection keep theirs. */
  at(id: string): Point | undefined {
    return this.positions.get(id);
  }

  get all(): ReadonlyMap<string, Point> {
    return this.positions;
  }
}

function networkSignature(n: AnalyticNetwork): string {
  const nodes = n.nodes.map((x) => `${x.id}:${x.weight}:${x.community ?? ''}`).sort();
  return `${nodes.join(',')}#${n.edges.length}`;
}

/** Width a label takes, wrapped at LABEL_WIDTH_EMS of its font size (see theme-map.ts). */
export function labelExtent(label: string, fontSize: number): number {
  return Math.min(label.length * 0.56 * fontSize, fontSize * LABEL_WIDTH_EMS);
}

export const LABEL_WIDTH_EMS = 10;
