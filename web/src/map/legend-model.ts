/** Legend entries for the theme map and the case graph, shared by the screen and the exports. */

import type { NodeKind } from '../api/types.ts';
import { KIND_ORDER, KINDS } from '../case-graph/kinds.ts';
import type { LegendEntry } from '../export/scene.ts';
import type { Weighting } from '../state/view-state.ts';
import { groupName, UNGROUPED } from './palette.ts';

export interface LegendModel {
  title: string;
  entries: LegendEntry[];
  notes: string[];
}

/** Only the groups that have a theme on the map, in palette order. */
export function themeLegend(
  colours: ReadonlyMap<string, string>,
  groupsShown: ReadonlySet<string | null>,
  weighting: Weighting,
): LegendModel {
  return {
    title: 'Theme groups',
    entries: [...colours]
      .filter(([group]) => groupsShown.has(group) || (group === UNGROUPED && groupsShown.has(null)))
      .map(([label, fill]) => ({ label: groupName(label), fill, shape: 'ellipse' })),
    notes: [
      'Circle size: reviews with the theme',
      weighting === 'lift' ? 'Line width: lift over chance' : 'Line width: reviews sharing both',
    ],
  };
}

export function kindLegend(kinds: ReadonlySet<NodeKind>, note: string): LegendModel {
  return {
    title: 'Kinds of node',
    entries: KIND_ORDER.filter((k) => kinds.has(k)).map((k) => ({
      label: KINDS[k].plural,
      fill: KINDS[k].colour,
      shape: KINDS[k].shape,
    })),
    notes: [note],
  };
}
