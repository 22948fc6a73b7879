/**
 * The files around a LadybugDB database file, and what Threadline does with them before the engine opens it.
 *
 * LadybugDB keeps a database in one file (`P`) plus side files it creates while writing: `P.wal`, and during a
 * checkpoint `P.shadow`, `P.wal.checkpoint`, `P.checkpoint.intent.lock`, `P.checkpoint.apply.lock`. Threadline
 * adds its own, also next to `P`:
 *   P.bulk-undo.json    the journal of a bulk load in progress (write/bulk.ts); it names the snapshot below
 *   P.before-load       the snapshot: a copy of P taken, checkpointed, just before the bulk load began
 *   P.before-load.partial   a snapshot being copied
 *   P.owner             the id of the process that has the database open
 * and stages CSV files in `threadline-copy-*` folders in the temporary directory.
 *
 * A bulk load never relies on the engine's log to undo it: if the journal is found when the database is next
 * opened, the load was interrupted, and the snapshot replaces P (one rename) and the side files are removed
 * before the engine ever reads them — unless the journal says the load was committed (checkpointed and
 * verified), in which case only the journal and the snapshot are removed. LadybugDB rewrites P in place at
 * each checkpoint, so the snapshot is a copy, not a hard link.
 */
import { spawn } from 'node:child_process';
import { copyFile, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { StoreError } from '../errors.ts';

export const STAGING_PREFIX = 'threadline-copy-';
/** The file in a staging folder that names the process using it. */
const STAGING_OWNER = 'owner.pid';
/** Staging folders without an owner file (being created, or left by older versions) are kept this long. */
const OWNERLESS_STAGING_MS = 10 * 60_000;

const ENGINE_SIDE_FILES = [
  '.wal',
  '.shadow',
  '.wal.checkpoint',
  '.checkpoint.intent.lock',
  '.checkpoint.apply.lock',
];

export function journalPath(db: string): string {
  return `${db}.bulk-undo.json`;
}

export function snapshotPath(db: string): string {
  return `${db}.before-load`;
}

function ownerPath(db: string): string {
  return `${db}.owner`;
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null)) !== null;
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function pidIn(path: string): Promise<number | null> {
  const text = await readFile(path, 'utf8').catch(() => null);
  if (text === null) return null;
  const pid = Number(text.trim());
  return Number.isInteger(pid) ? pid : null;
}

async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes `text` to `path` whole or not at all (a kill leaves the old file or the new one). */
export async function writeAtomically(path: string, text: string): Promise<void> {
  await writeFile(`${path}.tmp`, text);
  await syncFile(`${path}.tmp`);
  await rename(`${path}.tmp`, path);
}

/** How much of the database file a snapshot is checked against: its header, which names the last checkpoint. */
const HEADER_BYTES = 4096;
/** Copies tried before a snapshot is given up on (the file changed while it was copied). */
const SNAPSHOT_ATTEMPTS = 3;

/** What a copy of a file must match: its size, its last write, its first bytes. */
interface Fingerprint {
  size: number;
  mtimeMs: number;
  head: Buffer;
}

async function fingerprintOf(path: string): Promise<Fingerprint> {
  const handle = await open(path, 'r');
  try {
    const { size, mtimeMs } = await handle.stat();
    const head = Buffer.alloc(Math.min(size, HEADER_BYTES));
    await handle.read(head, 0, head.length, 0);
    return { size, mtimeMs, head };
  } finally {
    await handle.close();
  }
}

function sameFile(a: Fingerprint, b: Fingerprint): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.head.equals(b.head);
}

/**
 * Copies `from` to `to` and checks the copy: `from` did not change while it was copied (size, last write and
 * header the same before and after), and the copy has its size and header. A changed file is copied again.
 * Resolves with why not when no copy held still.
 */
async function copyChecked(from: string, to: string): Promise<string | null> {
  let problem = '';
  for (let attempt = 1; attempt <= SNAPSHOT_ATTEMPTS; attempt++) {
    const before = await fingerprintOf(from);
    await copyFile(from, to);
    await syncFile(to);
    const after = await fingerprintOf(from);
    const copy = await fingerprintOf(to);
    if (!sameFile(before, after)) {
      problem = `${basename(from)} changed while it was copied`;
      continue;
    }
    if (copy.size !== before.size || !copy.head.equals(before.head)) {
      problem = `the copy of ${basename(from)} has ${copy.size} bytes or a header unlike the ${before.size} bytes copied`;
      continue;
    }
    return null;
  }
  return problem;
}

/**
 * Copies the database file, and its log when it has one, to the snapshot. The caller holds the only writer
 * and has turned the engine's automatic checkpoints off, so neither file should change while it is copied
 * (reads never write them); each copy is checked against its file all the same (copyChecked), because a
 * snapshot that is not the state just committed would, once put back, lose that state. No checkpoint is
 * taken first: a checkpoint killed halfway is one of the states LadybugDB cannot reopen.
 */
export async function takeSnapshot(db: string): Promise<string> {
  const target = snapshotPath(db);
  await dropSnapshot(db);
  const wal = await stat(`${db}.wal`).catch(() => null);
  const problem =
    (wal && wal.size > 0 ? await copyChecked(`${db}.wal`, `${target}.wal`) : null) ??
    (await copyChecked(db, `${target}.partial`));
  if (problem !== null) {
    await dropSnapshot(db);
    throw new StoreError(
      'query',
      `could not take a snapshot of ${db} before loading (${problem} ${SNAPSHOT_ATTEMPTS} times): is another ` +
        'program writing to it? Nothing of this load was written; run it again.',
    );
  }
  await rename(`${target}.partial`, target);
  return target;
}

export async function dropSnapshot(db: string): Promise<void> {
  await rm(snapshotPath(db), { force: true });
  await rm(`${snapshotPath(db)}.partial`, { force: true });
  await rm(`${snapshotPath(db)}.wal`, { force: true });
}

async function removeEngineSideFiles(db: string): Promise<void> {
  for (const suffix of ENGINE_SIDE_FILES) await rm(`${db}${suffix}`, { force: true });
}

/** What the journal of a bulk load says about recovery (the rest of it is write/bulk.ts's business). */
interface JournalHead {
  snapshot?: unknown;
  stagingDir?: unknown;
  /** Set once the load is checkpointed and verified: it is kept, not undone, whatever happens next. */
  committed?: unknown;
}

async function readJournalHead(db: string): Promise<JournalHead | null> {
  const text = await readFile(journalPath(db), 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as JournalHead) : {};
  } catch {
    // A journal is written whole (writeAtomically); an unreadable one was not written by a load.
    return {};
  }
}

async function removeStagingDir(dir: unknown): Promise<void> {
  if (typeof dir === 'string' && basename(dir).startsWith(STAGING_PREFIX)) {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Puts back the state before an interrupted bulk load: the snapshot replaces the database file (one rename),
 * then the engine's side files of the interrupted load go, then the journal. Each step can be interrupted
 * and run again: a journal without its snapshot means the rename was done.
 */
async function rollBackToSnapshot(db: string, journal: JournalHead): Promise<void> {
  const snapshot = snapshotPath(db);
  if (await exists(snapshot)) {
    await removeEngineSideFiles(db);
    await rename(snapshot, db);
  }
  // The log the database had when the snapshot was taken (committed writes not yet checkpointed) goes back
  // with it; whatever the interrupted load wrote to the log goes.
  if (await exists(`${snapshot}.wal`)) {
    await removeEngineSideFiles(db);
    await rename(`${snapshot}.wal`, `${db}.wal`);
  } else if (!(await exists(snapshot))) {
    await removeEngineSideFiles(db);
  }
  await removeStagingDir(journal.stagingDir);
  await rm(journalPath(db), { force: true });
}

/** Refuses when another live process has the database open (it may be in the middle of a bulk load). */
async function assertNotOwnedByOther(db: string): Promise<void> {
  const pid = await pidIn(ownerPath(db));
  if (pid !== null && pid !== process.pid && isAlive(pid)) {
    throw new StoreError(
      'locked',
      `${db} is in use by another Threadline process (pid ${pid}, probably the server). Stop it, or ingest ` +
        `through the running server. If no Threadline process is running, remove ${ownerPath(db)}.`,
    );
  }
}

/**
 * Runs before the engine opens the database: finishes or rolls back what an interrupted bulk load left,
 * removes snapshots of finished loads and staging folders of dead processes. Returns whether the database
 * was rolled back to a snapshot. Journals without a snapshot (written by earlier versions) are left for
 * write/bulk.ts to undo once the database is open.
 */
export async function settleBeforeOpen(db: string): Promise<{ rolledBack: boolean }> {
  await removeDeadStaging();
  if (!(await exists(db)) && !(await exists(journalPath(db)))) return { rolledBack: false };
  const journal = await readJournalHead(db);
  const settling = journal !== null && journal.committed === true;
  const interrupted = journal !== null && typeof journal.snapshot === 'string' && !settling;
  const leftovers = (
    await Promise.all(['', '.partial', '.wal'].map((suffix) => exists(`${snapshotPath(db)}${suffix}`)))
  ).includes(true);
  // Another process's journal and snapshot are its load in progress, not leftovers.
  if (interrupted || settling || leftovers) await assertNotOwnedByOther(db);
  if (interrupted) {
    await rollBackToSnapshot(db, journal);
    return { rolledBack: true };
  }
  // A load killed while it settled is in the database file already: only its journal and snapshot go.
  if (settling) {
    await removeStagingDir(journal.stagingDir);
    await rm(journalPath(db), { force: true });
  }
  await dropSnapshot(db);
  return { rolledBack: false };
}

/**
 * Marks the journal of a load that is checkpointed and verified: from then on a kill keeps the load (the next
 * open only removes the journal and the snapshot) instead of putting the snapshot back.
 */
export async function markCommitted(db: string, head: object): Promise<void> {
  await writeAtomically(journalPath(db), JSON.stringify({ ...head, committed: true }));
}

/** Claims the database for this process (after the engine opened it, so the engine's own lock is held). */
export async function claim(db: string): Promise<void> {
  await writeAtomically(ownerPath(db), String(process.pid));
}

export async function release(db: string): Promise<void> {
  if ((await pidIn(ownerPath(db))) === process.pid) await rm(ownerPath(db), { force: true });
}

/** A fresh staging folder, marked with this process's id so no other process's start-up removes it. */
export async function makeStagingDir(mkdtemp: (prefix: string) => Promise<string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), STAGING_PREFIX));
  await writeFile(join(dir, STAGING_OWNER), String(process.pid));
  return dir;
}

/** Removes `threadline-copy-*` folders whose process has died (killed runs leave them behind). */
export async function removeDeadStaging(root = tmpdir()): Promise<number> {
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  let removed = 0;
  for (const entry of entries) {
    if (!entry.isDirectory() || !entry.name.startsWith(STAGING_PREFIX)) continue;
    const dir = join(root, entry.name);
    const pid = await pidIn(join(dir, STAGING_OWNER));
    if (pid !== null ? isAlive(pid) : await isRecent(dir)) continue;
    await rm(dir, { recursive: true, force: true });
    removed++;
  }
  return removed;
}

async function isRecent(dir: string): Promise<boolean> {
  const info = await stat(dir).catch(() => null);
  return info !== null && Date.now() - info.mtimeMs < OWNERLESS_STAGING_MS;
}

/** The one line shown when the database file cannot be opened, with the command that puts back the last good state. */
export function damagedMessage(db: string, reason: string): string {
  return (
    `the database at ${db} cannot be opened (${reason}). Put back its last good state with ` +
    '`npm run ingest -- --restore` (with the same THREADLINE_DB_PATH), then ingest again what was added after it.'
  );
}

/**
 * Opens the database in a child process and closes it again: LadybugDB replaying a damaged log can crash the
 * whole process, which no try/catch survives. Used only when the last process to open the file did not close
 * it (its log is still there). Resolves with null when the database opened, else with why not.
 */
export async function probeOpen(
  db: string,
  maxDbBytes: number,
): Promise<{ locked: boolean; reason: string } | null> {
  const engine = createRequire(import.meta.url).resolve('@ladybugdb/core');
  const script =
    'const { Database } = require(process.argv[1]);' +
    'const db = new Database(process.argv[2], 2 ** 28, true, false, Number(process.argv[3]), true, -1, false);' +
    'db.init().then(() => db.close()).then(() => process.exit(0), (e) => {' +
    ' process.stderr.write(String(e && e.message ? e.message : e)); process.exit(3); });';
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', script, engine, db, String(maxDbBytes)], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => {
      stderr += b.toString();
    });
    child.on('error', (e) => resolve({ locked: false, reason: `could not start a check: ${messageOf(e)}` }));
    child.on('exit', (code, signal) => {
      if (code === 0) resolve(null);
      else if (/Could not set lock on file/i.test(stderr)) resolve({ locked: true, reason: stderr.trim() });
      else if (signal) resolve({ locked: false, reason: `LadybugDB crashed (${signal}) reading it` });
      else resolve({ locked: false, reason: stderr.trim().split('\n')[0] || `exit code ${String(code)}` });
    });
  });
}

/** Whether the engine left a log behind: the last process to open the database did not close it. */
export async function hasLeftoverLog(db: string): Promise<boolean> {
  for (const suffix of ENGINE_SIDE_FILES) {
    const info = await stat(`${db}${suffix}`).catch(() => null);
    if (info && info.size > 0) return true;
  }
  return false;
}

/**
 * `npm run ingest -- --restore`: puts back the last good state of a database that cannot be opened. With a
 * snapshot (an interrupted bulk load), the snapshot; otherwise the state of the last checkpoint, setting the
 * engine's log aside (renamed, not deleted). Says what it did in one line, and whether the database opens now.
 */
export async function restoreLastGoodState(
  db: string,
  maxDbBytes: number,
): Promise<{ opens: boolean; message: string }> {
  await assertNotOwnedByOther(db);
  if (!(await exists(db)))
    return { opens: false, message: `there is no database at ${db}; nothing to restore` };
  const journal = (await readJournalHead(db)) ?? {};
  let done: string;
  if (await exists(snapshotPath(db))) {
    await rollBackToSnapshot(db, journal);
    done = `put back ${db} as it was before the interrupted load`;
  } else {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const aside: string[] = [];
    for (const suffix of ENGINE_SIDE_FILES) {
      const from = `${db}${suffix}`;
      if (await exists(from)) {
        await rename(from, `${from}.set-aside-${stamp}`);
        aside.push(basename(from));
      }
    }
    await rm(journalPath(db), { force: true });
    done =
      aside.length > 0
        ? `set the log aside (${aside.join(', ')}, renamed with .set-aside-${stamp} in ${dirname(db)}): ${db} is back at its last checkpoint`
        : `${db} has no log to set aside`;
  }
  const problem = await probeOpen(db, maxDbBytes);
  if (problem === null) return { opens: true, message: `${done}; it opens.` };
  return {
    opens: false,
    message:
      `${done}, but it still cannot be opened (${problem.reason}): move it away (mv ${db} ${db}.damaged) and ` +
      'ingest your documents again.',
  };
}
