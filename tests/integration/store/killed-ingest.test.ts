/**
 * A real ingest, killed with SIGKILL at moments spread over the whole load: while the first batch is written
 * into an empty database and while the second is written into a non-empty one (snapshot, COPY of each table,
 * the commit transaction, the final checkpoint, the settling of the journal). After every kill the database
 * opens, holds exactly the state before or after the interrupted batch, leaves no staging folder or snapshot
 * behind, and ingesting the same folder again gives the graph an uninterrupted run gives. A COPY load killed
 * once it began settling is kept: it was checkpointed and verified, and its journal says so.
 */
import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labelsFrom, writeSyntheticCorpus } from '../../../bench/synthetic/index.ts';
import { openEmbeddedStore } from '../../../graph/embedded/store.ts';
import { ingestPaths } from '../../../ingest/load/ingest-files.ts';
import { loadTaxonomy } from '../../../ingest/taxonomy/index.ts';
import {
  at,
  describeMoment,
  type KillAt,
  killLanding,
  leftovers,
  loadsAbandoned,
  loadsBegun,
  loadsSettled,
  printedSteps,
  type Run,
  runChild,
  type State,
  sameState,
  stateOf,
} from './processes/kill-moments.ts';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '..', '..', '..');
const taxonomy = loadTaxonomy();
/** 20 documents of 10 reviews, loaded in two batches of 10 documents. */
const CHUNK = 10;

/** Batch 1 goes into an empty database, batch 2 into the database batch 1 left. */
const MOMENTS: KillAt[] = [
  at('opened', 1),
  at('step snapshot', 1),
  at('step copy Source', 1),
  at('step copy HAS_LEARNING', 1),
  at('step copy ADDRESSES', 1, 40),
  at('step commit', 1),
  at('step checkpoint', 1),
  at('step snapshot', 2),
  at('step snapshot', 2, 3),
  at('step copy Source', 2),
  at('step copy Recommendation', 2),
  at('step copy HAS_THEME', 2),
  at('step copy ADDRESSES', 2),
  at('step copy ADDRESSES', 2, 60),
  at('step copy ADDRESSES', 2, 200),
  at('step commit', 2),
  at('step checkpoint', 2),
  at('step checkpoint', 2, 20),
  at('step settle', 2),
  at('closing', 1, 2),
];

/** The same ingest with every batch through UNWIND statements (below the COPY threshold). */
const UNWIND_MOMENTS: KillAt[] = [
  at('step commit', 1, 20),
  at('step snapshot', 2),
  at('step commit', 2, 30),
  at('step checkpoint', 2, 5),
  at('step settle', 1),
  at('closing', 1, 2),
];

const roots: string[] = [];
let corpus: string;
let firstBatchOnly: string;
let empty: State;
let afterFirst: State;
let complete: State;

async function scratch(name: string): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), `threadline-${name}-`));
  roots.push(root);
  return root;
}

/** `npm run ingest`'s path (ingestPaths, chunks through the COPY bulk path), in this process. */
async function ingestHere(path: string, folder: string): Promise<void> {
  const store = await openEmbeddedStore({
    path,
    bulkMinRows: 0,
    maxDbBytes: 2 ** 36,
    bufferPoolBytes: 2 ** 27,
  });
  try {
    await store.ensureSchema();
    await ingestPaths(store, [folder], { taxonomy, chunkSize: CHUNK, threads: 0 });
  } finally {
    await store.close();
  }
}

type LoadPath = 'copy' | 'unwind';

/** Runs the ingest child (printing its steps), killed at `moment`. */
function killedRun(path: string, moment: KillAt, via: LoadPath): Promise<Run> {
  const script = join(here, 'processes', 'ingest-and-report.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, path, corpus, String(CHUNK), via], {
    cwd: repoRoot,
  });
  return runChild(child, moment);
}

beforeAll(async () => {
  const root = await scratch('killed-ingest');
  const written = await writeSyntheticCorpus(join(root, 'corpus'), {
    reviews: 200,
    perDocument: 10,
    seed: 17,
    labels: labelsFrom(taxonomy),
  });
  corpus = written.dir;
  firstBatchOnly = join(root, 'first-batch');
  await mkdir(firstBatchOnly);
  for (const file of written.files.slice(0, CHUNK))
    await copyFile(file, join(firstBatchOnly, basename(file)));
  const reference = join(root, 'reference');
  await mkdir(join(root, 'no-documents'));
  await ingestHere(join(reference, 'empty.lbug'), join(root, 'no-documents'));
  empty = await stateOf(join(reference, 'empty.lbug'));
  await ingestHere(join(reference, 'first.lbug'), firstBatchOnly);
  afterFirst = await stateOf(join(reference, 'first.lbug'));
  await ingestHere(join(reference, 'complete.lbug'), corpus);
  complete = await stateOf(join(reference, 'complete.lbug'));
}, 120_000);

afterAll(async () => {
  for (const root of roots) await rm(root, { recursive: true, force: true });
});

describe('an ingest killed at any moment of a bulk load', () => {
  it('has reference states that differ: empty, after the first batch, complete', () => {
    expect(empty.sources).toEqual([]);
    expect(afterFirst.sources).toHaveLength(CHUNK);
    expect(complete.sources).toHaveLength(2 * CHUNK);
    expect(new Set([empty.counts, afterFirst.counts, complete.counts]).size).toBe(3);
  });

  async function killAndCheck(via: LoadPath, moments: KillAt[]): Promise<string[]> {
    const root = await scratch(`killed-runs-${via}`);
    const outcomes: string[] = [];
    for (const [i, moment] of moments.entries()) {
      const path = join(root, String(i), 'threadline.lbug');
      const { run, moment: landed } = await killLanding(
        (m) => killedRun(path, m, via),
        moment,
        () => rm(dirname(path), { recursive: true, force: true }),
      );
      const name = `${via}: ${describeMoment(landed)}`;
      expect(run.lines, name).toContain(moment.marker);

      const printed = printedSteps(run.lines);
      expect(loadsAbandoned(run.lines), `${name}: a load failed before the kill, after ${printed}`).toBe(0);
      const state = await stateOf(path);
      const batch = loadsBegun(run.lines);
      // The batch being written when the kill came: before it, or after it, nothing in between; after it
      // once the load printed its settling (its journal is marked committed first).
      const settled = batch > 0 && loadsSettled(run.lines) === batch;
      const [before, after] = batch <= 1 ? [empty, afterFirst] : [afterFirst, complete];
      const allowed = run.lines.includes('closing') ? [complete] : settled ? [after] : [before, after];
      if (!run.killed) allowed.push(complete);
      expect(allowed, `${name}: ${state.sources.length} sources after ${printed}`).toContainEqual(state);
      expect(await leftovers(path, run.pid), name).toEqual([]);

      await ingestHere(path, corpus);
      expect(await stateOf(path), `${name}: ingesting again`).toEqual(complete);
      const held = sameState(state, empty)
        ? 'no batch'
        : sameState(state, afterFirst)
          ? 'batch 1'
          : 'both batches';
      outcomes.push(`${name}: ${run.killed ? 'killed' : 'finished first'}, opened holding ${held}`);
    }
    console.info(`killed ingests:\n  ${outcomes.join('\n  ')}`);
    return outcomes;
  }

  it(`leaves a database that opens at the state before or after the interrupted batch, at ${MOMENTS.length} moments of COPY loads`, async () => {
    const outcomes = await killAndCheck('copy', MOMENTS);
    // Every kill landed while the ingest was running (closing the store may be quicker than a kill).
    expect(outcomes.filter((o) => o.includes('finished first') && !o.includes('closing'))).toEqual([]);
  }, 480_000);

  it(`does the same at ${UNWIND_MOMENTS.length} moments of loads through UNWIND statements`, async () => {
    const outcomes = await killAndCheck('unwind', UNWIND_MOMENTS);
    expect(outcomes.filter((o) => o.includes('finished first') && !o.includes('closing'))).toEqual([]);
  }, 300_000);
});
