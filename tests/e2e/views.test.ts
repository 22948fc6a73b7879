/**
 * The trends and comparison views in a real browser against the real server loaded with the seed
 * documents: the numbers drawn are the API's for the same filters, the address keeps each view's state,
 * exports and "copy as GraphQL" give what the view shows, room-safe hides small counts, the page reflows
 * at 200% and 400% zoom, and the fictional sample is marked and removed in one action.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CohortComparison, ThemeTrends } from '../../web/src/api/analytics-queries.ts';
import { formatShare } from '../../web/src/views/common/format.ts';
import { sortTrends } from '../../web/src/views/trends/trend-model.ts';
import {
  ADMIN_TOKEN,
  chromiumPresent,
  corpus,
  ensureBuilt,
  graphql,
  launchBrowser,
  publishScreenshot,
  type RunningApp,
  repoRoot,
  screenshotsDir,
  seedsDir,
  startApp,
} from './harness.ts';

const TRENDS = `query($filter: CaseFilter, $by: YearBasis) {
  themeTrends(filter: $filter, by: $by) {
    population { reviews excluded { national unknownYear } }
    years
    themes { theme { id label } reviews firstYear lastYear direction slope slopeLow slopeHigh kendallS pValue
             years { year reviews total share } }
  }
}`;

const COMPARE = `query($a: CaseFilter!, $b: CaseFilter, $first: Int) {
  compareCohorts(a: $a, b: $b, first: $first) {
    a { reviews excluded { national unknownYear } } b { reviews excluded { national unknownYear } }
    overlap bIsRest totalCount
    features { kind id label a { count share } b { count share } ratio ratioLow ratioHigh zeroCorrected pValue smallCounts }
  }
}`;

const python = spawnSync('python3', ['--version']).status === 0;

async function trendsOf(url: string, filter: object, by = 'PUBLICATION'): Promise<ThemeTrends> {
  return (await graphql<{ themeTrends: ThemeTrends }>(url, TRENDS, { filter, by })).themeTrends;
}

async function comparisonOf(url: string, a: object, b: object | null): Promise<CohortComparison> {
  return (await graphql<{ compareCohorts: CohortComparison }>(url, COMPARE, { a, b, first: 50 }))
    .compareCohorts;
}

describe.skipIf(!chromiumPresent)('the trends and comparison views', { timeout: 120_000 }, () => {
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    mkdirSync(screenshotsDir, { recursive: true });
    await ensureBuilt();
    app = await startApp();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.stop();
  });

  async function open(path: string, view: 'trends' | 'compare', on = context): Promise<Page> {
    const page = await on.newPage();
    await page.goto(`${app.url}${path}`);
    await drawn(page, view, 0);
    return page;
  }

  async function drawn(page: Page, view: 'trends' | 'compare', after: number): Promise<number> {
    const handle = await page.waitForFunction(
      ([id, v]) => {
        const n = Number(
          document.querySelector<HTMLElement>(`[data-testid="${id}-view"]`)?.dataset.version ?? 0,
        );
        return n > Number(v) ? n : false;
      },
      [view, after] as const,
      { timeout: 30_000 },
    );
    return Number(await handle.jsonValue());
  }

  async function version(page: Page, view: 'trends' | 'compare'): Promise<number> {
    return page.evaluate(
      (id) => Number(document.querySelector<HTMLElement>(`[data-testid="${id}-view"]`)?.dataset.version ?? 0),
      view,
    );
  }

  it("draws each theme's share by year with the API's counts for the same filters", async () => {
    const page = await open('/?view=trends&harm=neglect', 'trends');
    const api = await trendsOf(app.url, { harmTypes: ['neglect'] });
    const expected = sortTrends(api.themes, 'strength').slice(0, 24);
    const cards = page.locator('.trend-card');
    expect(await cards.count()).toBe(expected.length);
    expect(await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-theme')))).toEqual(
      expected.map((t) => t.theme.id),
    );
    const status = (await page.getByTestId('trends-status').textContent()) ?? '';
    expect(status).toContain(`${api.population.reviews} reviews counted`);
    expect(status).toContain(`${api.population.excluded.unknownYear} `);
    for (const [i, t] of expected.slice(0, 6).entries()) {
      const hover = await cards.nth(i).locator('svg circle title').allTextContents();
      expect(hover).toEqual(
        t.years.map(
          (y) =>
            `${y.year}: ${y.reviews} of ${y.total} ${y.total === 1 ? 'review' : 'reviews'} (${formatShare(y.share)})`,
        ),
      );
      const sentence = (await cards.nth(i).getByTestId('trend-sentence').textContent()) ?? '';
      if (t.slope !== null && t.pValue !== null) {
        expect(sentence).toContain('Sen slope');
        expect(sentence).toContain('Mann–Kendall p');
        const points = Number((t.slope * 100).toFixed(1));
        expect(sentence).toContain(
          points === 0 ? 'slope 0 points' : `${Math.abs(points).toFixed(1)} points a year`,
        );
      }
    }
    const totals = await page.locator('.trend-totals svg rect title').allTextContents();
    expect(totals).toEqual(
      api.years.map((y) => `${y}: ${api.themes[0]!.years.find((r) => r.year === y)!.total} reviews`),
    );
    await page.close();
  });

  it('keeps the year basis and the order in the address, and reopens them from it', async () => {
    const page = await open('/?view=trends', 'trends');
    const file = join(screenshotsDir, 'trends.png');
    await page.screenshot({ path: file });
    publishScreenshot(file, 'trends.png');
    let v = await version(page, 'trends');
    await page.getByTestId('trends-sort').selectOption('falling');
    v = await drawn(page, 'trends', v);
    await page.getByTestId('trends-basis').selectOption('INCIDENT');
    await drawn(page, 'trends', v);
    const url = new URL(page.url());
    expect(url.searchParams.get('view')).toBe('trends');
    expect(url.searchParams.get('sort')).toBe('falling');
    expect(url.searchParams.get('by')).toBe('incident');
    await page.close();

    const again = await open(`${url.pathname}${url.search}`, 'trends');
    expect(await again.getByTestId('trends-sort').inputValue()).toBe('falling');
    expect(await again.getByTestId('trends-basis').inputValue()).toBe('INCIDENT');
    const api = await trendsOf(app.url, {}, 'INCIDENT');
    const ids = await again
      .locator('.trend-card')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-theme')));
    expect(ids).toEqual(
      sortTrends(api.themes, 'falling')
        .slice(0, 24)
        .map((t) => t.theme.id),
    );
    await again.close();
  });

  it('ranks every feature as the API does for infants against all other reviews, with small-count warnings', async () => {
    const page = await open('/?view=compare', 'compare');
    const api = await comparisonOf(app.url, { ageBands: ['UNDER_1'] }, null);
    const rows = page.locator('.compare-table tbody tr[data-feature]');
    expect(await rows.count()).toBe(api.features.length);
    expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-feature')))).toEqual(
      api.features.map((f) => `${f.kind}:${f.id}`),
    );
    for (const [i, f] of api.features.slice(0, 8).entries()) {
      const cells = await rows.nth(i).locator('td').allTextContents();
      expect(cells[0]).toBe(`${f.a.count} (${formatShare(f.a.share)})`);
      expect(cells[1]).toBe(`${f.b.count} (${formatShare(f.b.share)})`);
    }
    expect(await page.getByTestId('small-counts').count()).toBe(
      api.features.filter((f) => f.smallCounts || f.zeroCorrected).length,
    );
    const status = (await page.getByTestId('compare-status').textContent()) ?? '';
    expect(status).toContain(`${api.a.reviews} reviews`);
    expect(status).toContain(`${api.b.reviews} reviews`);
    const file = join(screenshotsDir, 'comparison.png');
    await page.screenshot({ path: file });
    publishScreenshot(file, 'comparison.png');

    // The first row opens the reviews behind its counts in both cohorts.
    const first = api.features[0]!;
    await rows.first().getByTestId('compare-open-reviews').click();
    const lists = page.locator('.compare-reviews').first().locator('.compare-review-list');
    await expect.poll(() => page.locator('.compare-reviews').first().locator('h4').count()).toBe(2);
    const counts = await lists.evaluateAll((els) => els.map((e) => e.children.length));
    const expected = [first.a.count, first.b.count].filter((n) => n > 0);
    expect(counts).toEqual(expected);
    await page.close();
  });

  it('compares deaths with serious harm from the address, and copies the same answer as GraphQL', async () => {
    const page = await open('/?view=compare&cmp=deaths&from=2016', 'compare');
    expect(await page.getByTestId('compare-preset').inputValue()).toBe('deaths');
    const api = await comparisonOf(
      app.url,
      { yearFrom: 2016, outcome: ['DEATH'] },
      { yearFrom: 2016, outcome: ['SERIOUS_HARM'] },
    );
    expect(
      await page
        .locator('.compare-table tbody tr[data-feature]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-feature'))),
    ).toEqual(api.features.map((f) => `${f.kind}:${f.id}`));

    await page.getByTestId('compare-share').click();
    await page.getByTestId('compare-share-graphql').click();
    const snippet = await page.getByTestId('view-share-text').inputValue();
    const query = snippet.slice(snippet.indexOf('query '), snippet.indexOf('# variables')).trim();
    const variables = JSON.parse(snippet.slice(snippet.indexOf('# variables') + '# variables'.length));
    const copied = await graphql<{ compareCohorts: CohortComparison }>(app.url, query, variables);
    expect(copied.compareCohorts.features.map((f) => f.id)).toEqual(api.features.map((f) => f.id));
    await page.keyboard.press('Escape');

    await page.getByTestId('compare-export').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('compare-export-csv').click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8')
      .split('\r\n')
      .filter(Boolean);
    expect(csv[0]).toBe(
      'kind,id,label,a_count,a_reviews,a_share,b_count,b_reviews,b_share,ratio,ratio_low,ratio_high,zero_corrected,p_value,small_counts',
    );
    expect(csv.length - 1).toBe(api.features.length);

    await page.getByTestId('compare-export').click();
    const [svgDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('compare-export-svg').click(),
    ]);
    const svg = readFileSync((await svgDownload.path())!, 'utf8');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror') !== null,
        marks: doc.querySelectorAll('rect title').length,
      };
    }, svg);
    expect(parsed).toEqual({ error: false, marks: api.features.length });
    await page.close();
  });

  it('exports the trends it draws as PNG, SVG and CSV', async () => {
    const page = await open('/?view=trends', 'trends');
    const api = await trendsOf(app.url, {});
    const shown = Math.min(24, api.themes.length);
    const save = async (testid: string) => {
      await page.getByTestId('trends-export').click();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
      return readFileSync((await download.path())!);
    };
    const png = await save('trends-export-png');
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const svg = (await save('trends-export-svg')).toString('utf8');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror') !== null,
        charts: doc.querySelectorAll('circle').length,
      };
    }, svg);
    expect(parsed.error).toBe(false);
    expect(parsed.charts).toBe(shown * api.years.length);
    const csv = (await save('trends-export-csv')).toString('utf8').split('\r\n').filter(Boolean);
    expect(csv[0]).toBe(
      'theme_id,theme,year,reviews_with_theme,reviews_that_year,share,direction,sen_slope_points_per_year,slope_low,slope_high,mann_kendall_p',
    );
    expect(csv.length - 1).toBe(shown * api.years.length);
    await page.close();
  });

  it.skipIf(!python)('hands a notebook user Python that prints the comparison on show', async () => {
    const page = await open('/?view=compare', 'compare');
    const api = await comparisonOf(app.url, { ageBands: ['UNDER_1'] }, null);
    await page.getByTestId('compare-share').click();
    await page.getByTestId('compare-share-python').click();
    const file = join(tmpdir(), `threadline-compare-${process.pid}.py`);
    writeFileSync(file, await page.getByTestId('view-share-text').inputValue());
    const result = spawnSync('python3', [file], { encoding: 'utf8', timeout: 30_000 });
    expect(result.stderr).toBe('');
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe(`A: ${api.a.reviews} reviews; B: ${api.b.reviews} reviews`);
    expect(lines.length - 1).toBe(api.features.length);
    expect(lines[1]).toContain(api.features[0]!.label);
    await page.close();
  });

  it('compares one area with the rest, and infants with the other reviews under the filters', async () => {
    const page = await open('/?view=compare&harm=neglect', 'compare');
    const features = () =>
      page
        .locator('.compare-table tbody tr[data-feature]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-feature')));
    const infants = await comparisonOf(
      app.url,
      { harmTypes: ['neglect'], ageBands: ['UNDER_1'] },
      { harmTypes: ['neglect'], not: { ageBands: ['UNDER_1'] } },
    );
    expect(await features()).toEqual(infants.features.map((f) => `${f.kind}:${f.id}`));
    expect(await page.getByTestId('compare-status').textContent()).toContain(`${infants.b.reviews} reviews`);

    let v = await version(page, 'compare');
    await page.getByTestId('compare-preset').selectOption('area');
    await expect.poll(() => page.locator('[data-testid="compare-area"] option').count()).toBeGreaterThan(1);
    const area = (await page.locator('[data-testid="compare-area"] option').nth(1).getAttribute('value'))!;
    await page.getByTestId('compare-area').selectOption(area);
    v = await drawn(page, 'compare', v);
    expect(new URL(page.url()).searchParams.get('area')).toBe(area);
    const api = await comparisonOf(
      app.url,
      { harmTypes: ['neglect'], partnerships: [area] },
      { harmTypes: ['neglect'], not: { partnerships: [area] } },
    );
    expect(await features()).toEqual(api.features.map((f) => `${f.kind}:${f.id}`));
    await page.close();
  });

  it('hides counts under the room-safe threshold in both views', async () => {
    const page = await open('/?view=compare&safe=1&safemin=3', 'compare');
    const api = await comparisonOf(app.url, { ageBands: ['UNDER_1'] }, null);
    const rows = page.locator('.compare-table tbody tr[data-feature]');
    for (const [i, f] of api.features.slice(0, 10).entries()) {
      const cells = await rows.nth(i).locator('td').allTextContents();
      expect(cells[0]).toBe(
        f.a.count > 0 && f.a.count < 3 ? 'fewer than 3 (—)' : `${f.a.count} (${formatShare(f.a.share)})`,
      );
    }
    await page.getByTestId('view-trends').click();
    await drawn(page, 'trends', 0);
    const hover = await page.locator('.trend-card').first().locator('svg title').allTextContents();
    expect(hover.length).toBeGreaterThan(0);
    for (const text of hover) {
      const m = /: (\d+) of (\d+)/.exec(text);
      if (m) expect(Number(m[1]) === 0 || Number(m[1]) >= 3).toBe(true);
    }
    await page.close();
  });

  for (const [zoom, width, height] of [
    [2, 640, 360],
    [4, 320, 180],
  ] as const) {
    it(`reflows at ${zoom * 100}% zoom of a 1280 × 720 window: no sideways scrolling, the drawing fits the window`, async () => {
      const zoomed = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: zoom });
      for (const path of ['/', '/?view=trends', '/?view=compare']) {
        const page = await zoomed.newPage();
        await page.goto(`${app.url}${path}`);
        if (path === '/')
          await page.waitForFunction(() => document.body.dataset.map === 'ready', null, {
            timeout: 30_000,
          });
        else await drawn(page, path.endsWith('trends') ? 'trends' : 'compare', 0);
        const scroll = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth,
        }));
        expect(scroll.scroll, path).toBeLessThanOrEqual(scroll.client);
        const main =
          path === '/' ? '#map-canvas' : path.endsWith('trends') ? '.trend-card' : '.compare-table-wrap';
        const box = await page.locator(main).first().boundingBox();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width).toBeLessThanOrEqual(width + 0.5);
        if (path === '/') {
          expect(box!.height).toBeLessThanOrEqual(height);
          // A theme opened from the list: its panel is as wide as the window, no wider.
          await page.locator('[data-testid="node-row"] .row-button').first().click();
          const panel = await page.locator('.panel').boundingBox();
          expect(panel!.x).toBeGreaterThanOrEqual(0);
          expect(panel!.x + panel!.width).toBeLessThanOrEqual(width + 0.5);
        }
        await page.close();
      }
      await zoomed.close();
    });
  }

  // Loads one sample document beside the seeds and removes it: with no seeds, the whole corpus is the sample.
  it.skipIf(corpus.dir !== seedsDir)(
    'marks the fictional sample in the header and the sources list, and removes it in one action',
    async () => {
      const file = 'review-library-bulletin-2024-04.txt';
      const text = readFileSync(join(repoRoot, 'ingest/sample/corpus', file), 'utf8');
      const response = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
        body: JSON.stringify({
          query:
            'mutation($f: String!, $t: String) { ingestDocument(filename: $f, text: $t) { status sourceId } }',
          variables: { f: file, t: text },
        }),
      });
      const ingested = (await response.json()) as { data: { ingestDocument: { sourceId: string } } };
      const sourceId = ingested.data.ingestDocument.sourceId;
      expect(sourceId).toBeTruthy();

      const page = await context.newPage();
      await page.goto(app.url);
      const badge = page.getByTestId('sample-badge');
      await expect.poll(() => badge.isVisible()).toBe(true);
      await badge.click();
      const marked = page.locator('[data-testid="source-list"] li[data-sample="true"]');
      expect(await marked.count()).toBe(1);
      expect(await marked.textContent()).toContain('Fictional sample');
      expect(await page.locator('[data-testid="source-list"] li').count()).toBeGreaterThan(1);
      await page.locator('#sample-admin-token').fill(ADMIN_TOKEN);
      await page.getByTestId('sample-remove').click();
      await expect
        .poll(() => page.getByTestId('sample-result').textContent())
        .toContain('Removed 1 sample document');
      await expect.poll(() => badge.isVisible()).toBe(false);
      const sources = await graphql<{ sources: Array<{ id: string }> }>(app.url, '{ sources { id } }');
      expect(sources.sources.map((s) => s.id)).not.toContain(sourceId);
      await page.close();
    },
  );
});
