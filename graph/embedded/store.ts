/**
 * The embedded engine: the GraphStore port on LadybugDB, in-process, in one database file. Writes go one
 * at a time through a single writer session (LadybugDB allows one write transaction in the whole system);
 * reads share a small pool of sessions and run alongside writes, seeing the last committed state.
 */
import { stat } from 'node:fs/promises';
import { Database } from '@ladybugdb/core';
import { StoreError } from '../errors.ts';
import type { SourceBatch, TaxonomyRecords } from '../records.ts';
import type { GraphStore, NodeRef, StatementQuery } from '../store.ts';
import {
  lockedMessage,
  openDatabase,
  openSession,
  type Rows,
  SerialQueue,
  type Session,
  SessionPool,
} from './database.ts';
import {
  claim,
  damagedMessage,
  hasLeftoverLog,
  journalPath,
  probeOpen,
  release,
  settleBeforeOpen,
} from './files.ts';
import { caseDetail, caseFacets, casesByIds, linksOfCases } from './read/cases.ts';
import { counts, listSources, sourceReadings, sourceText, taxonomy } from './read/catalogue.ts';
import { SharedPaths } from './read/path-index.ts';
import { connections, neighbourhood } from './read/paths.ts';
import { search } from './read/search.ts';
import { recommendationRows, statements, themeEvidence } from './read/statements.ts';
import { type BulkOptions, recoverBulkLoad } from './write/bulk.ts';
import { type LoadPath, loadBatches, removeSource } from './write/load.ts';
import { ensureSchema } from './write/schema.ts';
import { upsertTaxonomy } from './write/taxonomy.ts';

export interface EmbeddedStoreOptions {
  /** The database file; its parent directory is created when missing. */
  path: string;
  /** loadSources uses COPY from staged CSV files from this many rows on (default 50 000), UNWIND below it. */
  bulkMinRows?: number;
  /** Reader sessions (default 4): a case page sends its five queries at once. */
  readers?: number;
  /**
   * The largest the database may grow, which LadybugDB reserves as address space when it opens (default
   * 1 TiB; LadybugDB's own default of 8 TiB lets a process hold only about a dozen databases open at once).
   */
  maxDbBytes?: number;
  /** Buffer pool size (default: LadybugDB's own, a share of the machine's memory). */
  bufferPoolBytes?: number;
  /**
   * Hold the graph's adjacency in memory for connections and neighbourhoods (default true: at 100k reviews
   * about 100 MB, read in the background in some 3 s of CPU when the store is warmed or a path is first read,
   * and again on the first path read after a write); false answers every path read from the engine. A store
   * that never reads a path (`npm run ingest`) never reads it either way.
   */
  adjacencyIndex?: boolean;
  /** Called before each step of a bulk load ("copy HAS_THEME", "commit"); a throw aborts it like a failure. */
  onBulkStep?: (step: string) => void | Promise<void>;
}

const DEFAULT_BULK_MIN_ROWS = 50_000;
/** loadSource (one document) snapshots the database first up to this size (~0.5 s to copy here). */
const SNAPSHOT_SINGLE_LOAD_MAX_BYTES = 128 * 2 ** 20;
const DEFAULT_MAX_DB_BYTES = 2 ** 40;

/**
 * Before LadybugDB reads the file: an interrupted bulk load is rolled back to its snapshot and a killed
 * run's staging folders go (files.ts). When the last process did not close the database, its log is replayed
 * in a child process first, so a log the engine cannot replay gives a message instead of a crash.
 */
async function openChecked(opts: EmbeddedStoreOptions) {
  const maxDbBytes = opts.maxDbBytes ?? DEFAULT_MAX_DB_BYTES;
  await settleBeforeOpen(opts.path);
  if (await hasLeftoverLog(opts.path)) {
    const problem = await probeOpen(opts.path, maxDbBytes);
    if (problem?.locked) throw new StoreError('locked', lockedMessage(opts.path));
    if (problem) throw new StoreError('damaged', damagedMessage(opts.path, problem.reason));
  }
  return openDatabase(opts.path, { maxDbBytes, bufferPoolBytes: opts.bufferPoolBytes });
}

export async function openEmbeddedStore(opts: EmbeddedStoreOptions): Promise<GraphStore> {
  const database = await openChecked(opts);
  try {
    await claim(opts.path);
    const writer = await openSession(database);
    const readers: Session[] = [];
    for (let i = 0; i < Math.max(1, opts.readers ?? 4); i++) readers.push(await openSession(database));
    await recoverBulkLoad(writer, journalPath(opts.path));
    return new EmbeddedStore(opts, database, writer, new SessionPool(readers));
  } catch (e) {
    // Release the file lock, so the next attempt (or another process) can open it.
    await database.close();
    await release(opts.path);
    throw e;
  }
}

class EmbeddedStore implements GraphStore {
  readonly engine = 'embedded' as const;
  readonly description: string;
  private readonly path: string;
  private readonly writes = new SerialQueue();
  private readonly bulkMinRows: number;
  private readonly bulk: BulkOptions;
  /** Hub lists and the adjacency index, shared by the reader sessions and stamped by every write. */
  private readonly paths: SharedPaths;

  constructor(
    opts: EmbeddedStoreOptions,
    private readonly database: Database,
    private readonly writer: Session,
    private readonly readers: SessionPool,
  ) {
    this.path = opts.path;
    this.description = `embedded LadybugDB ${Database.getVersion()} at ${opts.path}`;
    this.bulkMinRows = opts.bulkMinRows ?? DEFAULT_BULK_MIN_ROWS;
    this.bulk = {
      dbPath: opts.path,
      ...(opts.onBulkStep ? { onStep: opts.onBulkStep } : {}),
    };
    this.paths = new SharedPaths(this.rows, opts.adjacencyIndex ?? true);
  }

  /** Starts reading the graph's adjacency for path reads in the background (at 100k reviews about 3 s of CPU). */
  warm(): void {
    this.paths.build();
  }

  private closed = false;

  private assertOpen(): void {
    if (this.closed) throw new StoreError('unreachable', `the embedded store at ${this.path} is closed`);
  }

  /** Set when a bulk load committed but could not be made durable: no further write is safe until reopened. */
  private unsettled: StoreError | null = null;

  /**
   * Runs `work` on the writer, one write at a time. `changesGraph: false` is for writes that add or change no
   * node or relationship (the schema check at every start): what the readers keep about paths stays valid,
   * so the adjacency read begun when the store opened is not thrown away.
   */
  private write<T>(work: (s: Session) => Promise<T>, changesGraph = true): Promise<T> {
    return this.writes.run(async () => {
      this.assertOpen();
      if (this.unsettled) throw this.unsettled;
      if (changesGraph) this.paths.writing();
      try {
        return await work(this.writer);
      } catch (e) {
        if (e instanceof StoreError && e.kind === 'damaged') this.unsettled = e;
        throw e;
      } finally {
        if (changesGraph) this.paths.writing();
      }
    });
  }

  /** One query on whichever reader is free: for reads that send several queries at once. */
  private readonly rows: Rows = (cypher, params) => this.read((s) => s.rows(cypher, params));

  private async read<T>(work: (s: Session) => Promise<T>): Promise<T> {
    this.assertOpen();
    return this.readers.use(work);
  }

  ensureSchema() {
    return this.write(ensureSchema, false);
  }

  async ping() {
    await this.read((s) => s.run('RETURN 1 AS ok'));
  }

  async close() {
    await this.writes.run(async () => {
      if (this.closed) return;
      this.closed = true;
      await this.paths.close();
      await this.readers.close();
      // LadybugDB checkpoints when it closes, and a process killed during a checkpoint can leave a file it
      // cannot reopen. Every load ends with its own guarded checkpoint; whatever else is still in the log
      // (committed writes outside loads) is replayed when the database is next opened.
      await this.writer.run('CALL force_checkpoint_on_close=false');
      await this.writer.close();
      await this.database.close();
      await release(this.path);
    });
  }

  upsertTaxonomy(records: TaxonomyRecords) {
    return this.write((s) => upsertTaxonomy(s, records));
  }

  async loadSource(batch: SourceBatch) {
    // One document (an upload) is protected by a snapshot while copying the database stays cheap; beyond
    // that it relies on LadybugDB's log alone (see the README).
    const size = (await stat(this.path).catch(() => null))?.size ?? 0;
    const guard = size <= SNAPSHOT_SINGLE_LOAD_MAX_BYTES;
    const [outcome] = await this.write((s) =>
      loadBatches(s, [batch], (): LoadPath => 'unwind', this.bulk, guard),
    );
    if (!outcome) throw new Error('loading one batch produced no outcome');
    return outcome;
  }

  loadSources(batches: SourceBatch[]) {
    const choose = (rows: number): LoadPath => (rows >= this.bulkMinRows ? 'copy' : 'unwind');
    return this.write((s) => loadBatches(s, batches, choose, this.bulk));
  }

  removeSource(sourceId: string) {
    return this.write((s) => removeSource(s, sourceId));
  }

  sourceReadings(ids: readonly string[]) {
    return this.read((s) => sourceReadings(s, ids));
  }

  counts() {
    return this.read(counts);
  }

  listSources() {
    return this.read(listSources);
  }

  sourceText(sourceId: string) {
    return this.read((s) => sourceText(s, sourceId));
  }

  taxonomy() {
    return this.read(taxonomy);
  }

  caseFacets() {
    return this.read(caseFacets);
  }

  casesByIds(ids: string[]) {
    return this.read((s) => casesByIds(s, ids));
  }

  caseDetail(id: string) {
    return caseDetail(this.rows, id);
  }

  statements(query: StatementQuery) {
    return statements(this.rows, query);
  }

  recommendationRows() {
    return this.read(recommendationRows);
  }

  themeEvidence(caseIds: string[], themeIds: string[]) {
    return this.read((s) => themeEvidence(s, caseIds, themeIds));
  }

  caseLinks(caseIds: readonly string[] | null) {
    return this.read((s) => linksOfCases(s, caseIds));
  }

  neighbourhood(start: NodeRef, depth: number, limit: number) {
    return this.read((s) => neighbourhood(s, this.paths, start, depth, limit));
  }

  connections(from: NodeRef, to: NodeRef, maxHops: number, limit: number) {
    return this.read((s) => connections(s, this.paths, from, to, maxHops, limit));
  }

  search(text: string, limit: number) {
    return search(this.rows, text, limit);
  }
}
