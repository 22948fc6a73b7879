/**
 * A refresh after a new extractor version, killed with SIGKILL while its chunks are written (through the
 * COPY bulk path and through UNWIND statements): the database opens holding every refreshed source either as
 * the older version read it or as the newer one does, chunk by chunk, never a source half replaced; and
 * ingesting again finishes the refresh. The newer reading differs (it no longer finds the first review of
 * each document), so the two states differ in what they hold, not only in the version they name.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labelsFrom, writeSyntheticCorpus } from '../../../bench/synthetic/index.ts';
import { expandPaths } from '../../../ingest/load/expand-paths.ts';
import { loadTaxonomy } from '../../../ingest/taxonomy/index.ts';
import {
  at,
  describeMoment,
  type KillAt,
  leftovers,
  loadsBegun,
  printedSteps,
  type Run,
  runChild,
  type State,
  sameState,
  stateOf as stateOfStore,
} from './processes/kill-moments.ts';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '..', '..', '..');
/** 20 documents of 10 reviews, refreshed in two chunks of 10 documents. */
const CHUNK = 10;
const NEXT = '-next';

type Via = 'copy' | 'unwind';

/** Every chunk is made only of refreshed sources: a snapshot, one transaction, a checkpoint, the settling. */
const MOMENTS: KillAt[] = [
  at('step snapshot', 1),
  at('step commit', 1),
  at('step commit', 1, 25),
  at('step checkpoint', 1),
  at('step checkpoint', 1, 15),
  at('step settle', 1),
  at('step snapshot', 2, 3),
  at('step commit', 2, 10),
  at('step checkpoint', 2, 5),
  at('step settle', 2),
  at('closing', 1, 2),
];

const roots: string[] = [];
let files: string[];
let older: string;
let olderState: State;
let midState: State;
let newerState: State;

async function scratch(name: string): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), `threadline-${name}-`));
  roots.push(root);
  return root;
}

/** Per source, its content hash and the version that read it. */
function stateOf(path: string): Promise<State> {
  return stateOfStore(path, (s, extractor) => `${s.sha256} ${extractor ?? 'unstamped'}`);
}

function child(path: string, suffix: string, paths: string[], via: Via): ChildProcessWithoutNullStreams {
  const script = join(here, 'processes', 'refresh-and-report.ts');
  return spawn(process.execPath, ['--import', 'tsx', script, path, String(CHUNK), suffix, ...paths], {
    cwd: repoRoot,
    env: { ...process.env, THREADLINE_TEST_VIA: via },
  });
}

/** Runs the child to its end, or kills it at `moment`. */
function run(path: string, suffix: string, paths: string[], via: Via, moment?: KillAt): Promise<Run> {
  return runChild(child(path, suffix, paths, via), moment);
}

/** A copy of the database the older version filled, to refresh. */
async function olderCopy(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, 'threadline.lbug');
  await copyFile(older, path);
  if (existsSync(`${older}.wal`)) await copyFile(`${older}.wal`, `${path}.wal`);
  return path;
}

beforeAll(async () => {
  const root = await scratch('killed-refresh');
  const written = await writeSyntheticCorpus(join(root, 'corpus'), {
    reviews: 200,
    perDocument: 10,
    seed: 23,
    labels: labelsFrom(loadTaxonomy()),
  });
  files = (await expandPaths([written.dir])).files;
  older = join(root, 'older', 'threadline.lbug');
  await run(older, '', files, 'copy');
  olderState = await stateOf(older);
  const mid = await olderCopy(join(root, 'mid'));
  await run(mid, NEXT, files.slice(0, CHUNK), 'copy');
  midState = await stateOf(mid);
  const newer = await olderCopy(join(root, 'newer'));
  await run(newer, NEXT, files, 'copy');
  newerState = await stateOf(newer);
}, 180_000);

afterAll(async () => {
  for (const root of roots) await rm(root, { recursive: true, force: true });
});

describe('a refresh for a new extractor version killed at any moment', () => {
  it('has reference states that differ: as the older version read it, half refreshed, refreshed', () => {
    expect(olderState.sources).toHaveLength(2 * CHUNK);
    expect(newerState.sources).toHaveLength(2 * CHUNK);
    expect(new Set([olderState.counts, midState.counts, newerState.counts]).size).toBe(3);
    expect(new Set([olderState, midState, newerState].map((s) => s.sources.join())).size).toBe(3);
  });

  async function killAndCheck(via: Via, moments: KillAt[]): Promise<string[]> {
    const root = await scratch(`killed-refresh-${via}`);
    const outcomes: string[] = [];
    for (const [i, moment] of moments.entries()) {
      const name = `${via}: ${describeMoment(moment)}`;
      const path = await olderCopy(join(root, String(i)));
      const killed = await run(path, NEXT, files, via, moment);
      expect(killed.lines, name).toContain(moment.marker);

      const state = await stateOf(path);
      const chunk = loadsBegun(killed.lines);
      const allowed = killed.lines.includes('closing')
        ? [newerState]
        : chunk <= 1
          ? [olderState, midState]
          : [midState, newerState];
      if (!killed.killed) allowed.push(newerState);
      const printed = printedSteps(killed.lines);
      expect(allowed, `${name}: ${state.sources.length} sources after ${printed}`).toContainEqual(state);
      expect(await leftovers(path, killed.pid), name).toEqual([]);

      await run(path, NEXT, files, via);
      expect(await stateOf(path), `${name}: ingesting again`).toEqual(newerState);
      const held = sameState(state, olderState)
        ? 'the older reading'
        : sameState(state, midState)
          ? 'chunk 1 refreshed'
          : 'all refreshed';
      outcomes.push(`${name}: ${killed.killed ? 'killed' : 'finished first'}, opened holding ${held}`);
    }
    console.info(`killed refreshes:\n  ${outcomes.join('\n  ')}`);
    return outcomes;
  }

  it(`leaves every source as one version or the other read it, at ${MOMENTS.length} moments of bulk loads`, async () => {
    await killAndCheck('copy', MOMENTS);
  }, 400_000);

  it('does the same when the refresh goes through UNWIND statements', async () => {
    await killAndCheck('unwind', [
      at('step commit', 1, 20),
      at('step checkpoint', 2, 5),
      at('closing', 1, 2),
    ]);
  }, 200_000);
});
