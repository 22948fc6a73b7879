/** The theme network with labels and groups, as both the GraphQL field and the file exports present it. */
import type { NormalizedFilter } from '../analytics/filter.ts';
import type { AnalyticsIndex, NetworkEdge } from '../analytics/index.ts';
import {
  LINK_DEFAULTS,
  type LinkOptions,
  type SignificantNetwork,
  significantNetwork,
  type ThemeLink,
  type ThemeMetrics,
} from '../analytics/theme-links.ts';
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

/** The significant network as the API presents it: labelled nodes with their metrics, links with p-values. */
export interface LabelledSignificantNetwork extends LabelledNetwork {
  nodes: (LabelledNode & ThemeMetrics)[];
  edges: (ThemeLink & { shared: number })[];
  network: SignificantNetwork;
}

export function labelledNetwork(
  index: AnalyticsIndex,
  filter: NormalizedFilter,
  options: LinkOptions = LINK_DEFAULTS,
): LabelledSignificantNetwork {
  const network = significantNetwork(index, filter, options);
  const catalog = catalogOf(index);
  return {
    // The reviews the weights and links count: national publications only when the filter asks for them.
    caseCount: network.population.reviews,
    nodes: network.nodes.map((n) => {
      const theme = catalog.theme(n.id);
      return { ...n, label: theme.label, group: theme.group };
    }),
    edges: network.edges.map((e) => ({ ...e, shared: e.weight })),
    network,
  };
}
