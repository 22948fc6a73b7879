/**
 * A synthetic theme network for the scale benchmark (?bench=300x5000): clustered, heavy-tailed weights,
 * seeded so every run draws the same map.
 */
import type { AnalyticNetwork } from '../api/network-queries.ts';

export function parseBenchSize(value: string | null): { themes: number; edges: number } | null {
  const m = /^(\d{1,4})x(\d{1,6})$/.exec(value ?? '');
  if (!m) return null;
  const themes = Math.max(2, Number(m[1]));
  const edges = Math.min(Number(m[2]), (themes * (themes - 1)) / 2);
  return { themes, edges };
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GROUPS = [
  'Practice',
  'Family context',
  'Systems',
  'Child',
  'Risk',
  'Communication',
  'Workforce',
  'Community',
];
const WORDS = [
  'assessment',
  'planning',
  'voice',
  'escalation',
  'records',
  'supervision',
  'transitions',
  'housing',
  'schooling',
  'health',
  'contact',
  'thresholds',
];

export function syntheticNetwork(themes: number, edges: number, seed = 42): AnalyticNetwork {
  const random = mulberry32(seed);
  const nodes = Array.from({ length: themes }, (_, i) => ({
    id: `theme-${i}`,
    label: `${WORDS[i % WORDS.length]} ${Math.floor(i / WORDS.length) + 1}`,
    group: GROUPS[i % GROUPS.length]!,
    weight: Math.max(1, Math.round(400 / (1 + i * 0.15))),
  }));
  const seen = new Set<string>();
  const out: AnalyticNetwork['edges'] = [];
  let guard = 0;
  while (out.length < edges && guard++ < edges * 50) {
    const a = Math.floor(random() * themes);
    // Two in three links stay inside a group, which gives the map visible clusters.
    const sameGroup = random() < 0.66;
    let b = Math.floor(random() * themes);
    if (sameGroup)
      b = (a + GROUPS.length * (1 + Math.floor(random() * (themes / GROUPS.length - 1)))) % themes;
    if (a === b) continue;
    const key = a < b ? `${a}-${b}` : `${b}-${a}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const wa = nodes[a]!.weight;
    const wb = nodes[b]!.weight;
    const weight = Math.max(1, Math.round(Math.min(wa, wb) * random() * 0.5));
    const lift = Math.round((0.5 + random() * 4) * 100) / 100;
    out.push({
      source: nodes[a]!.id,
      target: nodes[b]!.id,
      weight,
      lift,
      expected: weight / lift,
      pValue: Math.round(random() * 0.05 * 1e4) / 1e4,
    });
  }
  return withAnalytics(nodes, out);
}

/**
 * The analytics the API adds, approximated cheaply: a community per group, degree and weighted degree
 * counted, PageRank as the share of weighted degree, betweenness as the share of links leaving the group.
 */
function withAnalytics(
  nodes: ReadonlyArray<{ id: string; label: string; group: string; weight: number }>,
  edges: AnalyticNetwork['edges'],
): AnalyticNetwork {
  const group = new Map(nodes.map((n) => [n.id, GROUPS.indexOf(n.group)]));
  const degree = new Map<string, number>();
  const weighted = new Map<string, number>();
  const across = new Map<string, number>();
  for (const e of edges) {
    for (const [a, b] of [
      [e.source, e.target],
      [e.target, e.source],
    ] as const) {
      degree.set(a, (degree.get(a) ?? 0) + 1);
      weighted.set(a, (weighted.get(a) ?? 0) + e.weight);
      if (group.get(a) !== group.get(b)) across.set(a, (across.get(a) ?? 0) + 1);
    }
  }
  const totalWeighted = Math.max(
    1,
    [...weighted.values()].reduce((s, v) => s + v, 0),
  );
  return {
    caseCount: 2000,
    candidateEdges: edges.length,
    omitted: { total: 0, belowMinShared: 0, belowMinLift: 0, aboveMaxP: 0 },
    modularity: null,
    communities: GROUPS.map((name, id) => ({
      id,
      name,
      size: nodes.filter((n) => n.group === name).length,
      reviews: 0,
      themes: nodes.filter((n) => n.group === name).map((n) => ({ id: n.id })),
    })),
    nodes: nodes.map((n) => ({
      ...n,
      degree: degree.get(n.id) ?? 0,
      weightedDegree: weighted.get(n.id) ?? 0,
      betweenness: (across.get(n.id) ?? 0) / Math.max(1, edges.length),
      pageRank: (weighted.get(n.id) ?? 0) / totalWeighted,
      community: (degree.get(n.id) ?? 0) > 0 ? (group.get(n.id) ?? null) : null,
    })),
    edges,
  };
}
