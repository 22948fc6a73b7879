/**
 * `npm run bench -- start [--reviews 10000,100000] [--runs 3] [--per-document 500] [--seed 1] [--keep DIR]
 *   [--compiled OUT] [--saved-index keep|drop]`
 *
 * How soon a server over an existing database answers. For each corpus size: writes N synthetic reviews,
 * ingests them into a fresh embedded database (or reuses `DIR/<N>` from an earlier `--keep` run), then starts
 * the server as `npm start` does (through tsx), or with `--compiled OUT` as the image does
 * (`node OUT/server/main.js`, after `npm run build:node -- --out OUT`; an OUT outside the checkout needs a
 * node_modules link in it, where the compiled server looks for its packages), `--runs` times, and prints the
 * median of:
 *   listening     from spawning the process to its "listening" line
 *   /healthz      from spawning to the first 200 from /healthz
 *   theme map     from spawning to the first theme map with data (a "warming" answer is retried at once)
 *   index ready   from spawning to /healthz no longer saying "warming"
 * and the server's CPU time (its own and its child processes') spent until listening and until the index is
 * ready: on a machine shared with other work, wall-clock figures include waiting for a core, CPU time does not.
 *
 * The server saves its analytics index beside the database (server/analytics/persisted-index.ts) and
 * restores it at the next start. With `--saved-index keep` (the default) a run that had to build the index
 * waits for it to be saved before stopping, so the runs after it restore it; `drop` deletes the saved index
 * before every run, timing the build from the store. Runs that restored and runs that built are reported
 * on separate lines, with the saved file's size.
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openEmbeddedStore } from '../graph/embedded/store.ts';
import { ingestPaths, loadTaxonomy } from '../ingest/index.ts';
import { savedIndexPath } from '../server/analytics/persisted-index.ts';
import { labelsFrom, writeSyntheticCorpus } from './synthetic/index.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const THEME_MAP = '{ themeNetwork(minShared: 2) { nodes { id weight } edges { source target weight } } }';

interface Timings {
  listening: number;
  health: number;
  themeMap: number;
  ready: number;
  cpuListening: number;
  cpuReady: number;
  /** Whether the server restored its saved index (else it built it from the store). */
  restored: boolean;
}

/** Longest a run that built the index waits for it to be saved. */
const SAVE_WAIT_MS = 180_000;

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      reviews: { type: 'string', default: '10000' },
      runs: { type: 'string', default: '3' },
      'per-document': { type: 'string', default: '500' },
      seed: { type: 'string', default: '1' },
      keep: { type: 'string' },
      compiled: { type: 'string' },
      'saved-index': { type: 'string', default: 'keep' },
    },
  });
  const saved = values['saved-index'];
  if (saved !== 'keep' && saved !== 'drop') throw new Error('--saved-index is keep or drop');
  const sizes = values.reviews.split(',').map(Number);
  const runs = Number(values.runs);
  const scratch = await mkdtemp(join(tmpdir(), 'threadline-bench-start-'));
  try {
    for (const size of sizes) {
      const dbPath = join(values.keep ?? scratch, String(size), 'db');
      if (!existsSync(dbPath)) {
        const seconds = await loadCorpus(dbPath, size, Number(values['per-document']), Number(values.seed));
        console.log(`${size.toLocaleString('en-GB')} reviews ingested in ${seconds.toFixed(1)} s`);
      }
      const all: Timings[] = [];
      const command = values.compiled
        ? [join(values.compiled, 'server/main.js')]
        : ['--import', 'tsx', 'server/main.ts'];
      for (let i = 0; i < runs; i++) {
        if (saved === 'drop') await rm(savedIndexPath(dbPath), { force: true });
        all.push(await timeStart(dbPath, command, saved === 'keep'));
      }
      for (const restored of [true, false]) {
        const these = all.filter((t) => t.restored === restored);
        if (these.length === 0) continue;
        const median = (pick: (t: Timings) => number) => {
          const sorted = these.map(pick).sort((a, b) => a - b);
          return (sorted[Math.floor(sorted.length / 2)] ?? Number.NaN).toFixed(2).padStart(7);
        };
        console.log(
          `${size.toLocaleString('en-GB').padStart(8)} reviews, ${values.compiled ? 'compiled' : 'tsx'},` +
            ` ${restored ? 'saved index restored' : 'index built from the store'} (median of ${these.length}, s):` +
            ` listening ${median((t) => t.listening)}  /healthz ${median((t) => t.health)}` +
            `  theme map ${median((t) => t.themeMap)}  index ready ${median((t) => t.ready)}` +
            `  | CPU to listen ${median((t) => t.cpuListening)}  to index ready ${median((t) => t.cpuReady)}`,
        );
      }
      const file = savedIndexPath(dbPath);
      if (existsSync(file))
        console.log(`saved index: ${(statSync(file).size / 2 ** 20).toFixed(1)} MB (${file})`);
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function loadCorpus(dbPath: string, size: number, perDocument: number, seed: number): Promise<number> {
  const taxonomy = loadTaxonomy();
  const work = await mkdtemp(join(tmpdir(), 'threadline-bench-start-corpus-'));
  try {
    const corpus = await writeSyntheticCorpus(work, {
      reviews: size,
      perDocument,
      seed,
      labels: labelsFrom(taxonomy),
    });
    await mkdir(join(dbPath, '..'), { recursive: true });
    const store = await openEmbeddedStore({ path: dbPath });
    try {
      await store.ensureSchema();
      const started = performance.now();
      await ingestPaths(store, [corpus.dir], { taxonomy });
      return (performance.now() - started) / 1000;
    } finally {
      await store.close();
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function timeStart(dbPath: string, command: string[], awaitSave: boolean): Promise<Timings> {
  const spawnedAt = Date.now();
  const started = performance.now();
  const since = () => (performance.now() - started) / 1000;
  const child: ChildProcess = spawn(process.execPath, command, {
    cwd: ROOT,
    env: { ...process.env, THREADLINE_DB_PATH: dbPath, PORT: '0', HOST: '127.0.0.1', NEO4J_URI: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr.trim()}`))),
  );
  exited.catch(() => undefined);
  try {
    const url = await Promise.race([listeningUrl(child), exited]);
    const listening = since();
    const cpuListening = cpuSeconds(child.pid);
    await Promise.race([until(async () => (await fetch(`${url}/healthz`)).ok), exited]);
    const health = since();
    await Promise.race([until(() => themeMapAnswered(url)), exited]);
    const themeMap = since();
    await Promise.race([until(async () => !(await warming(url))), exited]);
    const ready = since();
    const cpuReady = cpuSeconds(child.pid);
    // The server says in one line why it did not restore a saved index (persisted-index.ts).
    const restored = !/building it from the store/.test(stderr);
    if (!restored && awaitSave) await Promise.race([savedSince(savedIndexPath(dbPath), spawnedAt), exited]);
    return { listening, health, themeMap, ready, cpuListening, cpuReady, restored };
  } finally {
    // A server that already exited is not waited for: its exit event has been and gone.
    if (child.exitCode === null && child.signalCode === null) {
      const gone = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await gone;
    }
  }
}

/** User + system time of a process and of its children that have exited (the log check), from /proc. */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // Fields 14-17 of /proc/PID/stat: utime, stime, cutime, cstime, in clock ticks (100 per second).
    return fields.slice(11, 15).reduce((sum, f) => sum + Number(f), 0) / 100;
  } catch {
    return Number.NaN;
  }
}

/** Resolves once `file` has been written after `since` (ms since the epoch), or after SAVE_WAIT_MS. */
async function savedSince(file: string, since: number): Promise<void> {
  const deadline = Date.now() + SAVE_WAIT_MS;
  while (Date.now() < deadline) {
    const written = existsSync(file) ? statSync(file).mtimeMs : 0;
    if (written >= since) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve) => {
    let stdout = '';
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString();
      const match = /listening on (http:\/\/\S+)/.exec(stdout);
      if (match?.[1]) resolve(match[1]);
    });
  });
}

async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check().catch(() => false))) await new Promise((r) => setTimeout(r, 20));
}

async function themeMapAnswered(url: string): Promise<boolean> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: THEME_MAP }),
  });
  const body = (await response.json()) as { data?: { themeNetwork?: { nodes: unknown[] } | null } };
  return (body.data?.themeNetwork?.nodes.length ?? 0) > 0;
}

async function warming(url: string): Promise<boolean> {
  const body = (await (await fetch(`${url}/healthz`)).json()) as { status?: string };
  return body.status === 'warming';
}
