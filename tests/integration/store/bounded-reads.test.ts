/**
 * Neighbourhoods and connections read no more than their answers need, and still give the answers the read
 * rules define. The graph: 1,300 reviews in one document, so that a theme, an agency and a harm type each
 * link to more reviews than the store keeps of a hub's list (1,024), with review ids that do not sort in
 * the order they were written. Every answer of the embedded engine is checked against a breadth-first walk
 * over the batch's own records, written here from the rules alone.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Session } from '../../../graph/embedded/database.ts';
import { openEmbeddedStore } from '../../../graph/embedded/store.ts';
import type { LinkRecord, SourceBatch, StatementRecord } from '../../../graph/records.ts';
import { relDecl } from '../../../graph/schema/model.ts';
import type { GraphEdge, GraphNode, GraphStore, NodeRef } from '../../../graph/store.ts';
import { TAXONOMY } from '../../fixtures/batches.ts';

const REVIEWS = 1_300;
const THEME_HUB: NodeRef = { label: 'Theme', id: 'information-sharing' };

type Key = string;
const key = (n: NodeRef): Key => `${n.label}\u0000${n.id}`;
const refOf = (k: Key): NodeRef => {
  const [label, id] = k.split('\u0000');
  return { label: label as NodeRef['label'], id: id as string };
};
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** One document of `count` reviews; each link's quote is a line of its own, so every offset is exact. */
function document(name: string, ids: string[], shape: (i: number) => Shape): SourceBatch {
  const lines: string[] = [];
  const quote = (text: string) => {
    lines.push(text);
    return text;
  };
  const planned = ids.map((id, i) => ({ id, i, shape: shape(i) }));
  const heading = (id: string) => quote(`Review ${id} of ${name}.`);
  const statements: { learning: StatementRecord[]; recommendations: StatementRecord[] } = {
    learning: [],
    recommendations: [],
  };
  const pending: Array<Omit<LinkRecord, 'sourceId' | 'start' | 'end'> & { quote: string }> = [];
  for (const { id, shape: s } of planned) {
    pending.push({ type: 'PUBLISHED_IN', from: id, to: '', quote: heading(id) });
    for (const t of s.themes)
      pending.push({ type: 'HAS_THEME', from: id, to: t, quote: quote(`${id} is about ${t}.`) });
    for (const a of s.agencies)
      pending.push({ type: 'INVOLVED', from: id, to: a, quote: quote(`${id} involved ${a}.`) });
    for (const h of s.harmTypes)
      pending.push({ type: 'CONCERNS', from: id, to: h, quote: quote(`${id} concerns ${h}.`) });
    if (s.learning) {
      const text = quote(`Learning of ${id}: ${s.learning.join(' and ')}.`);
      const sid = `lrn-${name}-${id}`;
      statements.learning.push({ id: sid, text, sourceId: '', start: 0, end: 0 });
      pending.push({ type: 'HAS_LEARNING', from: id, to: sid, quote: text });
      for (const t of s.learning) pending.push({ type: 'ABOUT', from: sid, to: t, quote: text });
    }
    if (s.recommendation) {
      const text = quote(
        `Recommendation of ${id} to ${s.recommendation.agency} on ${s.recommendation.theme}.`,
      );
      const sid = `rec-${name}-${id}`;
      statements.recommendations.push({ id: sid, text, sourceId: '', start: 0, end: 0 });
      pending.push({ type: 'MAKES', from: id, to: sid, quote: text });
      pending.push({ type: 'ADDRESSES', from: sid, to: s.recommendation.theme, quote: text });
      pending.push({ type: 'TARGETS', from: sid, to: s.recommendation.agency, quote: text });
    }
  }
  const text = lines.join('\n');
  const sourceId = createHash('sha256').update(text).digest('hex');
  const at = (q: string) => {
    const start = text.indexOf(q);
    return { start, end: start + q.length };
  };
  const placed = (s: StatementRecord) => ({ ...s, sourceId, ...at(s.text) });
  return {
    source: {
      id: sourceId,
      sha256: sourceId,
      title: `Bulletin ${name}`,
      publisher: null,
      published: null,
      path: `bulletins/${name}.txt`,
      format: 'text',
      kind: 'bulletin',
      ingestedAt: '2024-07-01T09:30:00.000Z',
      text,
    },
    cases: planned.map(({ id }) => ({
      id,
      title: `Review ${id}`,
      child: null,
      reviewType: 'OTHER',
      partnership: null,
      authors: null,
      reportYear: null,
      incidentYear: null,
      age: null,
      ageBand: null,
      gender: null,
      outcome: null,
      summary: null,
      topic: null,
    })),
    learning: statements.learning.map(placed),
    recommendations: statements.recommendations.map(placed),
    links: pending.map(({ quote: q, ...link }) => ({
      ...link,
      to: link.type === 'PUBLISHED_IN' ? sourceId : link.to,
      sourceId,
      quote: q,
      ...at(q),
    })),
  };
}

interface Shape {
  themes: string[];
  agencies: string[];
  harmTypes: string[];
  learning?: string[];
  recommendation?: { theme: string; agency: string };
}

function bigShape(i: number): Shape {
  const themes = ['information-sharing'];
  if (i % 3 === 0) themes.push('escalation');
  if (i % 7 === 0) themes.push('think-family');
  if (i % 2 === 1) themes.push('voice-of-the-child');
  return {
    themes,
    agencies: [...(i % 2 === 0 ? ['police'] : []), ...(i % 5 === 0 ? ['gp'] : [])],
    harmTypes: ['neglect', ...(i % 11 === 0 ? ['sexual-abuse'] : [])],
    ...(i % 10 === 0 ? { learning: ['information-sharing', ...(i % 20 === 0 ? ['think-family'] : [])] } : {}),
    ...(i % 13 === 0 ? { recommendation: { theme: 'escalation', agency: 'police' } } : {}),
  };
}

/** Ids that do not sort in the order the reviews are written. */
const BIG_IDS = Array.from(
  { length: REVIEWS },
  (_, i) => `r-${String((i * 7919) % 10007).padStart(5, '0')}-${i}`,
);
const idOf = (i: number): string => BIG_IDS[i] as string;
const BIG = document('big', BIG_IDS, bigShape);
/** A later document whose reviews sort before every other and share the hub theme. */
const EARLY = document('early', ['a-1', 'a-2', 'a-3'], () => ({
  themes: ['information-sharing'],
  agencies: [],
  harmTypes: [],
}));

/** The graph of some batches as the rules see it: nodes with captions, distinct links. */
class Reference {
  readonly captions = new Map<Key, string>();
  readonly around = new Map<Key, Map<Key, Set<string>>>();

  constructor(batches: SourceBatch[]) {
    for (const t of TAXONOMY.themes) this.captions.set(key({ label: 'Theme', id: t.id }), t.label);
    for (const a of TAXONOMY.agencies) this.captions.set(key({ label: 'Agency', id: a.id }), a.label);
    for (const h of TAXONOMY.harmTypes) this.captions.set(key({ label: 'HarmType', id: h.id }), h.label);
    for (const b of batches) {
      this.captions.set(key({ label: 'Source', id: b.source.id }), b.source.title);
      for (const c of b.cases) this.captions.set(key({ label: 'CaseReview', id: c.id }), c.title);
      for (const s of b.learning) this.captions.set(key({ label: 'Learning', id: s.id }), s.text);
      for (const s of b.recommendations)
        this.captions.set(key({ label: 'Recommendation', id: s.id }), s.text);
      for (const l of b.links) {
        const decl = relDecl(l.type);
        const from = key({ label: decl.from, id: l.from });
        const to = key({ label: decl.to, id: l.to });
        this.link(from, to, l.type);
        this.link(to, from, l.type);
      }
    }
  }

  private link(a: Key, b: Key, type: string) {
    const next = this.around.get(a) ?? new Map<Key, Set<string>>();
    next.set(b, (next.get(b) ?? new Set()).add(type));
    this.around.set(a, next);
  }

  /** Breadth first; each distance's new nodes by label, then id; until `limit` nodes. */
  neighbourhood(start: NodeRef, depth: number, limit: number): { nodes: GraphNode[]; edges: GraphEdge[] } {
    const order = [key(start)];
    const seen = new Set(order);
    let frontier = [key(start)];
    for (let d = 1; d <= depth && order.length < limit; d++) {
      const next = new Set<Key>();
      for (const k of frontier)
        for (const n of this.around.get(k)?.keys() ?? []) if (!seen.has(n)) next.add(n);
      const sorted = [...next]
        .map(refOf)
        .sort((a, b) => cmp(a.label, b.label) || cmp(a.id, b.id))
        .slice(0, limit - order.length)
        .map(key);
      for (const k of sorted) {
        seen.add(k);
        order.push(k);
      }
      frontier = sorted;
    }
    const edges: GraphEdge[] = [];
    for (const a of order) {
      for (const [b, types] of this.around.get(a) ?? []) {
        if (!seen.has(b)) continue;
        for (const type of types) {
          const decl = relDecl(type as GraphEdge['type']);
          if (refOf(a).label !== decl.from) continue;
          edges.push({ type: type as GraphEdge['type'], source: refOf(a), target: refOf(b) });
        }
      }
    }
    edges.sort(
      (x, y) =>
        cmp(x.type, y.type) ||
        cmp(x.source.label, y.source.label) ||
        cmp(x.source.id, y.source.id) ||
        cmp(x.target.label, y.target.label) ||
        cmp(x.target.id, y.target.id),
    );
    return {
      nodes: order.map((k) => ({ ...refOf(k), caption: this.captions.get(k) ?? refOf(k).id })),
      edges,
    };
  }

  /** Every shortest path of at most `maxHops`, ordered by the nodes along it (id, label), then the types. */
  connections(from: NodeRef, to: NodeRef, maxHops: number, limit: number): string[] {
    const distance = new Map([[key(from), 0]]);
    let frontier = [key(from)];
    for (let d = 1; d <= maxHops && !distance.has(key(to)); d++) {
      const next: Key[] = [];
      for (const k of frontier)
        for (const n of this.around.get(k)?.keys() ?? [])
          if (!distance.has(n)) {
            distance.set(n, d);
            next.push(n);
          }
      frontier = next;
    }
    const length = distance.get(key(to));
    if (length === undefined || length === 0) return [];
    const paths: Array<{ nodes: Key[]; types: string[] }> = [];
    const walk = (at: Key, nodes: Key[], types: string[]) => {
      if (nodes.length === length + 1) {
        if (at === key(to)) paths.push({ nodes, types });
        return;
      }
      for (const [n, ts] of this.around.get(at) ?? []) {
        const d = distance.get(n);
        const last = nodes.length === length;
        if (last ? n !== key(to) : d !== nodes.length) continue;
        for (const t of ts) walk(n, [...nodes, n], [...types, t]);
      }
    };
    walk(key(from), [key(from)], []);
    const sortKey = (p: { nodes: Key[]; types: string[] }) => [
      ...p.nodes.slice(1, -1).flatMap((k) => [refOf(k).id, refOf(k).label]),
      ...p.types,
    ];
    return paths
      .sort((a, b) => {
        const [x, y] = [sortKey(a), sortKey(b)];
        for (let i = 0; i < x.length; i++) {
          const order = cmp(x[i] as string, y[i] as string);
          if (order !== 0) return order;
        }
        return 0;
      })
      .slice(0, limit)
      .map((p) => spell(p.nodes.map(refOf), p.types));
  }
}

function spell(nodes: NodeRef[], types: string[]): string {
  return nodes.map((n, i) => `${n.label}:${n.id}${i < types.length ? ` -${types[i]}- ` : ''}`).join('');
}

/** Rows the engine hands over, counted at the one place every query passes through. */
function countRows(): { rows: () => number; stop: () => void } {
  const original = Session.prototype.rows;
  let rows = 0;
  Session.prototype.rows = async function (this: Session, ...args: Parameters<Session['rows']>) {
    const found = await original.apply(this, args);
    rows += found.length;
    return found;
  };
  return {
    rows: () => rows,
    stop: () => {
      Session.prototype.rows = original;
    },
  };
}

/** Connections between two nodes, and whether only the captions of their nodes crossed from the engine. */
async function captionsOnly(store: GraphStore, from: NodeRef, to: NodeRef, maxHops: number, limit: number) {
  const counted = countRows();
  const paths = await store.connections(from, to, maxHops, limit);
  counted.stop();
  const distinct = new Set(paths.flatMap((p) => p.nodes.map(key))).size;
  return { paths, memory: counted.rows() <= distinct };
}

/** Waits until the store answers from the graph it holds in memory (read in the background after a write). */
async function inMemory(store: GraphStore): Promise<void> {
  const until = Date.now() + 60_000;
  const [a, b] = [THEME_HUB, { label: 'Agency', id: 'gp' } as const];
  while (!(await captionsOnly(store, a, b, 4, 20)).memory) {
    if (Date.now() > until) throw new Error('the store never answered from memory');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.each([
  { answered: 'from the engine', index: false },
  { answered: 'from the graph held in memory', index: true },
])('bounded neighbourhood and connections reads on the embedded engine, answered $answered', ({ index }) => {
  let dir: string;
  let store: GraphStore;
  const reference = new Reference([BIG]);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'threadline-bounded-'));
    store = await openEmbeddedStore({ path: join(dir, 'db'), adjacencyIndex: index });
    await store.ensureSchema();
    await store.upsertTaxonomy(TAXONOMY);
    await store.loadSource(BIG);
    if (index) await inMemory(store);
  }, 120_000);
  afterAll(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("stops reading a theme's reviews once the limit is reached, and reads only its link count the next time", async () => {
    const first = countRows();
    const near = await store.neighbourhood(THEME_HUB, 1, 40);
    first.stop();
    expect(near).toEqual(reference.neighbourhood(THEME_HUB, 1, 40));
    // The theme links to 1,300 reviews: at most the first 1,024 ids cross into JavaScript, once.
    expect(first.rows()).toBeLessThan(1_024 + 100);
    const again = countRows();
    expect(await store.neighbourhood(THEME_HUB, 1, 60)).toEqual(reference.neighbourhood(THEME_HUB, 1, 60));
    again.stop();
    expect(again.rows()).toBeLessThan(60 + 20);
  });

  it('shares the kept list of a hub among all its reader sessions: reads at once from several read only what they answer', async () => {
    const alone = reference.neighbourhood(THEME_HUB, 1, 40);
    expect(await store.neighbourhood(THEME_HUB, 1, 40)).toEqual(alone);
    const counted = countRows();
    const together = await Promise.all([1, 2, 3, 4].map(() => store.neighbourhood(THEME_HUB, 1, 40)));
    counted.stop();
    for (const answer of together) expect(answer).toEqual(alone);
    // Four sessions each building their own list would read over 3,000 ids of the theme's reviews.
    expect(counted.rows()).toBeLessThan(4 * (40 + 20));
  });

  it.each<[string, NodeRef]>([
    ['a theme', THEME_HUB],
    ['a smaller theme', { label: 'Theme', id: 'think-family' }],
    ['an agency', { label: 'Agency', id: 'police' }],
    ['a harm type', { label: 'HarmType', id: 'neglect' }],
    ['a review', { label: 'CaseReview', id: idOf(140) }],
    ['a learning statement', { label: 'Learning', id: `lrn-big-${idOf(20)}` }],
    ['a recommendation', { label: 'Recommendation', id: `rec-big-${idOf(26)}` }],
    ['the source', { label: 'Source', id: BIG.source.id }],
  ])(
    'gives the breadth-first answer of the rules around %s, at depths 1 to 3',
    async (_, start) => {
      for (const depth of [1, 2, 3])
        for (const limit of [1, 2, 7, 40, 500, 1_100])
          expect(await store.neighbourhood(start, depth, limit), `depth ${depth}, limit ${limit}`).toEqual(
            reference.neighbourhood(start, depth, limit),
          );
    },
    120_000,
  );

  it('gives a theme its whole neighbourhood when the limit is beyond every node', async () => {
    const everything = reference.neighbourhood(THEME_HUB, 10, 100_000);
    expect(await store.neighbourhood(THEME_HUB, 10, 100_000)).toEqual(everything);
    expect(everything.nodes.length).toBeGreaterThan(REVIEWS);
  }, 120_000);

  it.each<[string, NodeRef, NodeRef]>([
    ['two themes sharing every review', THEME_HUB, { label: 'HarmType', id: 'neglect' }],
    ['two themes sharing some', { label: 'Theme', id: 'escalation' }, { label: 'Theme', id: 'think-family' }],
    [
      'a theme and an agency',
      { label: 'Theme', id: 'voice-of-the-child' },
      { label: 'Agency', id: 'police' },
    ],
    [
      'a review and a theme it lacks',
      { label: 'CaseReview', id: idOf(1) },
      { label: 'Theme', id: 'think-family' },
    ],
    ['a theme and a review', { label: 'Theme', id: 'escalation' }, { label: 'CaseReview', id: idOf(4) }],
    ['two reviews', { label: 'CaseReview', id: idOf(3) }, { label: 'CaseReview', id: idOf(1_000) }],
    [
      'a learning statement and an agency',
      { label: 'Learning', id: `lrn-big-${idOf(30)}` },
      { label: 'Agency', id: 'gp' },
    ],
    [
      'a recommendation and a harm type',
      { label: 'Recommendation', id: `rec-big-${idOf(39)}` },
      { label: 'HarmType', id: 'sexual-abuse' },
    ],
    [
      'the source and a theme',
      { label: 'Source', id: BIG.source.id },
      { label: 'Theme', id: 'think-family' },
    ],
  ])(
    'finds the shortest paths of the rules between %s',
    async (_, from, to) => {
      for (const maxHops of [1, 2, 3, 4])
        for (const limit of [1, 5, 20]) {
          const paths = await store.connections(from, to, maxHops, limit);
          expect(
            paths.map((p) =>
              spell(
                p.nodes,
                p.edges.map((e) => e.type),
              ),
            ),
            `maxHops ${maxHops}, first ${limit}`,
          ).toEqual(reference.connections(from, to, maxHops, limit));
        }
    },
    120_000,
  );

  it.runIf(index)(
    'answers connections from the graph held in memory once it is read: only the captions of the paths cross from the engine',
    async () => {
      const pairs: Array<[NodeRef, NodeRef]> = [
        [
          { label: 'CaseReview', id: idOf(3) },
          { label: 'CaseReview', id: idOf(1_000) },
        ],
        [THEME_HUB, { label: 'Agency', id: 'gp' }],
        [
          { label: 'Learning', id: `lrn-big-${idOf(30)}` },
          { label: 'Recommendation', id: `rec-big-${idOf(39)}` },
        ],
        [
          { label: 'Agency', id: 'police' },
          { label: 'HarmType', id: 'sexual-abuse' },
        ],
        [
          { label: 'Source', id: BIG.source.id },
          { label: 'CaseReview', id: idOf(7) },
        ],
      ];
      for (const [from, to] of pairs)
        for (const maxHops of [1, 2, 3, 4])
          for (const limit of [1, 5, 20]) {
            const { paths, memory } = await captionsOnly(store, from, to, maxHops, limit);
            const label = `${key(from)} to ${key(to)}, maxHops ${maxHops}, first ${limit}`;
            expect(memory, label).toBe(true);
            expect(
              paths.map((p) =>
                spell(
                  p.nodes,
                  p.edges.map((e) => e.type),
                ),
              ),
              label,
            ).toEqual(reference.connections(from, to, maxHops, limit));
          }
    },
    120_000,
  );

  it('answers from what is stored now after a document adds reviews to a hub and after it is removed', async () => {
    const before = reference.neighbourhood(THEME_HUB, 1, 12);
    expect(await store.neighbourhood(THEME_HUB, 1, 12)).toEqual(before);
    await store.loadSource(EARLY);
    const grown = new Reference([BIG, EARLY]);
    expect(await store.neighbourhood(THEME_HUB, 1, 12)).toEqual(grown.neighbourhood(THEME_HUB, 1, 12));
    expect((await store.neighbourhood(THEME_HUB, 1, 12)).nodes[1]?.id).toBe('a-1');
    const pair = [
      { label: 'CaseReview', id: 'a-2' },
      { label: 'HarmType', id: 'neglect' },
    ] as const;
    expect(
      (await store.connections(pair[0], pair[1], 3, 5)).map((p) =>
        spell(
          p.nodes,
          p.edges.map((e) => e.type),
        ),
      ),
    ).toEqual(grown.connections(pair[0], pair[1], 3, 5));
    if (index) {
      await inMemory(store);
      expect(await store.neighbourhood(THEME_HUB, 1, 12)).toEqual(grown.neighbourhood(THEME_HUB, 1, 12));
      const read = await captionsOnly(store, pair[0], pair[1], 3, 5);
      expect(read.memory).toBe(true);
      expect(
        read.paths.map((p) =>
          spell(
            p.nodes,
            p.edges.map((e) => e.type),
          ),
        ),
      ).toEqual(grown.connections(pair[0], pair[1], 3, 5));
    }
    await store.removeSource(EARLY.source.id);
    expect(await store.neighbourhood(THEME_HUB, 1, 12)).toEqual(before);
    if (index) {
      await inMemory(store);
      expect(await store.neighbourhood(THEME_HUB, 1, 12)).toEqual(before);
    }
  }, 120_000);
});
