/**
 * The theme map's geography: positions cached by theme id. The whole collection is laid out once; a theme
 * met later (new documents, a theme only a filter reveals) is placed around the themes already fixed, so
 * no filter or weighting change ever moves a theme.
 */
import type { ThemeNetwork } from '../api/types.ts';
import { forceLayout, type Point } from './layout.ts';
import { labelSize, layoutEdges, nodeSize } from './map-model.ts';

export class Geography {
  private readonly positions = new Map<string, Point>();

  /** Returns positions for every node of the network, computing only the ones not yet known. */
  place(network: ThemeNetwork): ReadonlyMap<string, Point> {
    const missing = network.nodes.filter((n) => !this.positions.has(n.id));
    if (missing.length === 0) return this.positions;
    const maxWeight = Math.max(1, ...network.nodes.map((n) => n.weight));
    // Labels are wider than circles: a theme claims room for its (wrapped) label as well.
    const nodes = network.nodes.map((n) => ({
      id: n.id,
      radius: Math.max(
        nodeSize(n.weight, maxWeight) / 2,
        labelExtent(n.label, labelSize(n.weight, maxWeight)) / 2,
      ),
    }));
    const present = new Set(network.nodes.map((n) => n.id));
    const pinned = new Map([...this.positions].filter(([id]) => present.has(id)));
    const placed = forceLayout(nodes, layoutEdges(network), {
      pinned,
      labelRoom: 10,
      spread: 2.5,
      aspect: 1.8,
    });
    for (const n of missing) {
      const at = placed.get(n.id);
      if (at) this.positions.set(n.id, at);
    }
    return this.positions;
  }

  has(id: string): boolean {
    return this.positions.has(id);
  }

  clear(): void {
    this.positions.clear();
  }
}

/** Width a label takes, wrapped at LABEL_WIDTH_EMS of its font size (see theme-map.ts). */
export function labelExtent(label: string, fontSize: number): number {
  return Math.min(label.length * 0.56 * fontSize, fontSize * LABEL_WIDTH_EMS) * 0.8;
}

export const LABEL_WIDTH_EMS = 8;
