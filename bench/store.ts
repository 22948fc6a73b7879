/**
 * `npm run bench -- store [--reviews N] [--per-source K] [--chunk D] [--steps] [--keep]`
 *
 * Generates N synthetic case reviews as SourceBatch records in memory (K reviews per document; each review
 * with 5 themes, 3 agencies, 2 harm types, 4 learning and 3 recommendation statements, their links and
 * evidence quotes cut from the document text), loads them with `loadSources` (D documents per call; default
 * all in one call) into a fresh embedded database in a temp folder, and prints rows, seconds, rows per
 * second and peak memory; then times the read methods the server leans on at that size.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEmbeddedStore } from '../graph/embedded/store.ts';
import type {
  AgencyRecord,
  CaseReviewRecord,
  LinkRecord,
  SourceBatch,
  StatementRecord,
  TaxonomyRecords,
  TaxonRecord,
  ThemeRecord,
} from '../graph/records.ts';
import type { GraphStore } from '../graph/store.ts';

interface Options {
  reviews: number;
  perSource: number;
  chunk: number;
  keep: boolean;
  steps: boolean;
}

function parseArgs(args: string[]): Options {
  const value = (flag: string, fallback: number) => {
    const at = args.indexOf(flag);
    const parsed = at >= 0 ? Number(args[at + 1]) : fallback;
    if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`${flag} needs a positive whole number`);
    return parsed;
  };
  const reviews = value('--reviews', 100_000);
  return {
    reviews,
    perSource: value('--per-source', 20),
    chunk: value('--chunk', Number.MAX_SAFE_INTEGER),
    keep: args.includes('--keep'),
    steps: args.includes('--steps'),
  };
}

/** A small deterministic generator, so runs are comparable. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function taxonomy(): TaxonomyRecords {
  const taxa = (prefix: string, n: number): TaxonRecord[] =>
    Array.from({ length: n }, (_, i) => ({
      id: `${prefix}-${i}`,
      label: `${prefix} ${i}`,
      description: `${prefix} ${i}`,
    }));
  const sectors = ['police', 'health', 'social care', 'education', 'justice', 'voluntary'] as const;
  return {
    harmTypes: taxa('harm', 8),
    agencies: taxa('agency', 20).map(
      (t, i): AgencyRecord => ({ ...t, sector: sectors[i % sectors.length] ?? 'police' }),
    ),
    themes: taxa('theme', 60).map((t, i): ThemeRecord => ({ ...t, group: `group ${i % 6}` })),
  };
}

const PHRASES = [
  'professionals did not share what they knew',
  'the family moved "three times" in a year',
  'nobody asked the child; records were incomplete',
  'health visiting, school and police each held part of the picture',
  'concerns were logged\nbut not escalated',
  'the plan was closed too early — café, naïve, Zoë',
];

/** Writes one document: the text, and for each review the spans its records quote. */
class DocumentWriter {
  private parts: string[] = [];
  private length = 0;

  /** Appends a sentence and returns its offsets in the text. */
  sentence(text: string): { quote: string; start: number; end: number } {
    const start = this.length;
    this.parts.push(text, '\n');
    this.length += text.length + 1;
    return { quote: text, start, end: start + text.length };
  }

  text(): string {
    return this.parts.join('');
  }
}

function pick(next: () => number, n: number, from: number): number[] {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(n, from)) chosen.add(Math.floor(next() * from));
  return [...chosen];
}

function syntheticBatch(doc: number, first: number, count: number, tax: TaxonomyRecords, next: () => number) {
  // Ingest keys a source by the sha256 of its file: 64 characters on every link, as here.
  const sourceId = createHash('sha256').update(`bench document ${doc}`).digest('hex');
  const writer = new DocumentWriter();
  writer.sentence(`Synthetic bulletin ${doc}`);
  const cases: CaseReviewRecord[] = [];
  const learning: StatementRecord[] = [];
  const recommendations: StatementRecord[] = [];
  const links: LinkRecord[] = [];
  const link = (
    type: LinkRecord['type'],
    from: string,
    to: string,
    span: { quote: string; start: number; end: number },
  ) => links.push({ type, from, to, sourceId, ...span });
  for (let n = first; n < first + count; n++) {
    const id = `bench-case-${n}`;
    const phrase = () => PHRASES[Math.floor(next() * PHRASES.length)] ?? '';
    cases.push({
      id,
      title: `Child ${n}`,
      child: `Child ${n % 26}`,
      reviewType: 'LCSPR',
      partnership: `Partnership ${n % 150}`,
      authors: null,
      reportYear: 2010 + (n % 15),
      incidentYear: 2009 + (n % 15),
      age: `${n % 17}`,
      ageBand: '6-10',
      gender: n % 2 ? 'female' : 'male',
      outcome: n % 3 ? 'serious-harm' : 'death',
      summary: `Review ${n}: ${phrase()}.`,
      topic: null,
    });
    link(
      'PUBLISHED_IN',
      id,
      sourceId,
      writer.sentence(`${n}. Child ${n}, Partnership ${n % 150}, ${2010 + (n % 15)}`),
    );
    for (const h of pick(next, 2, tax.harmTypes.length))
      link('CONCERNS', id, `harm-${h}`, writer.sentence(`Harm ${h}: ${phrase()}.`));
    for (const a of pick(next, 3, tax.agencies.length))
      link('INVOLVED', id, `agency-${a}`, writer.sentence(`Agency ${a} was involved; ${phrase()}.`));
    for (const t of pick(next, 5, tax.themes.length))
      link('HAS_THEME', id, `theme-${t}`, writer.sentence(`Theme ${t}: ${phrase()}.`));
    for (let i = 0; i < 4; i++) {
      const span = writer.sentence(`Learning ${i} for review ${n}: ${phrase()}, so "${phrase()}".`);
      const statement = { id: `${id}-L${i}`, text: span.quote, sourceId, start: span.start, end: span.end };
      learning.push(statement);
      link('HAS_LEARNING', id, statement.id, span);
      for (const t of pick(next, 1 + (i % 2), tax.themes.length))
        link('ABOUT', statement.id, `theme-${t}`, span);
    }
    for (let i = 0; i < 3; i++) {
      const span = writer.sentence(`Recommendation ${i} for review ${n}: ${phrase()}.`);
      const statement = { id: `${id}-R${i}`, text: span.quote, sourceId, start: span.start, end: span.end };
      recommendations.push(statement);
      link('MAKES', id, statement.id, span);
      link('TARGETS', statement.id, `agency-${Math.floor(next() * tax.agencies.length)}`, span);
      link('ADDRESSES', statement.id, `theme-${Math.floor(next() * tax.themes.length)}`, span);
    }
  }
  const batch: SourceBatch = {
    source: {
      id: sourceId,
      sha256: sourceId,
      title: `Synthetic bulletin ${doc}`,
      publisher: 'Bench',
      published: '2024-01',
      path: `bench/synthetic-${doc}.txt`,
      format: 'txt',
      kind: 'repository-bulletin',
      ingestedAt: '2024-01-01T00:00:00.000Z',
      text: writer.text(),
    },
    cases,
    learning,
    recommendations,
    links,
  };
  return batch;
}

/** `reviews` synthetic case reviews, `perSource` to a document, deterministic. */
export function syntheticBatches(
  reviews: number,
  perSource: number,
  tax: TaxonomyRecords = taxonomy(),
): SourceBatch[] {
  const next = random(42);
  const out: SourceBatch[] = [];
  for (let first = 0, doc = 0; first < reviews; first += perSource, doc++) {
    out.push(syntheticBatch(doc, first, Math.min(perSource, reviews - first), tax, next));
  }
  return out;
}

function rowsOf(batches: readonly SourceBatch[]) {
  let nodes = 0;
  let links = 0;
  for (const b of batches) {
    nodes += 1 + b.cases.length + b.learning.length + b.recommendations.length;
    links += b.links.length;
  }
  return { nodes, links };
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, (performance.now() - started) / 1000];
}

async function readFigures(store: GraphStore): Promise<Array<[string, number, string]>> {
  const figures: Array<[string, number, string]> = [];
  const [counts, countsS] = await timed(() => store.counts());
  figures.push(['counts', countsS, `${counts.nodes.CaseReview} case reviews`]);
  const [facets, facetsS] = await timed(() => store.caseFacets());
  figures.push(['caseFacets', facetsS, `${facets.length} rows`]);
  const [page, pageS] = await timed(() =>
    store.statements({ kind: 'learning', themes: ['theme-7'], limit: 50, offset: 0 }),
  );
  figures.push(['statements (theme filter, page of 50)', pageS, `total ${page.total}`]);
  const [detail, detailS] = await timed(() => store.caseDetail('bench-case-4242'));
  figures.push(['caseDetail', detailS, `${detail?.learning.length ?? 0} learning`]);
  const [hits, searchS] = await timed(() => store.search('partnership 14', 20));
  figures.push(['search', searchS, `${hits.length} hits`]);
  const [near, nearS] = await timed(() =>
    store.neighbourhood({ label: 'CaseReview', id: 'bench-case-77' }, 2, 200),
  );
  figures.push(['neighbourhood (depth 2, 200 nodes)', nearS, `${near.edges.length} edges`]);
  const [paths, pathsS] = await timed(() =>
    store.connections(
      { label: 'CaseReview', id: 'bench-case-1' },
      { label: 'CaseReview', id: 'bench-case-99999' },
      4,
      5,
    ),
  );
  figures.push(['connections (2 cases, 4 hops)', pathsS, `${paths.length} paths`]);
  return figures;
}

function table(rows: Array<[string, string]>): string {
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`).join('\n');
}

export async function run(args: string[]): Promise<void> {
  const opts = parseArgs(args);
  const tax = taxonomy();
  const [batches, generateS] = await timed(async () => syntheticBatches(opts.reviews, opts.perSource, tax));
  const { nodes, links } = rowsOf(batches);
  const dir = await mkdtemp(join(tmpdir(), 'threadline-bench-store-'));
  const path = join(dir, 'threadline.lbug');
  const stepTimes: Array<[string, string]> = [];
  let stepStarted = performance.now();
  let stepCpu = process.cpuUsage();
  let stepName = 'prepare';
  const onBulkStep = (step: string) => {
    const now = performance.now();
    const cpu = process.cpuUsage(stepCpu);
    const cpuS = (cpu.user + cpu.system) / 1e6;
    stepTimes.push([stepName, `${((now - stepStarted) / 1000).toFixed(2)} s wall, ${cpuS.toFixed(2)} s CPU`]);
    [stepName, stepStarted, stepCpu] = [step, now, process.cpuUsage()];
  };
  const store = await openEmbeddedStore({
    path,
    ...(opts.steps ? { onBulkStep } : {}),
  });
  try {
    await store.ensureSchema();
    await store.upsertTaxonomy(tax);
    const cpuBefore = process.cpuUsage();
    const [, loadS] = await timed(async () => {
      for (let i = 0; i < batches.length; i += opts.chunk)
        await store.loadSources(batches.slice(i, i + opts.chunk));
    });
    if (opts.steps) {
      onBulkStep('end');
      console.log('bulk steps:');
      console.log(table(stepTimes));
    }
    const rows = nodes + links;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuS = (cpu.user + cpu.system) / 1e6;
    const peakMb = process.resourceUsage().maxRSS / 1024;
    console.log(`store bench: ${store.description}`);
    console.log(
      table([
        ['case reviews', String(opts.reviews)],
        [
          'documents (loadSources batches)',
          `${batches.length} (${Math.min(opts.chunk, batches.length)} per call)`,
        ],
        ['rows (nodes + links)', `${rows} (${nodes} nodes + ${links} links)`],
        ['generate (in memory)', `${generateS.toFixed(2)} s`],
        ['loadSources', `${loadS.toFixed(2)} s`],
        ['rows/s', `${Math.round(rows / loadS)}`],
        ['CPU time (all threads)', `${cpuS.toFixed(2)} s (${Math.round(rows / cpuS)} rows per CPU second)`],
        ['peak RSS', `${peakMb.toFixed(0)} MB`],
      ]),
    );
    const [, again] = await timed(() =>
      store.loadSources(batches.slice(0, Math.min(opts.chunk, batches.length))),
    );
    console.log(table([['reload (all unchanged)', `${again.toFixed(2)} s`]]));
    console.log('reads at this size:');
    console.log(
      table((await readFigures(store)).map(([k, s, note]) => [k, `${(s * 1000).toFixed(0)} ms  (${note})`])),
    );
  } finally {
    await store.close();
    if (opts.keep) console.log(`database kept at ${path}`);
    else await rm(dir, { recursive: true, force: true });
  }
}
