/**
 * Resolvers of the analytics answers: the significant theme network, its communities, theme trends and
 * cohort comparisons. All are computed from the analytics index; see server/analytics/.
 */

import { compareCohorts } from '../../analytics/cohorts.ts';
import type { CaseFilter } from '../../analytics/filter.ts';
import type { AnalyticsIndex, YearBasis } from '../../analytics/index.ts';
import { LINK_DEFAULTS, type LinkOptions, type ThemeCommunity } from '../../analytics/theme-links.ts';
import { themeTrends } from '../../analytics/trends.ts';
import { catalogOf } from '../catalog.ts';
import type { RequestContext } from '../context.ts';
import { badInput } from '../errors.ts';
import type { QueryResolvers, Resolvers } from '../generated/resolvers.ts';
import { labelledNetwork } from '../network.ts';
import { plainIdsOf } from '../node-id.ts';
import { checkRange, readFilter } from './args.ts';

export interface LinkArgs {
  filter?: CaseFilter | null;
  minShared?: number | null;
  minLift?: number | null;
  maxP?: number | null;
}

/** The link thresholds from arguments, each checked (whole minShared ≥ 1, minLift ≥ 0, maxP in 0..1). */
export function readLinkOptions(args: Omit<LinkArgs, 'filter'>): LinkOptions {
  const minShared = checkRange('minShared', args.minShared, LINK_DEFAULTS.minShared, 1, 1_000_000);
  const minLift = args.minLift ?? LINK_DEFAULTS.minLift;
  if (!Number.isFinite(minLift) || minLift < 0 || minLift > 1_000_000) {
    throw badInput(`minLift must be a number from 0 to 1000000 (got ${minLift})`, 'minLift');
  }
  const maxP = args.maxP ?? LINK_DEFAULTS.maxP;
  if (!Number.isFinite(maxP) || maxP < 0 || maxP > 1) {
    throw badInput(`maxP must be a probability from 0 to 1 (got ${maxP})`, 'maxP');
  }
  return { minShared, minLift, maxP };
}

function communityViews(index: AnalyticsIndex, communities: ThemeCommunity[]) {
  const catalog = catalogOf(index);
  return communities.map((c) => ({
    id: c.id,
    name: c.name,
    themes: c.themes.map((id) => catalog.theme(id)),
    size: c.themes.length,
    reviews: c.reviews,
  }));
}

export function themeNetwork(_: unknown, args: LinkArgs, ctx: RequestContext) {
  const filter = readFilter(ctx.index, args.filter);
  const labelled = labelledNetwork(ctx.index, filter, readLinkOptions(args));
  const { network } = labelled;
  return {
    caseCount: labelled.caseCount,
    nodes: labelled.nodes,
    edges: labelled.edges,
    population: network.population,
    candidateEdges: network.candidateEdges,
    omittedEdges: network.omitted.total,
    omitted: network.omitted,
    thresholds: network.options,
    communities: communityViews(ctx.index, network.communities),
    modularity: network.modularity,
  };
}

export const AnalyticsQuery = {
  themeNetwork,

  themeCommunities: (_: unknown, args: LinkArgs, ctx: RequestContext) => {
    const filter = readFilter(ctx.index, args.filter);
    const { network } = labelledNetwork(ctx.index, filter, readLinkOptions(args));
    return {
      population: network.population,
      communities: communityViews(ctx.index, network.communities),
      modularity: network.modularity,
      thresholds: network.options,
      links: network.edges.length,
    };
  },

  themeTrends: (
    _: unknown,
    args: { filter?: CaseFilter | null; themes?: string[] | null; by?: YearBasis | null },
    ctx: RequestContext,
  ) => {
    const filter = readFilter(ctx.index, args.filter);
    const themes = plainIdsOf(args.themes, 'Theme', 'themes');
    if (themes !== null) {
      const max = ctx.config.limits.maxFirst;
      if (themes.length > max)
        throw badInput(`themes: at most ${max} themes per call (got ${themes.length})`, 'themes');
      const unknown = ctx.index.unknownIds({ themes });
      if (unknown.length > 0)
        throw badInput(unknown.join('; ').replaceAll('filter.themes', 'themes'), 'themes');
    }
    const trends = themeTrends(
      ctx.index,
      filter,
      themes === null ? null : [...new Set(themes)],
      args.by ?? 'publication',
    );
    const catalog = catalogOf(ctx.index);
    return {
      ...trends,
      themes: trends.themes.map((t) => ({ ...t, theme: catalog.theme(t.theme) })),
    };
  },

  compareCohorts: (
    _: unknown,
    args: { a: CaseFilter; b?: CaseFilter | null; first?: number | null },
    ctx: RequestContext,
  ) => {
    const a = readFilter(ctx.index, args.a, 'a');
    const b = args.b == null ? null : readFilter(ctx.index, args.b, 'b');
    const first = checkRange('first', args.first, 50, 1, ctx.config.limits.maxFirst);
    const result = compareCohorts(ctx.index, a, b);
    return { ...result, totalCount: result.features.length, features: result.features.slice(0, first) };
  },
} satisfies QueryResolvers;

export const ANALYTICS_ENUMS = {
  YearBasis: { PUBLICATION: 'publication', INCIDENT: 'incident' },
  TrendDirection: {
    RISING: 'rising',
    FALLING: 'falling',
    NO_CLEAR_TREND: 'no-clear-trend',
    TOO_FEW_YEARS: 'too-few-years',
  },
  FeatureKind: { THEME: 'theme', HARM_TYPE: 'harmType', AGENCY: 'agency' },
} satisfies Resolvers;
