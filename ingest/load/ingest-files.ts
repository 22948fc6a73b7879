/**
 * Files -> store. Each file is read, extracted and turned into one SourceBatch; batches go to the store in
 * chunks through its bulk path while the next chunk is being extracted. A file the store already holds,
 * byte for byte and read by the same pipeline version, is recognised from its hash and not read again
 * (unchanged.ts); one read by another version is read and its stored reading replaced in place (refreshed),
 * so the next run recognises it. A file that cannot be read or is refused by the store is reported by name
 * and the run carries on; only a store that cannot be reached at all (locked, unreachable, wrong
 * credentials) stops the run.
 */
import { basename } from 'node:path';
import { isStoreError } from '../../graph/errors.ts';
import type { SourceBatch, TaxonomyRecords } from '../../graph/records.ts';
import type { GraphStore, LoadOutcome, LoadStatus } from '../../graph/store.ts';
import { RunIdentities, settleIdentities } from '../identity/resolve.ts';
import { type ExtractedText, extractorVersion } from '../pipeline.ts';
import { readBytes } from '../read/index.ts';
import { type Taxonomy, taxonomyRecords } from '../taxonomy/index.ts';
import { expandPaths, type FileProblem } from './expand-paths.ts';
import { extractRead } from './extract-file.ts';
import { defaultThreads, type Extractor, openExtractor } from './extract-pool.ts';
import { sourceId, toSourceBatch } from './to-records.ts';
import {
  canonicalPath,
  extractionOf,
  recognisedOrExtracted,
  recogniseFiles,
  recogniseUpload,
  type StoredReading,
  settleStored,
  sha256Of,
} from './unchanged.ts';

/** A document loaded beside another source with the same content (both are kept). */
export interface Duplicate {
  file: string;
  /** The path of the source that already held the same bytes. */
  duplicateOf: string;
}

export type { FileProblem } from './expand-paths.ts';
export { type ExtractResult, extractFile } from './extract-file.ts';

export interface IngestProgress {
  /** 1-based position of the file being read. */
  index: number;
  total: number;
  file: string;
}

export interface IngestOptions {
  taxonomy: Taxonomy;
  /** Documents per `store.loadSources` call; 1 loads each document on its own with `store.loadSource`. */
  chunkSize?: number;
  /** A chunk is also sent once it holds this many case reviews. */
  chunkCases?: number;
  /**
   * Threads that extract files while the main thread loads; 0 extracts on the main thread. Default: one per
   * core (at most 4) for runs of 8 files or more, else 0.
   */
  threads?: number;
  /** Extracts the files instead of the threads `threads` asks for (left open). */
  extractor?: Extractor;
  /**
   * Reads every file, even one the store holds unchanged (recognised by its hash and the pipeline version).
   * Implied by onDocument, which needs every document read.
   */
  reread?: boolean;
  onProgress?: (progress: IngestProgress) => void;
  /** Called with every document that was extracted (for the curator report). */
  onDocument?: (doc: ExtractedText) => void;
  now?: () => Date;
  /**
   * Once aborted, no further file is read and no further load begins; the load in progress finishes (each is
   * all or nothing), and the summary says `stopped` and counts what reached the store.
   */
  signal?: AbortSignal;
}

export interface IngestSummary {
  /** Files found (named directly or inside the folders given). */
  documents: number;
  loaded: number;
  replaced: number;
  /** Files stored unchanged but read by another extractor version: read again, their reading replaced. */
  refreshed: number;
  unchanged: number;
  /** Loaded documents whose content another source already holds: each is its own source. */
  duplicates: Duplicate[];
  failed: FileProblem[];
  /** Case reviews and links in the documents that reached the store. */
  reviews: number;
  links: number;
  warnings: FileProblem[];
  seconds: number;
  /** The run was aborted (IngestOptions.signal) before every file was read and loaded. */
  stopped: boolean;
}

/**
 * Every loadSources call ends with a checkpoint whose cost grows with the database, so few large chunks beat
 * many small ones: 20k reviews in 2,000 files took 54 s in chunks of 32 files and 13.5 s in chunks of 1,000.
 * A COPY into tables that already hold rows also rewrites their stored relationship lists, and the space it
 * leaves behind stays in the file: 100k synthetic reviews in two chunks of 50k took 111 s of CPU and left an
 * 825 MB file, in one chunk of 100k 97 s and 439 MB (one raw COPY of the same rows: 416 MB), at a peak of
 * 2.9 GB resident instead of 2.6 GB (`npm run bench -- ingest`).
 */
export const DEFAULT_CHUNK_SIZE = 1_000;
export const DEFAULT_CHUNK_CASES = 100_000;

/** Store failures after which no further document can load; everything else is one document's problem. */
const FATAL_STORE_ERRORS = new Set(['unreachable', 'auth', 'database-missing', 'locked', 'damaged']);

/** A document ready to load, or one recognised as stored unchanged (no batch: nothing to load). */
type Prepared =
  | { file: string; batch: SourceBatch; warnings: string[] }
  | { file: string; batch: null; stored: StoredReading; warnings: string[] };

type ToLoad = Prepared & { batch: SourceBatch };

export async function ingestPaths(
  store: GraphStore,
  paths: readonly string[],
  opts: IngestOptions,
): Promise<IngestSummary> {
  const started = performance.now();
  const ingestedAt = (opts.now?.() ?? new Date()).toISOString();
  const { files, problems } = await expandPaths(paths);
  const tally = new Tally(problems);
  await taxonomyInPlace(store, taxonomyRecords(opts.taxonomy));

  const chunkSize = Math.max(1, opts.chunkSize ?? DEFAULT_CHUNK_SIZE);
  const chunkCases = opts.chunkCases ?? DEFAULT_CHUNK_CASES;
  let chunk: Prepared[] = [];
  let chunkCaseCount = 0;
  // One chunk loads while the next is extracted. A failure is held as a value until the next chunk waits
  // for it, so it is never an unhandled rejection in between.
  let loading: Promise<unknown> = Promise.resolve(null);
  const settle = async () => {
    const failure = await loading;
    if (failure !== null) throw failure;
  };
  const stopped = () => opts.signal?.aborted === true;
  const send = async () => {
    const ready = chunk;
    chunk = [];
    chunkCaseCount = 0;
    await settle();
    if (stopped()) return;
    loading = loadChunk(store, ready, tally, chunkSize > 1, stopped).then(
      () => null,
      (e: unknown) => e,
    );
  };

  const version = extractorVersion(opts.taxonomy);
  const reread = opts.reread === true || opts.onDocument !== undefined;
  const recognise = (some: readonly string[]) =>
    reread ? Promise.resolve(some.map(() => null)) : recogniseFiles(store, some, version);
  const threads = opts.threads ?? defaultThreads(files.length);
  // Opened when the first file needs reading: a run that recognises every file starts no thread.
  const extractor = opts.extractor ?? openedWhenUsed(threads, () => openExtractor(opts.taxonomy, threads));
  const identities = new RunIdentities();
  // Documents in the chunk that go to the store; recognised ones ride along so the tally keeps file order.
  let toLoad = 0;
  try {
    for await (const { index, file, stored, result } of recognisedOrExtracted(files, extractor, recognise)) {
      if (stopped()) break;
      opts.onProgress?.({ index, total: files.length, file });
      if (stored) {
        chunk.push({ file, batch: null, stored, warnings: settleStored(stored, identities) });
        continue;
      }
      if (!result.ok) {
        tally.failed.push(result.problem);
        continue;
      }
      const doc = settleIdentities(result.doc, identities);
      opts.onDocument?.(doc);
      const batch = toSourceBatch({ ...doc, path: await canonicalPath(doc.path) }, doc.text, ingestedAt);
      // Kept for when the file is next recognised instead of read: what it was read as, before this run's
      // identities were settled (they are settled again then, in that run).
      stamp(batch, version, result.doc);
      chunk.push({ file, batch, warnings: doc.warnings });
      toLoad++;
      chunkCaseCount += result.doc.cases.length;
      if (toLoad >= chunkSize || chunkCaseCount >= chunkCases) {
        toLoad = 0;
        await send();
      }
    }
    await send();
    await settle();
  } finally {
    if (!opts.extractor) await extractor.close();
  }
  return tally.summary(files.length, (performance.now() - started) / 1000, stopped());
}

/**
 * Writes the taxonomy unless the store already holds every entry exactly so (entries no longer listed may
 * stay): a run or a start that finds nothing new then writes nothing at all, so it leaves the store's log as
 * it was and the next open has nothing to replay. A store that cannot answer the read is written to as before.
 */
export async function taxonomyInPlace(store: GraphStore, wanted: TaxonomyRecords): Promise<void> {
  const stored = await store.taxonomy().catch((e: unknown) => {
    if (isStoreError(e)) return null;
    throw e;
  });
  if (stored && holdsAll(stored, wanted)) return;
  await store.upsertTaxonomy(wanted);
}

/**
 * Whether every wanted entry is stored with the same fields. A field the store does not return counts as a
 * difference, so a new field is written rather than missed.
 */
function holdsAll(stored: TaxonomyRecords, wanted: TaxonomyRecords): boolean {
  const same = (have: readonly object[], want: readonly object[]) => {
    const byId = new Map(have.map((r) => [(r as { id: string }).id, r as Record<string, unknown>]));
    return want.every((w) => {
      const h = byId.get((w as { id: string }).id);
      return h !== undefined && Object.entries(w).every(([k, v]) => h[k] === v);
    });
  };
  return (
    same(stored.harmTypes, wanted.harmTypes) &&
    same(stored.agencies, wanted.agencies) &&
    same(stored.themes, wanted.themes)
  );
}

/** An extractor that opens the real one on its first document; `threads` is the number asked for. */
function openedWhenUsed(threads: number, open: () => Promise<Extractor>): Extractor {
  let opened: Promise<Extractor> | null = null;
  const use = () => {
    opened ??= open();
    return opened;
  };
  return {
    threads,
    extract: async (file) => (await use()).extract(file),
    extractBytes: async (name, bytes) => (await use()).extractBytes(name, bytes),
    close: async () => {
      if (opened) await (await opened).close();
    },
  };
}

/** Records on the source the pipeline version that read it and what reading it gave (unchanged.ts). */
function stamp(batch: SourceBatch, version: string, read: Pick<ExtractedText, 'cases' | 'warnings'>): void {
  batch.source.extractor = version;
  batch.source.extraction = extractionOf(read, batch.links.length);
}

async function loadChunk(
  store: GraphStore,
  chunk: Prepared[],
  tally: Tally,
  bulk: boolean,
  stopped: () => boolean,
): Promise<void> {
  const toLoad = chunk.filter((p): p is ToLoad => p.batch !== null);
  if (toLoad.length === 0) {
    for (const p of chunk) tally.loaded(p, undefined);
    return;
  }
  if (bulk && toLoad.length > 1) {
    let outcomes: LoadOutcome[] | null = null;
    try {
      outcomes = await store.loadSources(toLoad.map((p) => p.batch));
    } catch (e) {
      if (isFatal(e)) throw e;
      // Fall through: loading one by one finds the document the store refuses and keeps the others.
    }
    if (outcomes) {
      const byBatch = new Map(toLoad.map((p, i) => [p, outcomes[i]]));
      for (const p of chunk) tally.loaded(p, byBatch.get(p as ToLoad));
      return;
    }
  }
  for (const p of chunk) {
    if (p.batch === null) {
      tally.loaded(p, undefined);
      continue;
    }
    if (stopped()) return;
    try {
      tally.loaded(p, await store.loadSource(p.batch));
    } catch (e) {
      if (isFatal(e)) throw e;
      tally.failed.push({
        file: p.file,
        message: `${p.file}: the store refused this document (${describe(e)})`,
      });
    }
  }
}

function isFatal(e: unknown): boolean {
  return isStoreError(e) && FATAL_STORE_ERRORS.has(e.kind);
}

class Tally {
  readonly failed: FileProblem[];
  private readonly statuses: Record<LoadStatus, number> = {
    loaded: 0,
    replaced: 0,
    refreshed: 0,
    unchanged: 0,
  };
  private reviews = 0;
  private links = 0;
  private readonly warnings: FileProblem[] = [];
  private readonly duplicates: Duplicate[] = [];

  constructor(problems: FileProblem[]) {
    this.failed = [...problems];
  }

  loaded(p: Prepared, outcome: LoadOutcome | undefined): void {
    if (p.batch === null) {
      // Recognised as stored unchanged: what loading it again would have reported.
      this.statuses.unchanged++;
      this.reviews += p.stored.cases.length;
      this.links += p.stored.links;
    } else {
      this.statuses[outcome?.status ?? 'loaded']++;
      if (outcome?.duplicateOf) this.duplicates.push({ file: p.file, duplicateOf: outcome.duplicateOf });
      this.reviews += p.batch.cases.length;
      this.links += p.batch.links.length;
    }
    for (const message of p.warnings) this.warnings.push({ file: p.file, message });
  }

  summary(documents: number, seconds: number, stopped: boolean): IngestSummary {
    return {
      documents,
      stopped,
      ...this.statuses,
      duplicates: this.duplicates,
      failed: this.failed,
      reviews: this.reviews,
      links: this.links,
      warnings: this.warnings,
      seconds,
    };
  }
}

export interface UploadResult {
  filename: string;
  status: LoadStatus | 'failed';
  sourceId: string | null;
  /** Ids of the sources this upload replaced. */
  replaced: string[];
  /** The file name of another source with the same content, when this upload was loaded beside it. */
  duplicateOf: string | null;
  cases: number;
  warnings: string[];
  error: string | null;
}

export interface UploadOptions {
  /** The id of the source this upload replaces; without it an upload is added beside what is stored. */
  replaces?: string | null;
  /** Reads on a worker thread under the time and memory limits (the server's); without it, inline. */
  extractor?: Extractor;
}

/**
 * One uploaded document (the server's upload mutation): read, extract, load, and say what happened. An
 * upload is identified by its file name and content: the same file sent again is unchanged, a different
 * file under the same name is another source, and a source is replaced only when the upload names it.
 * A document that fails to be read stores nothing.
 */
export async function ingestUpload(
  store: GraphStore,
  filename: string,
  bytes: Uint8Array,
  taxonomy: Taxonomy,
  options: UploadOptions = {},
): Promise<UploadResult> {
  const { extractor } = options;
  const version = extractorVersion(taxonomy);
  const stored = await recogniseUpload(store, filename, bytes, version);
  if (stored) {
    try {
      await taxonomyInPlace(store, taxonomyRecords(taxonomy));
    } catch (e) {
      if (!isStoreError(e)) throw e;
      return failedUpload(filename, `${filename}: could not be stored (${e.message})`, stored.warnings);
    }
    return {
      filename,
      status: 'unchanged',
      sourceId: sourceId('upload', filename, sha256Of(bytes)),
      replaced: [],
      duplicateOf: null,
      cases: stored.cases.length,
      warnings: stored.warnings,
      error: null,
    };
  }
  const extracted = extractor
    ? await extractor.extractBytes(filename, bytes)
    : extractRead(filename, await readBytes(filename, bytes), taxonomy);
  if (!extracted.ok) return failedUpload(filename, extracted.problem.message, []);
  const { doc } = extracted;
  try {
    await store.upsertTaxonomy(taxonomyRecords(taxonomy));
    const batch = toSourceBatch(doc, doc.text, new Date().toISOString(), {
      kind: 'upload',
      replaces: options.replaces ?? null,
    });
    stamp(batch, version, doc);
    const outcome = await store.loadSource(batch);
    // A source loaded from a folder on the server is named by its file name only, never the folder.
    const duplicateOf = outcome.duplicateOf === null ? null : basename(outcome.duplicateOf);
    return {
      filename,
      status: outcome.status,
      sourceId: outcome.sourceId,
      replaced: outcome.replaced,
      duplicateOf,
      cases: doc.cases.length,
      warnings:
        duplicateOf === null
          ? doc.warnings
          : [
              ...doc.warnings,
              `${filename}: duplicate of ${duplicateOf}, which holds the same content; both are kept`,
            ],
      error: null,
    };
  } catch (e) {
    if (!isStoreError(e)) throw e;
    return failedUpload(filename, `${filename}: could not be stored (${e.message})`, doc.warnings);
  }
}

function failedUpload(filename: string, error: string, warnings: string[]): UploadResult {
  return {
    filename,
    status: 'failed',
    sourceId: null,
    replaced: [],
    duplicateOf: null,
    cases: 0,
    warnings,
    error,
  };
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
