/**
 * A real ingest, killed with SIGKILL at moments spread over the whole load: while the first batch is written
 * into an empty database and while the second is written into a non-empty one (snapshot, COPY of each table,
 * the commit transaction, the final checkpoint, the settling of the journal). After every kill the database
 * opens, holds exactly the state before or after the interrupted batch, leaves no staging folder or snapshot
 * behind, and ingesting the same folder again gives the graph an uninterrupted run gives.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labelsFrom, writeSyntheticCorpus } from '../../../bench/synthetic/index.ts';
import { openEmbeddedStore } from '../../../graph/embedded/store.ts';
import { ingestPaths } from '../../../ingest/load/ingest-files.ts';
import { loadTaxonomy } from '../../../ingest/taxonomy/index.ts';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '..', '..', '..');
const taxonomy = loadTaxonomy();
/** 20 documents of 10 reviews, loaded in two batches of 10 documents. */
const CHUNK = 10;

interface Snapshot {
  counts: string;
  sources: string[];
}

/** A moment to kill at: `delay` ms after the child printed `marker` for the `nth` time. */
interface KillAt {
  marker: string;
  nth: number;
  delay: number;
}

const at = (marker: string, nth: number, delay = 0): KillAt => ({ marker, nth, delay });

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
  at('closing', 1, 2),
];

const roots: string[] = [];
let corpus: string;
let firstBatchOnly: string;
let empty: Snapshot;
let afterFirst: Snapshot;
let complete: Snapshot;

async function scratch(name: string): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), `threadline-${name}-`));
  roots.push(root);
  return root;
}

async function openAt(path: string) {
  return openEmbeddedStore({ path, maxDbBytes: 2 ** 36, bufferPoolBytes: 2 ** 27 });
}

/**
 * What the database holds: counts per label and type and the content hashes of its sources (the reference
 * for the first batch reads copies of its files from another folder, so their source ids differ). The
 * taxonomy is left out: a run killed before its first batch may or may not have stored it yet, and every
 * run stores it first.
 */
async function stateOf(path: string): Promise<Snapshot> {
  const store = await openAt(path);
  try {
    await store.ensureSchema();
    const sources = (await store.listSources()).map((s) => s.sha256).sort();
    const { nodes, relationships } = await store.counts();
    const { HarmType: _h, Agency: _a, Theme: _t, ...content } = nodes;
    return { counts: JSON.stringify({ nodes: content, relationships }), sources };
  } finally {
    await store.close();
  }
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

function ingestChild(path: string, via: LoadPath): ChildProcessWithoutNullStreams {
  const script = join(here, 'processes', 'ingest-and-report.ts');
  return spawn(process.execPath, ['--import', 'tsx', script, path, corpus, String(CHUNK), via], {
    cwd: repoRoot,
  });
}

/** Runs the child and kills it at the moment; resolves with what it printed and whether the kill landed. */
async function killedRun(
  path: string,
  moment: KillAt,
  via: LoadPath,
): Promise<{ pid: number; killed: boolean; lines: string[] }> {
  const child = ingestChild(path, via);
  const lines: string[] = [];
  let stderr = '';
  let pending = '';
  let seen = 0;
  child.stderr.on('data', (b: Buffer) => {
    stderr += b.toString();
  });
  child.stdout.on('data', (b: Buffer) => {
    pending += b.toString();
    const parts = pending.split('\n');
    pending = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      if (line === moment.marker && ++seen === moment.nth) {
        if (moment.delay === 0) child.kill('SIGKILL');
        else setTimeout(() => child.kill('SIGKILL'), moment.delay);
      }
    }
  });
  const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  if (exit.signal === null && exit.code !== 0) throw new Error(`the ingest failed (${exit.code}): ${stderr}`);
  return { pid: child.pid ?? -1, killed: exit.signal === 'SIGKILL', lines };
}

/** Staging folders in the temporary directory that name this process id as their owner. */
async function stagingOf(pid: number): Promise<string[]> {
  const found: string[] = [];
  for (const name of await readdir(tmpdir())) {
    if (!name.startsWith('threadline-copy-')) continue;
    const owner = await readFile(join(tmpdir(), name, 'owner.pid'), 'utf8').catch(() => '');
    if (owner.trim() === String(pid)) found.push(name);
  }
  return found;
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
      let delay = moment.delay;
      let run = await killedRun(path, moment, via);
      // On a loaded machine the step can finish before a delayed kill lands: the same moment, sooner.
      while (!run.killed && delay > 0 && moment.marker !== 'closing') {
        delay = Math.floor(delay / 2);
        await rm(dirname(path), { recursive: true, force: true });
        run = await killedRun(path, { ...moment, delay }, via);
      }
      const name = `${via}: ${moment.marker} #${moment.nth} +${delay}ms`;
      expect(run.lines, name).toContain(moment.marker);

      const state = await stateOf(path);
      const batch = run.lines.filter((l) => l === 'step snapshot').length;
      // The batch being written when the kill came: before it, or after it, nothing in between.
      const allowed = run.lines.includes('closing')
        ? [complete]
        : batch <= 1
          ? [empty, afterFirst]
          : [afterFirst, complete];
      if (!run.killed) allowed.push(complete);
      const printed = run.lines.filter((l) => l.startsWith('step') || l === 'closing').join(', ');
      expect(allowed, `${name}: ${state.sources.length} sources after ${printed}`).toContainEqual(state);
      expect(await stagingOf(run.pid), name).toEqual([]);
      expect(existsSync(`${path}.before-load`), name).toBe(false);
      expect(existsSync(`${path}.bulk-undo.json`), name).toBe(false);

      await ingestHere(path, corpus);
      expect(await stateOf(path), `${name}: ingesting again`).toEqual(complete);
      const same = (reference: Snapshot) => JSON.stringify(reference) === JSON.stringify(state);
      const held = same(empty) ? 'no batch' : same(afterFirst) ? 'batch 1' : 'both batches';
      outcomes.push(`${name}: ${run.killed ? 'killed' : 'finished first'}, opened holding ${held}`);
    }
    console.info(`killed ingests:\n  ${outcomes.join('\n  ')}`);
    return outcomes;
  }

  it(`leaves a database that opens at the state before or after the interrupted batch, at ${MOMENTS.length} moments of COPY loads`, async () => {
    const outcomes = await killAndCheck('copy', MOMENTS);
    // Every kill landed while the ingest was running (closing the store may be quicker than a kill).
    expect(outcomes.filter((o) => o.includes('finished first') && !o.includes('closing'))).toEqual([]);
  }, 300_000);

  it(`does the same at ${UNWIND_MOMENTS.length} moments of loads through UNWIND statements`, async () => {
    const outcomes = await killAndCheck('unwind', UNWIND_MOMENTS);
    expect(outcomes.filter((o) => o.includes('finished first') && !o.includes('closing'))).toEqual([]);
  }, 200_000);
});
