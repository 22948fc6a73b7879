/**
 * `npm run bench -- ingest [--reviews 100000] [--per-document 1000] [--engine embedded|neo4j] [--seed 1]
 *  [--chunk 1000] [--chunk-cases 50000] [--threads N] [--sample 3] [--keep]`
 *
 * Writes a synthetic corpus to a temporary folder, then measures, separately:
 *  - steps: read, segment + classify + ids, build records, on the main thread over the first --sample files;
 *  - extract: read + segment + classify over every file on --threads worker threads (reviews/s);
 *  - load: store.loadSources over the prepared batches into an empty store, in the chunks ingestPaths sends
 *    (--chunk documents or --chunk-cases case reviews, its defaults unless given): rows/s (rows = nodes +
 *    links), the database's size after it, and both against a raw COPY;
 *  - raw COPY: the same rows staged as CSV and copied once per table into an empty database, then one
 *    checkpoint: no snapshot, journal, lookups or second phase. What the chunked, guarded load is held to;
 *  - end to end: ingestPaths over the folder into another empty store, the way `npm run ingest` runs, and
 *    the database's size after it;
 *  - re-ingest unchanged: ingestPaths over the same folder again, reading every file (`reread`) and as it
 *    runs by default (files recognised from their hash, not read), against hashing every file alone;
 *  - add one file: a store opened, one new document ingested, the store closed, and opened and closed once
 *    more (the next run pays for whatever the first left in the engine's log), into an empty database and
 *    into the end-to-end one;
 *  - peak RSS of the process.
 * CPU seconds are process-wide (main thread, extraction threads, the database's own threads and child
 * processes that ended), so on a busy machine they show the work done when wall-clock time shows the wait.
 * The embedded engine always runs; Neo4j runs when NEO4J_URI is set (it loads into that database).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile as readBytes, rm, stat } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase, openSession } from '../graph/embedded/database.ts';
import { openEmbeddedStore } from '../graph/embedded/store.ts';
import { contentOf, createContent, loadContext } from '../graph/embedded/write/content.ts';
import { ensureSchema } from '../graph/embedded/write/schema.ts';
import { CopySink, UnwindSink } from '../graph/embedded/write/sinks.ts';
import { upsertTaxonomy } from '../graph/embedded/write/taxonomy.ts';
import { openNeo4jStore } from '../graph/neo4j/store.ts';
import type { SourceBatch } from '../graph/records.ts';
import type { EngineName, GraphStore } from '../graph/store.ts';
import {
  DEFAULT_CHUNK_CASES,
  DEFAULT_CHUNK_SIZE,
  extractDocument,
  extractedInOrder,
  ingestPaths,
  loadTaxonomy,
  openExtractor,
  readFile,
  type Taxonomy,
  taxonomyRecords,
  toSourceBatch,
} from '../ingest/index.ts';
import { labelsFrom, writeSyntheticCorpus } from './synthetic/index.ts';

interface BenchArgs {
  reviews: number;
  perDocument: number;
  seed: number;
  chunk: number;
  chunkCases: number;
  threads: number;
  sample: number;
  engines: EngineName[];
  keep: boolean;
}

interface Row {
  step: string;
  seconds: number;
  /** Process CPU seconds over the step; NaN when not measured. */
  cpu: number;
  figure: string;
}

export async function run(args: string[]): Promise<void> {
  const opts = parse(args);
  const taxonomy = loadTaxonomy();
  const work = await mkdtemp(join(tmpdir(), 'threadline-bench-ingest-'));
  const rows = new Rows();
  try {
    let clock = startClock();
    const corpus = await writeSyntheticCorpus(join(work, 'corpus'), {
      reviews: opts.reviews,
      perDocument: opts.perDocument,
      seed: opts.seed,
      labels: labelsFrom(taxonomy),
    });
    rows.push({
      step: 'generate corpus',
      ...clock(),
      figure: `${corpus.files.length} files, ${(corpus.bytes / 1e6).toFixed(1)} MB`,
    });

    await stepsOnMainThread(corpus.files.slice(0, opts.sample), taxonomy, rows);
    const extracted = await extractAll(corpus.files, taxonomy, opts.threads, rows);
    const raw = await rawCopy(join(work, 'raw-copy'), extracted.batches, taxonomy, rows);
    for (const engine of opts.engines) {
      const path = join(work, `load-${engine}`);
      const store = await openFor(engine, path);
      try {
        await loadAll(store, path, extracted.batches, opts, taxonomy, rows, raw);
      } finally {
        await store.close();
      }
    }
    extracted.batches.length = 0;

    const endToEnd = join(work, 'end-to-end');
    const store = await openEmbeddedStore({ path: endToEnd });
    try {
      await store.ensureSchema();
      clock = startClock();
      const s = await ingestPaths(store, [corpus.dir], {
        taxonomy,
        chunkSize: opts.chunk,
        chunkCases: opts.chunkCases,
        threads: opts.threads,
      });
      const measured = clock();
      rows.push({
        step: `end to end (embedded, ingestPaths, ${opts.threads} threads)`,
        ...measured,
        figure:
          `${s.reviews} reviews, ${rate(s.reviews, measured.seconds)} reviews/s, ` +
          `${s.failed.length} failed, ${s.warnings.length} warnings; ${await sizeOf(endToEnd)} on disk`,
      });
      await reingest(store, corpus.files, corpus.dir, taxonomy, opts, rows);
    } finally {
      await store.close();
    }
    const extra = await writeSyntheticCorpus(join(work, 'one-more'), {
      reviews: 20,
      perDocument: 20,
      seed: opts.seed + 1,
      labels: labelsFrom(taxonomy),
    });
    await addOne(join(work, 'empty'), extra.files, taxonomy, 'an empty database', rows);
    await addOne(endToEnd, extra.files, taxonomy, `the end-to-end database (${opts.reviews} reviews)`, rows);
  } finally {
    if (opts.keep) console.log(`kept ${work}`);
    else await rm(work, { recursive: true, force: true });
  }
  rows.push({
    step: 'peak RSS',
    seconds: Number.NaN,
    cpu: Number.NaN,
    figure: `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
  });
  printTable(opts, rows.all);
}

/** The same folder again into the store that holds it: reading every file, then as ingest runs by default. */
async function reingest(
  store: GraphStore,
  files: readonly string[],
  dir: string,
  taxonomy: Taxonomy,
  opts: BenchArgs,
  rows: Rows,
) {
  let clock = startClock();
  for (const file of files)
    createHash('sha256')
      .update(await readBytes(file))
      .digest('hex');
  const hashOnly = clock();
  rows.push({
    step: 'hash only (read + sha256 of every file)',
    ...hashOnly,
    figure: `${files.length} files`,
  });
  for (const reread of [true, false]) {
    clock = startClock();
    const s = await ingestPaths(store, [dir], {
      taxonomy,
      chunkSize: opts.chunk,
      chunkCases: opts.chunkCases,
      threads: opts.threads,
      reread,
    });
    const measured = clock();
    const times = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(1)}x` : '-');
    rows.push({
      step: `re-ingest unchanged${reread ? ', reading every file' : ''} (embedded, ingestPaths)`,
      ...measured,
      figure:
        `${s.unchanged} of ${s.documents} unchanged, ${s.reviews} reviews; ` +
        `${times(measured.seconds, hashOnly.seconds)} hash only's wall, ${times(measured.cpu, hashOnly.cpu)} its CPU`,
    });
  }
}

async function stepsOnMainThread(files: string[], taxonomy: Taxonomy, rows: Rows) {
  const spent = { read: 0, extract: 0, records: 0 };
  let reviews = 0;
  for (const file of files) {
    let t = performance.now();
    const read = await readFile(file);
    spent.read += lap(t);
    if (!read.ok) throw new Error(read.error.message);
    t = performance.now();
    const doc = extractDocument(read.doc, taxonomy);
    spent.extract += lap(t);
    t = performance.now();
    toSourceBatch(doc, doc.text, new Date().toISOString());
    spent.records += lap(t);
    reviews += doc.cases.length;
  }
  const perReview = (seconds: number) => `${((seconds * 1000) / Math.max(1, reviews)).toFixed(3)} ms/review`;
  const label = `${files.length} files, main thread`;
  rows.push({
    step: `read files (${label})`,
    seconds: spent.read,
    cpu: Number.NaN,
    figure: perReview(spent.read),
  });
  rows.push({
    step: `segment + classify + ids (${label})`,
    seconds: spent.extract,
    cpu: Number.NaN,
    figure: perReview(spent.extract),
  });
  rows.push({
    step: `build records (${label})`,
    seconds: spent.records,
    cpu: Number.NaN,
    figure: perReview(spent.records),
  });
}

async function extractAll(files: string[], taxonomy: Taxonomy, threads: number, rows: Rows) {
  const ingestedAt = new Date().toISOString();
  const batches: SourceBatch[] = [];
  let reviews = 0;
  let building = 0;
  const clock = startClock();
  const extractor = await openExtractor(taxonomy, threads);
  try {
    for await (const { result } of extractedInOrder(files, extractor)) {
      if (!result.ok) throw new Error(result.problem.message);
      const t = performance.now();
      batches.push(toSourceBatch(result.doc, result.doc.text, ingestedAt));
      building += lap(t);
      reviews += result.doc.cases.length;
    }
  } finally {
    await extractor.close();
  }
  const { seconds, cpu } = clock();
  rows.push({
    step: `extract + build records (${extractor.threads} threads)`,
    seconds,
    cpu,
    figure: `${reviews} reviews, ${rate(reviews, seconds)} reviews/s (${building.toFixed(1)} s building records)`,
  });
  return { batches, reviews };
}

/** Batches in the chunks ingestPaths sends: up to `chunk` documents or `chunkCases` case reviews each. */
function* inChunks(batches: SourceBatch[], chunk: number, chunkCases: number): Generator<SourceBatch[]> {
  let start = 0;
  let cases = 0;
  for (let i = 0; i < batches.length; i++) {
    cases += batches[i]?.cases.length ?? 0;
    if (i + 1 - start >= chunk || cases >= chunkCases) {
      yield batches.slice(start, i + 1);
      start = i + 1;
      cases = 0;
    }
  }
  if (start < batches.length) yield batches.slice(start);
}

function rowsOf(batches: readonly SourceBatch[]): number {
  return batches.reduce(
    (n, b) => n + 1 + b.cases.length + b.learning.length + b.recommendations.length + b.links.length,
    0,
  );
}

interface RawCopy {
  seconds: number;
  cpu: number;
  bytes: number;
}

/**
 * The same rows into an empty database the cheapest way the engine offers: each table staged as CSV and
 * copied once, then one checkpoint (the rows are on disk only after it).
 */
async function rawCopy(
  path: string,
  batches: SourceBatch[],
  taxonomy: Taxonomy,
  rows: Rows,
): Promise<RawCopy> {
  const database = await openDatabase(path);
  const session = await openSession(database);
  const staging = await CopySink.stagingDir();
  let measured: { seconds: number; cpu: number };
  try {
    await ensureSchema(session);
    await upsertTaxonomy(session, taxonomyRecords(taxonomy));
    await session.run('CALL auto_checkpoint=false');
    const clock = startClock();
    const content = contentOf(batches);
    const context = loadContext(content);
    const sink = new CopySink(session, context, new UnwindSink(session, context), staging);
    try {
      await createContent(sink, content.sources, content.nodes, content.links);
      await sink.writeHeldBack();
    } finally {
      await sink.close();
    }
    await session.run('CHECKPOINT');
    measured = clock();
  } finally {
    await rm(staging, { recursive: true, force: true });
    await session.close();
    await database.close();
  }
  const bytes = await bytesOf(path);
  rows.push({
    step: 'raw COPY (one per table, one checkpoint)',
    ...measured,
    figure: `${rowsOf(batches)} rows, ${rate(rowsOf(batches), measured.seconds)} rows/s; ${mb(bytes)} on disk`,
  });
  return { ...measured, bytes };
}

async function loadAll(
  store: GraphStore,
  path: string,
  batches: SourceBatch[],
  opts: BenchArgs,
  taxonomy: Taxonomy,
  rows: Rows,
  raw: RawCopy,
) {
  await store.ensureSchema();
  await store.upsertTaxonomy(taxonomyRecords(taxonomy));
  const clock = startClock();
  let calls = 0;
  for (const part of inChunks(batches, opts.chunk, opts.chunkCases)) {
    await store.loadSources(part);
    calls++;
  }
  const { seconds, cpu } = clock();
  const written = rowsOf(batches);
  const counts = await store.counts();
  const stored =
    Object.values(counts.nodes).reduce((a, b) => a + b, 0) +
    Object.values(counts.relationships).reduce((a, b) => a + b, 0);
  const times = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}x` : '-');
  const size =
    store.engine === 'embedded'
      ? `; ${mb(await bytesOf(path))} on disk, ${times(await bytesOf(path), raw.bytes)} raw COPY's`
      : '';
  rows.push({
    step: `load (${store.engine}, ${calls} loadSources of <= ${opts.chunk} documents, <= ${opts.chunkCases} reviews)`,
    seconds,
    cpu,
    figure:
      `${written} rows, ${rate(written, seconds)} rows/s; store holds ${stored} nodes + relationships; ` +
      `${times(seconds, raw.seconds)} raw COPY's wall, ${times(cpu, raw.cpu)} its CPU${size}`,
  });
}

/**
 * Opening a store, ingesting one new document and closing, then opening and closing once more: the second
 * open replays (and checkpoints) whatever the first run left in the engine's log, a cost of adding the file.
 */
async function addOne(path: string, files: string[], taxonomy: Taxonomy, into: string, rows: Rows) {
  const clock = startClock();
  const store = await openEmbeddedStore({ path });
  let loaded = 0;
  try {
    await store.ensureSchema();
    loaded = (await ingestPaths(store, files, { taxonomy, threads: 0 })).loaded;
  } finally {
    await store.close();
  }
  const first = clock();
  const again = await openEmbeddedStore({ path });
  await again.close();
  const measured = clock();
  rows.push({
    step: `add one file to ${into}, then open again`,
    ...measured,
    figure: `${loaded} loaded; ${first.seconds.toFixed(2)} s wall, ${first.cpu.toFixed(2)} s CPU until closed`,
  });
}

/** The database file and the engine's log beside it. */
async function bytesOf(path: string): Promise<number> {
  let bytes = 0;
  for (const file of [path, `${path}.wal`]) bytes += (await stat(file).catch(() => null))?.size ?? 0;
  return bytes;
}

async function sizeOf(path: string): Promise<string> {
  return mb(await bytesOf(path));
}

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(0)} MB`;
}

async function openFor(engine: EngineName, path: string): Promise<GraphStore> {
  if (engine === 'embedded') return openEmbeddedStore({ path });
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error('--engine neo4j needs NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD)');
  return openNeo4jStore({
    uri,
    user: process.env.NEO4J_USER ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? '',
    database: process.env.NEO4J_DATABASE,
  });
}

function parse(args: string[]): BenchArgs {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      reviews: { type: 'string', default: '100000' },
      'per-document': { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1' },
      chunk: { type: 'string', default: String(DEFAULT_CHUNK_SIZE) },
      'chunk-cases': { type: 'string', default: String(DEFAULT_CHUNK_CASES) },
      threads: { type: 'string', default: String(availableParallelism()) },
      sample: { type: 'string', default: '3' },
      engine: { type: 'string' },
      keep: { type: 'boolean', default: false },
    },
  });
  const engines: EngineName[] =
    values.engine === 'embedded' || values.engine === 'neo4j'
      ? [values.engine]
      : process.env.NEO4J_URI
        ? ['embedded', 'neo4j']
        : ['embedded'];
  if (values.engine !== undefined && values.engine !== 'embedded' && values.engine !== 'neo4j') {
    throw new Error(`--engine must be embedded or neo4j, not ${values.engine}`);
  }
  if (!engines.includes('neo4j')) console.log('Neo4j: not measured (NEO4J_URI is not set)');
  return {
    reviews: positive(values.reviews, '--reviews'),
    perDocument: positive(values['per-document'], '--per-document'),
    seed: positive(values.seed, '--seed'),
    chunk: positive(values.chunk, '--chunk'),
    chunkCases: positive(values['chunk-cases'], '--chunk-cases'),
    threads: wholeNumber(values.threads, '--threads'),
    sample: positive(values.sample, '--sample'),
    engines,
    keep: values.keep === true,
  };
}

function positive(text: string, flag: string): number {
  const n = wholeNumber(text, flag);
  if (n < 1) throw new Error(`${flag} must be at least 1, not ${text}`);
  return n;
}

function wholeNumber(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${flag} must be a whole number, not ${text}`);
  return n;
}

/** Rows are also printed as they are measured, so a long run shows where it is. */
class Rows {
  readonly all: Row[] = [];
  push(row: Row): void {
    this.all.push(row);
    const took = Number.isNaN(row.seconds) ? '' : ` ${row.seconds.toFixed(2)} s,`;
    console.log(`  ${row.step}:${took} ${row.figure}`);
  }
}

function printTable(opts: BenchArgs, rows: Row[]): void {
  console.log(
    `\ningest bench: ${opts.reviews} synthetic reviews, ${opts.perDocument} per document, seed ${opts.seed}, ` +
      `${availableParallelism()} cores, node ${process.version}`,
  );
  const width = Math.max(...rows.map((r) => r.step.length));
  const number = (n: number) => (Number.isNaN(n) ? '' : n.toFixed(2));
  console.log(`${'step'.padEnd(width)}  ${'wall s'.padStart(8)}  ${'CPU s'.padStart(8)}  figures`);
  for (const r of rows) {
    console.log(
      `${r.step.padEnd(width)}  ${number(r.seconds).padStart(8)}  ${number(r.cpu).padStart(8)}  ${r.figure}`,
    );
  }
}

/** Starts measuring; the returned function gives wall-clock and process CPU seconds since. */
function startClock(): () => { seconds: number; cpu: number } {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const children = childrenCpu();
  return () => {
    const used = process.cpuUsage(cpu);
    return { seconds: lap(wall), cpu: (used.user + used.system) / 1e6 + childrenCpu() - children };
  };
}

/**
 * CPU seconds of the child processes that have ended (Linux; 0 elsewhere): opening a database the last
 * process left a log in replays it in a child process first (graph/embedded/files.ts).
 */
function childrenCpu(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // cutime and cstime, fields 16 and 17 of proc(5), in clock ticks of 1/100 s.
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return 0;
  }
}

function lap(since: number): number {
  return (performance.now() - since) / 1000;
}

function rate(count: number, seconds: number): string {
  return seconds > 0 ? Math.round(count / seconds).toLocaleString('en-GB') : '-';
}
