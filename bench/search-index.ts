/**
 * `npm run bench -- search-index [--reviews 10000] [--db PATH] [--queries 400] [--seed 1]`
 *
 * In one process, without HTTP: writes and ingests N synthetic reviews (or opens the database at --db when
 * it holds one already; a new one is kept there), builds the analytics index and the search index beside
 * it, and prints
 *   - the search index's build time, size (documents, terms, bytes of postings) and the heap it adds;
 *   - search: p50/p95/p99 of the store's substring scan and of the index, over the same texts, and how
 *     many answers differ (none should);
 *   - recommendations(filter): p50/p95/p99 of store.statements() (count and page as two matches) and of the
 *     book's one pass, over agency × theme filters, with how many answers differ.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { openEmbeddedStore } from '../graph/embedded/store.ts';
import type { GraphStore } from '../graph/store.ts';
import { ingestPaths, loadTaxonomy } from '../ingest/index.ts';
import { IndexKeeper } from '../server/analytics/keeper.ts';
import { recommendationListing } from '../server/analytics/recommendations/listing.ts';
import { recommendationBook } from '../server/analytics/recommendations/load.ts';
import { labelsFrom, writeSyntheticCorpus } from './synthetic/index.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapMb(): number {
  gc();
  gc();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 2 ** 20;
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      reviews: { type: 'string', default: '10000' },
      db: { type: 'string' },
      queries: { type: 'string', default: '400' },
      seed: { type: 'string', default: '1' },
    },
  });
  const reviews = Number(values.reviews);
  const work = await mkdtemp(join(tmpdir(), 'threadline-bench-search-'));
  const dbPath = values.db ?? join(work, 'db');
  try {
    const store = await openEmbeddedStore({ path: dbPath });
    try {
      if (!existsSync(`${dbPath}.loaded`)) await load(store, work, dbPath, reviews, Number(values.seed));
      await measure(store, Number(values.queries));
    } finally {
      await store.close();
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function load(store: GraphStore, work: string, dbPath: string, reviews: number, seed: number) {
  const taxonomy = loadTaxonomy();
  const corpus = await writeSyntheticCorpus(join(work, 'corpus'), {
    reviews,
    perDocument: 500,
    seed,
    labels: labelsFrom(taxonomy),
  });
  await store.ensureSchema();
  const started = performance.now();
  await ingestPaths(store, [corpus.dir], { taxonomy });
  console.log(`ingested ${reviews.toLocaleString('en-GB')} reviews in ${seconds(started)} s`);
  const { writeFile } = await import('node:fs/promises');
  await writeFile(`${dbPath}.loaded`, String(reviews));
}

async function measure(store: GraphStore, queries: number) {
  const before = heapMb();
  let started = performance.now();
  const keeper = await IndexKeeper.open(store);
  console.log(
    `analytics index: ${keeper.index.size.toLocaleString('en-GB')} reviews in ${seconds(started)} s`,
  );
  const withAnalytics = heapMb();
  started = performance.now();
  while (!keeper.search.ready) await new Promise((r) => setTimeout(r, 50));
  const built = seconds(started);
  const withSearch = heapMb();
  const stats = keeper.search.stats();
  console.log(
    `search index: built ${built} s after the analytics index; ${stats.cases.toLocaleString('en-GB')} reviews, ` +
      `${stats.statements.toLocaleString('en-GB')} statements, ${stats.terms.toLocaleString('en-GB')} terms, ` +
      `postings ${(stats.postingBytes / 2 ** 20).toFixed(1)} MB; heap + array buffers: ` +
      `${before.toFixed(0)} MB before, ${withAnalytics.toFixed(0)} MB with the analytics index, ` +
      `${withSearch.toFixed(0)} MB with the search index (+${(withSearch - withAnalytics).toFixed(0)} MB)`,
  );

  const index = keeper.index;
  const labels = [...index.taxonomy.harmTypes, ...index.taxonomy.themes, ...index.taxonomy.agencies];
  const texts = searchTexts(labels.map((l) => l.label));
  const scan: number[] = [];
  const fromIndex: number[] = [];
  let differ = 0;
  for (let i = 0; i < queries; i++) {
    const text = texts[i % texts.length] ?? '';
    const first = 10 + (i % 41);
    let t = performance.now();
    const stored = await store.search(text, first);
    scan.push(performance.now() - t);
    t = performance.now();
    const indexed = keeper.search.search(text, first, index.taxonomy);
    fromIndex.push(performance.now() - t);
    if (JSON.stringify(stored) !== JSON.stringify(indexed)) differ++;
  }
  row('search, store scan', scan);
  row('search, index', fromIndex, `${differ} of ${queries} answers differ from the scan`);

  started = performance.now();
  const book = await recommendationBook(index, store);
  const bookSeconds = seconds(started);
  const agencies = index.taxonomy.agencies.map((a) => a.id);
  const themes = index.taxonomy.themes.map((t) => t.id);
  const twice: number[] = [];
  const once: number[] = [];
  differ = 0;
  const pages = Math.min(queries, 200);
  for (let i = 0; i < pages; i++) {
    const filter = {
      agencies: [agencies[i % agencies.length] ?? ''],
      themes: [themes[(i * 7) % themes.length] ?? ''],
    };
    let t = performance.now();
    const stored = await store.statements({ kind: 'recommendation', ...filter, limit: 20, offset: 0 });
    twice.push(performance.now() - t);
    t = performance.now();
    const listed = recommendationListing(book, { ...filter, offset: 0, limit: 20 });
    once.push(performance.now() - t);
    if (
      stored.total !== listed.total ||
      stored.items.map((s) => s.id).join() !== listed.items.map((s) => s.id).join()
    )
      differ++;
  }
  row('recommendations(filter), store', twice);
  row('recommendations(filter), book', once, `${differ} of ${pages} differ; book read in ${bookSeconds} s`);
}

/** Labels, their first words and the starts of those, and a few words of prose (as bench/api.ts asks). */
function searchTexts(labels: string[]): string[] {
  const out = new Set<string>(['mother', 'the', 'school', 'after the', 'assessment', 'wa', 'zzz']);
  for (const label of labels) {
    out.add(label);
    const [word = ''] = label.split(/\s+/);
    out.add(word.toLowerCase());
    if (word.length > 4) out.add(word.slice(0, 4).toLowerCase());
  }
  return [...out];
}

function row(name: string, latencies: number[], note = ''): void {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) =>
    (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN).toFixed(2);
  console.log(`${name.padEnd(34)} p50 ${at(0.5)} ms  p95 ${at(0.95)} ms  p99 ${at(0.99)} ms  ${note}`);
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}
