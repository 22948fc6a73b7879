/**
 * `npm run bench -- analytics [--reviews 10000,100000] [--seconds 5] [--min-requests 20] [--per-document 500]
 *   [--seed 1] [--keep DIR] [--only themeTrends,compareCohorts]`
 *
 * The analytics answers at volume. For each corpus size: writes N synthetic reviews (bench/synthetic) and
 * ingests them into an embedded database kept at DIR/<N>/db (by default in the system's temp folder, so a
 * corpus is built once and later runs reuse it; the layout is that of `bench api --keep`), starts the server
 * in this process over that database (loopback, port 0), and asks each query over HTTP, one request at a
 * time, for `--seconds` and at least `--min-requests` times. Prints p50/p95/p99 latency per query, the CPU
 * time this process (server and client: parsing the answer is part of it) spent per request, and the mean
 * size of an answer. On a machine shared with other work, latency includes waiting for a core; CPU time
 * does not.
 *
 * Every request carries a filter the server has not seen before, so neither its result cache nor the
 * analytics memos keyed by filter answer it: the figures are the cost of answering. The filters are those an
 * analyst chooses (a harm type, an age band, an outcome, recent or earlier years, or none), and each one's
 * open end of the year range is set to a year no review has (yearFrom 1000 − i, yearTo 3000 + i) to make it
 * new. Every answer leaves national publications out, as by default.
 *
 *   themeNetwork + communities  significant links with p-values, centrality, Louvain communities
 *   themeCommunities            the communities alone
 *   themeTrends (all themes)    every theme's yearly share and Mann–Kendall trend
 *   themeTrends (5 themes)      five named themes
 *   compareCohorts (infants vs rest)        reviews of children under 1 against every other review
 *   compareCohorts (deaths vs serious harm) two outcome cohorts
 *   compareCohorts (recent vs earlier)      reviews from 2021 on against those up to 2019
 *   recommendationMatrix        agency × theme counts of recommendations, as the web app asks for them
 *   recommendationMatrix (cells with years)  the same with every cell's years (as `bench api` asks): at 100k
 *                               reviews some 5,000 cells of up to 11 years each, a response of megabytes
 *
 * Targets (p95, one client): 50 ms at 10,000 reviews, 250 ms at 100,000.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { openEmbeddedStore } from '../graph/embedded/store.ts';
import { ingestPaths, loadTaxonomy, type Taxonomy } from '../ingest/index.ts';
import { readServerConfig } from '../server/config.ts';
import { startServer } from '../server/http/app.ts';
import { labelsFrom, writeSyntheticCorpus } from './synthetic/index.ts';

interface BenchArgs {
  sizes: number[];
  seconds: number;
  minRequests: number;
  perDocument: number;
  seed: number;
  keep: string;
  only: string[];
}

type Filter = Record<string, unknown>;

interface Operation {
  query: string;
  variables: Record<string, unknown>;
}

interface Scenario {
  name: string;
  next: (i: number) => Operation;
}

interface Figures {
  size: number;
  scenario: string;
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  cpuMs: number;
  /** Mean length of an answer, in characters of JSON. */
  answerKb: number;
}

const TARGET_MS: Record<number, number> = { 10000: 50, 100000: 250 };

export async function run(args: string[]): Promise<void> {
  const opts = parse(args);
  const taxonomy = loadTaxonomy();
  const rows: Figures[] = [];
  const setup: string[] = [];
  for (const size of opts.sizes) {
    const dbPath = join(opts.keep, String(size), 'db');
    const ingested = existsSync(dbPath) ? null : await loadCorpus(dbPath, size, opts, taxonomy);
    const store = await openEmbeddedStore({ path: dbPath });
    try {
      const started = performance.now();
      const config = readServerConfig({ HOST: '127.0.0.1', PORT: '0' });
      const server = await startServer({ store, config, taxonomy, log: () => undefined });
      const startSeconds = (performance.now() - started) / 1000;
      // The search index is built in the background once the analytics index is in place, in this same
      // process: measuring before it is done would time that build, not the analytics answers.
      const searchDeadline = performance.now() + 600_000;
      while (!server.keeper.search.ready && performance.now() < searchDeadline)
        await new Promise((r) => setTimeout(r, 100));
      const searchSeconds = (performance.now() - started) / 1000;
      setup.push(
        `${size.toLocaleString('en-GB')} reviews: ${ingested === null ? 'database kept' : `ingested in ${ingested.toFixed(1)} s`} at ${dbPath}; server start (index built) ${startSeconds.toFixed(1)} s, search index ${searchSeconds.toFixed(1)} s`,
      );
      try {
        const url = `${server.url}/graphql`;
        const scenarios = (await scenariosFor(url)).filter(
          (s) => opts.only.length === 0 || opts.only.some((name) => s.name.startsWith(name)),
        );
        for (const scenario of scenarios) {
          rows.push({ size, scenario: scenario.name, ...(await drive(url, scenario, opts)) });
        }
      } finally {
        await server.close();
      }
    } finally {
      await store.close();
    }
  }
  printTable(opts, setup, rows);
}

async function loadCorpus(dbPath: string, size: number, opts: BenchArgs, taxonomy: Taxonomy) {
  const work = await mkdtemp(join(tmpdir(), 'threadline-bench-analytics-'));
  try {
    const corpus = await writeSyntheticCorpus(join(work, 'corpus'), {
      reviews: size,
      perDocument: opts.perDocument,
      seed: opts.seed,
      labels: labelsFrom(taxonomy),
    });
    await mkdir(dirname(dbPath), { recursive: true });
    const store = await openEmbeddedStore({ path: dbPath });
    try {
      await store.ensureSchema();
      const started = performance.now();
      await ingestPaths(store, [corpus.dir], { taxonomy });
      return (performance.now() - started) / 1000;
    } finally {
      await store.close();
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function post(
  url: string,
  op: Operation,
): Promise<{ data?: unknown; errors?: unknown[]; bytes: number }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(op),
  });
  const text = await response.text();
  return { ...(JSON.parse(text) as { data?: unknown; errors?: unknown[] }), bytes: text.length };
}

const AGE_BANDS = ['UNDER_1', 'AGE_1_5', 'AGE_11_15'];
const OUTCOMES = ['DEATH', 'SERIOUS_HARM'];
/** Year ranges an analyst compares: recent years, earlier years, a five-year window. */
const YEARS: { from: number | null; to: number | null }[] = [
  { from: 2021, to: null },
  { from: null, to: 2019 },
  { from: 2016, to: 2020 },
];

/** A year range whose open ends are years no review has, different for every i (see the note above). */
function years(i: number, from: number | null, to: number | null): Filter {
  return { yearFrom: from ?? 1000 - i, yearTo: to ?? 3000 + i };
}

async function scenariosFor(url: string): Promise<Scenario[]> {
  const facts = await post(url, {
    query: '{ harmTypes { id caseCount } themes { id caseCount } }',
    variables: {},
  });
  const data = facts.data as {
    harmTypes: { id: string; caseCount: number }[];
    themes: { id: string; caseCount: number }[];
  };
  const harm = data.harmTypes.filter((h) => h.caseCount > 0).map((h) => h.id);
  const themes = data.themes.filter((t) => t.caseCount > 0).map((t) => t.id);
  const pick = <T>(xs: readonly T[], i: number): T => xs[i % xs.length] as T;
  // The recommendation answers read every recommendation once per index (the first to ask waits): read them
  // now, so that the figures are those of a server in use.
  await post(url, { query: '{ recommendationMatrix { total { recommendationCount } } }', variables: {} });

  /** Six shapes of filter in turn, from every review (the largest scope) to three fields at once. */
  const filter = (i: number): Filter => {
    const span = pick(YEARS, i >> 3);
    switch (i % 6) {
      case 0:
        return years(i, null, null);
      case 1:
        return { harmTypes: [pick(harm, i >> 1)], ...years(i, null, null) };
      case 2:
        return { harmTypes: [pick(harm, i >> 1)], ...years(i, span.from, span.to) };
      case 3:
        return {
          ageBands: [pick(AGE_BANDS, i >> 2)],
          outcome: [pick(OUTCOMES, i >> 3)],
          ...years(i, null, null),
        };
      case 4:
        return years(i, span.from, span.to);
      default:
        return {
          harmTypes: [pick(harm, i >> 1)],
          ageBands: [pick(AGE_BANDS, i >> 2)],
          ...years(i, null, null),
        };
    }
  };

  const cohorts = `query($a: CaseFilter!, $b: CaseFilter) { compareCohorts(a: $a, b: $b, first: 100) {
    totalCount overlap bIsRest a { reviewCount excluded { national } } b { reviewCount excluded { national } }
    features { kind id label a { reviewCount share } b { reviewCount share }
      ratio ratioLow ratioHigh zeroCorrected pValue smallCounts } } }`;
  // Half the cohort comparisons are within one harm type, half across all reviews.
  const within = (i: number): Filter => (i % 2 === 0 ? {} : { harmTypes: [pick(harm, i >> 1)] });
  const trends = `query($filter: CaseFilter, $themes: [ID!]) { themeTrends(filter: $filter, themes: $themes) {
    by population { reviewCount excluded { national unknownYear } } years
    themes { theme { id } reviewCount firstYear lastYear slope slopeLow slopeHigh kendallS pValue direction
      years { year reviewCount total share } } } }`;

  return [
    {
      name: 'themeNetwork + communities',
      next: (i) => ({
        query: `query($filter: CaseFilter) { themeNetwork(filter: $filter) {
          caseCount population { reviewCount excluded { national } } candidateEdges omittedEdges
          nodes { id label weight degree weightedDegree betweenness pageRank community }
          edges { source target weight lift expected pValue }
          modularity communities { id name size reviewCount themes { id } } } }`,
        variables: { filter: filter(i) },
      }),
    },
    {
      name: 'themeCommunities',
      next: (i) => ({
        query: `query($filter: CaseFilter) { themeCommunities(filter: $filter) {
          population { reviewCount excluded { national } } modularity links
          communities { id name size reviewCount themes { id label } } } }`,
        variables: { filter: filter(i) },
      }),
    },
    {
      name: 'themeTrends (all themes)',
      next: (i) => ({ query: trends, variables: { filter: filter(i), themes: null } }),
    },
    {
      name: 'themeTrends (5 themes)',
      next: (i) => ({
        query: trends,
        variables: {
          filter: filter(i),
          themes: [0, 1, 2, 3, 4].map((k) => pick(themes, i * 5 + k * 7)),
        },
      }),
    },
    {
      name: 'compareCohorts (infants vs rest)',
      next: (i) => ({
        query: cohorts,
        variables: { a: { ...within(i), ageBands: ['UNDER_1'], ...years(i, null, null) }, b: null },
      }),
    },
    {
      name: 'compareCohorts (deaths vs serious harm)',
      next: (i) => ({
        query: cohorts,
        variables: {
          a: { ...within(i), outcome: ['DEATH'], ...years(i, null, null) },
          b: { ...within(i), outcome: ['SERIOUS_HARM'], ...years(i, null, null) },
        },
      }),
    },
    {
      name: 'compareCohorts (recent vs earlier)',
      next: (i) => ({
        query: cohorts,
        variables: {
          a: { ...within(i), ...years(i, 2021, null) },
          b: { ...within(i), ...years(i, null, 2019) },
        },
      }),
    },
    {
      name: 'recommendationMatrix',
      next: (i) => ({
        query: `query($filter: CaseFilter) { recommendationMatrix(filter: $filter) {
          population { reviewCount excluded { national unknownYear } } total { recommendationCount reviewCount }
          rows { agency { id label } noneNamed recommendationCount reviewCount }
          columns { theme { id label } noneNamed recommendationCount reviewCount }
          cells { agency { id } theme { id } recommendationCount reviewCount } } }`,
        variables: { filter: filter(i) },
      }),
    },
    {
      name: 'recommendationMatrix (cells with years)',
      next: (i) => ({
        query: `query($filter: CaseFilter) { recommendationMatrix(filter: $filter) {
          population { reviewCount } total { recommendationCount reviewCount firstYear lastYear }
          rows { agency { id } noneNamed recommendationCount reviewCount }
          columns { theme { id } noneNamed recommendationCount reviewCount }
          cells { agency { id } theme { id } recommendationCount reviewCount firstYear lastYear
            years { year recommendationCount } } } }`,
        variables: { filter: filter(i) },
      }),
    },
  ];
}

/** Requests one at a time; the counter runs on from the warm-up, so no request repeats an earlier one. */
async function drive(url: string, scenario: Scenario, opts: BenchArgs) {
  let counter = 0;
  let errors = 0;
  let firstError: unknown = null;
  let bytes = 0;
  // A short warm-up so the first figures do not measure JIT and cold caches.
  for (; counter < 5; counter++) await post(url, scenario.next(counter));
  const latencies: number[] = [];
  const cpuBefore = process.cpuUsage();
  const deadline = performance.now() + opts.seconds * 1000;
  while (performance.now() < deadline || latencies.length < opts.minRequests) {
    const op = scenario.next(counter++);
    const t = performance.now();
    const result = await post(url, op).catch((e: unknown) => ({ errors: [String(e)], bytes: 0 }));
    latencies.push(performance.now() - t);
    bytes += result.bytes;
    if (result.errors) {
      errors++;
      firstError ??= result.errors[0];
    }
  }
  const cpu = process.cpuUsage(cpuBefore);
  if (firstError !== null) console.error(`${scenario.name}: ${JSON.stringify(firstError)}`);
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    cpuMs: (cpu.user + cpu.system) / 1000 / latencies.length,
    answerKb: bytes / 1024 / latencies.length,
  };
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

function parse(args: string[]): BenchArgs {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      reviews: { type: 'string', default: '10000,100000' },
      size: { type: 'string' },
      seconds: { type: 'string', default: '5' },
      'min-requests': { type: 'string', default: '20' },
      'per-document': { type: 'string', default: '500' },
      seed: { type: 'string', default: '1' },
      keep: { type: 'string', default: join(tmpdir(), 'threadline-bench-analytics') },
      only: { type: 'string', default: '' },
    },
  });
  return {
    sizes: (values.size ?? values.reviews).split(',').map((s) => positive(s.trim(), '--reviews')),
    seconds: positive(values.seconds, '--seconds'),
    minRequests: positive(values['min-requests'], '--min-requests'),
    perDocument: positive(values['per-document'], '--per-document'),
    seed: positive(values.seed, '--seed'),
    keep: values.keep,
    only: values.only
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0),
  };
}

function positive(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} must be a positive whole number, not ${text}`);
  return n;
}

function printTable(opts: BenchArgs, setup: string[], rows: Figures[]): void {
  console.log(
    `\nanalytics bench: one client, ${opts.seconds} s and at least ${opts.minRequests} requests per query, every filter new, embedded engine, node ${process.version}`,
  );
  for (const line of setup) console.log(`  ${line}`);
  const header = [
    'reviews',
    'query',
    'requests',
    'errors',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'CPU ms/req',
    'answer KB',
    'target',
  ];
  const cells = rows.map((r) => {
    const target = TARGET_MS[r.size];
    return [
      r.size.toLocaleString('en-GB'),
      r.scenario,
      String(r.requests),
      String(r.errors),
      r.p50.toFixed(1),
      r.p95.toFixed(1),
      r.p99.toFixed(1),
      r.cpuMs.toFixed(1),
      r.answerKb.toFixed(0),
      target === undefined ? '' : `${r.p95 <= target ? 'met' : 'MISSED'} (p95 ≤ ${target})`,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: string[]) =>
    c
      .map((v, i) => (i < 2 || i === c.length - 1 ? v.padEnd(widths[i] ?? 0) : v.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  console.log(line(header));
  for (const c of cells) console.log(line(c));
}
