/**
 * The production build: graph/, ingest/ and server/ compiled to JavaScript run on Node alone, with no tsx,
 * and read their SDL, taxonomy, cues, sample corpus and Cypher from beside the compiled files.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../../build/compile.ts';
import { REPO_ROOT } from '../api/running-server.ts';

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], env: Record<string, string>): { child: ChildProcess; exit: Promise<Exit> } {
  // PATH without node_modules/.bin and no NODE_OPTIONS: nothing can bring tsx in.
  const child = spawn(process.execPath, args, {
    cwd: tmpdir(),
    env: { PATH: '/usr/bin:/bin', HOME: process.env.HOME ?? '', ...env },
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
  return { child, exit };
}

async function listeningUrl(child: ChildProcess, exit: Promise<Exit>): Promise<string> {
  let stdout = '';
  const url = new Promise<string>((resolve) => {
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString();
      const match = /listening on (http:\/\/\S+)/.exec(stdout);
      if (match?.[1]) resolve(match[1]);
    });
  });
  return Promise.race([
    url,
    exit.then((e) => {
      throw new Error(`the compiled server exited (${e.code}) before listening: ${e.stderr}`);
    }),
  ]);
}

describe('the compiled build', () => {
  let dir: string;
  let out: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'threadline-compiled-'));
    out = join(dir, 'app');
    // Type-checking is `npm run typecheck`'s job; here the emitted JavaScript is what is under test.
    const result = compile({ out, check: false });
    if (!result.ok) throw new Error(`compiling failed:\n${result.output}`);
    // The packages, found as in the image: in node_modules above the compiled folder.
    await symlink(join(REPO_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('serves /healthz and GraphQL over an empty database, which it fills with the sample corpus', async () => {
    const server = run([join(out, 'server/main.js')], {
      THREADLINE_DB_PATH: join(dir, 'db'),
      HOST: '127.0.0.1',
      PORT: '0',
    });
    try {
      const url = await listeningUrl(server.child, server.exit);
      // It listens before its analytics index is built; /healthz says "warming" until then.
      for (;;) {
        const health = await fetch(`${url}/healthz`);
        expect(health.status).toBe(200);
        const body = (await health.json()) as { ok: boolean; status?: string };
        expect(body.ok).toBe(true);
        if (body.status !== 'warming') break;
        await new Promise((r) => setTimeout(r, 50));
      }
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: '{ stats { cases } themeNetwork(minShared: 1) { nodes { id label } } }',
        }),
      });
      const body = (await response.json()) as {
        data?: { stats: { cases: number }; themeNetwork: { nodes: { id: string; label: string }[] } };
        errors?: unknown[];
      };
      expect(body.errors).toBeUndefined();
      expect(body.data?.stats.cases).toBeGreaterThan(0);
      expect(body.data?.themeNetwork.nodes.length).toBeGreaterThan(0);
    } finally {
      server.child.kill('SIGTERM');
    }
    expect((await server.exit).code).toBe(0);
  });

  it('extracts a sample document with the ingest CLI in dry-run JSON mode', async () => {
    const sample = join(out, 'ingest/sample/corpus/eastmere-case-reviews-by-year.txt');
    const result = await run([join(out, 'ingest/cli.js'), '--dry-run', '--json', sample], {}).exit;
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as {
      documents: { path: string; layout: string; cases: { id: string; reviewType: string }[] }[];
    };
    expect(parsed.documents).toHaveLength(1);
    expect(parsed.documents[0]?.layout).toBe('yearly-list');
    expect(parsed.documents[0]?.cases.length).toBeGreaterThan(0);
  });
});
