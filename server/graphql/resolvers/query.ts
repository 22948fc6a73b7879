/** Query resolvers. Counts and co-occurrence come from the analytics index; details from the store. */

import type { NodeLabel } from '../../../graph/schema/model.ts';
import type { StatementKind } from '../../../graph/store.ts';
import type { CaseFilter } from '../../analytics/filter.ts';
import { isEmptyFilter, type NormalizedFilter } from '../../analytics/filter.ts';
import { NATIONAL, populationFilter, populationOf } from '../../analytics/population.ts';
import { knownTaxa, mergeSearchHits } from '../../search/merge.ts';
import { catalogOf } from '../catalog.ts';
import type { RequestContext } from '../context.ts';
import { AGE_BAND_VALUES, OUTCOME_LABELS, OUTCOME_VALUES } from '../enums.ts';
import { badInput } from '../errors.ts';
import type { QueryResolvers } from '../generated/resolvers.ts';
import { nodeIdError, plainIdOf, plainIdsOf, requireNode, resolveNodeId } from '../node-id.ts';
import { ALL_NODE_LABELS, locatorFor, readNode } from '../nodes.ts';
import { CASE_DETAIL_FIELDS, type SelectionInfo, selectsAny } from '../selection.ts';
import { AnalyticsQuery } from './analytics.ts';
import { checkRange, readFilter } from './args.ts';
import { casePage, type PageRequest, statementPage } from './pages.ts';
import { type CaseParent, graphEdgeView, graphNodeView } from './views.ts';

const MAX_PATHS = 20;
const MAX_NEIGHBOURS = 500;
const MAX_SEARCH_TEXT = 200;

interface FilterArgs {
  filter?: CaseFilter | null;
}

interface StatementFilterArgs extends PageRequest {
  filter?: { themes?: string[] | null; agencies?: string[] | null; cases?: CaseFilter | null } | null;
}

const SEARCH_LABELS: Record<string, NodeLabel> = {
  case: 'CaseReview',
  partnership: 'CaseReview',
  theme: 'Theme',
  agency: 'Agency',
  harmType: 'HarmType',
  learning: 'Learning',
  recommendation: 'Recommendation',
};

export const Query = {
  stats: async (_: unknown, { filter }: FilterArgs, ctx: RequestContext) => {
    const asked = readFilter(ctx.index, filter);
    const { index } = ctx;
    // Counted over the population, as the other counts are: national publications only when asked for.
    const f = populationFilter(asked);
    const { population } = populationOf(index, asked);
    const years = index.yearRange(f);
    const base = { cases: population.reviews, yearMin: years.min, yearMax: years.max, population };
    if (isEmptyFilter(asked)) {
      // Without a filter, what is stored: documents, taxonomy entries, statements and relationships.
      const { nodes, relationships } = index.counts;
      return {
        ...base,
        sources: nodes.Source ?? index.sources.length,
        themes: nodes.Theme ?? 0,
        harmTypes: nodes.HarmType ?? 0,
        agencies: nodes.Agency ?? 0,
        learning: nodes.Learning ?? 0,
        recommendations: nodes.Recommendation ?? 0,
        links: Object.values(relationships).reduce((a, b) => a + (b ?? 0), 0),
      };
    }
    const present = (field: 'sources' | 'themes' | 'harmTypes' | 'agencies') =>
      [...index.countBy(field, f).values()].filter((n) => n > 0);
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const [learning, recommendations] = await Promise.all([
      statementTotal(ctx, 'learning', f),
      statementTotal(ctx, 'recommendation', f),
    ]);
    return {
      ...base,
      sources: present('sources').length,
      themes: present('themes').length,
      harmTypes: present('harmTypes').length,
      agencies: present('agencies').length,
      learning,
      recommendations,
      links:
        sum(present('sources')) +
        sum(present('themes')) +
        sum(present('harmTypes')) +
        sum(present('agencies')),
    };
  },

  // Counted over the population: national publications only when the filter asks for them.
  harmTypes: (_: unknown, { filter }: FilterArgs, ctx: RequestContext) =>
    catalogOf(ctx.index).list('harmTypes', populationFilter(readFilter(ctx.index, filter))),
  agencies: (_: unknown, { filter }: FilterArgs, ctx: RequestContext) =>
    catalogOf(ctx.index).list('agencies', populationFilter(readFilter(ctx.index, filter))),
  themes: (_: unknown, { filter }: FilterArgs, ctx: RequestContext) => {
    const f = readFilter(ctx.index, filter);
    // Counted over the population; the theme keeps the filter as asked (its cases apply the rule again).
    const scope = isEmptyFilter(f) ? null : f;
    return catalogOf(ctx.index)
      .list('themes', populationFilter(f))
      .map((theme) => ({ ...theme, scope }));
  },
  theme: (_: unknown, args: { id: string }, ctx: RequestContext) => {
    const id = plainIdOf(args.id, 'Theme', 'id');
    const catalog = catalogOf(ctx.index);
    return catalog.has('themes', id) ? catalog.theme(id) : null;
  },

  themeNetwork: AnalyticsQuery.themeNetwork,

  cases: (_: unknown, args: FilterArgs & PageRequest, ctx: RequestContext) =>
    casePage(ctx, [readFilter(ctx.index, args.filter)], args),

  case: async (
    _: unknown,
    args: { id: string },
    ctx: RequestContext,
    info: SelectionInfo,
  ): Promise<CaseParent | null> => {
    const id = plainIdOf(args.id, 'CaseReview', 'id');
    // Names and years come from one batched casesByIds; the detail read is for links and statements only.
    if (!selectsAny(info, CASE_DETAIL_FIELDS)) return (await ctx.loaders.caseRecord.load(id)) ?? null;
    if (!ctx.loaders.caseDetail.has(id) && !ctx.budget.takeDetail()) return null;
    const detail = await ctx.loaders.caseDetail.load(id);
    return detail ? { ...detail.review, detail } : null;
  },

  casesByIds: async (_: unknown, args: { ids: string[] }, ctx: RequestContext) => {
    const ids = plainIdsOf(args.ids, 'CaseReview', 'ids') ?? [];
    if (ids.length > ctx.config.limits.maxFirst) {
      throw badInput(`ids: at most ${ctx.config.limits.maxFirst} ids per call (got ${ids.length})`, 'ids');
    }
    ctx.budget.takeItems(ids.length);
    return Promise.all(ids.map(async (id) => (await ctx.loaders.caseRecord.load(id)) ?? null));
  },

  recommendations: (_: unknown, args: StatementFilterArgs, ctx: RequestContext) =>
    statementPage(ctx, 'recommendation', statementScope(ctx, args), args),
  learning: (_: unknown, args: StatementFilterArgs, ctx: RequestContext) =>
    statementPage(ctx, 'learning', statementScope(ctx, args), args),

  facets: (_: unknown, { filter }: FilterArgs, ctx: RequestContext) =>
    facets(ctx, readFilter(ctx.index, filter)),

  neighbourhood: async (
    _: unknown,
    args: { id: string; depth?: number | null; limit?: number | null },
    ctx: RequestContext,
  ) => {
    const start = await requireNode(args.id, 'id', ALL_NODE_LABELS, locatorFor(ctx));
    const depth = checkRange('depth', args.depth, 1, 1, ctx.config.limits.maxDepth);
    const limit = checkRange('limit', args.limit, 100, 1, MAX_NEIGHBOURS);
    const graph = await ctx.store.neighbourhood(start, depth, limit);
    return { nodes: graph.nodes.map(graphNodeView), edges: graph.edges.map(graphEdgeView) };
  },

  connections: async (
    _: unknown,
    args: { from: string; to: string; maxHops?: number | null; first?: number | null },
    ctx: RequestContext,
  ) => {
    const locate = locatorFor(ctx);
    const from = await requireNode(args.from, 'from', ALL_NODE_LABELS, locate);
    const to = await requireNode(args.to, 'to', ALL_NODE_LABELS, locate);
    const maxHops = checkRange('maxHops', args.maxHops, 4, 1, ctx.config.limits.maxHops);
    const first = checkRange('first', args.first, 5, 1, MAX_PATHS);
    const paths = await ctx.store.connections(from, to, maxHops, first);
    const caseIds = [
      ...new Set(paths.flatMap((p) => p.nodes.filter((n) => n.label === 'CaseReview').map((n) => n.id))),
    ];
    const records = caseIds.length === 0 ? [] : await ctx.store.casesByIds(caseIds);
    const byId = new Map(records.map((r) => [r.id, r]));
    return paths.map((p) => ({
      nodes: p.nodes.map(graphNodeView),
      edges: p.edges.map(graphEdgeView),
      length: p.edges.length,
      cases: p.nodes.flatMap((n) => {
        const record = n.label === 'CaseReview' ? byId.get(n.id) : undefined;
        return record ? [record] : [];
      }),
    }));
  },

  search: async (_: unknown, args: { text: string; first?: number | null }, ctx: RequestContext) => {
    const text = args.text.trim();
    if (text.length === 0) throw badInput('text must contain at least one non-space character', 'text');
    if (text.length > MAX_SEARCH_TEXT)
      throw badInput(`text is longer than ${MAX_SEARCH_TEXT} characters`, 'text');
    const first = checkRange('first', args.first, 20, 1, ctx.config.limits.maxFirst);
    const taxa = ctx.taxonSearch().find(text);
    // From the search index beside the analytics index; from the store's scan while that index warms.
    const stored =
      ctx.keeper.search.search(text, first, ctx.index.taxonomy) ?? (await ctx.store.search(text, first));
    const hits = mergeSearchHits(taxa, stored, knownTaxa(ctx.index.taxonomy), first);
    return hits.map((hit) => {
      const label = SEARCH_LABELS[hit.kind] ?? 'CaseReview';
      const key = hit.kind === 'partnership' && hit.caseId ? hit.caseId : hit.id;
      return {
        kind: hit.kind,
        id: `${label}:${key}`,
        key,
        caption: hit.caption,
        caseId: hit.caseId,
        ref: { label, id: key },
      };
    });
  },

  sources: (_: unknown, __: unknown, ctx: RequestContext) => ctx.index.sources,

  node: async (_: unknown, args: { id: string }, ctx: RequestContext) => {
    const found = await resolveNodeId(args.id, 'id', ALL_NODE_LABELS, locatorFor(ctx));
    if (found.ok) return readNode(ctx, found.ref);
    // No node has the id: null, as for case and theme. An id naming several nodes, or none at all, is an error.
    if (found.error.kind === 'unknown') return null;
    throw nodeIdError(found.error);
  },

  capabilities: (_: unknown, __: unknown, ctx: RequestContext) => ({
    engine: ctx.store.engine,
    writable: ctx.config.adminToken !== null,
    maxFirst: ctx.config.limits.maxFirst,
    maxHops: ctx.config.limits.maxHops,
  }),
} satisfies QueryResolvers;

function statementScope(ctx: RequestContext, args: StatementFilterArgs) {
  const themes = plainIdsOf(args.filter?.themes, 'Theme', 'filter.themes');
  const agencies = plainIdsOf(args.filter?.agencies, 'Agency', 'filter.agencies');
  readFilter(ctx.index, { themes, agencies }, 'filter');
  return {
    themes,
    agencies,
    cases: args.filter?.cases ? readFilter(ctx.index, args.filter.cases, 'filter.cases') : null,
  };
}

async function statementTotal(
  ctx: RequestContext,
  kind: StatementKind,
  f: NormalizedFilter,
): Promise<number> {
  const caseIds = ctx.index.caseIds(f);
  if (caseIds.length === 0) return 0;
  return (await ctx.store.statements({ kind, caseIds, limit: 0, offset: 0 })).total;
}

function facets(ctx: RequestContext, filter: NormalizedFilter) {
  const { index } = ctx;
  const catalog = catalogOf(index);
  // Counted over the population, as the other counts are: national publications only when asked for.
  const f = populationFilter(filter);
  const toValues = (kind: 'harmTypes' | 'agencies' | 'themes') =>
    catalog.list(kind as 'themes', f).map((v) => ({ id: v.id, label: v.label, count: v.caseCount }));
  const enumValues = (
    field: 'outcome' | 'ageBands',
    values: Record<string, string>,
    label: (v: string) => string,
  ) => {
    const counts = index.countBy(field, f);
    return Object.entries(values).map(([name, value]) => ({
      id: name,
      label: label(value),
      count: counts.get(value) ?? 0,
    }));
  };
  // NATIONAL itself counts the national publications the filter matches, the ones listing it would add.
  const typeCounts = index.countBy('reviewTypes', f);
  if (typeCounts.has(NATIONAL))
    typeCounts.set(NATIONAL, index.countBy('reviewTypes', filter).get(NATIONAL) ?? 0);
  const reviewTypes = [...typeCounts]
    .map(([id, count]) => ({ id, label: id, count }))
    .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
  const sourceCounts = index.countBy('sources', f);
  const sources = index.sources
    .map((s) => ({ id: s.id, label: s.title, count: sourceCounts.get(s.id) ?? 0 }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  const partnerships = [...index.countBy('partnerships', f)]
    .map(([id, count]) => ({ id, label: id, count }))
    .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
  const years = [...index.countBy('years', f)]
    .map(([id, count]) => ({ id, label: id, count }))
    .sort((a, b) => Number(a.id) - Number(b.id));
  return {
    harmTypes: toValues('harmTypes'),
    agencies: toValues('agencies'),
    themes: toValues('themes'),
    outcomes: enumValues('outcome', OUTCOME_VALUES, (v) => OUTCOME_LABELS[v] ?? v),
    ageBands: enumValues('ageBands', AGE_BAND_VALUES, (v) => v),
    reviewTypes,
    sources,
    years,
    partnerships,
  };
}
