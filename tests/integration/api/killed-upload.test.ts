/**
 * The server killed with SIGKILL while it stores uploads: at the snapshot, inside the transaction, at the
 * checkpoint and while it settles, of the second and third upload. After every kill the database opens, holds
 * exactly the uploads before the interrupted one or including it (never a document half written: every
 * source stamped, counts those of a whole number of uploads), and uploading the same files again through a
 * restarted server gives the graph an uninterrupted run gives. Then the same at 20 random moments (seeded;
 * THREADLINE_KILL_SEED chooses another) spread over the time the three uploads take.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile as readBytes, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../../graph/embedded/store.ts';
import { ingestUpload, loadTaxonomy, SAMPLE_CORPUS_DIR, taxonomyRecords } from '../../../ingest/index.ts';
import { seededRandom } from '../../../server/analytics/stats.ts';
import {
  at,
  describeMoment,
  type KillAt,
  killLanding,
  leftovers,
  loadsBegun,
  printedSteps,
  type Run,
  runChild,
  type State,
  sameState,
  stateOf,
} from '../store/processes/kill-moments.ts';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '..', '..', '..');
const ADMIN_TOKEN = 'killed-upload-admin-token-0123456789';
const taxonomy = loadTaxonomy();
const RANDOM_KILLS = 20;
const seed = Number(process.env.THREADLINE_KILL_SEED ?? 20_261_205);

/** Each upload is one guarded load: snapshot, commit (the transaction), checkpoint, settle. */
const MOMENTS: KillAt[] = [
  at('step snapshot', 2),
  at('step commit', 2, 15),
  at('step checkpoint', 2),
  at('step settle', 2),
  at('step commit', 3, 5),
];

interface Upload {
  name: string;
  bytes: Uint8Array;
}

const roots: string[] = [];
let uploads: Upload[];
/** The state after the first k uploads, k = 0 … uploads.length. */
let after: State[];

async function scratch(name: string): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), `threadline-${name}-`));
  roots.push(root);
  return root;
}

async function upload(url: string, file: Upload): Promise<string> {
  const form = new FormData();
  const query = `mutation($file: File) { ingestDocument(filename: ${JSON.stringify(file.name)}, file: $file) { status error } }`;
  form.append('operations', JSON.stringify({ query, variables: { file: null } }));
  form.append('map', JSON.stringify({ 0: ['variables.file'] }));
  form.append('0', new Blob([file.bytes as Uint8Array<ArrayBuffer>]), file.name);
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'graphql-preflight': '1' },
    body: form,
  });
  const body = (await response.json()) as {
    data?: { ingestDocument: { status: string; error: string | null } };
  };
  const answer = body.data?.ingestDocument;
  if (!answer || answer.status === 'failed') throw new Error(`${file.name}: ${JSON.stringify(body)}`);
  return answer.status;
}

/**
 * Serves the database in a child process and uploads the files one after another; kills the server at
 * `moment`, or stops it with SIGTERM once every upload was answered. Resolves with the run and the answers.
 */
async function serveAndUpload(
  path: string,
  moment?: KillAt | { afterListeningMs: number },
): Promise<Run & { answers: string[]; uploadsMs: number }> {
  const script = join(repoRoot, 'tests', 'integration', 'store', 'processes', 'serve-and-report.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, path, ADMIN_TOKEN], { cwd: repoRoot });
  const answers: string[] = [];
  let uploadsMs = 0;
  let uploading: Promise<void> = Promise.resolve();
  const onLine = (line: string) => {
    if (!line.startsWith('listening ')) return;
    const url = line.slice('listening '.length);
    if (moment && 'afterListeningMs' in moment) {
      setTimeout(() => child.kill('SIGKILL'), moment.afterListeningMs);
    }
    uploading = (async () => {
      const started = performance.now();
      for (const file of uploads) answers.push(await upload(url, file));
      uploadsMs = performance.now() - started;
      if (!moment) child.kill('SIGTERM');
    })().catch(() => {
      // The kill cut the upload off: its connection closed without an answer.
    });
  };
  const run = await runChild(child, moment && 'marker' in moment ? moment : undefined, onLine);
  await uploading;
  return { ...run, answers, uploadsMs };
}

beforeAll(async () => {
  const names = [
    'eastmere-case-reviews-by-year.txt',
    'lindenbridge-newsletter-2017.txt',
    'national-briefing-infant-safety-2024.txt',
  ];
  uploads = await Promise.all(
    names.map(async (name) => ({ name, bytes: await readBytes(join(SAMPLE_CORPUS_DIR, name)) })),
  );
  // The reference states: the uploads stored in order through the function the server's mutation calls.
  const root = await scratch('killed-upload-reference');
  after = [];
  for (let k = 0; k <= uploads.length; k++) {
    const path = join(root, String(k), 'threadline.lbug');
    const store = await openEmbeddedStore({ path, maxDbBytes: 2 ** 36, bufferPoolBytes: 2 ** 27 });
    try {
      await store.ensureSchema();
      await store.upsertTaxonomy(taxonomyRecords(taxonomy));
      for (const file of uploads.slice(0, k)) await ingestUpload(store, file.name, file.bytes, taxonomy);
    } finally {
      await store.close();
    }
    after.push(await stateOf(path));
  }
}, 120_000);

afterAll(async () => {
  for (const root of roots) await rm(root, { recursive: true, force: true });
});

/**
 * After a kill: the database opens holding the uploads before the interrupted one or including it, with
 * nothing left behind, and uploading every file again through a restarted server gives the complete graph.
 */
async function checkKilled(path: string, run: Run, name: string): Promise<string> {
  expect(run.killed, `${name}: the kill landed`).toBe(true);
  const state = await stateOf(path);
  const begun = loadsBegun(run.lines);
  const allowed = begun === 0 ? [after[0]] : [after[begun - 1], after[begun]];
  expect(allowed, `${name}: ${state.sources.length} sources after ${printedSteps(run.lines)}`).toContainEqual(
    state,
  );
  expect(await leftovers(path, run.pid), name).toEqual([]);

  const again = await serveAndUpload(path);
  expect(again.answers, `${name}: uploading again`).toHaveLength(uploads.length);
  expect(await stateOf(path), `${name}: uploading again`).toEqual(after[uploads.length]);
  const held = after.findIndex((s) => sameState(s, state));
  return `${name}: opened holding ${held} of ${uploads.length} uploads`;
}

describe('a server killed while it stores uploads', () => {
  it('has reference states that differ after each upload, and an uninterrupted run through the server gives the last', async () => {
    expect(new Set(after.map((s) => JSON.stringify(s))).size).toBe(uploads.length + 1);
    const path = join(await scratch('killed-upload-whole'), 'threadline.lbug');
    const whole = await serveAndUpload(path);
    expect(whole.answers).toEqual(uploads.map(() => 'loaded'));
    expect(await stateOf(path)).toEqual(after[uploads.length]);
  }, 60_000);

  it(`opens holding whole uploads only, and converges when they are sent again, at ${MOMENTS.length} moments`, async () => {
    const root = await scratch('killed-upload-runs');
    const outcomes: string[] = [];
    for (const [i, moment] of MOMENTS.entries()) {
      const path = join(root, String(i), 'threadline.lbug');
      const { run, moment: landed } = await killLanding(
        (m) => serveAndUpload(path, m),
        moment,
        () => rm(dirname(path), { recursive: true, force: true }),
      );
      outcomes.push(await checkKilled(path, run, describeMoment(landed)));
    }
    console.info(`killed uploads:\n  ${outcomes.join('\n  ')}`);
  }, 150_000);

  it(`does the same at ${RANDOM_KILLS} random moments of the uploads`, async () => {
    const root = await scratch('killed-upload-random');
    const timed = await serveAndUpload(join(root, 'timed', 'threadline.lbug'));
    const random = seededRandom(seed);
    const outcomes: string[] = [];
    for (let i = 0; i < RANDOM_KILLS; i++) {
      const delay = Math.round(random() * timed.uploadsMs);
      const name = `kill ${i + 1} at ${delay} ms of ${Math.round(timed.uploadsMs)} (seed ${seed})`;
      const path = join(root, String(i), 'threadline.lbug');
      const run = await serveAndUpload(path, { afterListeningMs: delay });
      outcomes.push(await checkKilled(path, run, name));
      await rm(dirname(path), { recursive: true, force: true });
    }
    console.info(`killed uploads (seed ${seed}):\n  ${outcomes.join('\n  ')}`);
  }, 600_000);
});
