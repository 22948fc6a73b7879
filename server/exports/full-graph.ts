/**
 * The whole graph behind a filter, as one attributed network for Gephi and networkx: every node kind
 * (reviews, sources, harm types, agencies, themes, learning, recommendations) and every relationship of
 * the model, plus the significant theme co-occurrence links (CO_OCCURS) with each theme's community and
 * centrality as node attributes. Node ids are the API's ('Theme:information-sharing'). Built in one pass
 * over data already read; graphml.ts and gexf.ts write it.
 */
import type { CaseLinkRow, StatementHit } from '../../graph/store.ts';
import type { AnalyticsIndex } from '../analytics/index.ts';
import type { LabelledSignificantNetwork } from '../graphql/network.ts';
import type { ReviewData } from './review-data.ts';

export type AttributeType = 'string' | 'int' | 'double';
export type AttributeValue = string | number | null;

export interface AttributeSpec {
  id: string;
  type: AttributeType;
}

export interface FullNode {
  id: string;
  label: string;
  attributes: Record<string, AttributeValue>;
}

export interface FullEdge {
  source: string;
  target: string;
  /** The relationship type, or CO_OCCURS for a significant theme link. */
  type: string;
  /** Shared reviews for CO_OCCURS, the number of evidencing sentences for other links. */
  weight: number;
  attributes: Record<string, AttributeValue>;
}

export interface FullGraph {
  description: string;
  nodes: FullNode[];
  edges: FullEdge[];
}

/** Every node attribute, declared once so both file formats type them alike (absent = not applicable). */
export const NODE_ATTRIBUTES: AttributeSpec[] = [
  { id: 'kind', type: 'string' },
  { id: 'review_type', type: 'string' },
  { id: 'report_year', type: 'int' },
  { id: 'incident_year', type: 'int' },
  { id: 'outcome', type: 'string' },
  { id: 'age_band', type: 'string' },
  { id: 'partnership', type: 'string' },
  { id: 'group', type: 'string' },
  { id: 'sector', type: 'string' },
  { id: 'reviews', type: 'int' },
  { id: 'degree', type: 'int' },
  { id: 'weighted_degree', type: 'int' },
  { id: 'betweenness', type: 'double' },
  { id: 'pagerank', type: 'double' },
  { id: 'community', type: 'int' },
  { id: 'community_name', type: 'string' },
  { id: 'text', type: 'string' },
  { id: 'source', type: 'string' },
  { id: 'start', type: 'int' },
  { id: 'end', type: 'int' },
  { id: 'publisher', type: 'string' },
  { id: 'published', type: 'string' },
];

export const EDGE_ATTRIBUTES: AttributeSpec[] = [
  { id: 'type', type: 'string' },
  { id: 'quote', type: 'string' },
  { id: 'source_id', type: 'string' },
  { id: 'start', type: 'int' },
  { id: 'end', type: 'int' },
  { id: 'lift', type: 'double' },
  { id: 'p_value', type: 'double' },
];

const KIND: Record<string, string> = {
  CaseReview: 'review',
  Source: 'source',
  HarmType: 'harm_type',
  Agency: 'agency',
  Theme: 'theme',
  Learning: 'learning',
  Recommendation: 'recommendation',
};

const TARGET_LABEL: Record<CaseLinkRow['type'], string> = {
  CONCERNS: 'HarmType',
  INVOLVED: 'Agency',
  HAS_THEME: 'Theme',
};

const CAPTION_LENGTH = 80;

export function buildFullGraph(
  data: ReviewData,
  index: AnalyticsIndex,
  network: LabelledSignificantNetwork,
): FullGraph {
  const nodes = new Map<string, FullNode>();
  const edges: FullEdge[] = [];
  const add = (label: string, key: string, caption: string, attributes: Record<string, AttributeValue>) => {
    const id = `${label}:${key}`;
    if (!nodes.has(id))
      nodes.set(id, { id, label: caption, attributes: { kind: KIND[label] ?? label, ...attributes } });
    return id;
  };
  const taxa = taxonomyNodes(index, network, add);

  const sources = new Map(index.sources.map((s) => [s.id, s]));
  for (const r of data.reviews) {
    const review = add('CaseReview', r.id, r.title, {
      review_type: r.reviewType,
      report_year: r.reportYear,
      incident_year: r.incidentYear,
      outcome: r.outcome,
      age_band: r.ageBand,
      partnership: r.partnership,
    });
    for (const sourceId of data.sourcesOf.get(r.id) ?? []) {
      const source = sources.get(sourceId);
      const target = add('Source', sourceId, source?.title ?? sourceId, {
        publisher: source?.publisher ?? null,
        published: source?.published ?? null,
      });
      edges.push({ source: review, target, type: 'PUBLISHED_IN', weight: 1, attributes: {} });
    }
  }
  edges.push(...collapsedLinks(data.links, (type, id) => taxa(TARGET_LABEL[type], id)));
  statementEdges(data.learning, 'Learning', 'HAS_LEARNING', edges, add, taxa);
  statementEdges(data.recommendations, 'Recommendation', 'MAKES', edges, add, taxa);
  for (const e of network.edges) {
    edges.push({
      source: taxa('Theme', e.source),
      target: taxa('Theme', e.target),
      type: 'CO_OCCURS',
      weight: e.weight,
      attributes: { lift: e.lift, p_value: e.pValue },
    });
  }
  return {
    description:
      `Threadline graph of ${data.reviews.length} reviews; theme attributes and CO_OCCURS links count ` +
      `${network.network.population.reviews} case reviews`,
    nodes: [...nodes.values()],
    edges,
  };
}

type AddNode = (
  label: string,
  key: string,
  caption: string,
  attributes: Record<string, AttributeValue>,
) => string;

/** Harm types, agencies and themes, added when first linked; themes carry their network metrics. */
function taxonomyNodes(index: AnalyticsIndex, network: LabelledSignificantNetwork, add: AddNode) {
  const { harmTypes, agencies, themes } = index.taxonomy;
  const labels = {
    HarmType: new Map(harmTypes.map((t) => [t.id, { label: t.label, attributes: {} }])),
    Agency: new Map(agencies.map((t) => [t.id, { label: t.label, attributes: { sector: t.sector } }])),
    Theme: new Map(themes.map((t) => [t.id, { label: t.label, attributes: { group: t.group } }])),
  } as Record<string, Map<string, { label: string; attributes: Record<string, AttributeValue> }>>;
  const metrics = new Map(network.nodes.map((n) => [n.id, n]));
  const communityName = new Map(network.network.communities.map((c) => [c.id, c.name]));
  const ids = (label: string, id: string) => {
    const known = labels[label]?.get(id);
    const m = label === 'Theme' ? metrics.get(id) : undefined;
    const themeAttributes: Record<string, AttributeValue> =
      label !== 'Theme'
        ? {}
        : {
            reviews: m?.weight ?? 0,
            degree: m?.degree ?? 0,
            weighted_degree: m?.weightedDegree ?? 0,
            betweenness: m?.betweenness ?? 0,
            pagerank: m?.pageRank ?? 0,
            community: m?.community ?? null,
            community_name: m?.community == null ? null : (communityName.get(m.community) ?? null),
          };
    return add(label, id, known?.label ?? id, { ...known?.attributes, ...themeAttributes });
  };
  // Every theme of the network is a node, linked by a review of the export or not.
  for (const n of network.nodes) ids('Theme', n.id);
  return ids;
}

/** One edge per review, type and target: the first evidencing sentence, and how many there are. */
function collapsedLinks(
  links: CaseLinkRow[],
  target: (type: CaseLinkRow['type'], id: string) => string,
): FullEdge[] {
  const out: FullEdge[] = [];
  let last: FullEdge | null = null;
  let lastKey = '';
  for (const l of links) {
    const key = `${l.caseId}\u0000${l.type}\u0000${l.targetId}`;
    if (last && key === lastKey) {
      last.weight++;
      continue;
    }
    last = {
      source: `CaseReview:${l.caseId}`,
      target: target(l.type, l.targetId),
      type: l.type,
      weight: 1,
      attributes: {
        quote: l.evidence.quote,
        source_id: l.evidence.sourceId,
        start: l.evidence.start,
        end: l.evidence.end,
      },
    };
    lastKey = key;
    out.push(last);
  }
  return out;
}

function statementEdges(
  hits: StatementHit[],
  label: 'Learning' | 'Recommendation',
  holds: string,
  edges: FullEdge[],
  add: AddNode,
  taxa: (label: string, id: string) => string,
): void {
  const about = label === 'Learning' ? 'ABOUT' : 'ADDRESSES';
  for (const h of hits) {
    const caption = h.text.length > CAPTION_LENGTH ? `${h.text.slice(0, CAPTION_LENGTH - 1)}…` : h.text;
    const node = add(label, h.id, caption, { text: h.text, source: h.sourceId, start: h.start, end: h.end });
    // The statement is the sentence behind its own links: its node's source, start and end are their
    // evidence, so the edges do not repeat them (at 10k reviews that is a tenth of the file).
    edges.push({ source: `CaseReview:${h.caseId}`, target: node, type: holds, weight: 1, attributes: {} });
    for (const t of h.themes)
      edges.push({ source: node, target: taxa('Theme', t), type: about, weight: 1, attributes: {} });
    for (const a of h.agencies)
      edges.push({ source: node, target: taxa('Agency', a), type: 'TARGETS', weight: 1, attributes: {} });
  }
}
