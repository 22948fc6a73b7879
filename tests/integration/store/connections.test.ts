/**
 * Connections within a hop bound the engine answers directly (up to three hops): every pair of nodes of the
 * fixture graph, checked against an exhaustive walk over the same graph, including pairs further apart
 * than the bound, which have no connection at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../../graph/store.ts';
import { NATIONAL, SPRING, SUMMER, TAXONOMY } from '../../fixtures/batches.ts';
import { engines } from './engines.ts';

type Key = string;
const key = (n: { label: string; id: string }): Key => `${n.label}:${n.id}`;

/** Every shortest simple path of at most `maxHops` hops, as id lists in ascending order. */
function exhaustive(around: Map<Key, Key[]>, from: Key, to: Key, maxHops: number): string[][] {
  const found: Key[][] = [];
  const walk = (path: Key[]) => {
    const last = path[path.length - 1] as Key;
    if (last === to) return void found.push(path);
    if (path.length > maxHops) return;
    for (const next of new Set(around.get(last))) if (!path.includes(next)) walk([...path, next]);
  };
  walk([from]);
  const shortest = Math.min(...found.map((p) => p.length));
  return found
    .filter((p) => p.length === shortest)
    .map((p) => p.map((k) => k.slice(k.indexOf(':') + 1)))
    .sort((a, b) => a.join('\u0000').localeCompare(b.join('\u0000')));
}

describe.each(engines)('connections on the $name engine', (engine) => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await engine.fresh();
    await store.upsertTaxonomy(TAXONOMY);
    for (const batch of [SPRING, SUMMER, NATIONAL]) await store.loadSource(batch);
  });
  afterAll(() => engine.closeStores());

  it.each([2, 3])(
    'agrees with an exhaustive search on every pair within %i hops, and finds none beyond',
    async (maxHops) => {
      const everything = await store.neighbourhood({ label: 'Theme', id: 'escalation' }, 10, 10_000);
      const around = new Map<Key, Key[]>();
      for (const e of everything.edges) {
        around.set(key(e.source), [...(around.get(key(e.source)) ?? []), key(e.target)]);
        around.set(key(e.target), [...(around.get(key(e.target)) ?? []), key(e.source)]);
      }
      const nodes = everything.nodes.filter((n) => n.label !== 'Learning' && n.label !== 'Recommendation');
      let unconnected = 0;
      for (const a of nodes) {
        for (const b of nodes) {
          if (key(a) >= key(b)) continue;
          const expected = exhaustive(around, key(a), key(b), maxHops);
          if (expected.length === 0) unconnected++;
          const paths = await store.connections(a, b, maxHops, 1000);
          expect(
            paths.map((p) => p.nodes.map((n) => n.id)),
            `${key(a)} to ${key(b)}`,
          ).toEqual(expected);
        }
      }
      expect(unconnected).toBeGreaterThan(0);
    },
  );
});
