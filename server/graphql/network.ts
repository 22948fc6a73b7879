/** The theme network with labels and groups, as both the GraphQL field and the file exports present it. */
import type { NormalizedFilter } from '../analytics/filter.ts';
import type { AnalyticsIndex, NetworkEdge } from '../analytics/index.ts';
import { catalogOf } from './catalog.ts';

export interface LabelledNode {
  id: string;
  label: string;
  group: string | null;
  weight: number;
}

export interface LabelledNetwork {
  nodes: LabelledNode[];
  edges: NetworkEdge[];
  caseCount: number;
}

export function labelledNetwork(
  index: AnalyticsIndex,
  filter: NormalizedFilter,
  minShared: number,
): LabelledNetwork {
  const network = index.themeNetwork(filter, minShared);
  const catalog = catalogOf(index);
  return {
    caseCount: network.caseCount,
    nodes: network.nodes.map((n) => {
      const theme = catalog.theme(n.id);
      return { id: n.id, label: theme.label, group: theme.group, weight: n.weight };
    }),
    edges: network.edges,
  };
}
