/**
 * `npm run bench -- exports [--reviews 10000] [--runs 5] [--per-document 500] [--seed 1]`
 *
 * Writes N synthetic reviews (bench/synthetic), ingests them into a fresh embedded database, starts the
 * server as `npm start` does (its own process, port 0) and downloads every file export, one after another,
 * without a filter and under a filter with exclusions. Prints per file the median and slowest download
 * time, the size and the number of lines, and the server's CPU time per download (from /proc).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openEmbeddedStore } from '../graph/embedded/store.ts';
import { ingestPaths, loadTaxonomy } from '../ingest/index.ts';
import { labelsFrom, writeSyntheticCorpus } from './synthetic/index.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FILES = [
  'reviews.csv',
  'links.csv',
  'statements.csv',
  'full-graph.graphml',
  'full-graph.gexf',
  'theme-network.csv',
  'graph.graphml',
];

interface Server {
  url: string;
  cpuMs(): number | null;
  stop(): Promise<void>;
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      reviews: { type: 'string', default: '10000' },
      runs: { type: 'string', default: '5' },
      'per-document': { type: 'string', default: '500' },
      seed: { type: 'string', default: '1' },
    },
  });
  const size = Number(values.reviews);
  const runs = Number(values.runs);
  const work = await mkdtemp(join(tmpdir(), 'threadline-bench-exports-'));
  try {
    const dbPath = join(work, 'db');
    const taxonomy = loadTaxonomy();
    const corpus = await writeSyntheticCorpus(join(work, 'corpus'), {
      reviews: size,
      perDocument: Number(values['per-document']),
      seed: Number(values.seed),
      labels: labelsFrom(taxonomy),
    });
    const store = await openEmbeddedStore({ path: dbPath });
    await store.ensureSchema();
    await ingestPaths(store, [corpus.dir], { taxonomy });
    await store.close();
    const server = await spawnServer(dbPath);
    try {
      const harm = await firstHarmType(server.url);
      const filters = [
        ['no filter', ''],
        [`${harm}, not NATIONAL, dated`, `harmTypes=${harm}&not.reviewTypes=NATIONAL&unknownYear=EXCLUDE`],
      ] as const;
      console.log(
        `${size.toLocaleString('en-GB')} synthetic reviews, ${runs} downloads per file (after one warm-up)`,
      );
      console.log('filter | file | median ms | slowest ms | server CPU ms | MB | lines');
      for (const [label, query] of filters) {
        for (const file of FILES) {
          const figures = await measure(server, `${server.url}/export/${file}?${query}`, runs);
          console.log(
            `${label} | ${file} | ${figures.median.toFixed(0)} | ${figures.slowest.toFixed(0)} | ${figures.cpu ?? '?'} | ${(figures.bytes / 1e6).toFixed(1)} | ${figures.lines.toLocaleString('en-GB')}`,
          );
        }
      }
    } finally {
      await server.stop();
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function measure(server: Server, url: string, runs: number) {
  let body = await (await fetch(url)).text();
  const times: number[] = [];
  const before = server.cpuMs();
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const response = await fetch(url);
    body = await response.text();
    if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status} ${body.slice(0, 200)}`);
    times.push(performance.now() - started);
  }
  const after = server.cpuMs();
  times.sort((a, b) => a - b);
  return {
    median: times[Math.floor(times.length / 2)] ?? 0,
    slowest: times.at(-1) ?? 0,
    cpu: before === null || after === null ? null : Math.round((after - before) / runs),
    bytes: Buffer.byteLength(body),
    lines: body.split('\n').length - 1,
  };
}

/** The first harm type with reviews, once the server answers (it may still be building its index). */
async function firstHarmType(url: string): Promise<string> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ harmTypes { id caseCount } }' }),
    });
    const text = await response.text();
    const body = JSON.parse(text) as { data?: { harmTypes: { id: string; caseCount: number }[] } };
    if (body.data) return body.data.harmTypes.find((h) => h.caseCount > 0)?.id ?? 'neglect';
    if (Date.now() > deadline) throw new Error(`the server did not answer: ${text.slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

function cpuMsOf(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime and stime, fields 14 and 15 of /proc/PID/stat, in clock ticks (100 per second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

function spawnServer(dbPath: string): Promise<Server> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      THREADLINE_DB_PATH: dbPath,
      PORT: '0',
      HOST: '127.0.0.1',
      NEO4J_URI: '',
      // Requests made while the analytics index is first built wait for it rather than being turned away.
      THREADLINE_INDEX_WAIT_MS: '600000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  return new Promise((resolve, reject) => {
    let stdout = '';
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString();
      const match = /listening on (http:\/\/\S+)/.exec(stdout);
      if (match?.[1]) {
        resolve({
          url: match[1],
          cpuMs: () => cpuMsOf(child.pid),
          stop: () =>
            new Promise((done) => {
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.once('exit', (code) =>
      reject(new Error(`server exited with ${code} before listening: ${stderr.trim()}`)),
    );
  });
}
