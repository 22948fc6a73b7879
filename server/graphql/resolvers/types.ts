/** Field resolvers of the object types. A case page reads store.caseDetail once per case and request. */
import type { CaseDetail, LinkedEntity, SourceSummary } from '../../../graph/store.ts';
import { type CaseFilter, normalizeFilter } from '../../analytics/filter.ts';
import { populationFilter } from '../../analytics/population.ts';
import { type Catalog, catalogOf, type ThemeView } from '../catalog.ts';
import type { RequestContext } from '../context.ts';
import type {
  AgencyResolvers,
  CaseReviewResolvers,
  GraphNodeResolvers,
  HarmTypeResolvers,
  LearningResolvers,
  NodeResolvers,
  RecommendationResolvers,
  SearchHitResolvers,
  SourceResolvers,
  ThemeResolvers,
} from '../generated/resolvers.ts';
import { nodeTypeName, readNode } from '../nodes.ts';
import { checkRange, readFilter } from './args.ts';
import { statementOffsets } from './evidence.ts';
import { casePage, type PageRequest, statementPage } from './pages.ts';
import type { CaseParent, GraphNodeView, SearchHitView, StatementParent } from './views.ts';

const MAX_RELATED = 100;

async function detailOf(parent: CaseParent, ctx: RequestContext): Promise<CaseDetail | null> {
  if (parent.detail) return parent.detail;
  if (!ctx.loaders.caseDetail.has(parent.id) && !ctx.budget.takeDetail()) return null;
  return (await ctx.loaders.caseDetail.load(parent.id)) ?? null;
}

const themeLinks = (catalog: Catalog, links: LinkedEntity[]) =>
  links.map((l) => ({ theme: catalog.theme(l.id, l.label), evidence: l.evidence }));
const agencyLinks = (catalog: Catalog, links: LinkedEntity[]) =>
  links.map((l) => ({ agency: catalog.agency(l.id, l.label), evidence: l.evidence }));

export const CaseReview = {
  nodeKind: () => 'CaseReview',
  harmTypes: async (parent: CaseParent, _: unknown, ctx: RequestContext) => {
    const catalog = catalogOf(ctx.index);
    const detail = await detailOf(parent, ctx);
    return (detail?.harmTypes ?? []).map((l) => ({
      harmType: catalog.harmType(l.id, l.label),
      evidence: l.evidence,
    }));
  },
  agencies: async (parent: CaseParent, _: unknown, ctx: RequestContext) =>
    agencyLinks(catalogOf(ctx.index), (await detailOf(parent, ctx))?.agencies ?? []),
  themes: async (parent: CaseParent, _: unknown, ctx: RequestContext) => {
    const catalog = catalogOf(ctx.index);
    if (parent.detail) return themeLinks(catalog, parent.detail.themes);
    // In lists, one themeEvidence call covers every case of the page.
    const rows = (await ctx.loaders.caseThemes.load(parent.id)) ?? [];
    return rows.map((r) => ({ theme: catalog.theme(r.themeId), evidence: r.evidence }));
  },
  learning: async (parent: CaseParent, _: unknown, ctx: RequestContext): Promise<StatementParent[]> =>
    ((await detailOf(parent, ctx))?.learning ?? []).map((l) => ({ ...l, caseId: parent.id, agencies: [] })),
  recommendations: async (parent: CaseParent, _: unknown, ctx: RequestContext): Promise<StatementParent[]> =>
    ((await detailOf(parent, ctx))?.recommendations ?? []).map((r) => ({ ...r, caseId: parent.id })),
  sources: async (parent: CaseParent, _: unknown, ctx: RequestContext): Promise<SourceSummary[]> =>
    (await detailOf(parent, ctx))?.sources ?? [],
} satisfies CaseReviewResolvers;

const statementFields = {
  ...statementOffsets,
  themes: (parent: StatementParent, _: unknown, ctx: RequestContext) =>
    themeLinks(catalogOf(ctx.index), parent.themes),
  case: async (parent: StatementParent, _: unknown, ctx: RequestContext) =>
    (await ctx.loaders.caseRecord.load(parent.caseId)) ?? null,
};

export const Learning = { ...statementFields, nodeKind: () => 'Learning' } satisfies LearningResolvers;

export const Recommendation = {
  ...statementFields,
  nodeKind: () => 'Recommendation',
  targets: (parent: StatementParent, _: unknown, ctx: RequestContext) =>
    agencyLinks(catalogOf(ctx.index), parent.agencies),
} satisfies RecommendationResolvers;

export const Source = {
  nodeKind: () => 'Source',
  // The store keys a loaded file by its absolute path; callers see only the file's name.
  path: (parent: SourceSummary) => fileName(parent.path),
  text: async (parent: SourceSummary, _: unknown, ctx: RequestContext) =>
    (await ctx.store.sourceText(parent.id)) ?? '',
} satisfies SourceResolvers;

/** The last segment of a path, POSIX or Windows. */
export function fileName(path: string): string {
  return (
    path
      .split(/[/\\]/)
      .filter((part) => part !== '')
      .at(-1) ?? path
  );
}

export const HarmType = { nodeKind: () => 'HarmType' } satisfies HarmTypeResolvers;

export const Agency = { nodeKind: () => 'Agency' } satisfies AgencyResolvers;

export const Theme = {
  nodeKind: () => 'Theme',
  cases: (parent: ThemeView, args: PageRequest & { filter?: CaseFilter | null }, ctx: RequestContext) =>
    casePage(ctx, [themeScope(parent, args.filter, ctx), normalizeFilter({ themes: [parent.id] })], args),
  learning: (parent: ThemeView, args: PageRequest, ctx: RequestContext) =>
    statementPage(ctx, 'learning', { themes: [parent.id], cases: parent.scope }, args),
  recommendations: (parent: ThemeView, args: PageRequest, ctx: RequestContext) =>
    statementPage(ctx, 'recommendation', { themes: [parent.id], cases: parent.scope }, args),
  related: (
    parent: ThemeView,
    args: { limit?: number | null; filter?: CaseFilter | null },
    ctx: RequestContext,
  ) => {
    const limit = checkRange('limit', args.limit, 10, 1, MAX_RELATED);
    const catalog = catalogOf(ctx.index);
    return ctx.index
      .relatedThemes(parent.id, themeScope(parent, args.filter, ctx), limit)
      .map((r) => ({ theme: catalog.theme(r.id), shared: r.shared, lift: r.lift }));
  },
} satisfies ThemeResolvers;

/** The reviews a theme's cases and related themes count: the filter given, else the theme's, as a population. */
function themeScope(parent: ThemeView, filter: CaseFilter | null | undefined, ctx: RequestContext) {
  const chosen = filter ? readFilter(ctx.index, filter) : (parent.scope ?? normalizeFilter(null));
  return populationFilter(chosen);
}

export const Node = {
  __resolveType: (value: unknown) => nodeTypeName(value),
} satisfies NodeResolvers;

export const GraphNode = {
  node: (parent: GraphNodeView, _: unknown, ctx: RequestContext) => readNode(ctx, parent.ref),
} satisfies GraphNodeResolvers;

export const SearchHit = {
  node: (parent: SearchHitView, _: unknown, ctx: RequestContext) => readNode(ctx, parent.ref),
} satisfies SearchHitResolvers;
