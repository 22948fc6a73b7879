/**
 * The files around an embedded database: a snapshot is the database file as it was when it was taken, or no
 * snapshot at all; before the engine opens the file, a journal naming a snapshot puts it back (unless it
 * says its load was committed), and a snapshot without a journal is dropped, never put back.
 */
import { existsSync } from 'node:fs';
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  journalPath,
  markCommitted,
  settleBeforeOpen,
  snapshotPath,
  takeSnapshot,
  writeAtomically,
} from '../../../graph/embedded/files.ts';

const roots: string[] = [];

async function databaseFile(bytes: number): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'threadline-files-'));
  roots.push(root);
  const db = join(root, 'threadline.lbug');
  const content = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i += 4096) content.write(`page ${i / 4096}`, i);
  await writeFile(db, content);
  return db;
}

afterEach(async () => {
  for (const root of roots.splice(0)) await rm(root, { recursive: true, force: true });
});

describe('a snapshot of the database file', () => {
  it('holds the file and its log byte for byte, and leaves no partial copy', async () => {
    const db = await databaseFile(1 << 20);
    await writeFile(`${db}.wal`, 'committed but not checkpointed');
    const snapshot = await takeSnapshot(db);
    expect(snapshot).toBe(snapshotPath(db));
    expect((await readFile(snapshot)).equals(await readFile(db))).toBe(true);
    expect(await readFile(`${snapshot}.wal`, 'utf8')).toBe('committed but not checkpointed');
    expect(existsSync(`${snapshot}.partial`)).toBe(false);
  });

  it('is refused, leaving no snapshot, when the file keeps changing while it is copied', async () => {
    const db = await databaseFile(64 << 20);
    let writing = true;
    const writer = (async () => {
      while (writing) await appendFile(db, 'x');
    })();
    try {
      await expect(takeSnapshot(db)).rejects.toThrow(/changed while it was copied/);
    } finally {
      writing = false;
      await writer;
    }
    expect(existsSync(snapshotPath(db))).toBe(false);
    expect(existsSync(`${snapshotPath(db)}.partial`)).toBe(false);
  });
});

describe('settling the files before the engine opens the database', () => {
  it('puts the snapshot back when a journal names it (a load was interrupted)', async () => {
    const db = await databaseFile(64 << 10);
    const before = await readFile(db);
    await takeSnapshot(db);
    await writeAtomically(journalPath(db), JSON.stringify({ version: 2, snapshot: snapshotPath(db) }));
    await appendFile(db, 'rows of the interrupted load');
    await writeFile(`${db}.wal`, 'log of the interrupted load');
    expect(await settleBeforeOpen(db)).toEqual({ rolledBack: true });
    expect((await readFile(db)).equals(before)).toBe(true);
    expect(existsSync(`${db}.wal`)).toBe(false);
    expect(existsSync(journalPath(db))).toBe(false);
    expect(existsSync(snapshotPath(db))).toBe(false);
  });

  it('keeps the database file when the journal says its load was committed, removing journal and snapshot', async () => {
    const db = await databaseFile(64 << 10);
    await takeSnapshot(db);
    const head = { version: 2, snapshot: snapshotPath(db), sources: ['a source'] };
    await writeAtomically(journalPath(db), JSON.stringify(head));
    await appendFile(db, 'the load, checkpointed and verified');
    const loaded = await readFile(db);
    await markCommitted(db, head);
    expect(await settleBeforeOpen(db)).toEqual({ rolledBack: false });
    expect((await readFile(db)).equals(loaded)).toBe(true);
    expect(existsSync(journalPath(db))).toBe(false);
    expect(existsSync(snapshotPath(db))).toBe(false);
  });

  it('drops a snapshot without a journal and keeps the database file as it is', async () => {
    const db = await databaseFile(64 << 10);
    await takeSnapshot(db);
    await appendFile(db, 'a load that settled after the snapshot was taken');
    const after = await readFile(db);
    expect(await settleBeforeOpen(db)).toEqual({ rolledBack: false });
    expect((await readFile(db)).equals(after)).toBe(true);
    expect(existsSync(snapshotPath(db))).toBe(false);
  });
});
