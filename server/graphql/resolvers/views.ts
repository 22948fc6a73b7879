/** The object shapes resolvers hand to one another (parents of the GraphQL types). */
import type { CaseReviewRecord, Evidence } from '../../../graph/records.ts';
import type {
  CaseDetail,
  GraphEdge,
  GraphNode,
  LinkedEntity,
  NodeRef,
  StatementHit,
} from '../../../graph/store.ts';
import { nodeId } from '../node-id.ts';

/** A CaseReview parent: the record, plus the detail when the request already read it. */
export type CaseParent = CaseReviewRecord & { detail?: CaseDetail };

/** A Learning or Recommendation parent, whichever store call it came from. */
export interface StatementParent {
  id: string;
  text: string;
  sourceId: string;
  start: number;
  end: number;
  caseId: string;
  themes: LinkedEntity[];
  agencies: LinkedEntity[];
}

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Connection<T> {
  totalCount: number;
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
}

export function connection<T>(
  items: T[],
  cursors: string[],
  totalCount: number,
  hasNextPage: boolean,
  hasPreviousPage: boolean,
): Connection<T> {
  return {
    totalCount,
    edges: items.map((node, i) => ({ cursor: cursors[i] ?? '', node })),
    pageInfo: {
      hasNextPage,
      hasPreviousPage,
      startCursor: cursors[0] ?? null,
      endCursor: cursors[cursors.length - 1] ?? null,
    },
  };
}

export function emptyConnection<T>(): Connection<T> {
  return connection<T>([], [], 0, false, false);
}

/**
 * store.statements() returns theme and agency ids only; the statement itself is the sentence behind those
 * links, so it stands as their evidence.
 */
export function statementFromHit(
  hit: StatementHit,
  label: (kind: 'themes' | 'agencies', id: string) => string,
): StatementParent {
  const evidence: Evidence = { sourceId: hit.sourceId, quote: hit.text, start: hit.start, end: hit.end };
  return {
    id: hit.id,
    text: hit.text,
    sourceId: hit.sourceId,
    start: hit.start,
    end: hit.end,
    caseId: hit.caseId,
    themes: hit.themes.map((id) => ({ id, label: label('themes', id), evidence })),
    agencies: hit.agencies.map((id) => ({ id, label: label('agencies', id), evidence })),
  };
}

export interface GraphNodeView {
  id: string;
  kind: string;
  key: string;
  caption: string;
  /** The node it shows, for GraphNode.node. */
  ref: NodeRef;
}

/** A SearchHit parent: what the API shows of a hit, and the node it names for SearchHit.node. */
export interface SearchHitView {
  kind: string;
  id: string;
  key: string;
  caption: string;
  caseId: string | null;
  ref: NodeRef;
}

export function graphNodeView(node: GraphNode): GraphNodeView {
  return {
    id: nodeId(node),
    kind: node.label,
    key: node.id,
    caption: node.caption,
    ref: { label: node.label, id: node.id },
  };
}

export function graphEdgeView(edge: GraphEdge): { source: string; target: string; type: string } {
  return { source: nodeId(edge.source), target: nodeId(edge.target), type: edge.type };
}
