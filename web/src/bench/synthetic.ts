/**
 * A synthetic theme network for the scale benchmark (?bench=300x5000): clustered, heavy-tailed weights,
 * seeded so every run draws the same map.
 */
import type { ThemeNetwork } from '../api/types.ts';

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

export function syntheticNetwork(themes: number, edges: number, seed = 42): ThemeNetwork {
  const random = mulberry32(seed);
  const nodes = Array.from({ length: themes }, (_, i) => ({
    id: `theme-${i}`,
    label: `${WORDS[i % WORDS.length]} ${Math.floor(i / WORDS.length) + 1}`,
    group: GROUPS[i % GROUPS.length]!,
    weight: Math.max(1, Math.round(400 / (1 + i * 0.15))),
  }));
  const seen = new Set<string>();
  const out: ThemeNetwork['edges'] = [];
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
    out.push({
      source: nodes[a]!.id,
      target: nodes[b]!.id,
      weight: Math.max(1, Math.round(Math.min(wa, wb) * random() * 0.5)),
      lift: Math.round((0.5 + random() * 4) * 100) / 100,
    });
  }
  return { nodes, edges: out, caseCount: 2000 };
}
