/**
 * The web explorer in a real browser against the real server, loaded with the seed documents: the map,
 * filters, evidence panels, presentation, exports, shared links, the keyboard path, the case graph and the
 * failure states. Screenshots of each state go to tests/e2e/screenshots/.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_TOKEN,
  chromiumPresent,
  ensureBuilt,
  graphql,
  launchBrowser,
  publishScreenshot,
  type RunningApp,
  screenshotsDir,
  seedsPresent,
  seedText,
  startApp,
} from './harness.ts';

const NETWORK = `query($filter: CaseFilter, $minShared: Int) {
  themeNetwork(filter: $filter, minShared: $minShared) { caseCount nodes { id label weight } edges { source target weight } }
}`;

interface Network {
  themeNetwork: {
    caseCount: number;
    nodes: Array<{ id: string; label: string; weight: number }>;
    edges: Array<{ source: string; target: string; weight: number }>;
  };
}

const python = spawnSync('python3', ['--version']).status === 0;

describe.skipIf(!seedsPresent || !chromiumPresent)('the web explorer', { timeout: 120_000 }, () => {
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let seeds: string;
  let whole: Network['themeNetwork'];

  beforeAll(async () => {
    mkdirSync(screenshotsDir, { recursive: true });
    await ensureBuilt();
    app = await startApp();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    seeds = normalise(seedText());
    whole = (await graphql<Network>(app.url, NETWORK, { filter: {}, minShared: 1 })).themeNetwork;
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.stop();
  });

  async function open(path = '/'): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${app.url}${path}`);
    await mapSettled(page);
    return page;
  }

  async function shot(page: Page, name: string): Promise<string> {
    const file = join(screenshotsDir, `${name}.png`);
    await page.waitForTimeout(400);
    await page.screenshot({ path: file });
    return file;
  }

  function expectVerbatim(quotes: string[]): void {
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) expect(seeds, `quote not found in the seeds: ${q}`).toContain(normalise(q));
  }

  it('draws the theme map with one listed row per theme of the network', async () => {
    const page = await open();
    const rows = page.getByTestId('node-row');
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await rows.count()).toBe(whole.nodes.length);
    const drawn = await page.evaluate(() => window.threadline!.debug.mapCy().nodes().length);
    expect(drawn).toBe(whole.nodes.length);
    await expect
      .poll(() => page.getByTestId('summary').textContent())
      .toContain(`${whole.nodes.length} themes`);
    const file = await shot(page, 'theme-map');
    publishScreenshot(file, 'theme-map.png');
    await page.close();
  });

  it('narrows the map and the filter counts when a harm type is chosen', async () => {
    const page = await open();
    const agencyCounts = async () => page.locator('[data-facet="agencies"] .count').allTextContents();
    const before = await agencyCounts();
    const option = page.locator('[data-facet="harmTypes"] input[type=checkbox]').first();
    const key = (await option.getAttribute('data-key'))!.split(':')[1]!;
    const version = await mapVersion(page);
    await option.check();
    await page.waitForFunction((v) => Number(document.body.dataset.mapVersion) > v, version);
    const filtered = (
      await graphql<Network>(app.url, NETWORK, { filter: { harmTypes: [key] }, minShared: 1 })
    ).themeNetwork;
    await expect.poll(() => page.getByTestId('node-row').count()).toBe(filtered.nodes.length);
    expect(filtered.caseCount).toBeLessThan(
      (await graphql<Network>(app.url, NETWORK, {})).themeNetwork.caseCount,
    );
    await expect.poll(agencyCounts).not.toEqual(before);
    expect(page.url()).toContain(`harm=${key}`);
    await expect.poll(() => page.getByTestId('summary').textContent()).toContain(`${filtered.caseCount} of`);
    await shot(page, 'filtered');
    await page.close();
  });

  it('opens a theme clicked on the map, with the reviews behind it quoted verbatim', async () => {
    const page = await open();
    const heaviest = [...whole.nodes].sort((a, b) => b.weight - a.weight)[0]!;
    const at = await renderedPoint(page, heaviest.id);
    await page.mouse.click(at.x, at.y);
    const panel = page.getByTestId('theme-panel');
    await panel.waitFor();
    expect(await panel.getAttribute('data-theme-id')).toBe(heaviest.id);
    await expect.poll(() => panel.locator('h2').textContent()).toBe(heaviest.label);
    expect(await panel.getByTestId('theme-review').count()).toBeGreaterThan(0);
    expectVerbatim(await panel.getByTestId('quote').allTextContents());
    await shot(page, 'theme-panel');

    await panel.getByTestId('review-link').first().click();
    const review = page.getByTestId('review-panel');
    await review.waitFor();
    expectVerbatim(await review.getByTestId('quote').allTextContents());
    expect(await review.locator('section h3').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Themes \(\d+\)$/)]),
    );
    await shot(page, 'review-panel');
    await page.close();
  });

  it("opens a link clicked on the map, with both themes' quotes side by side", async () => {
    const page = await open();
    const target = await page.evaluate(() => {
      const cy = window.threadline!.debug.mapCy();
      const nodes = cy.nodes().map((n) => ({ p: n.renderedPosition(), r: n.renderedWidth() / 2 }));
      // The strongest link whose midpoint is clear of every circle.
      const edges = cy.edges().sort((a, b) => (b.data('weight') as number) - (a.data('weight') as number));
      for (const e of edges) {
        const s = e.source().renderedPosition();
        const t = e.target().renderedPosition();
        const m = { x: (s.x + t.x) / 2, y: (s.y + t.y) / 2 };
        if (nodes.every((n) => Math.hypot(n.p.x - m.x, n.p.y - m.y) > n.r + 8)) return m;
      }
      return null;
    });
    expect(target).not.toBeNull();
    const box = (await page.getByTestId('map').boundingBox())!;
    await page.mouse.click(box.x + target!.x, box.y + target!.y);
    const panel = page.getByTestId('link-panel');
    await panel.waitFor();
    const pair = new URL(page.url()).searchParams.get('link')!.split('|');
    expect(whole.edges.some((e) => pair.includes(e.source) && pair.includes(e.target))).toBe(true);
    const rows = panel.getByTestId('link-review');
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await rows.first().locator('.quote-pair [data-testid=quote]').count()).toBe(2);
    expectVerbatim(await panel.getByTestId('quote').allTextContents());
    await shot(page, 'link-panel');
    await page.close();
  });

  it('hides child pseudonyms and weak links in presentation mode, driven by the keyboard', async () => {
    const { cases } = await graphql<{ cases: { edges: Array<{ node: { child: string | null } }> } }>(
      app.url,
      '{ cases(first: 100) { edges { node { child } } } }',
    );
    const pseudonyms = cases.edges.map((e) => e.node.child).filter((c): c is string => !!c && c.length > 2);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1600, height: 900 });
    await page.goto(`${app.url}/`);
    await mapSettled(page);
    await page.getByTestId('present-menu').click();
    await page.getByTestId('room-safe').check();
    await page.getByTestId('present').click();
    await page.waitForFunction(() => document.querySelector('.app')?.classList.contains('presenting'));
    await expect.poll(() => page.locator('.topbar').isVisible()).toBe(false);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const caption = page.getByTestId('present-caption');
    await caption.locator('blockquote').waitFor();
    const text = (await caption.textContent()) ?? '';
    expect(text).toMatch(/A child \((SCR|LCSPR|CSPR|NATIONAL|OTHER)/);
    for (const name of pseudonyms) expect(text).not.toContain(name);
    const weakest = await page.evaluate(() =>
      Math.min(
        ...window
          .threadline!.debug.mapCy()
          .edges()
          .map((e) => e.data('weight') as number),
      ),
    );
    expect(weakest).toBeGreaterThanOrEqual(2);
    const file = await shot(page, 'presentation');
    publishScreenshot(file, 'presentation.png');
    const zoom = await page.evaluate(() => window.threadline!.debug.mapCy().zoom());
    await page.keyboard.press('+');
    await expect
      .poll(() => page.evaluate(() => window.threadline!.debug.mapCy().zoom()))
      .toBeGreaterThan(zoom);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('.app')?.classList.contains('presenting'));
    // Room-safe also names reviews by type and year in the evidence panels.
    const review = page.getByTestId('review-panel');
    const { cases: named } = await graphql<{
      cases: { edges: Array<{ node: { id: string; child: string | null } }> };
    }>(app.url, '{ cases(first: 100) { edges { node { id child } } } }');
    const withChild = named.edges.find((e) => e.node.child && e.node.child.length > 2)!.node;
    await page.goto(`${app.url}/?safe=1&case=${encodeURIComponent(withChild.id)}`);
    await review.waitFor();
    expect(await review.textContent()).not.toContain(withChild.child!);
    await page.close();
  });

  it("exports a projector-sized PNG, a parseable SVG, CSV tables and the server's GraphML", async () => {
    const page = await open();
    const save = async (testid: string) => {
      await page.getByTestId('export-menu').click();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
      return readFileSync((await download.path())!);
    };
    const png = await save('export-png');
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(1920);

    const svg = (await save('export-svg')).toString('utf8');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror') !== null,
        root: doc.documentElement.nodeName,
        circles: doc.querySelectorAll('ellipse').length,
      };
    }, svg);
    expect(parsed).toEqual({ error: false, root: 'svg', circles: expect.any(Number) });
    expect(parsed.circles).toBeGreaterThanOrEqual(whole.nodes.length);

    const nodes = (await save('export-csv-nodes')).toString('utf8').split('\r\n').filter(Boolean);
    expect(nodes[0]).toBe('id,label,group,reviews,links');
    expect(nodes.length - 1).toBe(whole.nodes.length);
    const edges = (await save('export-csv-edges')).toString('utf8').split('\r\n');
    expect(edges[0]).toBe('source,target,source_label,target_label,shared_reviews,lift');

    await page.getByTestId('export-menu').click();
    await page.getByTestId('export-graph.graphml').hover();
    const href = await page.getByTestId('export-graph.graphml').getAttribute('href');
    expect(href).toMatch(/^\/export\/graph\.graphml/);
    const graphml = await (await fetch(`${app.url}${href}`)).text();
    expect(graphml).toContain('<graphml');
    await page.close();
  });

  it('reopens the same view from a copied link', async () => {
    const page = await open();
    const option = page.locator('[data-facet="harmTypes"] input[type=checkbox]').nth(1);
    const key = (await option.getAttribute('data-key'))!;
    let version = await mapVersion(page);
    await option.check();
    await page.waitForFunction((v) => Number(document.body.dataset.mapVersion) > v, version);
    version = await mapVersion(page);
    await page.locator('[data-weighting="lift"]').click();
    await page.waitForFunction((v) => Number(document.body.dataset.mapVersion) > v, version);
    await page.getByTestId('node-row').first().locator('button').click();
    await page.getByTestId('theme-panel').waitFor();
    const themeId = await page.getByTestId('theme-panel').getAttribute('data-theme-id');
    const rows = await page.getByTestId('node-row').count();
    await page.getByTestId('share-menu').click();
    await page.getByTestId('share-link').click();
    const link = await page.getByTestId('share-text').inputValue();
    await page.close();

    const again = await context.newPage();
    await again.goto(link);
    await mapSettled(again);
    await again.getByTestId('theme-panel').waitFor();
    expect(await again.getByTestId('theme-panel').getAttribute('data-theme-id')).toBe(themeId);
    expect(await again.locator(`input[data-key="${key}"]`).isChecked()).toBe(true);
    expect(await again.locator('[data-weighting="lift"]').getAttribute('aria-pressed')).toBe('true');
    expect(await again.getByTestId('node-row').count()).toBe(rows);
    await again.close();
  });

  it.skipIf(!python)('hands a notebook user Python that fetches the same view', async () => {
    const page = await open();
    await page.getByTestId('share-menu').click();
    await page.getByTestId('share-python').click();
    const source = await page.getByTestId('share-text').inputValue();
    const file = join(tmpdir(), `threadline-view-${process.pid}.py`);
    writeFileSync(file, source);
    const result = spawnSync('python3', [file], { encoding: 'utf8', timeout: 30_000 });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(`${whole.nodes.length} themes,`);
    await page.close();
  });

  it('finds a theme by search and focuses it', async () => {
    const theme = [...whole.nodes].sort((a, b) => b.weight - a.weight)[1]!;
    const page = await open();
    const word = theme.label.split(/\s+/).find((w) => w.length > 4) ?? theme.label;
    await page.locator('#search').fill(word);
    const hit = page.locator('#search-results [role=option]').filter({ hasText: theme.label });
    await hit.first().waitFor();
    await page.locator('#search').press('ArrowDown');
    expect(await page.locator('#search').getAttribute('aria-activedescendant')).toBe('search-hit-0');
    await hit.first().dispatchEvent('mousedown');
    const panel = page.getByTestId('theme-panel');
    await panel.waitFor();
    expect(await panel.getAttribute('data-theme-id')).toBe(theme.id);
    await page.close();
  });

  it('can be used by keyboard alone: tab to the theme list, Enter opens the theme', async () => {
    const page = await open();
    let inList = false;
    for (let i = 0; i < 300 && !inList; i++) {
      await page.keyboard.press('Tab');
      inList = await page.evaluate(() => !!document.activeElement?.closest('[data-testid="node-row"]'));
    }
    expect(inList).toBe(true);
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(ring).not.toBe('none');
    const id = await page.evaluate(() => document.activeElement!.closest('tr')!.getAttribute('data-id'));
    await page.keyboard.press('Enter');
    const panel = page.getByTestId('theme-panel');
    await panel.waitFor();
    expect(await panel.getAttribute('data-theme-id')).toBe(id);
    await shot(page, 'keyboard');
    await page.close();
  });

  it('grows a case graph on click and answers how two nodes are connected', async () => {
    const heaviest = [...whole.nodes].sort((a, b) => b.weight - a.weight)[0]!;
    const page = await open(`/?theme=${heaviest.id}`);
    await page.getByTestId('theme-panel').waitFor();
    await page.getByTestId('view-graph').click();
    const rows = page.getByTestId('graph-node-row');
    await rows.first().waitFor();
    const before = await rows.count();
    expect(before).toBeGreaterThan(1);
    const kinds = await page.locator('[data-testid=graph-legend] li').allTextContents();
    expect(kinds.length).toBeGreaterThanOrEqual(2);
    // Expanding a review adds its harm types, agencies and statements.
    await rows.filter({ hasText: 'Review' }).first().locator('button').click();
    await expect.poll(() => rows.count()).toBeGreaterThan(before);
    await page.getByTestId('review-panel').waitFor();
    await page.locator('#connect-to').selectOption({ index: 0 });
    await page.getByTestId('connect').click();
    await page.getByTestId('paths').waitFor();
    expect(page.url()).toContain('path=');
    await shot(page, 'case-graph');
    await page.close();
  });

  it('serves GraphiQL that runs its example query with no network beyond this server', async () => {
    const page = await context.newPage();
    const outside: string[] = [];
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.protocol === 'data:')
        return route.continue();
      outside.push(url.href);
      return route.abort('internetdisconnected');
    });
    await page.goto(`${app.url}/graphql`);
    await page.locator('.graphiql-container').first().waitFor({ timeout: 30_000 });
    await page.locator('.graphiql-execute-button').click();
    // The examples hold several operations: the run button asks which one.
    await page.getByRole('menuitem', { name: 'ThemeNetwork' }).click();
    await page.waitForFunction(
      () => document.querySelector('.result-window')?.textContent?.includes('"data"'),
      null,
      {
        timeout: 30_000,
      },
    );
    await shot(page, 'graphiql');
    expect(outside).toEqual([]);
    await page.close();
  });

  it('says so when nothing matches, and clears the filters on request', async () => {
    const page = await context.newPage();
    await page.goto(`${app.url}/?from=1900&to=1901`);
    await page.waitForFunction(() => document.body.dataset.map === 'empty');
    await shot(page, 'empty');
    await page.getByTestId('empty-clear').click();
    await page.waitForFunction(() => document.body.dataset.map === 'ready');
    expect(await page.getByTestId('node-row').count()).toBe(whole.nodes.length);
    await page.close();
  });

  it('says so when the server cannot be reached, and recovers on retry', async () => {
    const page = await context.newPage();
    await page.route('**/graphql', (route) => route.abort('connectionrefused'));
    await page.goto(`${app.url}/`);
    await page.waitForFunction(() => document.body.dataset.map === 'error');
    expect(await page.getByTestId('stage-status').textContent()).toContain(
      'Cannot reach the Threadline server',
    );
    await shot(page, 'unreachable');
    await page.unroute('**/graphql');
    await page.getByTestId('retry').click();
    await page.waitForFunction(() => document.body.dataset.map === 'ready');
    expect(await page.getByTestId('node-row').count()).toBe(whole.nodes.length);
    await page.close();
  });

  it('asks for the API token when the server answers 401, then sends it as a bearer token', async () => {
    const page = await context.newPage();
    const token = 'reader-token-for-the-test-0123';
    const seen: string[] = [];
    // The server here runs without THREADLINE_API_TOKEN; the route plays a guarded one.
    await page.route('**/graphql', async (route) => {
      const auth = route.request().headers().authorization ?? '';
      seen.push(auth);
      if (auth !== `Bearer ${token}`) {
        await route.fulfill({
          status: 401,
          contentType: 'application/json',
          body: '{"error":"unauthorized"}',
        });
      } else await route.continue();
    });
    await page.goto(`${app.url}/`);
    await page.locator('#token-dialog').waitFor();
    await page.locator('#api-token').fill(token);
    await page.locator('#token-dialog button[type=submit]').click();
    await page.waitForFunction(() => document.body.dataset.map === 'ready');
    expect(await page.getByTestId('node-row').count()).toBe(whole.nodes.length);
    expect(seen[0]).toBe('');
    expect(seen.at(-1)).toBe(`Bearer ${token}`);
    expect(await page.evaluate(() => sessionStorage.getItem('threadline.apiToken'))).toBe(token);
    await page.close();
  });

  it('adds a document through the upload dialog and refreshes the map', async () => {
    const page = await open();
    await page.getByTestId('add-documents').click();
    await page.locator('#admin-token').fill(ADMIN_TOKEN);
    await page.getByTestId('upload-input').setInputFiles({
      name: 'fictional-bulletin.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(FICTIONAL_BULLETIN),
    });
    await page.locator('#upload-dialog button[type=submit]').click();
    const row = page.getByTestId('upload-row');
    await row.locator('.badge:not(:text("sending…"))').waitFor();
    expect(await row.locator('.badge').textContent()).toMatch(/loaded|replaced|unchanged/);
    await shot(page, 'upload');
    await page.close();
  });
});

/** A short bulletin in the layout of the published ones; every name and event in it is invented. */
const FICTIONAL_BULLETIN = `Safeguarding Learning Bulletin – Spring 2031

1. Local child safeguarding practice review (LCSPR): Child Z

Serious harm to a two-year-old boy in March 2030. Child Z lived with his mother and her partner; health visitors had noted missed appointments.

Learning includes: practitioners need to share information about missed health appointments promptly; agencies should consider the role of adult men in the household when assessing risk.

Recommendations include: the partnership should review how missed appointments are escalated between health and children's social care.
`;

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

async function mapSettled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => ['ready', 'empty', 'error'].includes(document.body.dataset.map ?? ''),
    null,
    {
      timeout: 30_000,
    },
  );
}

async function mapVersion(page: Page): Promise<number> {
  return page.evaluate(() => Number(document.body.dataset.mapVersion ?? 0));
}

async function renderedPoint(page: Page, id: string): Promise<{ x: number; y: number }> {
  const p = await page.evaluate(
    (nodeId) => window.threadline!.debug.mapCy().getElementById(nodeId).renderedPosition(),
    id,
  );
  const box = (await page.getByTestId('map').boundingBox())!;
  return { x: box.x + p.x, y: box.y + p.y };
}
