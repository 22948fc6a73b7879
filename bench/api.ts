/**
 * `npm run bench -- api [--reviews 1000,10000,100000] [--clients 1,8] [--seconds 5] [--per-document 500] [--seed 1]
 *   [--only search,recommendations(filter)] [--keep DIR] [--mixed SECONDS]`
 *
 * For each corpus size: writes N synthetic reviews (bench/synthetic), ingests them into a fresh embedded
 * database (or, with --keep, reuses DIR/<N>/db from an earlier run with --keep, as `bench start` does), starts the server as `npm start` does (its own process, loopback, port 0), and drives it with
 * concurrent clients over HTTP (each query once per client count) once the server has finished warming up. Prints p50/p95/p99 latency and throughput for
 * (or, with --only, for the named queries: a name, or the start of one, separated by commas):
 *   themeNetwork (repeated)  the filters the web app cycles through (served from the index's memo)
 *   themeNetwork (distinct)  a new filter on every request (co-occurrence counted afresh)
 *   case(id)                 one case with evidence, learning and recommendations
 *   cases(filter)            a page of 20 under a harm type + theme filter, with themes and evidence
 *   connections              paths between two themes, maxHops 2
 *   connections (mixed kinds, maxHops 4)  paths between a case, a theme, an agency, a harm type, another case
 *   recommendations(filter)  a page of 20 asked of an agency about a theme, with their case and links
 *   learning(filter)         a page of 20 learning statements about a theme (half under a harm type), with links
 *   search                   a taxonomy label, a word of the reviews' text or the start of one (first 10..50)
 *   neighbourhood (depth D, KIND)  expand-on-click: 40..70 nodes around a theme, a harm type, an agency or a
 *                            case, depth 1 and 2, with the edges among them
 *   themeNetwork significance + communities (distinct)  p-values, Louvain communities and centrality
 *   themeTrends (distinct)   every theme's yearly share and Mann–Kendall trend under a new filter
 *   compareCohorts (distinct)  a harm type's reviews against all others, every feature with Fisher's p
 *   recommendationMatrix (distinct)  agency × theme counts of recommendations with years, under a new filter
 *   recurringRecommendations (distinct)  the 20 largest groups of near-identical asks under a new filter
 *   filter panel counts (distinct)  stats, facets and the harm type, agency and theme counts under a new filter
 *   theme(id) page           a theme with a page of its reviews and its 10 most related themes
 *   node(id)                 a case, theme, agency or harm type by id
 *   casesByIds (20)          20 reviews by id with their themes
 *   sources, capabilities    the source list and what the server allows
 * With --mixed SECONDS, each client count then drives every chosen query at once for that long (clients take
 * the queries in turn), and the table adds a row for all of them and one per query under that load: set
 * beside the one-client rows, it shows whether cheap requests wait behind costly ones.
 * case(id) and connections cycle through 2,000 ids and theme pairs (or all there are), more than the
 * server's result cache keeps, so their figures are the cost of answering.
 * Clients and server share the machine's cores, so latencies include waiting for the CPU; the last column
 * (server CPU time per request, from /proc) is the server's own cost, whatever else the machine is doing.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openEmbeddedStore } from '../graph/embedded/store.ts';
import { ingestPaths, loadTaxonomy, type Taxonomy } from '../ingest/index.ts';
import { labelsFrom, writeSyntheticCorpus } from './synthetic/index.ts';

interface BenchArgs {
  sizes: number[];
  clients: number[];
  seconds: number;
  perDocument: number;
  seed: number;
  /** Names (or starts of names) of the queries to run; empty = all. */
  only: string[];
  /** Where databases are kept between runs (DIR/<size>/db); null = a fresh one each run. */
  keep: string | null;
  /** Seconds of mixed load per client count (every chosen query at once); 0 = no mixed run. */
  mixedSeconds: number;
}

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
  clients: number;
  scenario: string;
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  perSecond: number;
  serverCpuMs: number;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export async function run(args: string[]): Promise<void> {
  const opts = parse(args);
  const taxonomy = loadTaxonomy();
  const all: Figures[] = [];
  const setup: string[] = [];
  for (const size of opts.sizes) {
    const work = await mkdtemp(join(tmpdir(), 'threadline-bench-api-'));
    try {
      const dbPath = opts.keep ? join(opts.keep, String(size), 'db') : join(work, 'db');
      const loadSeconds = existsSync(dbPath) ? null : await loadCorpus(work, dbPath, size, opts, taxonomy);
      const started = performance.now();
      const server = await spawnServer(dbPath);
      await indexReady(server.url);
      await quiet(server);
      const startSeconds = (performance.now() - started) / 1000;
      setup.push(
        `${size.toLocaleString('en-GB')} reviews: ${loadSeconds === null ? `database kept at ${dbPath}` : `ingest ${loadSeconds.toFixed(1)} s`}, server start (open + index) ${startSeconds.toFixed(1)} s`,
      );
      try {
        const scenarios = (await scenariosFor(server.url)).filter(
          (s) => opts.only.length === 0 || opts.only.some((name) => s.name.startsWith(name)),
        );
        for (const clients of opts.clients) {
          for (const scenario of scenarios) {
            all.push({
              size,
              clients,
              scenario: scenario.name,
              ...(await drive(server, scenario, clients, opts)),
            });
          }
        }
        if (opts.mixedSeconds > 0) {
          for (const clients of opts.clients) {
            for (const row of await driveMixed(server, scenarios, clients, opts.mixedSeconds)) {
              all.push({ size, clients, ...row });
            }
          }
        }
      } finally {
        await server.stop();
      }
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }
  printTable(opts, setup, all);
}

async function loadCorpus(work: string, dbPath: string, size: number, opts: BenchArgs, taxonomy: Taxonomy) {
  const corpus = await writeSyntheticCorpus(join(work, 'corpus'), {
    reviews: size,
    perDocument: opts.perDocument,
    seed: opts.seed,
    labels: labelsFrom(taxonomy),
  });
  const store = await openEmbeddedStore({ path: dbPath });
  try {
    await store.ensureSchema();
    const started = performance.now();
    await ingestPaths(store, [corpus.dir], { taxonomy });
    return (performance.now() - started) / 1000;
  } finally {
    await store.close();
  }
}

interface SpawnedServer {
  url: string;
  /** CPU time (user + system) the server process has used so far, in ms; null where /proc is missing. */
  cpuMs(): number | null;
  stop(): Promise<void>;
}

function processCpuMs(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime and stime are fields 14 and 15 of /proc/PID/stat, in clock ticks (100 per second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

function spawnServer(dbPath: string): Promise<SpawnedServer> {
  // node --import tsx (not the tsx launcher) so that the server is this one process, whose CPU time we read.
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, THREADLINE_DB_PATH: dbPath, PORT: '0', HOST: '127.0.0.1', NEO4J_URI: '' },
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
          url: `${match[1]}/graphql`,
          cpuMs: () => processCpuMs(child.pid),
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

/** The server listens before its analytics index is built; /healthz says "warming" until it is in place. */
async function indexReady(graphqlUrl: string): Promise<void> {
  const health = new URL('/healthz', graphqlUrl);
  for (;;) {
    const body = (await (await fetch(health)).json()) as { status?: string };
    if (body.status !== 'warming') return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * After the analytics index, a server still warms in the background (the search index, the in-memory
 * adjacency of the graph): waits until it spends under a tenth of a core for a second (at most a minute),
 * so that the first rows measure answering rather than that warm-up (`bench start` measures the warm-up).
 */
async function quiet(server: SpawnedServer): Promise<void> {
  for (let waited = 0; waited < 60; waited++) {
    const before = server.cpuMs();
    await new Promise((r) => setTimeout(r, 1000));
    const after = server.cpuMs();
    if (before === null || after === null || after - before < 100) return;
  }
}

async function post(
  url: string,
  op: Operation,
): Promise<{ data?: Record<string, unknown>; errors?: unknown[] }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(op),
  });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
}

async function scenariosFor(url: string): Promise<Scenario[]> {
  const facts = await post(url, {
    query: `{ harmTypes { id label caseCount } themes { id label caseCount } agencies { id label caseCount }
      themeNetwork(minShared: 1, minLift: 0, maxP: 1) { edges { source target weight } } }`,
    variables: {},
  });
  const data = facts.data as {
    harmTypes: { id: string; label: string; caseCount: number }[];
    themes: { id: string; label: string; caseCount: number }[];
    agencies: { id: string; label: string; caseCount: number }[];
    themeNetwork: { edges: { source: string; target: string }[] };
  };
  const harm = data.harmTypes.filter((h) => h.caseCount > 0).map((h) => h.id);
  const themes = data.themes.filter((t) => t.caseCount > 0).map((t) => t.id);
  const agencies = data.agencies.filter((a) => a.caseCount > 0).map((a) => a.id);
  // More ids and pairs than the server's result cache holds, taken in a scattered order, so that these
  // figures measure the work of answering, not the cache.
  // The recommendation answers read every recommendation once per index (the first to ask waits); read
  // them now, so that the figures are those of a server in use, not of that first read.
  await post(url, { query: '{ recommendationMatrix { total { recommendationCount } } }', variables: {} });
  // The first learning page starts the read of the learning listing; the reads below give it time to finish.
  await post(url, { query: '{ learning(first: 1) { totalCount } }', variables: {} });
  const caseIds = scatter(await caseIdsFrom(url, 2_000));
  const pairs = scatter(data.themeNetwork.edges).slice(0, 2_000);
  const pick = <T>(xs: T[], i: number): T => xs[i % xs.length] as T;
  const searchTexts = scatter(searchTextsFrom([...data.harmTypes, ...data.themes, ...data.agencies]));
  const network = `query($filter: CaseFilter) { themeNetwork(filter: $filter, minShared: 2) {
    caseCount nodes { id label group weight } edges { source target weight lift } } }`;
  return [
    {
      name: 'themeNetwork (repeated)',
      next: (i) => ({
        query: network,
        variables: { filter: i % 4 === 0 ? null : { harmTypes: [pick(harm, i)] } },
      }),
    },
    {
      name: 'themeNetwork (distinct)',
      next: (i) => ({
        query: network,
        // yearTo never excludes anything here; it only makes every filter new to the server's memo.
        variables: { filter: { harmTypes: [pick(harm, i)], yearFrom: 2010 + (i % 8), yearTo: 3000 + i } },
      }),
    },
    {
      name: 'case(id)',
      next: (i) => ({
        query: `query($id: ID!) { case(id: $id) { id title child partnership reportYear outcome ageBand
          harmTypes { harmType { id label } evidence { quote start end } }
          agencies { agency { id label } evidence { quote } }
          themes { theme { id label } evidence { quote start end sourceId } }
          learning { id text start end themes { theme { id } } }
          recommendations { id text targets { agency { id } } themes { theme { id } } }
          sources { id title } } }`,
        variables: { id: pick(caseIds, i) },
      }),
    },
    {
      name: 'cases(filter)',
      next: (i) => ({
        query: `query($filter: CaseFilter) { cases(filter: $filter, first: 20) { totalCount
          edges { cursor node { id title reportYear outcome themes { theme { id } evidence { quote } } } }
          pageInfo { hasNextPage endCursor } } }`,
        variables: { filter: { harmTypes: [pick(harm, i)], themes: [pick(themes, i * 7)] } },
      }),
    },
    {
      name: 'recommendations(filter)',
      next: (i) => ({
        query: `query($filter: StatementFilter) { recommendations(filter: $filter, first: 20) { totalCount
          edges { node { id text case { id title } targets { agency { id } } themes { theme { id } } } } } }`,
        variables: { filter: { agencies: [pick(agencies, i)], themes: [pick(themes, i * 7)] } },
      }),
    },
    {
      name: 'learning(filter)',
      // A theme, and half the time the reviews of a harm type too, a page further on every fourth request.
      next: (i) => ({
        query: `query($filter: StatementFilter, $after: String) { learning(filter: $filter, first: 20, after: $after) {
          totalCount edges { node { id text case { id title } themes { theme { id } } } } } }`,
        variables: {
          filter: {
            themes: [pick(themes, i * 7)],
            ...(i % 2 === 0 ? {} : { cases: { harmTypes: [pick(harm, i)] } }),
          },
          after:
            i % 4 === 3 ? Buffer.from(JSON.stringify(['o', 19 + (i % 3) * 20])).toString('base64url') : null,
        },
      }),
    },
    {
      name: 'search',
      // `first` varies so that the server's result cache (128 answers) does not hold every request.
      next: (i) => ({
        query: `query($text: String!, $first: Int) { search(text: $text, first: $first) {
          kind id key caption caseId } }`,
        variables: { text: pick(searchTexts, i), first: 10 + (i % 41) },
      }),
    },
    {
      name: 'themeNetwork significance + communities (distinct)',
      next: (i) => ({
        query: `query($filter: CaseFilter) { themeNetwork(filter: $filter) {
          population { reviews excluded { national unknownYear } } omittedEdges
          nodes { id label weight degree weightedDegree betweenness pageRank community }
          edges { source target weight lift pValue } modularity communities { id name size themes { id } } } }`,
        variables: { filter: { harmTypes: [pick(harm, i)], yearFrom: 2010 + (i % 8), yearTo: 3000 + i } },
      }),
    },
    {
      name: 'themeTrends (distinct)',
      next: (i) => ({
        query: `query($filter: CaseFilter) { themeTrends(filter: $filter) {
          population { reviews excluded { national unknownYear } } years
          themes { theme { id } firstYear lastYear slope slopeLow slopeHigh pValue direction
            years { year reviews total share } } } }`,
        variables: { filter: { harmTypes: [pick(harm, i)], yearTo: 3000 + i } },
      }),
    },
    {
      name: 'compareCohorts (distinct)',
      next: (i) => ({
        query: `query($a: CaseFilter!) { compareCohorts(a: $a, first: 100) { totalCount
          a { reviews } b { reviews }
          features { kind id label a { count share } b { count share } ratio ratioLow ratioHigh pValue smallCounts } } }`,
        variables: { a: { harmTypes: [pick(harm, i)], yearTo: 3000 + i } },
      }),
    },
    {
      name: 'recommendationMatrix (distinct)',
      next: (i) => ({
        query: `query($filter: CaseFilter) { recommendationMatrix(filter: $filter) {
          population { reviews } total { recommendationCount reviewCount firstYear lastYear }
          rows { agency { id } noneNamed recommendationCount reviewCount }
          columns { theme { id } noneNamed recommendationCount reviewCount }
          cells { agency { id } theme { id } recommendationCount reviewCount firstYear lastYear
            years { year recommendationCount } } } }`,
        variables: { filter: { harmTypes: [pick(harm, i)], yearTo: 3000 + i } },
      }),
    },
    {
      name: 'recurringRecommendations (distinct)',
      next: (i) => ({
        query: `query($filter: CaseFilter) { recurringRecommendations(filter: $filter, first: 20) {
          totalCount edges { node { id representative reviewCount recommendationCount firstYear lastYear
            reviews(first: 5) { id title year } agencies { agency { id } recommendationCount }
            themes { theme { id } recommendationCount } } } } }`,
        variables: { filter: { harmTypes: [pick(harm, i)], yearTo: 3000 + i } },
      }),
    },
    ...catalogueScenarios({ harm, themes, agencies, caseIds, pick }),
    ...neighbourhoodScenarios({ theme: themes, harmType: harm, agency: agencies, case: caseIds }),
    {
      name: 'connections',
      next: (i) => {
        const pair = pick(pairs, i);
        return {
          query: `query($from: ID!, $to: ID!) { connections(from: $from, to: $to, maxHops: 2, first: 3) {
            length nodes { id caption } cases { id title } } }`,
          variables: { from: `Theme:${pair.source}`, to: `Theme:${pair.target}` },
        };
      },
    },
    {
      name: 'connections (mixed kinds, maxHops 4)',
      next: (i) => {
        const ends = [
          `CaseReview:${pick(caseIds, i)}`,
          `Theme:${pick(themes, i * 3)}`,
          `Agency:${pick(agencies, i * 5)}`,
          `HarmType:${pick(harm, i * 7)}`,
          `CaseReview:${pick(caseIds, i * 11 + 1)}`,
        ];
        return {
          query: `query($from: ID!, $to: ID!) { connections(from: $from, to: $to, maxHops: 4, first: 5) {
            length nodes { id caption } } }`,
          variables: { from: pick(ends, i), to: pick(ends, i + 1 + (i % 3)) },
        };
      },
    },
  ];
}

/**
 * The rest of the schema, as the web app and notebooks ask for it: the filter panel's counts under a new
 * filter, a theme's page with its reviews and related themes, any node by id, a batch of reviews by id, the
 * source list and the capabilities.
 */
function catalogueScenarios(ids: {
  harm: string[];
  themes: string[];
  agencies: string[];
  caseIds: string[];
  pick: <T>(xs: T[], i: number) => T;
}): Scenario[] {
  const { harm, themes, agencies, caseIds, pick } = ids;
  const count = 'id reviewCount';
  return [
    {
      name: 'filter panel counts (distinct)',
      next: (i) => ({
        query: `query($filter: CaseFilter) { stats(filter: $filter) { reviewCount sources themes learning
          recommendations population { reviews } }
          facets(filter: $filter) { harmTypes { ${count} } agencies { ${count} } themes { ${count} }
            outcomes { ${count} } ageBands { ${count} } reviewTypes { ${count} } years { ${count} }
            partnerships { ${count} } sources { ${count} } }
          harmTypes(filter: $filter) { ${count} } agencies(filter: $filter) { ${count} }
          themes(filter: $filter) { ${count} } }`,
        variables: { filter: { harmTypes: [pick(harm, i)], yearTo: 3000 + i } },
      }),
    },
    {
      name: 'theme(id) page',
      next: (i) => ({
        query: `query($id: ID!, $first: Int) { theme(id: $id) { id label reviewCount
          cases(first: $first) { totalCount edges { node { id title reportYear } } }
          related(limit: 10) { theme { id label } } } }`,
        variables: { id: pick(themes, i), first: 10 + (i % 31) },
      }),
    },
    {
      name: 'node(id)',
      next: (i) => {
        const ends = [
          pick(caseIds, i),
          `Theme:${pick(themes, i)}`,
          `Agency:${pick(agencies, i)}`,
          `HarmType:${pick(harm, i)}`,
        ];
        return {
          query: `query($id: ID!) { node(id: $id) { id ... on CaseReview { title reportYear }
            ... on Theme { label reviewCount } ... on Agency { label reviewCount }
            ... on HarmType { label reviewCount } } }`,
          variables: { id: pick(ends, i) },
        };
      },
    },
    {
      name: 'casesByIds (20)',
      next: (i) => ({
        query: `query($ids: [ID!]!) { casesByIds(ids: $ids) { id title partnership reportYear outcome
          themes { theme { id } } } }`,
        variables: { ids: Array.from({ length: 20 }, (_, k) => pick(caseIds, i * 20 + k)) },
      }),
    },
    {
      name: 'sources',
      next: () => ({ query: '{ sources { id title kind reviewCount } }', variables: {} }),
    },
    {
      name: 'capabilities',
      next: () => ({ query: '{ capabilities { engine writable maxFirst maxHops } }', variables: {} }),
    },
  ];
}

/**
 * Expand-on-click at depth 1 and 2 from each kind of node: themes, harm types and agencies are the hubs
 * (tens of thousands of reviews each at 100k), a case the usual start. `limit` moves between 40 and 70 so
 * that the few taxonomy ids do not come back from the server's result cache.
 */
function neighbourhoodScenarios(ids: Record<'theme' | 'harmType' | 'agency' | 'case', string[]>): Scenario[] {
  const labels = { theme: 'Theme', harmType: 'HarmType', agency: 'Agency', case: 'CaseReview' } as const;
  return ([1, 2] as const).flatMap((depth) =>
    (['theme', 'harmType', 'agency', 'case'] as const).map((kind) => ({
      name: `neighbourhood (depth ${depth}, ${kind})`,
      next: (i: number) => ({
        query: `query($id: ID!, $depth: Int, $limit: Int) { neighbourhood(id: $id, depth: $depth, limit: $limit) {
          nodes { id kind caption } edges { type source target } } }`,
        variables: {
          id: `${labels[kind]}:${ids[kind][i % ids[kind].length]}`,
          depth,
          // A new limit on every pass over the ids, so no answer comes round again while the cache holds it.
          limit: 40 + (Math.floor(i / ids[kind].length) % 31),
        },
      }),
    })),
  );
}

/**
 * What an analyst types: whole labels, one word of a label (also found in the reviews' text), the start of a
 * word as while typing, and a few words of prose that name no entry.
 */
function searchTextsFrom(entries: { label: string }[]): string[] {
  const out = new Set<string>(['mother', 'the', 'school', 'after the', 'assessment', 'wa', 'zzz']);
  for (const { label } of entries) {
    out.add(label);
    const [word = ''] = label.split(/\s+/);
    out.add(word.toLowerCase());
    if (word.length > 4) out.add(word.slice(0, 4).toLowerCase());
  }
  return [...out];
}

async function caseIdsFrom(url: string, wanted: number): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  while (ids.length < wanted) {
    const page = await post(url, {
      query: `query($after: String) { cases(first: 100, after: $after) {
        edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
      variables: { after },
    });
    const cases = (page.data as { cases: { edges: { node: { id: string } }[]; pageInfo: PageInfo } }).cases;
    ids.push(...cases.edges.map((e) => e.node.id));
    if (!cases.pageInfo.hasNextPage) break;
    after = cases.pageInfo.endCursor;
  }
  return ids;
}

interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

/** A fixed, well-mixed order (a stride coprime with the length), the same on every run. */
function scatter<T>(xs: T[]): T[] {
  const n = xs.length;
  if (n === 0) return xs;
  let stride = Math.max(1, Math.floor(n * 0.618));
  while (gcd(stride, n) !== 1) stride++;
  return xs.map((_, i) => xs[(i * stride) % n] as T);
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

async function drive(server: SpawnedServer, scenario: Scenario, clients: number, opts: BenchArgs) {
  const { url } = server;
  // A short warm-up so the first figures do not measure JIT and cold caches.
  for (let i = 0; i < 5; i++) await post(url, scenario.next(i));
  const cpuBefore = server.cpuMs();
  const latencies: number[] = [];
  let errors = 0;
  let counter = 0;
  const deadline = performance.now() + opts.seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const op = scenario.next(counter++);
        const t = performance.now();
        const result = await post(url, op).catch(() => ({ errors: ['network'] }));
        latencies.push(performance.now() - t);
        if (result.errors) errors++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const cpuAfter = server.cpuMs();
  latencies.sort((a, b) => a - b);
  return {
    serverCpuMs:
      cpuBefore === null || cpuAfter === null ? Number.NaN : (cpuAfter - cpuBefore) / latencies.length,
    requests: latencies.length,
    errors,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    perSecond: latencies.length / elapsed,
  };
}

/**
 * Every chosen query at once: each client takes the next query of the round (so a cheap request waits
 * behind whatever else is running, as on a shared server). One row for all requests, then one per query.
 */
async function driveMixed(server: SpawnedServer, scenarios: Scenario[], clients: number, seconds: number) {
  const { url } = server;
  const byName = new Map<string, { latencies: number[]; errors: number }>();
  const all: number[] = [];
  let errors = 0;
  let counter = 0;
  const cpuBefore = server.cpuMs();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline && scenarios.length > 0) {
        const i = counter++;
        const scenario = scenarios[i % scenarios.length] as Scenario;
        const t = performance.now();
        const result = await post(url, scenario.next(Math.floor(i / scenarios.length))).catch(() => ({
          errors: ['network'],
        }));
        const ms = performance.now() - t;
        const mine = byName.get(scenario.name) ?? { latencies: [], errors: 0 };
        byName.set(scenario.name, mine);
        mine.latencies.push(ms);
        all.push(ms);
        if (result.errors) {
          errors++;
          mine.errors++;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const cpuAfter = server.cpuMs();
  const row = (scenario: string, latencies: number[], failed: number) => {
    latencies.sort((a, b) => a - b);
    return {
      scenario,
      requests: latencies.length,
      errors: failed,
      p50: percentile(latencies, 0.5),
      p95: percentile(latencies, 0.95),
      p99: percentile(latencies, 0.99),
      perSecond: latencies.length / elapsed,
      serverCpuMs: Number.NaN,
    };
  };
  const total = row('mixed: all queries', all, errors);
  total.serverCpuMs =
    cpuBefore === null || cpuAfter === null ? Number.NaN : (cpuAfter - cpuBefore) / all.length;
  return [total, ...[...byName].map(([name, r]) => row(`mixed: ${name}`, r.latencies, r.errors))];
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
      reviews: { type: 'string', default: '1000,10000' },
      clients: { type: 'string', default: '1,8' },
      seconds: { type: 'string', default: '5' },
      'per-document': { type: 'string', default: '500' },
      seed: { type: 'string', default: '1' },
      only: { type: 'string', default: '' },
      keep: { type: 'string' },
      mixed: { type: 'string', default: '0' },
    },
  });
  return {
    sizes: values.reviews.split(',').map((s) => positive(s.trim(), '--reviews')),
    clients: values.clients.split(',').map((s) => positive(s.trim(), '--clients')),
    seconds: positive(values.seconds, '--seconds'),
    perDocument: positive(values['per-document'], '--per-document'),
    seed: positive(values.seed, '--seed'),
    only: values.only
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0),
    keep: values.keep ?? null,
    mixedSeconds: values.mixed === '0' ? 0 : positive(values.mixed, '--mixed'),
  };
}

function positive(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} must be a positive whole number, not ${text}`);
  return n;
}

function printTable(opts: BenchArgs, setup: string[], rows: Figures[]): void {
  console.log(
    `\napi bench: ${opts.seconds} s per query and client count, embedded engine, node ${process.version}`,
  );
  for (const line of setup) console.log(`  ${line}`);
  const header = [
    'reviews',
    'clients',
    'query',
    'requests',
    'errors',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'req/s',
    'server CPU ms/req',
  ];
  const cells = rows.map((r) => [
    r.size.toLocaleString('en-GB'),
    String(r.clients),
    r.scenario,
    String(r.requests),
    String(r.errors),
    r.p50.toFixed(1),
    r.p95.toFixed(1),
    r.p99.toFixed(1),
    r.perSecond.toFixed(0),
    Number.isNaN(r.serverCpuMs) ? '–' : r.serverCpuMs.toFixed(1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: string[]) =>
    c.map((v, i) => (i < 3 ? v.padEnd(widths[i] ?? 0) : v.padStart(widths[i] ?? 0))).join('  ');
  console.log(line(header));
  for (const c of cells) console.log(line(c));
}
