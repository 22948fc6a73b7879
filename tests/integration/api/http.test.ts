/** Everything around GraphQL: spec compliance, CORS, exports, the web app's files. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_CORPUS_DIR } from '../../../ingest/sample/index.ts';
import { startLoadedServer, type TestServer } from './running-server.ts';

function parseXml(text: string): Document {
  const problems: string[] = [];
  const record = (msg: unknown) => {
    problems.push(String(msg));
  };
  const doc = new DOMParser({
    errorHandler: { warning: record, error: record, fatalError: record },
  }).parseFromString(text, 'application/xml');
  expect(problems).toEqual([]);
  return doc as unknown as Document;
}

describe('HTTP surface', () => {
  let api: TestServer;
  let web: TestServer;
  let cors: TestServer;
  let webDir: string;

  beforeAll(async () => {
    api = await startLoadedServer([SAMPLE_CORPUS_DIR]);
    webDir = await mkdtemp(join(tmpdir(), 'threadline-web-'));
    await mkdir(join(webDir, 'assets'));
    await writeFile(join(webDir, 'index.html'), '<!doctype html><title>map</title><div id="app"></div>');
    await writeFile(join(webDir, 'assets', 'app-1234.js'), 'console.log("map");');
    web = await api.sibling({ webDir });
    cors = await api.sibling({ corsOrigins: ['http://localhost:5173'] });
  });

  afterAll(async () => {
    await api?.stop();
    await rm(webDir, { recursive: true, force: true });
  });

  it('passes every MUST audit of the GraphQL-over-HTTP specification', async () => {
    const audits = serverAudits({ url: `${api.url}/graphql` }).filter((a) => a.name.startsWith('MUST'));
    expect(audits.length).toBeGreaterThan(10);
    const failures: string[] = [];
    for (const audit of audits) {
      const result = await audit.fn();
      if (result.status !== 'ok') failures.push(`${audit.name}: ${result.reason}`);
    }
    expect(failures).toEqual([]);
  });

  it('keeps CORS closed by default and opens it only to the configured origins', async () => {
    const preflight = (url: string, origin: string) =>
      fetch(`${url}/graphql`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    expect(
      (await preflight(api.url, 'https://elsewhere.example')).headers.get('access-control-allow-origin'),
    ).toBeNull();
    const allowed = await preflight(cors.url, 'http://localhost:5173');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const refused = await preflight(cors.url, 'https://elsewhere.example');
    expect(refused.headers.get('access-control-allow-origin')).not.toBe('https://elsewhere.example');
  });

  it('exports the filtered theme network as CSV edges and themes', async () => {
    const { data } = await api.gql<{
      themeNetwork: {
        caseCount: number;
        nodes: { id: string }[];
        edges: { source: string; target: string; weight: number }[];
      };
    }>(
      '{ themeNetwork(filter: { yearFrom: 2010 }, minShared: 2) { caseCount nodes { id } edges { source target weight } } }',
    );
    const edges = await fetch(`${api.url}/export/theme-network.csv?yearFrom=2010&minShared=2`);
    expect(edges.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(edges.headers.get('content-disposition')).toBe('attachment; filename="theme-network.csv"');
    const rows = (await edges.text()).trimEnd().split('\r\n');
    expect(rows[0]).toBe('source,target,source_label,target_label,weight,lift');
    expect(rows.length - 1).toBe(data?.themeNetwork.edges.length);
    const top = data?.themeNetwork.edges[0];
    expect(rows[1]).toMatch(new RegExp(`^${top?.source},${top?.target},.*,${top?.weight},[0-9.]+$`));
    const themes = (await (await fetch(`${api.url}/export/themes.csv?yearFrom=2010`)).text())
      .trimEnd()
      .split('\r\n');
    expect(themes[0]).toBe('id,label,group,weight');
    expect(themes.length - 1).toBe(data?.themeNetwork.nodes.length);
  });

  it('exports GraphML and GEXF that parse, with the same nodes and edges as the API', async () => {
    const { data } = await api.gql<{ themeNetwork: { nodes: { id: string }[]; edges: unknown[] } }>(
      '{ themeNetwork(filter: { harmTypes: ["neglect"] }, minShared: 1, minLift: 0, maxP: 1) { nodes { id } edges { source } } }',
    );
    for (const file of ['graph.graphml', 'graph.gexf']) {
      const response = await fetch(
        `${api.url}/export/${file}?harmTypes=neglect&minShared=1&minLift=0&maxP=1`,
      );
      expect(response.status).toBe(200);
      const doc = parseXml(await response.text());
      expect(doc.getElementsByTagName('node').length).toBe(data?.themeNetwork.nodes.length);
      expect(doc.getElementsByTagName('edge').length).toBe(data?.themeNetwork.edges.length);
    }
    expect(data?.themeNetwork.edges.length).toBeGreaterThan(0);
  });

  it('answers 400 with a message for a bad export parameter and 404 for an unknown export', async () => {
    const bad = await fetch(`${api.url}/export/graph.gexf?themes=no-such-theme`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      error: 'bad request',
      message: 'filter.themes: unknown id "no-such-theme" (list the ids with { themes { id } })',
    });
    const unknown = await fetch(`${api.url}/export/graph.dot`);
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).message).toMatch(
      /available: theme-network.csv, themes.csv, graph.graphml, graph.gexf/,
    );
  });

  it('serves the built web app, with client-side routes falling back to index.html', async () => {
    const home = await fetch(`${web.url}/`);
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await home.text()).toContain('<div id="app">');
    const route = await fetch(`${web.url}/themes/information-sharing`);
    expect(await route.text()).toContain('<div id="app">');
    const asset = await fetch(`${web.url}/assets/app-1234.js`);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${web.url}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${web.url}/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
  });

  it('explains how to build the web app when it has not been built', async () => {
    const page = await fetch(`${api.url}/`);
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('Run <code>npm run build</code>');
  });
});
