/**
 * What the kill tests share: a moment to kill a child process at (a line it prints, and a delay after it), the
 * run that kills it there, the state a database holds once reopened, and what a killed process must not
 * leave behind (a staging folder, a snapshot, a journal).
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEmbeddedStore } from '../../../../graph/embedded/store.ts';
import type { SourceSummary } from '../../../../graph/store.ts';

/** A moment to kill at: `delay` ms after the child printed `marker` for the `nth` time. */
export interface KillAt {
  marker: string;
  nth: number;
  delay: number;
}

export const at = (marker: string, nth: number, delay = 0): KillAt => ({ marker, nth, delay });

export function describeMoment(moment: KillAt): string {
  return `${moment.marker} #${moment.nth} +${moment.delay}ms`;
}

export interface Run {
  pid: number;
  /** Whether the child died of the kill (false: it exited on its own first). */
  killed: boolean;
  /** Every line it printed before it ended. */
  lines: string[];
}

/**
 * Waits for the child to end, killing it with SIGKILL at `moment` (never, without one); `onLine` sees every
 * line as it comes. A child that exits on its own with a failure rejects with what it wrote to stderr.
 */
export async function runChild(
  child: ChildProcessWithoutNullStreams,
  moment?: KillAt,
  onLine?: (line: string) => void,
): Promise<Run> {
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
      onLine?.(line);
      if (moment && line === moment.marker && ++seen === moment.nth) {
        if (moment.delay === 0) child.kill('SIGKILL');
        else setTimeout(() => child.kill('SIGKILL'), moment.delay);
      }
    }
  });
  const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  if (exit.signal === null && exit.code !== 0) {
    throw new Error(`the child process failed (exit code ${exit.code}): ${stderr}`);
  }
  return { pid: child.pid ?? -1, killed: exit.signal === 'SIGKILL', lines };
}

/**
 * Kills a fresh run at `moment`; on a loaded machine the step can finish before a delayed kill lands, so
 * the same moment is tried again sooner (after `reset` puts the database back) until the kill lands inside
 * the run. Resolves with the run and the delay that was used.
 */
export async function killLanding(
  start: (moment: KillAt) => Promise<Run>,
  moment: KillAt,
  reset: () => Promise<void>,
): Promise<{ run: Run; moment: KillAt }> {
  let tried = moment;
  let run = await start(tried);
  while (!run.killed && tried.delay > 0 && tried.marker !== 'closing') {
    tried = { ...tried, delay: Math.floor(tried.delay / 2) };
    await reset();
    run = await start(tried);
  }
  return { run, moment: tried };
}

/** The bulk steps and the closing the child printed, for a failure message. */
export function printedSteps(lines: readonly string[]): string {
  return lines.filter((l) => l.startsWith('step') || l === 'closing').join(', ');
}

/** How many loads the child had begun (each begins with its snapshot). */
export function loadsBegun(lines: readonly string[]): number {
  return lines.filter((l) => l === 'step snapshot').length;
}

/**
 * Loads that began before the one before them settled: a load that failed (an error, not the kill) and was
 * followed by another, as when ingest retries a refused chunk one document at a time. The states a test
 * expects per printed snapshot do not hold then, so it says so first.
 */
export function loadsAbandoned(lines: readonly string[]): number {
  let open = false;
  let abandoned = 0;
  for (const line of lines) {
    if (line === 'step snapshot') {
      if (open) abandoned++;
      open = true;
    } else if (line === 'step settle') open = false;
  }
  return abandoned;
}

/** How many loads the child had settled (their journal is marked committed just before). */
export function loadsSettled(lines: readonly string[]): number {
  return lines.filter((l) => l === 'step settle').length;
}

/** Staging folders in the temporary directory that name this process id as their owner. */
export async function stagingOf(pid: number): Promise<string[]> {
  const found: string[] = [];
  for (const name of await readdir(tmpdir())) {
    if (!name.startsWith('threadline-copy-')) continue;
    const owner = await readFile(join(tmpdir(), name, 'owner.pid'), 'utf8').catch(() => '');
    if (owner.trim() === String(pid)) found.push(name);
  }
  return found;
}

/** What a killed load left that the next open should have settled: staging folders, a snapshot, a journal. */
export async function leftovers(path: string, pid: number): Promise<string[]> {
  const files = [`${path}.before-load`, `${path}.before-load.partial`, `${path}.bulk-undo.json`];
  return [...(await stagingOf(pid)), ...files.filter((f) => existsSync(f))];
}

/** What a database holds, comparable between runs: content counts and one key per source. */
export interface State {
  counts: string;
  sources: string[];
}

/**
 * Opens the database (settling what a killed run left) and reads its state: counts per label and type and
 * one key per source, sorted (by default its content hash). The taxonomy is left out: a run killed before
 * its first load may or may not have stored it yet, and every run stores it first. Sources a load is still
 * writing (no ingestedAt) are keyed as unstamped, so a half-written one never equals a finished state.
 */
export async function stateOf(
  path: string,
  keyOf: (source: SourceSummary, extractor: string | null) => string = (s) => s.sha256,
): Promise<State> {
  const store = await openEmbeddedStore({ path, maxDbBytes: 2 ** 36, bufferPoolBytes: 2 ** 27 });
  try {
    await store.ensureSchema();
    const listed = await store.listSources();
    const readings = new Map((await store.sourceReadings(listed.map((s) => s.id))).map((r) => [r.id, r]));
    const sources = listed
      .map((s) => {
        const reading = readings.get(s.id);
        return reading ? keyOf(s, reading.extractor) : `${s.sha256} unstamped`;
      })
      .sort();
    const { nodes, relationships } = await store.counts();
    const { HarmType: _h, Agency: _a, Theme: _t, ...content } = nodes;
    return { counts: JSON.stringify({ nodes: content, relationships }), sources };
  } finally {
    await store.close();
  }
}

/** Whether two states are the same (for naming which reference a reopened database matched). */
export function sameState(a: State, b: State): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
