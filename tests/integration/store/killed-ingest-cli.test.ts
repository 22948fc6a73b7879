/**
 * `npm run ingest` stopped by a signal while it loads: on SIGINT it finishes the chunk in progress, starts no
 * other, closes the database, says how many documents it loaded and exits 130; the database holds exactly
 * those chunks. A second signal exits at once (143 for SIGTERM), and the database still opens holding whole
 * chunks only. Running the command again loads the rest.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labelsFrom, writeSyntheticCorpus } from '../../../bench/synthetic/index.ts';
import { journalPath } from '../../../graph/embedded/files.ts';
import { loadTaxonomy } from '../../../ingest/taxonomy/index.ts';
import { leftovers, stateOf } from './processes/kill-moments.ts';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const DOCUMENTS = 30;
const CHUNK = 10;

let root: string;
let corpus: string;

interface Ended {
  pid: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The ingest command on the corpus, in chunks of CHUNK documents. The first of `signals` is sent once its
 * first load began, each next one once it said it received the one before (signals sent together merge).
 */
function ingestCommand(path: string, signals: NodeJS.Signals[] = []): Promise<Ended> {
  const env: NodeJS.ProcessEnv = { ...process.env, THREADLINE_DB_PATH: path };
  for (const name of ['NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD', 'NEO4J_DATABASE']) delete env[name];
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'ingest/cli.ts', '--chunk', String(CHUNK), '--threads', '0', corpus],
    { cwd: repoRoot, env },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => {
    stdout += b.toString();
  });
  child.stderr.on('data', (b: Buffer) => {
    stderr += b.toString();
  });
  // A load in progress is the moment its journal is on disk.
  let sent = 0;
  const watch = setInterval(() => {
    const next = signals[sent];
    if (next === undefined) return;
    const previous = signals[sent - 1];
    const ready = previous ? stderr.includes(`${previous} received`) : existsSync(journalPath(path));
    if (!ready) return;
    child.kill(next);
    sent++;
  }, 2);
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      clearInterval(watch);
      resolve({ pid: child.pid ?? -1, code, stdout, stderr });
    }),
  );
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'threadline-ingest-signals-'));
  corpus = (
    await writeSyntheticCorpus(join(root, 'corpus'), {
      reviews: DOCUMENTS * 10,
      perDocument: 10,
      seed: 29,
      labels: labelsFrom(loadTaxonomy()),
    })
  ).dir;
}, 60_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('an ingest stopped by a signal', () => {
  it('finishes the chunk in progress on SIGINT, reports what it loaded, exits 130, and a rerun loads the rest', async () => {
    const path = join(root, 'sigint', 'threadline.lbug');
    const stopped = await ingestCommand(path, ['SIGINT']);
    expect(stopped.code, stopped.stderr).toBe(130);
    const said = /stopped by SIGINT: (\d+) of (\d+) documents were loaded/.exec(stopped.stderr);
    expect(said, stopped.stderr).not.toBeNull();
    const loaded = Number(said?.[1]);
    expect(loaded % CHUNK).toBe(0);
    expect(loaded).toBeGreaterThan(0);
    expect((await stateOf(path)).sources).toHaveLength(loaded);
    expect(await leftovers(path, stopped.pid)).toEqual([]);

    const rerun = await ingestCommand(path);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect((await stateOf(path)).sources).toHaveLength(DOCUMENTS);
  }, 120_000);

  it('exits at once on a second signal, leaving a database that opens holding whole chunks only', async () => {
    const path = join(root, 'twice', 'threadline.lbug');
    const stopped = await ingestCommand(path, ['SIGTERM', 'SIGTERM']);
    expect(stopped.code, stopped.stderr).toBe(143);
    expect(stopped.stderr).toMatch(/SIGTERM again: exiting now/);
    const held = (await stateOf(path)).sources.length;
    expect(held % CHUNK).toBe(0);
    expect(await leftovers(path, stopped.pid)).toEqual([]);
  }, 120_000);
});
