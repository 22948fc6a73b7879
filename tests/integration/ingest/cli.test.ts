import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../../graph/embedded/store.ts';
import { SAMPLE_CORPUS_DIR } from '../../../ingest/sample/index.ts';
import { repoRoot, type TempStore, tempStore } from './helpers.ts';

const run = promisify(execFile);

interface Finished {
  code: number;
  stdout: string;
  stderr: string;
}

async function ingest(args: string[], env: NodeJS.ProcessEnv): Promise<Finished> {
  const cleanEnv = { ...process.env, NEO4J_URI: '', ...env };
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'ingest/cli.ts', ...args], {
      cwd: repoRoot,
      env: cleanEnv,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const failed = e as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run ingest, as a process', () => {
  let temp: TempStore;
  beforeAll(async () => {
    temp = await tempStore();
    await temp.store.close();
  });
  afterAll(async () => {
    await temp?.dispose();
  });

  it('loads the sample corpus into the configured embedded store and prints a summary', async () => {
    const dbPath = join(temp.dir, 'cli-db');
    const done = await ingest(['--threads', '2', SAMPLE_CORPUS_DIR], { THREADLINE_DB_PATH: dbPath });
    expect(done.stderr).toBe('');
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(
      /Ingested 4 documents in [\d.]+ s: 4 loaded, 0 replaced, 0 unchanged, 0 failed/,
    );
    const store = await openEmbeddedStore({ path: dbPath });
    try {
      expect((await store.counts()).nodes.CaseReview).toBeGreaterThanOrEqual(25);
    } finally {
      await store.close();
    }
  });

  it('prints only JSON on stdout for --dry-run --json', async () => {
    const done = await ingest(['--dry-run', '--json', SAMPLE_CORPUS_DIR], {
      THREADLINE_DB_PATH: join(temp.dir, 'never-created'),
    });
    expect(done.code).toBe(0);
    const parsed = JSON.parse(done.stdout) as { documents: unknown[] };
    expect(parsed.documents).toHaveLength(4);
  });

  it('exits 2 with the store message, and no stack trace, when another process holds the database', async () => {
    const dbPath = join(temp.dir, 'held-db');
    const holder = await openEmbeddedStore({ path: dbPath });
    try {
      await holder.ensureSchema();
      const done = await ingest([SAMPLE_CORPUS_DIR], { THREADLINE_DB_PATH: dbPath });
      expect(done.code).toBe(2);
      expect(done.stderr).toMatch(/^ingest: .+/);
      expect(done.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await holder.close();
    }
  });
});
