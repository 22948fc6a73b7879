/**
 * Browser-test harness: builds the web app when dist/web is missing, loads the seed documents (or, without
 * them, the bundled fictional sample) into a fresh embedded database, starts the real server on a free port
 * and launches Debian's Chromium.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium } from 'playwright-core';

export const repoRoot = resolve(import.meta.dirname, '../..');
export const seedsDir = resolve(repoRoot, '../shared/seeds');
export const seedsPresent = existsSync(seedsDir) && readdirSync(seedsDir).some((f) => f.endsWith('.txt'));
/**
 * The documents the browser tests load: the seeds when they are beside the checkout, else the bundled
 * fictional sample corpus (THREADLINE_E2E_CORPUS=sample chooses the sample even when the seeds are there).
 */
export const corpus =
  seedsPresent && process.env.THREADLINE_E2E_CORPUS !== 'sample'
    ? { name: 'the seed documents', dir: seedsDir }
    : { name: 'the bundled sample corpus', dir: resolve(repoRoot, 'ingest/sample/corpus') };
export const chromiumPath = '/usr/bin/chromium';
export const chromiumPresent = existsSync(chromiumPath);
export const screenshotsDir = join(repoRoot, 'tests/e2e/screenshots');
export const ADMIN_TOKEN = 'e2e-admin-token-0123456789';

/**
 * The README's screenshots are refreshed from a browser run only on request
 * (THREADLINE_DOCS_SCREENSHOTS=1), so that running the tests leaves the working tree as it was.
 */
export function publishScreenshot(file: string, name: string): void {
  if (process.env.THREADLINE_DOCS_SCREENSHOTS !== '1') return;
  mkdirSync(join(repoRoot, 'docs/screenshots'), { recursive: true });
  copyFileSync(file, join(repoRoot, 'docs/screenshots', name));
}

console.log(`Browser tests run on ${corpus.name} (${corpus.dir})`);
if (!chromiumPresent)
  console.log(`Browser tests skipped: no Chromium at ${chromiumPath} (apt-get install chromium)`);

/** The corpus texts, joined, to check that every quote on screen is verbatim. */
export function corpusText(): string {
  return readdirSync(corpus.dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(join(corpus.dir, f), 'utf8'))
    .join('\n');
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += String(d);
    });
    child.stderr.on('data', (d) => {
      out += String(d);
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} took longer than ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolvePromise(out);
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${out}`));
    });
  });
}

export async function ensureBuilt(): Promise<void> {
  if (existsSync(join(repoRoot, 'dist/web/index.html'))) return;
  await run(
    process.execPath,
    [join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts'],
    {},
    180_000,
  );
}

function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePromise(port));
    });
  });
}

export interface RunningApp {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** Ingests the corpus with the CLI (which then releases the database) and serves it. */
export async function startApp(): Promise<RunningApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'threadline-e2e-'));
  const dbPath = join(dataDir, 'db');
  mkdirSync(dataDir, { recursive: true });
  await run(
    process.execPath,
    ['--import', 'tsx', 'ingest/cli.ts', corpus.dir],
    { THREADLINE_DB_PATH: dbPath },
    180_000,
  );
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      THREADLINE_DB_PATH: dbPath,
      PORT: String(port),
      HOST: '127.0.0.1',
      THREADLINE_ADMIN_TOKEN: ADMIN_TOKEN,
      THREADLINE_API_TOKEN: '',
      // The page's first queries wait for the analytics index the server builds after listening.
      THREADLINE_INDEX_WAIT_MS: '600000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const url = await new Promise<string>((resolvePromise, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the server did not start within 120 s:\n${log}`)),
      120_000,
    );
    const read = (d: Buffer) => {
      log += String(d);
      const m = /listening on (http:\/\/\S+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolvePromise(m[1]!);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code}:\n${log}`));
    });
  });
  return {
    url,
    dataDir,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** Calls the running server's GraphQL API directly (what a notebook would do). */
export async function graphql<T>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const payload = (await response.json()) as { data?: T; errors?: Array<{ message: string }> };
  if (payload.errors?.length || !payload.data)
    throw new Error(`GraphQL failed: ${JSON.stringify(payload.errors)}`);
  return payload.data;
}
