/**
 * `npm run ingest` of 20,000 case reviews, killed with SIGKILL at 20 random moments between its start and its
 * end: while it starts, extracts, snapshots, copies, checkpoints or settles any of its five loads. After
 * every kill the database opens holding whole loads only (its sources are the first n documents, n a
 * multiple of the chunk), with no snapshot, journal or staging folder left; and running the command again
 * converges: a sorted export of every node and relationship with their properties equals an uninterrupted
 * run's. The moments come from a seeded generator (THREADLINE_KILL_SEED to choose another; the seed is
 * printed), spread over the time an uninterrupted run takes on this machine.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labelsFrom, writeSyntheticCorpus } from '../../../bench/synthetic/index.ts';
import { loadTaxonomy } from '../../../ingest/taxonomy/index.ts';
import { seededRandom } from '../../../server/analytics/stats.ts';
import { leftovers, stateOf } from './processes/kill-moments.ts';
import { type SortedExport, sortedExport } from './processes/sorted-export.ts';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const REVIEWS = 20_000;
const PER_DOCUMENT = 500;
const DOCUMENTS = REVIEWS / PER_DOCUMENT;
/** Documents per load: five loads of 4,000 reviews. */
const CHUNK = 8;
const KILLS = 20;
const seed = Number(process.env.THREADLINE_KILL_SEED ?? 20_261_205);

let root: string;
let corpus: string;
/** The sha256 of each document, in the order ingest reads them. */
let shas: string[];
let uninterruptedMs: number;
let reference: SortedExport;

interface Ended {
  pid: number;
  killed: boolean;
  code: number | null;
  stderr: string;
}

/** The ingest command on the corpus; killed with SIGKILL `killAfterMs` after it was started, if given. */
function ingestCommand(path: string, killAfterMs?: number): Promise<Ended> {
  const env: NodeJS.ProcessEnv = { ...process.env, THREADLINE_DB_PATH: path };
  for (const name of ['NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD', 'NEO4J_DATABASE']) delete env[name];
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'ingest/cli.ts', '--chunk', String(CHUNK), '--threads', '1', corpus],
    { cwd: repoRoot, env, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => {
    stderr += b.toString();
  });
  const kill = killAfterMs === undefined ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  return new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      if (kill) clearTimeout(kill);
      resolve({ pid: child.pid ?? -1, killed: signal === 'SIGKILL', code, stderr });
    }),
  );
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'threadline-killed-large-'));
  const written = await writeSyntheticCorpus(join(root, 'corpus'), {
    reviews: REVIEWS,
    perDocument: PER_DOCUMENT,
    seed: 41,
    labels: labelsFrom(loadTaxonomy()),
  });
  corpus = written.dir;
  shas = [];
  for (const file of [...written.files].sort()) {
    shas.push(
      createHash('sha256')
        .update(await readFile(file))
        .digest('hex'),
    );
  }
  const path = join(root, 'reference', 'threadline.lbug');
  const started = performance.now();
  const run = await ingestCommand(path);
  uninterruptedMs = performance.now() - started;
  expect(run.code, run.stderr).toBe(0);
  await stateOf(path);
  reference = await sortedExport(path);
}, 300_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe(`an ingest of ${REVIEWS.toLocaleString('en-GB')} case reviews killed at ${KILLS} random moments`, () => {
  it('has an uninterrupted reference run that stored every document', () => {
    expect(reference.counts.Source).toBe(DOCUMENTS);
    expect(reference.counts.CaseReview).toBeGreaterThanOrEqual(REVIEWS * 0.9);
  });

  it('opens holding whole loads after every kill, and converges to the uninterrupted graph when run again', async () => {
    const random = seededRandom(seed);
    const outcomes: string[] = [];
    for (let i = 0; i < KILLS; i++) {
      const delay = Math.round(random() * uninterruptedMs);
      const path = join(root, `killed-${i}`, 'threadline.lbug');
      const name = `kill ${i + 1} at ${delay} ms of ${Math.round(uninterruptedMs)} (seed ${seed})`;
      const run = await ingestCommand(path, delay);
      if (!run.killed) expect(run.code, `${name}: ${run.stderr}`).toBe(0);

      const held = (await stateOf(path)).sources;
      expect(
        held.some((s) => s.endsWith('unstamped')),
        `${name}: a source half-written`,
      ).toBe(false);
      expect(held.length % CHUNK, `${name}: ${held.length} sources is not a number of whole loads`).toBe(0);
      expect(held, `${name}: not the first ${held.length} documents`).toEqual(
        shas.slice(0, held.length).sort(),
      );
      expect(await leftovers(path, run.pid), name).toEqual([]);

      const again = await ingestCommand(path);
      expect(again.code, `${name}, run again: ${again.stderr}`).toBe(0);
      await stateOf(path);
      const converged = await sortedExport(path);
      expect(converged.counts, `${name}: counts after running again`).toEqual(reference.counts);
      expect(converged.digest, `${name}: the graph after running again`).toBe(reference.digest);
      await rm(dirname(path), { recursive: true, force: true });
      outcomes.push(
        `${name}: ${run.killed ? 'killed' : 'finished first'}, opened holding ${held.length} documents`,
      );
    }
    console.info(`killed ingests (seed ${seed}):\n  ${outcomes.join('\n  ')}`);
    // Most kills land inside the run: the moments are spread over an uninterrupted run's time (a machine
    // that got less busy since that run can finish some runs before their kill).
    expect(outcomes.filter((o) => o.includes('finished first')).length).toBeLessThanOrEqual(KILLS / 2);
  }, 1_800_000);
});
