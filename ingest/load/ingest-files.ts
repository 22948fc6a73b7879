/**
 * Files -> store. Each file is read, extracted and turned into one SourceBatch; batches go to the store in
 * chunks through its bulk path while the next chunk is being extracted. A file that cannot be read or is
 * refused by the store is reported by name and the run carries on; only a store that cannot be reached at
 * all (locked, unreachable, wrong credentials) stops the run.
 */
import { realpath } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { isStoreError } from '../../graph/errors.ts';
import type { SourceBatch } from '../../graph/records.ts';
import type { GraphStore, LoadOutcome, LoadStatus } from '../../graph/store.ts';
import { RunIdentities, settleIdentities } from '../identity/resolve.ts';
import type { ExtractedText } from '../pipeline.ts';
import { readBytes } from '../read/index.ts';
import { type Taxonomy, taxonomyRecords } from '../taxonomy/index.ts';
import { expandPaths, type FileProblem } from './expand-paths.ts';
import { extractRead } from './extract-file.ts';
import { defaultThreads, type Extractor, extractedInOrder, openExtractor } from './extract-pool.ts';
import { toSourceBatch } from './to-records.ts';

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
  onProgress?: (progress: IngestProgress) => void;
  /** Called with every document that was extracted (for the curator report). */
  onDocument?: (doc: ExtractedText) => void;
  now?: () => Date;
}

export interface IngestSummary {
  /** Files found (named directly or inside the folders given). */
  documents: number;
  loaded: number;
  replaced: number;
  unchanged: number;
  /** Loaded documents whose content another source already holds: each is its own source. */
  duplicates: Duplicate[];
  failed: FileProblem[];
  /** Case reviews and links in the documents that reached the store. */
  reviews: number;
  links: number;
  warnings: FileProblem[];
  seconds: number;
}

/**
 * Every loadSources call ends with a checkpoint whose cost grows with the database, so few large chunks beat
 * many small ones: 20k reviews in 2,000 files took 54 s in chunks of 32 files and 13.5 s in chunks of 1,000;
 * 100k reviews took 83 s in chunks of 10k reviews and 62 s in chunks of 50k (about 3 GB resident at peak).
 */
export const DEFAULT_CHUNK_SIZE = 1_000;
export const DEFAULT_CHUNK_CASES = 50_000;

/** Store failures after which no further document can load; everything else is one document's problem. */
const FATAL_STORE_ERRORS = new Set(['unreachable', 'auth', 'database-missing', 'locked', 'damaged']);

interface Prepared {
  file: string;
  batch: SourceBatch;
  warnings: string[];
}

export async function ingestPaths(
  store: GraphStore,
  paths: readonly string[],
  opts: IngestOptions,
): Promise<IngestSummary> {
  const started = performance.now();
  const ingestedAt = (opts.now?.() ?? new Date()).toISOString();
  const { files, problems } = await expandPaths(paths);
  const tally = new Tally(problems);
  await store.upsertTaxonomy(taxonomyRecords(opts.taxonomy));

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
  const send = async () => {
    const ready = chunk;
    chunk = [];
    chunkCaseCount = 0;
    await settle();
    loading = loadChunk(store, ready, tally, chunkSize > 1).then(
      () => null,
      (e: unknown) => e,
    );
  };

  const extractor = await openExtractor(opts.taxonomy, opts.threads ?? defaultThreads(files.length));
  const identities = new RunIdentities();
  try {
    for await (const { index, file, result } of extractedInOrder(files, extractor)) {
      opts.onProgress?.({ index, total: files.length, file });
      if (!result.ok) {
        tally.failed.push(result.problem);
        continue;
      }
      const doc = settleIdentities(result.doc, identities);
      opts.onDocument?.(doc);
      chunk.push(prepare(file, doc, await canonicalPath(doc.path), ingestedAt));
      chunkCaseCount += result.doc.cases.length;
      if (chunk.length >= chunkSize || chunkCaseCount >= chunkCases) await send();
    }
    await send();
    await settle();
  } finally {
    await extractor.close();
  }
  return tally.summary(files.length, (performance.now() - started) / 1000);
}

/**
 * A file's source is identified by its path, so the path must not depend on the working folder or on the
 * link it was reached through: absolute, with symbolic links resolved.
 */
async function canonicalPath(path: string): Promise<string> {
  return realpath(path).catch(() => resolve(path));
}

function prepare(file: string, doc: ExtractedText, path: string, ingestedAt: string): Prepared {
  const batch = toSourceBatch({ ...doc, path }, doc.text, ingestedAt, { kind: 'file' });
  return { file, batch, warnings: doc.warnings };
}

async function loadChunk(store: GraphStore, chunk: Prepared[], tally: Tally, bulk: boolean): Promise<void> {
  if (chunk.length === 0) return;
  if (bulk && chunk.length > 1) {
    try {
      const outcomes = await store.loadSources(chunk.map((p) => p.batch));
      for (const [i, p] of chunk.entries()) tally.loaded(p, outcomes[i]);
      return;
    } catch (e) {
      if (isFatal(e)) throw e;
      // Fall through: loading one by one finds the document the store refuses and keeps the others.
    }
  }
  for (const p of chunk) {
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
  private readonly statuses: Record<LoadStatus, number> = { loaded: 0, replaced: 0, unchanged: 0 };
  private reviews = 0;
  private links = 0;
  private readonly warnings: FileProblem[] = [];
  private readonly duplicates: Duplicate[] = [];

  constructor(problems: FileProblem[]) {
    this.failed = [...problems];
  }

  loaded(p: Prepared, outcome: LoadOutcome | undefined): void {
    this.statuses[outcome?.status ?? 'loaded']++;
    if (outcome?.duplicateOf) this.duplicates.push({ file: p.file, duplicateOf: outcome.duplicateOf });
    this.reviews += p.batch.cases.length;
    this.links += p.batch.links.length;
    for (const message of p.warnings) this.warnings.push({ file: p.file, message });
  }

  summary(documents: number, seconds: number): IngestSummary {
    return {
      documents,
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
