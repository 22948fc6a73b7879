/**
 * `npm run bench -- upload [--root DIR] [--rounds 2] [--bomb-mb 300] [--unauthenticated 48] [--all]`
 *
 * Starts the server as `npm start` does (its own process, loopback, port 0, an admin token) from DIR
 * (default: this checkout), waits for its analytics index to be built, then, while one client asks /healthz
 * in a loop:
 *   1. uploads hostile documents one after another, `rounds` times: a .docx that inflates to `bomb-mb` MiB,
 *      the same with headers that lie about its size, a .docx nested 100,000 elements deep, a 504 KB page
 *      of unclosed tags, a PDF of 3,000 pages;
 *   2. sends `unauthenticated` uploads of 59 MB without a token, four at a time.
 * `--all` adds every other generated file of the bad-input suite (bench/hostile/files.ts: encodings, odd
 * names, random bytes, deep pages), each measured the same way.
 * Prints /healthz p50/p99/max while the hostile documents are parsed, the server's peak resident memory
 * during each document, and its resident memory before and after the unauthenticated uploads.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { docxOf, type HostileFile, hostileFiles, paragraph, pdfOf, zipBombDocx } from './hostile/files.ts';

const ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef';
const HERE = resolve(fileURLToPath(import.meta.url), '../..');

interface Server {
  url: string;
  child: ChildProcess;
  /** The server's output so far (its last lines say why it died, when it did). */
  output(): string;
  stop(): Promise<void>;
}

async function startServer(root: string, db: string): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      HOST: '127.0.0.1',
      PORT: '0',
      THREADLINE_DB_PATH: db,
      THREADLINE_ADMIN_TOKEN: ADMIN_TOKEN,
      THREADLINE_REQUEST_TIMEOUT_MS: '600000',
      // Requests made while the analytics index is first built wait for it rather than being turned away.
      THREADLINE_INDEX_WAIT_MS: '600000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  for (let waited = 0; ; waited += 100) {
    const match = /listening on (http:\/\/\S+)/.exec(output);
    if (match?.[1]) {
      const url = match[1];
      return {
        url,
        child,
        output: () => output,
        async stop() {
          child.kill('SIGTERM');
          await Promise.race([exited, sleep(10_000).then(() => child.kill('SIGKILL'))]);
        },
      };
    }
    if (child.exitCode !== null || waited > 120_000) throw new Error(`the server did not start:\n${output}`);
    await sleep(100);
  }
}

/**
 * Waits until /healthz no longer says the analytics index is warming: `npm start` builds it after it
 * listens, and that first build is not what this bench measures.
 */
async function warmed(url: string): Promise<void> {
  for (let waited = 0; waited < 300_000; waited += 100) {
    const body = (await (await fetch(`${url}/healthz`)).json()) as { status?: string };
    if (body.status !== 'warming') return;
    await sleep(100);
  }
  throw new Error('the analytics index was still warming after 5 minutes');
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Resident memory of a process in MB, from /proc. */
function residentMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return kb / 1024;
  } catch {
    return 0;
  }
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

interface HealthFigures {
  /** Latencies of the answered requests, in ms. */
  answered: number[];
  /** Requests that got no answer within 30 s, or whose connection failed (a dead server). */
  unanswered: number;
}

/** Asks /healthz one request after another until stopped. */
function pollHealth(first: string): { stop: () => Promise<HealthFigures>; retarget: (url: string) => void } {
  let url = first;
  const latencies: number[] = [];
  let unanswered = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      try {
        const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(30_000) });
        await response.text();
        latencies.push(performance.now() - started);
      } catch {
        unanswered++;
        await sleep(500);
      }
      await sleep(20);
    }
  })();
  return {
    retarget(next) {
      url = next;
    },
    async stop() {
      running = false;
      await loop;
      return { answered: latencies, unanswered };
    },
  };
}

function multipart(name: string, bytes: Uint8Array): FormData {
  const form = new FormData();
  const query = `mutation($file: File) { ingestDocument(filename: ${JSON.stringify(name)}, file: $file) { status error } }`;
  form.append('operations', JSON.stringify({ query, variables: { file: null } }));
  form.append('map', JSON.stringify({ 0: ['variables.file'] }));
  form.append('0', new Blob([bytes as Uint8Array<ArrayBuffer>]), name);
  return form;
}

async function upload(url: string, file: HostileFile, token: string | null): Promise<string> {
  const headers: Record<string, string> = { 'graphql-preflight': '1' };
  if (token) headers.authorization = `Bearer ${token}`;
  try {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers,
      body: multipart(file.name, file.bytes),
    });
    const text = await response.text();
    return `${response.status} ${text.replace(/\s+/g, ' ').slice(0, 160)}`;
  } catch (e) {
    return `no answer (${e instanceof Error ? e.message : String(e)})`;
  }
}

/**
 * A multipart POST of `bytes` without a token, written in 64 KB chunks until the server answers: resolves
 * with the status and how much of the body was sent by then.
 */
function unauthenticatedUpload(url: string, bytes: Uint8Array): Promise<string> {
  return new Promise((resolve) => {
    let sent = 0;
    let answered = false;
    const req = httpRequest(
      `${url}/graphql`,
      { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x' } },
      (res) => {
        answered = true;
        res.resume();
        res.on('close', () => resolve(`${res.statusCode} after ${(sent / 1024 / 1024).toFixed(1)} MB sent`));
      },
    );
    req.on('error', () => {
      if (!answered) resolve('no answer');
    });
    const pump = () => {
      while (!answered && sent < bytes.length) {
        const chunk = bytes.subarray(sent, sent + 64 * 1024);
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    pump();
  });
}

async function hostileSet(bombMb: number): Promise<HostileFile[]> {
  const review = 'Serious Case Review: Child H. Learning: information sharing was poor.';
  // 504 KB: the page that took 75 s before the HTML reader was made linear.
  const deepPage = `<html><body><p>${review}</p>${'<div><span>'.repeat(45_800)}Deep.</body></html>`;
  return [
    { name: 'bomb.docx', bytes: await zipBombDocx(bombMb), about: `a .docx inflating to ${bombMb} MiB` },
    {
      name: 'lying-bomb.docx',
      bytes: await zipBombDocx(bombMb, true),
      about: `the same, headers claiming 1 KB`,
    },
    {
      name: 'deep-xml.docx',
      bytes: docxOf(`${'<w:sdt><w:sdtContent>'.repeat(50_000)}${paragraph(review)}`),
      about: 'a .docx nested 100,000 elements deep',
    },
    { name: 'deep-page.html', bytes: new TextEncoder().encode(deepPage), about: '504 KB of unclosed tags' },
    { name: 'many-pages.pdf', bytes: pdfOf(3_000), about: 'a PDF of 3,000 pages' },
  ];
}

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      root: { type: 'string', default: HERE },
      rounds: { type: 'string', default: '2' },
      'bomb-mb': { type: 'string', default: '300' },
      unauthenticated: { type: 'string', default: '48' },
      all: { type: 'boolean', default: false },
    },
  });
  const root = resolve(values.root);
  const rounds = Number(values.rounds);
  const own = await hostileSet(Number(values['bomb-mb']));
  const names = new Set(own.map((f) => f.name));
  const suite = values.all ? (await hostileFiles()).filter((f) => !names.has(f.name)) : [];
  const files = [...own, ...suite];
  const dir = await mkdtemp(join(tmpdir(), 'threadline-bench-upload-'));
  let server = await startServer(root, join(dir, 'db'));
  let pid = server.child.pid ?? 0;
  try {
    await warmed(server.url);
    await sleep(1000);
    const baseline = residentMb(pid);
    console.log(`server from ${root}; resident at rest ${baseline.toFixed(0)} MB`);
    const health = pollHealth(server.url);
    const peaks = new Map<string, number>();
    for (let round = 0; round < rounds; round++) {
      for (const file of files) {
        let peak = residentMb(pid);
        const sampler = setInterval(() => {
          peak = Math.max(peak, residentMb(pid));
        }, 25);
        const started = performance.now();
        let answer = await upload(server.url, file, ADMIN_TOKEN);
        clearInterval(sampler);
        if (answer.startsWith('no answer')) await sleep(2000);
        if (server.child.exitCode !== null || server.child.signalCode !== null) {
          const last = server.output().trim().split('\n').slice(-2).join(' | ').slice(0, 200);
          answer = `THE SERVER DIED (${server.child.exitCode ?? server.child.signalCode}): ${last}`;
          server = await startServer(root, join(dir, `db-${round}-${file.name}`));
          pid = server.child.pid ?? 0;
          await warmed(server.url);
          health.retarget(server.url);
        }
        peak = Math.max(peak, residentMb(pid));
        peaks.set(file.name, Math.max(peaks.get(file.name) ?? 0, peak));
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        console.log(
          `  ${file.name.padEnd(16)} ${seconds.padStart(6)} s  peak ${peak.toFixed(0)} MB  ${answer}`,
        );
      }
    }
    const figures = await health.stop();
    const latencies = figures.answered.sort((a, b) => a - b);
    console.log(
      `/healthz during hostile uploads: ${latencies.length} answered, p50 ${quantile(latencies, 0.5).toFixed(1)} ms, ` +
        `p99 ${quantile(latencies, 0.99).toFixed(1)} ms, max ${(latencies.at(-1) ?? Number.NaN).toFixed(1)} ms; ` +
        `${figures.unanswered} unanswered (no answer in 30 s, or the server was down)`,
    );
    console.log('peak resident memory per hostile document (MB):');
    for (const file of files)
      console.log(`  ${file.name.padEnd(16)} ${(peaks.get(file.name) ?? 0).toFixed(0)}  ${file.about}`);
    const [worst, worstPeak] = [...peaks].reduce((a, b) => (b[1] > a[1] ? b : a), ['', 0]);
    console.log(
      `largest peak: ${worstPeak.toFixed(0)} MB (${worst}), with ${baseline.toFixed(0)} MB at rest`,
    );

    const count = Number(values.unauthenticated);
    if (count > 0) {
      const big: HostileFile = {
        name: 'big.txt',
        bytes: new Uint8Array(59 * 1024 * 1024).fill(0x61),
        about: '',
      };
      const before = residentMb(pid);
      let peak = before;
      const sampler = setInterval(() => {
        peak = Math.max(peak, residentMb(pid));
      }, 25);
      const statuses = new Map<string, number>();
      let lastSent = '';
      for (let sent = 0; sent < count; sent += 4) {
        const answers = await Promise.all(
          Array.from({ length: Math.min(4, count - sent) }, () =>
            unauthenticatedUpload(server.url, big.bytes),
          ),
        );
        for (const a of answers) {
          lastSent = /after ([\d.]+ MB) sent/.exec(a)?.[1] ?? lastSent;
          const key = a.replace(/ after [\d.]+ MB sent/, '');
          statuses.set(key, (statuses.get(key) ?? 0) + 1);
        }
      }
      clearInterval(sampler);
      await sleep(3000);
      console.log(
        `${count} unauthenticated 59 MB uploads: answers ${[...statuses].map(([s, n]) => `${s}×${n}`).join(', ')} ` +
          `(the last after ${lastSent}); ` +
          `resident ${before.toFixed(0)} MB before, peak ${peak.toFixed(0)} MB, ${residentMb(pid).toFixed(0)} MB 3 s after`,
      );
    }
  } finally {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
