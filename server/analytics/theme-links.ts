/**
 * The significant theme network: theme pairs that share reviews more often than chance would give, with
 * communities (Louvain) and per-theme centrality.
 *
 * For two themes A and B among N reviews (nA with A, nB with B, k with both), the p-value is the one-sided
 * Fisher exact test for over-representation, P(X ≥ k) with X ~ Hypergeometric(N, nA, nB), summed exactly in
 * log space. Lift = k·N / (nA·nB). A link is kept when k ≥ minShared, lift ≥ minLift and p ≤ maxP; the
 * rest are counted as omitted. The p-values are per pair and not adjusted for the number of pairs tested.
 */
import GraphModule from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import type { Bitset } from './bitset.ts';
import type { NormalizedFilter } from './filter.ts';
import type { AnalyticsIndex } from './index.ts';
import { Lru } from './lru.ts';
import { type Population, populationOf } from './population.ts';
import { fisherGreater, seededRandom } from './stats.ts';

/** CommonJS packages seen from an ES module: the value is module.exports, typed as its default export. */
function cjsDefault<T>(m: { default: T }): T {
  return (m as { default?: T }).default ?? (m as unknown as T);
}
const Graph = cjsDefault(GraphModule);
const louvain = cjsDefault(louvainModule);
const betweenness = cjsDefault(betweennessModule);
const pagerank = cjsDefault(pagerankModule);

export interface LinkOptions {
  minShared: number;
  minLift: number;
  maxP: number;
}

/** Defaults that leave a readable map (see README: tuned on the seed documents). */
export const LINK_DEFAULTS: LinkOptions = { minShared: 2, minLift: 1.2, maxP: 0.05 };

/** The seed of Louvain's random order, so the same data always gives the same communities. */
export const LOUVAIN_SEED = 20_240_601;

export interface ThemeLink {
  source: string;
  target: string;
  /** Reviews carrying both themes. */
  weight: number;
  lift: number;
  /** Reviews expected to carry both if the themes were independent: nA·nB / N. */
  expected: number;
  /** One-sided Fisher exact p-value for over-representation. */
  pValue: number;
}

export interface ThemeMetrics {
  id: string;
  label: string;
  /** Reviews carrying the theme. */
  weight: number;
  /** Significant links. */
  degree: number;
  /** Shared reviews summed over the significant links. */
  weightedDegree: number;
  /** Normalised betweenness among the linked themes (each link one hop). */
  betweenness: number;
  /** PageRank among the linked themes, links weighted by shared reviews (damping 0.85); 0 when unlinked. */
  pageRank: number;
  /** The community's id, null for a theme with no significant link. */
  community: number | null;
}

export interface ThemeCommunity {
  id: number;
  /** Named after its two most central themes (by PageRank). */
  name: string;
  /** Themes, most central first. */
  themes: string[];
  /** Reviews carrying at least one of its themes. */
  reviews: number;
}

export interface OmittedLinks {
  total: number;
  /** Pairs sharing fewer than minShared reviews (but at least one). */
  belowMinShared: number;
  /** Of the rest, pairs with lift below minLift. */
  belowMinLift: number;
  /** Of the rest, pairs with a p-value above maxP. */
  aboveMaxP: number;
}

export interface SignificantNetwork {
  options: LinkOptions;
  population: Population;
  caseCount: number;
  nodes: ThemeMetrics[];
  edges: ThemeLink[];
  /** Theme pairs sharing at least one review. */
  candidateEdges: number;
  omitted: OmittedLinks;
  communities: ThemeCommunity[];
  /** Modularity of the community partition (weighted), null when there are no links. */
  modularity: number | null;
}

const caches = new WeakMap<AnalyticsIndex, Lru<string, SignificantNetwork>>();

export function significantNetwork(
  index: AnalyticsIndex,
  filter: NormalizedFilter,
  options: LinkOptions = LINK_DEFAULTS,
): SignificantNetwork {
  let cache = caches.get(index);
  if (!cache) {
    cache = new Lru(32);
    caches.set(index, cache);
  }
  const key = `${filter.key}|${options.minShared}|${options.minLift}|${options.maxP}`;
  return cache.getOrCompute(key, () => compute(index, filter, options));
}

function compute(index: AnalyticsIndex, filter: NormalizedFilter, options: LinkOptions): SignificantNetwork {
  const { scope, population } = populationOf(index, filter);
  const { cases: n, themeIds, weights, pairs } = index.themeCounts(scope);
  const t = themeIds.length;
  const labels = new Map(index.taxonomy.themes.map((th) => [th.id, th.label]));
  const edges: ThemeLink[] = [];
  const omitted: OmittedLinks = { total: 0, belowMinShared: 0, belowMinLift: 0, aboveMaxP: 0 };
  let candidateEdges = 0;
  for (let a = 0; a < t; a++) {
    const wa = weights[a] ?? 0;
    if (wa === 0) continue;
    const row = a * t;
    for (let b = a + 1; b < t; b++) {
      const shared = pairs[row + b] ?? 0;
      if (shared === 0) continue;
      candidateEdges++;
      const wb = weights[b] ?? 0;
      if (shared < options.minShared) {
        omitted.belowMinShared++;
        continue;
      }
      const expected = (wa * wb) / n;
      const lift = shared / expected;
      if (lift < options.minLift) {
        omitted.belowMinLift++;
        continue;
      }
      const pValue = fisherGreater(shared, n, wa, wb);
      if (pValue > options.maxP) {
        omitted.aboveMaxP++;
        continue;
      }
      const [source, target] = ordered(themeIds[a] ?? '', themeIds[b] ?? '');
      edges.push({ source, target, weight: shared, lift: round(lift), expected: round(expected), pValue });
    }
  }
  omitted.total = omitted.belowMinShared + omitted.belowMinLift + omitted.aboveMaxP;
  edges.sort(
    (x, y) =>
      y.weight - x.weight || x.pValue - y.pValue || cmp(x.source, y.source) || cmp(x.target, y.target),
  );

  // Centrality and communities are read on the linked themes only: a theme with no significant link has
  // degree 0 and no community, and does not dilute the others' normalised betweenness or PageRank.
  const graph = new Graph({ type: 'undirected' });
  const nodeIds: string[] = [];
  weights.forEach((w, i) => {
    if (w > 0) nodeIds.push(themeIds[i] ?? '');
  });
  nodeIds.sort(cmp);
  for (const e of edges) {
    graph.mergeNode(e.source);
    graph.mergeNode(e.target);
    graph.addEdge(e.source, e.target, { weight: e.weight });
  }

  const linked = edges.length > 0;
  const rank = linked ? pagerank(graph, { getEdgeWeight: 'weight', alpha: 0.85 }) : {};
  const between = linked ? betweenness(graph, { getEdgeWeight: null, normalized: true }) : {};
  const detailed = linked
    ? louvain.detailed(graph, { getEdgeWeight: 'weight', rng: seededRandom(LOUVAIN_SEED), resolution: 1 })
    : null;

  const weightOf = new Map<string, number>();
  weights.forEach((w, i) => {
    if (w > 0) weightOf.set(themeIds[i] ?? '', w);
  });
  // Louvain's community numbers depend on visiting order; renumber by size, then by the first theme's id.
  const members = new Map<number, string[]>();
  for (const id of nodeIds) {
    if (!graph.hasNode(id)) continue;
    const c = detailed?.communities[id];
    if (c === undefined) continue;
    members.set(c, [...(members.get(c) ?? []), id]);
  }
  const central = (x: string, y: string) =>
    (rank[y] ?? 0) - (rank[x] ?? 0) || (weightOf.get(y) ?? 0) - (weightOf.get(x) ?? 0) || cmp(x, y);
  const groups = [...members.values()].map((ids) => ids.sort(central));
  groups.sort((x, y) => y.length - x.length || cmp(x[0] ?? '', y[0] ?? ''));
  const communityOf = new Map<string, number>();
  const communities: ThemeCommunity[] = groups.map((ids, i) => {
    for (const id of ids) communityOf.set(id, i);
    return {
      id: i,
      name: ids
        .slice(0, 2)
        .map((id) => labels.get(id) ?? id)
        .join(' · '),
      themes: ids,
      reviews: reviewsWithAny(index, scope, ids),
    };
  });

  const nodes: ThemeMetrics[] = nodeIds.map((id) => {
    let weightedDegree = 0;
    if (graph.hasNode(id)) {
      graph.forEachEdge(id, (_edge, attributes) => {
        weightedDegree += Number(attributes.weight ?? 0);
      });
    }
    return {
      id,
      label: labels.get(id) ?? id,
      weight: weightOf.get(id) ?? 0,
      degree: graph.hasNode(id) ? graph.degree(id) : 0,
      weightedDegree,
      betweenness: round(between[id] ?? 0),
      pageRank: round(rank[id] ?? 0, 6),
      community: communityOf.get(id) ?? null,
    };
  });
  nodes.sort((x, y) => y.weight - x.weight || cmp(x.id, y.id));
  return {
    options,
    population,
    caseCount: n,
    nodes,
    edges,
    candidateEdges,
    omitted,
    communities,
    modularity: detailed && groups.length > 0 ? round(detailed.modularity, 6) : null,
  };
}

/** Reviews in scope carrying at least one of the themes. */
function reviewsWithAny(index: AnalyticsIndex, scope: Bitset, themes: readonly string[]): number {
  const sets = index.facetSets('themes');
  let union: Bitset | null = null;
  for (const id of themes) {
    const set = sets.get(id);
    if (set) union = union === null ? set : union.or(set);
  }
  return union === null ? 0 : union.countAnd(scope);
}

function ordered(a: string, b: string): [string, string] {
  return cmp(a, b) <= 0 ? [a, b] : [b, a];
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
