/**
 * `npm run ingest` over a folder it has loaded: the files are recognised unread, and the summary and its
 * JSON are what reading every file gives (--report reads every file, since the report needs them).
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_CORPUS_DIR } from '../../../ingest/sample/index.ts';
import { repoRoot, type TempStore, tempStore } from './helpers.ts';

const run = promisify(execFile);

async function ingest(args: string[], dbPath: string): Promise<string> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'ingest/cli.ts', ...args], {
    cwd: repoRoot,
    env: { ...process.env, NEO4J_URI: '', THREADLINE_DB_PATH: dbPath },
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

function withoutTime(stdout: string): unknown {
  const { seconds: _seconds, ...rest } = JSON.parse(stdout) as { seconds: number };
  return rest;
}

describe('npm run ingest over a folder already loaded', () => {
  let temp: TempStore;
  beforeAll(async () => {
    temp = await tempStore();
    await temp.store.close();
  });
  afterAll(async () => {
    await temp?.dispose();
  });

  it('reports every file unchanged, as a run reading every file does', async () => {
    const dbPath = join(temp.dir, 'cli-db');
    const first = withoutTime(await ingest(['--json', '--threads', '0', SAMPLE_CORPUS_DIR], dbPath));
    expect(first).toMatchObject({ loaded: 4, unchanged: 0 });
    const again = withoutTime(await ingest(['--json', '--threads', '0', SAMPLE_CORPUS_DIR], dbPath));
    expect(again).toMatchObject({ loaded: 0, unchanged: 4 });
    const report = join(temp.dir, 'report.md');
    const reading = withoutTime(
      await ingest(['--json', '--threads', '0', '--report', report, SAMPLE_CORPUS_DIR], dbPath),
    );
    expect(again).toEqual(reading);
    const text = await ingest(['--threads', '0', SAMPLE_CORPUS_DIR], dbPath);
    expect(text).toMatch(/Ingested 4 documents in [\d.]+ s: 0 loaded, 0 replaced, 4 unchanged, 0 failed/);
  });
});
