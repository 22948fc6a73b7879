/**
 * Finding a node by its plain id, across the kinds of node, and reading it as its GraphQL type (the Node
 * interface and node(id)). Taxonomy entries, case reviews and sources are looked up in the request's
 * analytics index; learning statements and recommendations in the listings read beside it.
 */

import type { NodeLabel } from '../../graph/schema/model.ts';
import type { NodeRef, StatementHit } from '../../graph/store.ts';
import { learningListing, recommendationBook } from '../analytics/recommendations/load.ts';
import { catalogOf } from './catalog.ts';
import type { RequestContext } from './context.ts';
import type { ResolversParentTypes } from './generated/resolvers.ts';
import type { NodeLocator } from './node-id.ts';
import { statementFromHit } from './resolvers/views.ts';

/** Every kind of node, in the order an ambiguity is reported. */
export const ALL_NODE_LABELS: readonly NodeLabel[] = [
  'CaseReview',
  'Theme',
  'HarmType',
  'Agency',
  'Learning',
  'Recommendation',
  'Source',
];

/** The GraphQL object type of each kind of node (the Node interface resolves to it). */
const TYPE_NAMES: Record<NodeLabel, NodeLabel> = {
  CaseReview: 'CaseReview',
  Theme: 'Theme',
  HarmType: 'HarmType',
  Agency: 'Agency',
  Learning: 'Learning',
  Recommendation: 'Recommendation',
  Source: 'Source',
};

type StatementRow = Omit<StatementHit, 'kind'>;

const learningById = new WeakMap<object, Map<string, StatementRow>>();
const recommendationsById = new WeakMap<object, Map<string, StatementRow>>();

async function statementRow(
  ctx: RequestContext,
  label: 'Learning' | 'Recommendation',
  id: string,
): Promise<StatementRow | undefined> {
  if (label === 'Learning') {
    const listing = await learningListing(ctx.index, ctx.store);
    let byId = learningById.get(listing);
    if (!byId) {
      byId = new Map(listing.entries.map((e) => [e.row.id, e.row]));
      learningById.set(listing, byId);
    }
    return byId.get(id);
  }
  const book = await recommendationBook(ctx.index, ctx.store);
  let byId = recommendationsById.get(book);
  if (!byId) {
    byId = new Map(book.entries.map((e) => [e.row.id, e.row]));
    recommendationsById.set(book, byId);
  }
  return byId.get(id);
}

/** Statement ids start with their kind ('lrn-…', 'rec-…'), so only those are looked for in the listings. */
const STATEMENT_PREFIX: Record<'Learning' | 'Recommendation', string> = {
  Learning: 'lrn-',
  Recommendation: 'rec-',
};

async function exists(ctx: RequestContext, label: NodeLabel, id: string): Promise<boolean> {
  const catalog = catalogOf(ctx.index);
  switch (label) {
    case 'CaseReview':
      return ctx.index.has(id);
    case 'Theme':
      return catalog.has('themes', id);
    case 'HarmType':
      return catalog.has('harmTypes', id);
    case 'Agency':
      return catalog.has('agencies', id);
    case 'Source':
      return ctx.index.sources.some((s) => s.id === id);
    case 'Learning':
    case 'Recommendation':
      return id.startsWith(STATEMENT_PREFIX[label]) && (await statementRow(ctx, label, id)) !== undefined;
  }
}

/** A NodeLocator over the request's data: which of `labels` have a node with this plain id. */
export function locatorFor(ctx: RequestContext): NodeLocator {
  return async (id, labels) => {
    const found = await Promise.all(
      labels.map(async (label) => ((await exists(ctx, label, id)) ? label : null)),
    );
    return found.filter((label): label is NodeLabel => label !== null);
  };
}

type NodeParent = ResolversParentTypes['Node'];

/** A node's parent object, tagged with the GraphQL type the Node interface resolves it to. */
export type TaggedNode = NodeParent & { __typename: NodeLabel };

/** The node as its GraphQL object type (tagged with __typename for the Node interface); null when unknown. */
export async function readNode(ctx: RequestContext, ref: NodeRef): Promise<TaggedNode | null> {
  const tag = <T extends NodeParent>(value: T | null | undefined): TaggedNode | null =>
    value ? { ...value, __typename: TYPE_NAMES[ref.label] } : null;
  const catalog = catalogOf(ctx.index);
  switch (ref.label) {
    case 'CaseReview':
      return tag(await ctx.loaders.caseRecord.load(ref.id));
    case 'Theme':
      return catalog.has('themes', ref.id) ? tag(catalog.theme(ref.id)) : null;
    case 'HarmType':
      return catalog.has('harmTypes', ref.id) ? tag(catalog.harmType(ref.id)) : null;
    case 'Agency':
      return catalog.has('agencies', ref.id) ? tag(catalog.agency(ref.id)) : null;
    case 'Source':
      return tag(ctx.index.sources.find((s) => s.id === ref.id));
    case 'Learning':
    case 'Recommendation': {
      const row = await statementRow(ctx, ref.label, ref.id);
      if (!row) return null;
      const kind = ref.label === 'Learning' ? 'learning' : 'recommendation';
      const parent = statementFromHit({ ...row, kind }, (k, id) => catalog.label(k, id));
      return tag(ref.label === 'Learning' ? { ...parent, agencies: [] } : parent);
    }
  }
}

/** The GraphQL type name a Node value was tagged with by readNode. */
export function nodeTypeName(value: unknown): NodeLabel | null {
  if (typeof value === 'object' && value !== null && '__typename' in value) {
    const name = (value as { __typename: unknown }).__typename;
    return typeof name === 'string' ? (name as NodeLabel) : null;
  }
  return null;
}
