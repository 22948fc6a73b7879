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
  corpus,
  corpusText,
  ensureBuilt,
  graphql,
  launchBrowser,
  publishScreenshot,
  type RunningApp,
  screenshotsDir,
  seedsDir,
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

describe.skipIf(!chromiumPresent)('the web explorer', { timeout: 120_000 }, () => {
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
    seeds = normalise(corpusText());
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
    for (const q of quotes) expect(seeds, `quote not found in the corpus: ${q}`).toContain(normalise(q));
  }

  it('draws the theme map with one listed row per theme of the network', async () => {
    const page = await open();
    const rows = page.getByTestId('node-row');
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await rows.count()).toBe(whole.nodes.length);
    const drawn = await page.evaluate(() => window.threadline!.debug.mapCy().nodes('.theme').length);
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
      const nodes = cy.nodes('.theme').map((n) => ({ p: n.renderedPosition(), r: n.renderedWidth() / 2 }));
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
    // A key pressed while the map is still moving to the step's theme can be absorbed by that animation:
    // press again until the zoom answers, as a presenter would.
    await expect
      .poll(
        async () => {
          await page.keyboard.press('+');
          await page.waitForTimeout(300);
          return page.evaluate(() => window.threadline!.debug.mapCy().zoom());
        },
        { timeout: 10_000 },
      )
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

  it('exports a projector-sized PNG, a parseable SVG, CSV tables and GraphML of the map', async () => {
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

    const graphml = (await save('export-graph.graphml')).toString('utf8');
    expect(graphml).toContain('<graphml');
    expect(graphml.match(/<node /g)).toHaveLength(whole.nodes.length);
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

  // ---------- the readable map: backbone, communities, labels, links, room-safe ----------

  it('draws the significant backbone by default, says what it left out, and goes up to every pair', async () => {
    const page = await open();
    const backbone = (await graphql<Analytic>(app.url, ANALYTIC, {})).themeNetwork;
    expect(await page.evaluate(() => window.threadline!.debug.mapCy().edges().length)).toBe(
      backbone.edges.length,
    );
    const note = (await page.getByTestId('omitted-links').textContent()) ?? '';
    expect(note).toContain(`${backbone.edges.length} links shown of ${backbone.candidateEdges} pairs`);
    expect(note).toContain(`${backbone.omitted.belowMinShared} shared by fewer than 2 reviews`);

    let version = await mapVersion(page);
    await setRange(page, 'link-level', 3);
    await page.waitForFunction((v) => Number(document.body.dataset.mapVersion) > v, version);
    const all = (await graphql<Analytic>(app.url, ANALYTIC, { minShared: 1, minLift: 0, maxP: 1 }))
      .themeNetwork;
    expect(all.edges.length).toBe(all.candidateEdges);
    await expect
      .poll(() => page.evaluate(() => window.threadline!.debug.mapCy().edges().length))
      .toBe(all.edges.length);
    expect(page.url()).toContain('links=all');

    const strongest = Math.max(...all.edges.map((e) => e.weight));
    version = await mapVersion(page);
    await page.getByTestId('min-shared-value').fill(String(strongest));
    await page.getByTestId('min-shared-value').dispatchEvent('change');
    await page.waitForFunction((v) => Number(document.body.dataset.mapVersion) > v, version);
    const weights = await page.evaluate(() => window.threadline!.debug.model().edges.map((e) => e.weight));
    expect(weights.length).toBeGreaterThan(0);
    for (const w of weights) expect(w).toBeGreaterThanOrEqual(strongest);
    expect(Number(await page.getByTestId('min-shared').getAttribute('max'))).toBeGreaterThanOrEqual(
      strongest,
    );
    await page.close();
  });

  it('colours and names each community as a region, sizes by a chosen measure and finds bridging themes', async () => {
    const page = await open();
    const api = (await graphql<Analytic>(app.url, ANALYTIC, {})).themeNetwork;
    const regions = await page.evaluate(() =>
      window
        .threadline!.debug.mapCy()
        .nodes('.region')
        .map((r) => ({
          name: r.data('label') as string,
          colour: r.data('colour') as string,
          themes: r.children().map((n) => ({ id: n.id(), colour: n.data('colour') as string })),
        })),
    );
    const names = regions.map((r) => r.name);
    for (const c of api.communities) expect(names).toContain(c.name);
    for (const r of regions) for (const t of r.themes) expect(t.colour).toBe(r.colour);
    const byCommunity = new Map(api.nodes.map((n) => [n.id, n.community]));
    for (const c of api.communities) {
      const region = regions.find((r) => r.name === c.name)!;
      for (const t of region.themes) expect(byCommunity.get(t.id)).toBe(c.id);
    }
    const legend = (await page.getByTestId('map-legend').textContent()) ?? '';
    expect(legend).toContain(api.communities[0]!.name);

    const sizes = () =>
      page.evaluate(() =>
        Object.fromEntries(
          window
            .threadline!.debug.mapCy()
            .nodes('.theme')
            .map((n) => [n.id(), n.data('size') as number]),
        ),
      );
    const byReviews = await sizes();
    let version = await mapVersion(page);
    await page.getByTestId('size-by').selectOption('pageRank');
    await page.waitForFunction((v) => Number(document.body.dataset.mapVersion) > v, version);
    const top = [...api.nodes].sort((a, b) => b.pageRank - a.pageRank)[0]!;
    const byPageRank = await sizes();
    expect(byPageRank).not.toEqual(byReviews);
    expect(byPageRank[top.id]).toBe(Math.max(...Object.values(byPageRank)));

    version = await mapVersion(page);
    await page.getByTestId('bridges').click();
    await page.waitForFunction((v) => Number(document.body.dataset.mapVersion) > v, version);
    const bridges = await page.evaluate(() =>
      window
        .threadline!.debug.mapCy()
        .nodes('.bridge')
        .map((n) => n.data('label') as string),
    );
    // The seeds' network has bridging themes; the small sample's communities may have none.
    if (corpus.dir === seedsDir) expect(bridges.length).toBeGreaterThan(0);
    const list = (await page.getByTestId('bridges-list').textContent()) ?? '';
    for (const label of bridges) expect(list).toContain(label);
    expect(page.url()).toContain('bridges=1');
    await page.close();
  });

  it('labels the most important themes with no label over another label or a circle, at the desk and on a projector', async () => {
    const page = await open();
    const desk = await labelLayout(page);
    expect(desk.labels.filter((l) => !l.region).length).toBeGreaterThanOrEqual(6);
    expectNoOverlaps(desk);
    for (const factor of [1.6, 1.6]) {
      await page.evaluate((f) => {
        const cy = window.threadline!.debug.mapCy();
        cy.zoom({ level: cy.zoom() * f, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
      }, factor);
      await page.waitForTimeout(300);
      expectNoOverlaps(await labelLayout(page));
    }
    await page.close();

    const room = await context.newPage();
    await room.setViewportSize({ width: 1920, height: 1080 });
    await room.goto(`${app.url}/?present=1`);
    await mapSettled(room);
    await room.waitForTimeout(600);
    const projector = await labelLayout(room);
    expect(projector.labels.length).toBeGreaterThan(5);
    for (const l of projector.labels) expect(l.font).toBeGreaterThanOrEqual(18);
    expectNoOverlaps(projector);
    await room.close();
  });

  it('opens exactly the link clicked, for twenty links picked at random (every link of a smaller map)', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1920, height: 1200 });
    // The seeds give twenty links at the suggestive setting; the smaller sample may need another setting,
    // and every pair can crowd the map, so the setting with the most clickable links is used.
    let candidates: ClickPoint[] = [];
    let level = 'suggestive';
    for (const links of ['suggestive', 'significant', 'all']) {
      await page.goto(`${app.url}/?links=${links}`);
      await mapSettled(page);
      const found = await page.evaluate<ClickPoint[]>(CLICK_POINTS);
      if (found.length > candidates.length) {
        candidates = found;
        level = links;
      }
      if (candidates.length >= 20) break;
    }
    if (new URL(page.url()).searchParams.get('links') !== level) {
      await page.goto(`${app.url}/?links=${level}`);
      await mapSettled(page);
    }
    const map = (await page.getByTestId('map').boundingBox())!;
    expect(candidates.length).toBeGreaterThanOrEqual(corpus.dir === seedsDir ? 20 : 10);
    const chosen = seededShuffle(candidates, 7).slice(0, 20);
    for (const { id } of chosen) {
      await page.keyboard.press('Escape');
      await page.waitForTimeout(250);
      const point = (await page.evaluate<ClickPoint[]>(CLICK_POINTS)).find((c) => c.id === id);
      expect(point, `link ${id} is still clickable`).toBeDefined();
      await page.mouse.move(map.x + point!.x, map.y + point!.y);
      await expect
        .poll(() =>
          page.evaluate((e) => window.threadline!.debug.mapCy().getElementById(e).hasClass('hover'), id),
        )
        .toBe(true);
      await page.mouse.click(map.x + point!.x, map.y + point!.y);
      await expect
        .poll(() => new URL(page.url()).searchParams.get('link')?.split('|').sort().join('|'))
        .toBe(id);
      await page.getByTestId('link-panel').waitFor();
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('panel').isHidden()).toBe(true);
    await page.close();
  });

  it('presents room-safe by default: no pseudonym on screen, in the exports or in the copied queries', async () => {
    const { cases } = await graphql<{ cases: { edges: Array<{ node: { child: string | null } }> } }>(
      app.url,
      '{ cases(first: 100) { edges { node { child } } } }',
    );
    const pseudonyms = [...new Set(cases.edges.flatMap((e) => (e.node.child ? [e.node.child] : [])))].filter(
      (c) => c.length > 2,
    );
    expect(pseudonyms.length).toBeGreaterThan(0);
    const named = (text: string) =>
      pseudonyms.filter((p) => new RegExp(`(?<![\\p{L}])${escapeRegExp(p)}(?![\\p{L}])`, 'u').test(text));
    const page = await context.newPage();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${app.url}/`);
    await mapSettled(page);
    await page.getByTestId('present-menu').click();
    await page.getByTestId('present').click();
    await page.waitForFunction(() => document.querySelector('.app')?.classList.contains('presenting'));
    expect(await page.getByTestId('room-safe').isChecked()).toBe(true);
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await page.getByTestId('present-caption').locator('blockquote').waitFor();
    expect(named(await page.content())).toEqual([]);
    const header = (await page.locator('.present-header').textContent()) ?? '';
    expect(header).toContain('Room-safe');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('.app')?.classList.contains('presenting'));
    expect(named(await page.content())).toEqual([]);

    const floor = 3;
    const model = await page.evaluate(() => window.threadline!.debug.model());
    for (const n of model.nodes) expect(n.weight).toBeGreaterThanOrEqual(floor);
    for (const e of model.edges) expect(e.weight).toBeGreaterThanOrEqual(floor);
    const save = async (testid: string) => {
      await page.getByTestId('export-menu').click();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
      return readFileSync((await download.path())!).toString('utf8');
    };
    for (const file of ['export-graph.graphml', 'export-graph.gexf']) {
      const xml = await save(file);
      expect(xml.match(/<node /g)?.length ?? 0).toBe(model.nodes.length);
      expect(xml.match(/<edge /g)?.length ?? 0).toBe(model.edges.length);
      expect(xml).toContain('Room-safe');
      expect(named(xml)).toEqual([]);
    }
    const copied = async (testid: string) => {
      await page.getByTestId('share-menu').click();
      await page.getByTestId(testid).click();
      const text = await page.getByTestId('share-text').inputValue();
      await page.keyboard.press('Escape');
      return text;
    };
    const gql = await copied('share-graphql');
    const variables = JSON.parse(gql.slice(gql.indexOf('# variables') + '# variables'.length));
    expect(variables.minShared).toBeGreaterThanOrEqual(floor);
    expect(gql).not.toMatch(/\b(child|title|quote)\b/);
    const answer = await graphql<Analytic>(app.url, ANALYTIC, variables);
    expect(answer.themeNetwork.edges.length).toBe(model.edges.length);
    const py = await copied('share-python');
    expect(py).toContain(`if n["weight"] >= ${floor}`);
    if (python) {
      const file = join(tmpdir(), `threadline-safe-${process.pid}.py`);
      writeFileSync(file, py);
      const result = spawnSync('python3', [file], { encoding: 'utf8', timeout: 30_000 });
      expect(result.stderr).toBe('');
      expect(result.stdout).toContain(`${model.nodes.length} themes, ${model.edges.length} links`);
    }
    await page.close();
  });

  it('exports an SVG whose labels overlap neither each other nor a circle, with legend and caption', async () => {
    const page = await open();
    await page.getByTestId('export-menu').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-svg').click(),
    ]);
    const svg = readFileSync((await download.path())!).toString('utf8');
    const view = await context.newPage();
    await view.setContent(svg);
    const drawn = await view.evaluate<SvgLayout>(SVG_LAYOUT);
    expect(drawn.labels.length).toBeGreaterThanOrEqual(10);
    expect(drawn.text).toContain('Communities');
    expect(drawn.text).toContain('Significant: links shared by 2+ reviews');
    for (let i = 0; i < drawn.labels.length; i++) {
      const a = drawn.labels[i]!;
      for (let j = i + 1; j < drawn.labels.length; j++)
        expect(boxesOverlap(a, drawn.labels[j]!, 0.5)).toBe(false);
      for (const c of drawn.circles) {
        const touching = boxTouches(a, c, 0.5);
        if (touching) expect(c.own, `the label of node ${a.text} is over another circle`).toBe(a.text);
      }
    }
    await view.close();
    await page.close();
  });

  it('closes the panel with Esc, lights up the themes of an open review and explains an unknown id', async () => {
    const page = await open('/?theme=no-such-theme');
    const missing = page.getByTestId('not-found');
    await missing.waitFor();
    expect(await missing.textContent()).toContain('no theme "no-such-theme"');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('panel').isHidden()).toBe(true);
    expect(new URL(page.url()).searchParams.get('theme')).toBeNull();

    const heaviest = [...whole.nodes].sort((a, b) => b.weight - a.weight)[0]!;
    await page.getByTestId('node-row').first().locator('button').click();
    await page.getByTestId('theme-panel').waitFor();
    expect(await page.getByTestId('theme-panel').getAttribute('data-theme-id')).toBe(heaviest.id);
    await page.getByTestId('review-link').first().click();
    await page.getByTestId('review-panel').waitFor();
    await expect
      .poll(() => page.evaluate(() => window.threadline!.debug.mapCy().nodes('.lit').length))
      .toBeGreaterThan(0);
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

const ANALYTIC = `query($filter: CaseFilter, $minShared: Int, $minLift: Float, $maxP: Float) {
  themeNetwork(filter: $filter, minShared: $minShared, minLift: $minLift, maxP: $maxP) {
    candidateEdges
    omitted { total belowMinShared belowMinLift aboveMaxP }
    communities { id name }
    nodes { id label weight pageRank community }
    edges { source target weight }
  }
}`;

interface Analytic {
  themeNetwork: {
    candidateEdges: number;
    omitted: { total: number; belowMinShared: number; belowMinLift: number; aboveMaxP: number };
    communities: Array<{ id: number; name: string }>;
    nodes: Array<{ id: string; label: string; weight: number; pageRank: number; community: number | null }>;
    edges: Array<{ source: string; target: string; weight: number }>;
  };
}

interface Rect {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

interface LabelLayout {
  labels: Array<Rect & { id: string; region: boolean; font: number }>;
  circles: Array<{ id: string; x: number; y: number; r: number }>;
}

/**
 * The labels drawn on the map, measured from the rendered page: every node whose label shows (region
 * names and theme labels), its box in screen pixels and its rendered font size, and every theme circle.
 * A string, so that the test runner's transforms never reach the page.
 */
const LABEL_LAYOUT = `(() => {
  const cy = window.threadline.debug.mapCy();
  const z = cy.zoom();
  const pan = cy.pan();
  const labels = cy.nodes().filter((n) => !n.hasClass('quiet') && !n.hasClass('faded')).map((n) => {
    const b = n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
    return { id: n.id(), region: n.isParent(), font: parseFloat(n.style('font-size')) * z,
      x1: b.x1 * z + pan.x, y1: b.y1 * z + pan.y, x2: b.x2 * z + pan.x, y2: b.y2 * z + pan.y };
  });
  const circles = cy.nodes('.theme').map((n) => {
    const p = n.renderedPosition();
    return { id: n.id(), x: p.x, y: p.y, r: n.renderedWidth() / 2 };
  });
  return { labels, circles };
})()`;

async function labelLayout(page: Page): Promise<LabelLayout> {
  return page.evaluate<LabelLayout>(LABEL_LAYOUT);
}

function boxesOverlap(a: Rect, b: Rect, slack: number): boolean {
  return a.x1 + slack < b.x2 && b.x1 + slack < a.x2 && a.y1 + slack < b.y2 && b.y1 + slack < a.y2;
}

function boxTouches(box: Rect, c: { x: number; y: number; r: number }, slack: number): boolean {
  const nx = Math.max(box.x1, Math.min(c.x, box.x2));
  const ny = Math.max(box.y1, Math.min(c.y, box.y2));
  return Math.hypot(nx - c.x, ny - c.y) < c.r - slack;
}

function expectNoOverlaps(layout: LabelLayout): void {
  const { labels, circles } = layout;
  for (let i = 0; i < labels.length; i++) {
    const a = labels[i]!;
    for (let j = i + 1; j < labels.length; j++) {
      const b = labels[j]!;
      expect(boxesOverlap(a, b, 0.5), `labels of ${a.id} and ${b.id} overlap`).toBe(false);
    }
    for (const c of circles) {
      if (c.id === a.id) continue;
      expect(boxTouches(a, c, 0.5), `the label of ${a.id} covers the circle of ${c.id}`).toBe(false);
    }
  }
}

interface ClickPoint {
  id: string;
  x: number;
  y: number;
}

/**
 * For every link on the map, a point on its line that is on the map (not under a control), clear of every
 * circle and at least 10 px from every other line: where a person would click to mean that link.
 */
const CLICK_POINTS = `(() => {
  const cy = window.threadline.debug.mapCy();
  const canvas = document.querySelector('[data-testid="map"]').getBoundingClientRect();
  const circles = cy.nodes('.theme').map((n) => ({ p: n.renderedPosition(), r: n.renderedWidth() / 2 }));
  const lines = cy.edges().map((e) => ({ id: [e.data('source'), e.data('target')].sort().join('|'),
    a: e.source().renderedPosition(), b: e.target().renderedPosition() }));
  const distance = (p, a, b) => {
    const dx = b.x - a.x, dy = b.y - a.y, l = dx * dx + dy * dy;
    const t = l === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / l));
    return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
  };
  const out = [];
  for (const line of lines) {
    for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
      const p = { x: line.a.x + (line.b.x - line.a.x) * t, y: line.a.y + (line.b.y - line.a.y) * t };
      if (p.x < 10 || p.y < 10 || p.x > cy.width() - 10 || p.y > cy.height() - 10) continue;
      const under = document.elementFromPoint(canvas.left + p.x, canvas.top + p.y);
      if (!under || !under.closest('[data-testid="map"]')) continue;
      if (circles.some((c) => Math.hypot(c.p.x - p.x, c.p.y - p.y) < c.r + 6)) continue;
      if (lines.some((o) => o !== line && distance(p, o.a, o.b) < 10)) continue;
      out.push({ id: line.id, x: p.x, y: p.y });
      break;
    }
  }
  return out;
})()`;

/** A fixed shuffle, so the twenty links are the same on every run. */
function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

interface SvgLayout {
  text: string;
  labels: Array<Rect & { text: string }>;
  circles: Array<{ x: number; y: number; r: number; own: string }>;
}

/** The exported SVG's label boxes and circles, in page pixels, as the browser laid them out. */
const SVG_LAYOUT = `(() => {
  const svg = document.querySelector('svg');
  const box = (el) => { const r = el.getBoundingClientRect(); return { x1: r.left, y1: r.top, x2: r.right, y2: r.bottom }; };
  const labels = [...svg.querySelectorAll('text.label, text.region-label')].map((t) => ({ ...box(t), text: t.dataset.node }));
  const circles = [...svg.querySelectorAll('ellipse')].map((e) => { const b = box(e); return { x: (b.x1 + b.x2) / 2, y: (b.y1 + b.y2) / 2, r: (b.x2 - b.x1) / 2, own: e.dataset.node }; });
  return { text: svg.textContent, labels, circles };
})()`;

async function setRange(page: Page, testid: string, value: number): Promise<void> {
  await page.getByTestId(testid).evaluate((el, v) => {
    const input = el as HTMLInputElement;
    input.value = String(v);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, value);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
