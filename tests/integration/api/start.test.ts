/**
 * `npm start` as a process: it serves, restores its saved analytics index (and reads the taxonomy's records
 * kept beside the database) when started again, shuts down cleanly on SIGTERM, and fails in one line when
 * it cannot.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../../graph/embedded/store.ts';
import { savedIndexPath } from '../../../server/analytics/persisted-index.ts';
import { savedTaxonomyPath } from '../../../server/start-taxonomy.ts';
import { REPO_ROOT } from './running-server.ts';

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

function start(env: Record<string, string>): {
  child: ChildProcess;
  exit: Promise<Exit>;
  output: () => string;
} {
  // node itself, not the tsx command: tsx relays SIGTERM to its child only if the child acknowledges it within
  // 30 ms, and kills it otherwise, which a busy machine turns into a failed clean shutdown.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exit = new Promise<Exit>((resolve) => {
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
  return { child, exit, output: () => stdout };
}

async function listening(output: () => string, exit: Promise<Exit>): Promise<string> {
  for (;;) {
    const match = /listening on (http:\/\/\S+)/.exec(output());
    if (match?.[1]) return match[1];
    const ended = await Promise.race([exit, new Promise<null>((r) => setTimeout(() => r(null), 100))]);
    if (ended) throw new Error(`server exited (${ended.code}) before listening: ${ended.stderr}`);
  }
}

/** Waits until /healthz no longer says the analytics index is warming (npm start builds it after listening). */
async function warmed(url: string): Promise<void> {
  for (;;) {
    const body = (await (await fetch(`${url}/healthz`)).json()) as { ok: boolean; status?: string };
    if (body.status !== 'warming') return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('npm start', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'threadline-start-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('loads the sample corpus into an empty database, serves, and exits 0 on SIGTERM', async () => {
    const server = start({ THREADLINE_DB_PATH: join(dir, 'fresh') });
    const url = await listening(server.output, server.exit);
    const line = server.output().trim();
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toMatch(
      /^Threadline listening on http:\/\/127\.0\.0\.1:\d+ \(embedded .*\); loaded the sample corpus: \d+ reviews/,
    );
    await warmed(url);
    const health = await fetch(`${url}/healthz`);
    expect(await health.json()).toEqual({ ok: true });
    const stats = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ stats { cases } }' }),
    });
    expect(((await stats.json()) as { data: { stats: { cases: number } } }).data.stats.cases).toBeGreaterThan(
      0,
    );
    server.child.kill('SIGTERM');
    expect((await server.exit).code).toBe(0);
  });

  it('restores the analytics index it saved beside the database when started again over it', async () => {
    const path = join(dir, 'restarted');
    const first = start({ THREADLINE_DB_PATH: path });
    await warmed(await listening(first.output, first.exit));
    // Saved in the background after the build: the file appears whole, by rename.
    while (!existsSync(savedIndexPath(path))) await new Promise((r) => setTimeout(r, 50));
    first.child.kill('SIGTERM');
    const stopped = await first.exit;
    expect(stopped.code).toBe(0);
    expect(stopped.stderr).toMatch(
      /^threadline: no saved analytics index at .*; building it from the store$/m,
    );

    const second = start({ THREADLINE_DB_PATH: path });
    const url = await listening(second.output, second.exit);
    await warmed(url);
    const themes = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ themeNetwork(minShared: 1) { nodes { id } } }' }),
    });
    const body = (await themes.json()) as { data: { themeNetwork: { nodes: unknown[] } } };
    expect(body.data.themeNetwork.nodes.length).toBeGreaterThan(0);
    second.child.kill('SIGTERM');
    const result = await second.exit;
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('analytics index');
    // The taxonomy's records were kept beside it too, so the second start did not parse taxonomy.yaml.
    expect(existsSync(savedTaxonomyPath(path))).toBe(true);
  });

  it('exits 2 with one line when the database is locked by another process', async () => {
    const path = join(dir, 'locked');
    const owner = await openEmbeddedStore({ path });
    try {
      const server = start({ THREADLINE_DB_PATH: path });
      const result = await server.exit;
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/^threadline: /);
    } finally {
      await owner.close();
    }
  });

  it('exits 2 naming the variable when the configuration is wrong', async () => {
    const result = await start({ THREADLINE_DB_PATH: join(dir, 'x'), PORT: 'eighty' }).exit;
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('PORT=eighty is not a whole number between 0 and 65535');
  });

  it('exits on SIGTERM while an upload is being read, stopping its reading thread', async () => {
    const token = 'start-admin-token-0123456789abcdef';
    const server = start({
      THREADLINE_DB_PATH: join(dir, 'uploading'),
      THREADLINE_ADMIN_TOKEN: token,
      THREADLINE_READ_TIMEOUT_S: '600',
    });
    const url = await listening(server.output, server.exit);
    await warmed(url);
    const paragraph =
      '<p>The health visitor shared information about Child H and the neglect concerns.</p>\n';
    const form = new FormData();
    const query = 'mutation($file: File) { ingestDocument(filename: "long.html", file: $file) { status } }';
    form.append('operations', JSON.stringify({ query, variables: { file: null } }));
    form.append('map', JSON.stringify({ 0: ['variables.file'] }));
    form.append('0', new Blob([`<html><body>${paragraph.repeat(200_000)}</body></html>`]), 'long.html');
    const uploading = fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'graphql-preflight': '1' },
      body: form,
    }).then(
      (r) => r.text(),
      () => 'no answer',
    );
    // The upload is sent and being read once /healthz has answered after it.
    await new Promise((r) => setTimeout(r, 500));
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    server.child.kill('SIGTERM');
    const result = await server.exit;
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('SIGTERM received, closing');
    await uploading;
  });

  it('warns when it listens beyond this machine without an API token', async () => {
    const server = start({ THREADLINE_DB_PATH: join(dir, 'exposed'), HOST: '0.0.0.0' });
    await listening(server.output, server.exit);
    server.child.kill('SIGTERM');
    const result = await server.exit;
    expect(result.stderr).toMatch(
      /threadline: warning: listening on 0\.0\.0\.0 without THREADLINE_API_TOKEN/,
    );
  });
});
