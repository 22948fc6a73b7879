/** The Python example runs against a live server and prints the pairs the API reports. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_CORPUS_DIR } from '../../../ingest/sample/index.ts';
import { REPO_ROOT, startLoadedServer, type TestServer } from './running-server.ts';

const run = promisify(execFile);
/** Python's string order, which the script sorts ties by. */
const codePointOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const SCRIPT = join(REPO_ROOT, 'examples/python/theme_network.py');
const EXPORTS_SCRIPT = join(REPO_ROOT, 'examples/python/exports.py');

async function pythonAvailable(): Promise<boolean> {
  try {
    await run('python3', ['--version']);
    return true;
  } catch {
    return false;
  }
}

const hasPython = await pythonAvailable();
if (!hasPython) console.log('python3 not found on PATH: the Python example test is skipped');

describe.skipIf(!hasPython)('examples/python/theme_network.py', () => {
  let api: TestServer;

  beforeAll(async () => {
    api = await startLoadedServer([SAMPLE_CORPUS_DIR]);
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('prints a table of the most co-occurring theme pairs, strongest first', async () => {
    const { data } = await api.gql<{
      themeNetwork: {
        caseCount: number;
        nodes: { id: string; label: string }[];
        edges: { source: string; target: string; weight: number; lift: number }[];
      };
    }>('{ themeNetwork { caseCount nodes { id label } edges { source target weight lift } } }');
    const network = data?.themeNetwork;
    const label = new Map(network?.nodes.map((n) => [n.id, n.label]));
    const byLabel = (id: string) => label.get(id) ?? id;
    const strongest = [...(network?.edges ?? [])].sort(
      (a, b) =>
        b.weight - a.weight ||
        b.lift - a.lift ||
        codePointOrder(byLabel(a.source), byLabel(b.source)) ||
        codePointOrder(byLabel(a.target), byLabel(b.target)),
    )[0];

    const { stdout } = await run('python3', [SCRIPT, '--url', `${api.url}/graphql`, '--top', '5']);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      `${network?.caseCount} reviews, ${network?.nodes.length} themes, ${network?.edges.length} co-occurring pairs`,
    );
    expect(lines[2]).toMatch(/^theme A\s+theme B\s+shared\s+lift$/);
    expect(lines).toHaveLength(4 + 5);
    const first = lines[4] ?? '';
    expect(first.startsWith(label.get(strongest?.source ?? '') ?? '?')).toBe(true);
    expect(first).toContain(label.get(strongest?.target ?? '') ?? '?');
    expect(first).toMatch(new RegExp(`\\s${strongest?.weight}\\s+${strongest?.lift.toFixed(2)}$`));
  });

  it('passes filters through and prints JSON on request', async () => {
    const { stdout } = await run('python3', [
      SCRIPT,
      '--url',
      `${api.url}/graphql`,
      '--harm-type',
      'neglect',
      '--min-shared',
      '2',
      '--json',
    ]);
    const printed = JSON.parse(stdout) as { reviewCount: number; pairs: { shared: number }[] };
    const { data } = await api.gql<{ cases: { totalCount: number } }>(
      '{ cases(filter: { harmTypes: ["neglect"], not: { reviewTypes: [NATIONAL] } }) { totalCount } }',
    );
    expect(printed.reviewCount).toBe(data?.cases.totalCount);
    expect(printed.pairs.every((p) => p.shared >= 2)).toBe(true);
  });

  it('reports a server error in one line and exits 1', async () => {
    const failure = await run('python3', [
      SCRIPT,
      '--url',
      `${api.url}/graphql`,
      '--theme',
      'no-such-theme',
    ]).catch((e: { code: number; stderr: string }) => e);
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr.trim()).toBe(
      'error: filter.themes: unknown id "no-such-theme" (list the ids with { themes { id } })',
    );
  });

  it('reads the exports under a filter with not: tables, full graph and its most central themes, as the API counts them', async () => {
    const { stdout } = await run('python3', [
      EXPORTS_SCRIPT,
      '--url',
      api.url,
      '--not-harm-type',
      'neglect',
      '--unknown-year',
      'EXCLUDE',
      '--top',
      '3',
    ]);
    const printed = JSON.parse(stdout) as {
      reviews: number;
      links: Record<string, number>;
      statements: Record<string, number>;
      nodes: Record<string, number>;
      edges: Record<string, number>;
      central_themes: { id: string; pagerank: number; community: number | null }[];
      readers: { table: string; graph: string };
    };
    const filter = '{ not: { harmTypes: ["neglect"] }, unknownYear: EXCLUDE }';
    const { data } = await api.gql<{
      cases: { totalCount: number };
      learning: { totalCount: number };
      recommendations: { totalCount: number };
      themeNetwork: { nodes: { id: string; pageRank: number }[]; edges: unknown[] };
    }>(`{ cases(filter: ${filter}) { totalCount }
          learning(filter: { cases: ${filter} }) { totalCount }
          recommendations(filter: { cases: ${filter} }) { totalCount }
          themeNetwork(filter: ${filter}) { nodes { id pageRank } edges { source } } }`);
    expect(printed.reviews).toBe(data?.cases.totalCount);
    expect(printed.reviews).toBeGreaterThan(0);
    expect(printed.statements.learning ?? 0).toBe(data?.learning.totalCount);
    expect(printed.statements.recommendation ?? 0).toBe(data?.recommendations.totalCount);
    expect(printed.nodes.review).toBe(data?.cases.totalCount);
    expect(printed.edges.CO_OCCURS ?? 0).toBe(data?.themeNetwork.edges.length);
    expect(printed.links.harm_type ?? 0).toBeGreaterThan(0);
    const strongest = [...(data?.themeNetwork.nodes ?? [])].sort(
      (a, b) => b.pageRank - a.pageRank || codePointOrder(a.id, b.id),
    )[0];
    expect(printed.central_themes[0]?.id).toBe(`Theme:${strongest?.id}`);
    // networkx reads the GraphML here when it is installed; the standard-library reader otherwise.
    expect(['networkx', 'dict']).toContain(printed.readers.graph);
  });

  it('reports a refused export filter in one line and exits 1', async () => {
    const failure = await run('python3', [
      EXPORTS_SCRIPT,
      '--url',
      api.url,
      '--not-theme',
      'no-such-theme',
    ]).catch((e: { code: number; stderr: string }) => e);
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr.trim()).toMatch(
      /^error: HTTP 400 from .*: filter\.not\.themes: unknown id "no-such-theme"/,
    );
  });
});
