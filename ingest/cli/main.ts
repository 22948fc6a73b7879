/**
 * `npm run ingest -- [options] PATH...`: the command line around ingest/load. Returns the exit code:
 * 0 when at least one document was ingested, 1 when none could be, 2 for a usage or configuration problem,
 * 130 or 143 when SIGINT or SIGTERM stopped it (interrupt.ts).
 * Expected failures print one readable line each, never a stack trace.
 */

import { writeFile } from 'node:fs/promises';
import { ConfigError, readStoreConfig, type StoreConfig } from '../../graph/config.ts';
import { isStoreError } from '../../graph/errors.ts';
import { openStore } from '../../graph/open.ts';
import type { GraphStore } from '../../graph/store.ts';
import type { ExtractedDocument } from '../extract/types.ts';
import { RunIdentities, settleIdentities } from '../identity/resolve.ts';
import { expandPaths, type FileProblem } from '../load/expand-paths.ts';
import { defaultThreads, extractedInOrder, openExtractor } from '../load/extract-pool.ts';
import { type IngestSummary, ingestPaths } from '../load/ingest-files.ts';
import type { ExtractedText } from '../pipeline.ts';
import { curatorReport, renderCuratorReport } from '../report/index.ts';
import { loadTaxonomy, type Taxonomy, TaxonomyError } from '../taxonomy/index.ts';
import { type IngestArgs, parseIngestArgs, USAGE } from './args.ts';
import { exitCodeOf, type SignalSource, StopOnSignals } from './interrupt.ts';
import { type Progress, progressOn, type TextStream } from './progress.ts';
import { type DryRunResult, formatDryRun, formatSummary } from './summary.ts';

export interface CliIo {
  stdout: TextStream;
  stderr: TextStream;
  env: NodeJS.ProcessEnv;
  /** Where SIGINT and SIGTERM come from during an ingest (default: this process). */
  signals?: SignalSource;
}

export const EXIT_OK = 0;
export const EXIT_NOTHING_INGESTED = 1;
export const EXIT_USAGE = 2;

/** A failure the person running the command can act on: printed as one line, exit code 2. */
class Refusal {
  constructor(readonly message: string) {}
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseIngestArgs(argv);
  if (!parsed.ok) {
    io.stderr.write(`ingest: ${parsed.message}\n(run with --help for usage)\n`);
    return EXIT_USAGE;
  }
  if (parsed.args.help) {
    io.stdout.write(USAGE);
    return EXIT_OK;
  }
  try {
    return await run(parsed.args, io);
  } catch (e) {
    if (e instanceof Refusal) {
      io.stderr.write(`ingest: ${e.message}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
}

async function run(args: IngestArgs, io: CliIo): Promise<number> {
  if (args.restore) return restore(io);
  const taxonomy = taxonomyFrom(args.taxonomy);
  const progress = progressOn(io.stderr);
  const documents: ExtractedText[] = [];
  const code = args.dryRun
    ? await dryRun(args, io, taxonomy, progress, documents)
    : await ingest(args, io, taxonomy, progress, documents);
  if (args.report) await writeReport(args.report, documents, taxonomy, io);
  return code;
}

async function dryRun(
  args: IngestArgs,
  io: CliIo,
  taxonomy: Taxonomy,
  progress: Progress,
  documents: ExtractedText[],
): Promise<number> {
  const started = performance.now();
  const { files, problems } = await expandPaths(args.paths);
  const failed: FileProblem[] = [...problems];
  const extractor = await openExtractor(taxonomy, args.threads ?? defaultThreads(files.length));
  const identities = new RunIdentities();
  try {
    for await (const { index, file, result } of extractedInOrder(files, extractor)) {
      progress.update(index, files.length, file);
      if (result.ok) documents.push(settleIdentities(result.doc, identities));
      else failed.push(result.problem);
    }
  } finally {
    progress.done();
    await extractor.close();
  }
  const outcome: DryRunResult = { documents, failed, seconds: (performance.now() - started) / 1000 };
  // With --json, stdout carries the JSON object alone; the readable summary goes to stderr.
  if (args.json) io.stdout.write(`${JSON.stringify({ documents: documents.map(jsonDocument) }, null, 2)}\n`);
  (args.json ? io.stderr : io.stdout).write(`${formatDryRun(outcome)}\n`);
  return documents.length > 0 ? EXIT_OK : nothing(io, files.length);
}

/** The `--dry-run --json` document: the ExtractedDocument contract, without the text it was read from. */
export function jsonDocument(doc: ExtractedText): ExtractedDocument {
  const { text: _text, ...rest } = doc;
  return rest;
}

async function ingest(
  args: IngestArgs,
  io: CliIo,
  taxonomy: Taxonomy,
  progress: Progress,
  documents: ExtractedText[],
): Promise<number> {
  const config = storeConfig(io.env);
  const stop = new StopOnSignals(io.stderr, io.signals);
  try {
    const store = await storeCall(() => openStore(config));
    let summary: IngestSummary | null = null;
    try {
      await storeCall(() => store.ensureSchema());
      summary = await storeCall(() =>
        ingestPaths(store, args.paths, {
          taxonomy,
          threads: args.threads ?? undefined,
          ...(args.chunk === null ? {} : { chunkSize: args.chunk }),
          onProgress: (p) => progress.update(p.index, p.total, p.file),
          // A stop ends the reading too; the load in progress finishes before the store closes below.
          signal: stop.abortSignal,
          onDocument: args.report ? (doc) => documents.push(doc) : undefined,
        }),
      );
    } finally {
      progress.done();
      await closeQuietly(store, io);
    }
    if (!summary) throw new Error('the ingest ended without a summary');
    if (stop.signal) {
      io.stdout.write(`${formatSummary(summary)}\n`);
      io.stderr.write(stop.report(stop.signal, summary));
      return exitCodeOf(stop.signal);
    }
    if (args.json) io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    else io.stdout.write(`${formatSummary(summary)}\n`);
    const stored = summary.loaded + summary.replaced + summary.refreshed + summary.unchanged;
    return stored > 0 ? EXIT_OK : nothing(io, summary.documents);
  } finally {
    stop.dispose();
  }
}

/** `--restore`: puts back the last good state of the embedded database (graph/embedded/files.ts). */
async function restore(io: CliIo): Promise<number> {
  const config = storeConfig(io.env);
  if (config.engine !== 'embedded') {
    throw new Refusal(
      '--restore is for the embedded database; a Neo4j database is restored from its own backups',
    );
  }
  const { restoreLastGoodState } = await import('../../graph/embedded/files.ts');
  const result = await storeCall(() => restoreLastGoodState(config.path, 2 ** 40));
  (result.opens ? io.stdout : io.stderr).write(`${result.opens ? '' : 'ingest: '}${result.message}\n`);
  return result.opens ? EXIT_OK : EXIT_NOTHING_INGESTED;
}

function nothing(io: CliIo, found: number): number {
  io.stderr.write(
    found === 0 ? 'ingest: no readable files found\n' : 'ingest: no document could be ingested\n',
  );
  return EXIT_NOTHING_INGESTED;
}

async function writeReport(path: string, documents: ExtractedText[], taxonomy: Taxonomy, io: CliIo) {
  try {
    await writeFile(path, renderCuratorReport(curatorReport(documents, taxonomy)));
    io.stderr.write(`Curator report written to ${path}\n`);
  } catch (e) {
    throw new Refusal(`could not write the report to ${path}: ${(e as Error).message}`);
  }
}

function taxonomyFrom(path: string | null): Taxonomy {
  try {
    return loadTaxonomy(path ?? undefined);
  } catch (e) {
    if (e instanceof TaxonomyError) throw new Refusal(e.message);
    throw e;
  }
}

function storeConfig(env: NodeJS.ProcessEnv): StoreConfig {
  try {
    return readStoreConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) throw new Refusal(e.message);
    throw e;
  }
}

/** A store that cannot be opened or reached (locked, unreachable, wrong password) ends the run with its message. */
async function storeCall<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isStoreError(e)) throw new Refusal(e.message);
    throw e;
  }
}

async function closeQuietly(store: GraphStore, io: CliIo): Promise<void> {
  try {
    await store.close();
  } catch (e) {
    io.stderr.write(`ingest: closing the store failed: ${(e as Error).message}\n`);
  }
}
