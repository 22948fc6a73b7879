/**
 * The recommendations view in a real browser against the real server: the matrix's counts are the API's
 * for the same filters, a cell (clicked, or reached and opened with the keyboard) lists its recommendations
 * quoted verbatim from their sources, the address keeps the view's settings and the open cell, room-safe
 * hides small counts and names no child, the exports and copied queries give what the view shows, the
 * recurring asks are listed with their reviews, and the page reflows at 200% and 400% zoom.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AskedRecommendation,
  RecommendationMatrix,
  RecurringRecommendations,
} from '../../web/src/api/analytics-queries.ts';
import {
  ADMIN_TOKEN,
  chromiumPresent,
  corpusText,
  ensureBuilt,
  graphql,
  launchBrowser,
  publishScreenshot,
  type RunningApp,
  screenshotsDir,
  startApp,
} from './harness.ts';

const MATRIX = `query($filter: CaseFilter) {
  recommendationMatrix(filter: $filter) {
    population { reviews }
    total { recommendationCount reviewCount }
    rows { agency { id label } recommendationCount reviewCount }
    columns { theme { id label } recommendationCount reviewCount }
    cells { agency { id } theme { id } recommendationCount reviewCount }
  }
}`;

const FOR_CELL = `query($agency: ID, $noAgency: Boolean, $theme: ID, $noTheme: Boolean, $filter: CaseFilter) {
  recommendationsFor(agency: $agency, noAgency: $noAgency, theme: $theme, noTheme: $noTheme, filter: $filter, first: 50) {
    totalCount
    edges { node { id text evidence { sourceId quote start end } } }
  }
}`;

const RECURRING = `query($filter: CaseFilter, $minReviews: Int) {
  recurringRecommendations(filter: $filter, minReviews: $minReviews, first: 25) {
    totalCount
    edges { node { id representative reviewCount reviews(first: 100) { id title } } }
  }
}`;

const python = spawnSync('python3', ['--version']).status === 0;

type Cell = RecommendationMatrix['cells'][number];

const keyOf = (c: Cell) => `${c.agency?.id ?? ''}~${c.theme?.id ?? ''}`;

async function matrixOf(url: string, filter: object = {}): Promise<RecommendationMatrix> {
  return (await graphql<{ recommendationMatrix: RecommendationMatrix }>(url, MATRIX, { filter }))
    .recommendationMatrix;
}

async function cellOf(url: string, c: Cell, filter: object = {}): Promise<AskedRecommendation[]> {
  const vars = {
    filter,
    ...(c.agency ? { agency: c.agency.id } : { noAgency: true }),
    ...(c.theme ? { theme: c.theme.id } : { noTheme: true }),
  };
  const r = await graphql<{ recommendationsFor: { edges: Array<{ node: AskedRecommendation }> } }>(
    url,
    FOR_CELL,
    vars,
  );
  return r.recommendationsFor.edges.map((e) => e.node);
}

async function recurringOf(url: string, minReviews = 2): Promise<RecurringRecommendations> {
  return (
    await graphql<{ recurringRecommendations: RecurringRecommendations }>(url, RECURRING, {
      filter: {},
      minReviews,
    })
  ).recurringRecommendations;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A fictional document of three reviews that make the same ask in near-identical words. */
const RECURRING_DOC = `[Fictional sample document, written for demonstration. Every review, child, area and event in it is invented.]

Wyndale Learning Network – Case reviews by year, 2019 to 2022

A yearly list of local reviews shared with the network. Each entry gives the year of publication, the area and the name used for the child.

2019 - Wyndale - Child Q

Serious harm to a 3-month-old girl in 2018 from bruising that was not explained. The family had moved between two areas.
Learning: the health visitor saw a bruise but did not refer; records did not follow the family when they moved.
Recommendations: health visitors to refer every bruise seen on a baby who is not yet mobile to children's social care the same day.
Keywords: physical abuse; infants; bruising; cross-boundary transfer

2020 - Marlow Fen - Tilly

Death of a 5-month-old girl in 2019 from a head injury. A small bruise had been seen at a baby clinic two weeks earlier.
Learning: the bruise was put down to the baby rolling, which she could not yet do; nobody spoke to the father.
Recommendations: health visitors to refer every bruise seen on a baby who is not yet mobile to children's social care on the same day.
Keywords: physical abuse; infants; bruising; hidden men

2022 - Stonebridge - Child W

Serious harm to a 2-month-old boy in 2021 from fractures found after a bruise to his cheek.
Learning: the bruising protocol was not known to the GP practice; the referral was made two days late.
Recommendations: GPs and health visitors to refer every bruise seen on a baby who is not yet mobile to children's social care the same day.
Keywords: physical abuse; infants; bruising; primary care
`;

describe.skipIf(!chromiumPresent)('the recommendations view', { timeout: 120_000 }, () => {
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
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

  async function open(path: string, on = context): Promise<Page> {
    const page = await on.newPage();
    await page.goto(`${app.url}${path}`);
    await drawn(page, 0);
    return page;
  }

  async function drawn(page: Page, after: number): Promise<number> {
    const handle = await page.waitForFunction(
      (v) => {
        const n = Number(
          document.querySelector<HTMLElement>('[data-testid="recommendations-view"]')?.dataset.version ?? 0,
        );
        return n > v ? n : false;
      },
      after,
      { timeout: 30_000 },
    );
    return Number(await handle.jsonValue());
  }

  async function version(page: Page): Promise<number> {
    return page.evaluate(() =>
      Number(
        document.querySelector<HTMLElement>('[data-testid="recommendations-view"]')?.dataset.version ?? 0,
      ),
    );
  }

  /** The cells drawn, as key → count of reviews printed. */
  async function drawnCells(page: Page): Promise<Map<string, string>> {
    const pairs = await page
      .locator('.rec-cell')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('data-cell') ?? '', e.textContent ?? '']));
    return new Map(pairs as Array<[string, string]>);
  }

  /** The cell asked of an agency about a theme by the most reviews. */
  function busiestCell(matrix: RecommendationMatrix): RecommendationMatrix['cells'][number] {
    const named = matrix.cells.filter((c) => c.agency && c.theme);
    return [...named].sort((a, b) => b.reviewCount - a.reviewCount)[0]!;
  }

  async function panelReady(page: Page): Promise<void> {
    await page.waitForFunction(
      () => {
        const state = document.querySelector<HTMLElement>('[data-testid="rec-cell-panel"]')?.dataset.state;
        return state === 'ready' || state === 'hidden' || state === 'empty';
      },
      null,
      { timeout: 30_000 },
    );
  }

  it("draws every agency × theme cell with the API's count of reviews, under the filters", async () => {
    for (const [path, filter] of [
      ['/?view=recommendations', {}],
      ['/?view=recommendations&harm=physical-abuse', { harmTypes: ['physical-abuse'] }],
    ] as const) {
      const page = await open(path);
      const api = await matrixOf(app.url, filter);
      const cells = await drawnCells(page);
      const nonEmpty = api.cells.filter((c) => c.recommendationCount > 0);
      expect(nonEmpty.length).toBeGreaterThan(0);
      expect(cells.size).toBe(nonEmpty.length);
      for (const c of nonEmpty) expect(cells.get(keyOf(c)), keyOf(c)).toBe(String(c.reviewCount));
      // Rows are themes and columns agencies, in the API's order.
      const rows = await page
        .locator('.rec-matrix tbody tr')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-row')));
      expect(rows).toEqual(api.columns.map((c) => c.theme?.id ?? ''));
      const status = (await page.getByTestId('recommendations-status').textContent()) ?? '';
      expect(status).toContain(
        `${api.total.recommendationCount} recommendations from ${api.total.reviewCount} of the ${api.population.reviews} reviews`,
      );
      await page.close();
    }
  });

  it('opens the recommendations of a cell, quoted verbatim with their source and offsets', async () => {
    const api = await matrixOf(app.url);
    const busiest = [...api.cells]
      .filter((c) => c.agency && c.theme)
      .sort((a, b) => b.recommendationCount - a.recommendationCount)[0]!;
    const page = await open('/?view=recommendations');
    await page.locator(`.rec-cell[data-cell="${keyOf(busiest)}"]`).click();
    await panelReady(page);
    expect(new URL(page.url()).searchParams.get('rcell')).toBe(keyOf(busiest));
    const expected = await cellOf(app.url, busiest);
    expect(expected.length).toBe(busiest.recommendationCount);
    const panel = page.getByTestId('rec-cell-panel');
    const quotes = await panel.locator('blockquote[data-testid="quote"]').allTextContents();
    expect(quotes).toEqual(expected.map((r) => r.evidence.quote));
    const text = corpusText();
    for (const q of quotes) expect(text).toContain(q);
    const offsets = await panel.locator('.offsets').allTextContents();
    expect(offsets).toEqual(expected.map((r) => ` · characters ${r.evidence.start}–${r.evidence.end}`));
    expect(await panel.locator('h3').textContent()).toContain(
      api.rows.find((r) => r.agency?.id === busiest.agency!.id)!.agency!.label,
    );
    if (process.env.THREADLINE_DOCS_SCREENSHOTS === '1') {
      const shot = join(screenshotsDir, 'recommendations.png');
      await page.waitForTimeout(400);
      await page.screenshot({ path: shot });
      publishScreenshot(shot, 'recommendations.png');
    }
    // The heading takes the focus; Escape closes and gives it back to the cell.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('rec-cell-title');
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-cell'))).toBe(keyOf(busiest));
    expect(new URL(page.url()).searchParams.get('rcell')).toBeNull();
    await page.close();
  });

  it('is one stop for the Tab key: arrows move between cells, Enter and Space open one', async () => {
    const page = await open('/?view=recommendations');
    expect(await page.locator('.rec-cell[tabindex="0"]').count()).toBe(1);
    // The first cell of a row with more than one.
    const start = await page.evaluate(() => {
      const rows = [...document.querySelectorAll('.rec-matrix tbody tr')];
      const row = rows.find((r) => r.querySelectorAll('.rec-cell').length > 1);
      return row?.querySelector('.rec-cell')?.getAttribute('data-cell') ?? null;
    });
    expect(start).toBeTruthy();
    await page.locator(`.rec-cell[data-cell="${start}"]`).focus();
    await page.keyboard.press('ArrowRight');
    const moved = await page.evaluate(() => document.activeElement?.getAttribute('data-cell'));
    expect(moved).toBeTruthy();
    expect(moved).not.toBe(start);
    await page.keyboard.press('Enter');
    await panelReady(page);
    expect(new URL(page.url()).searchParams.get('rcell')).toBe(moved);
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowDown');
    const below = await page.evaluate(() => document.activeElement?.getAttribute('data-cell'));
    expect(below).not.toBe(moved);
    await page.keyboard.press(' ');
    await panelReady(page);
    expect(new URL(page.url()).searchParams.get('rcell')).toBe(below);
    expect(await page.locator(`.rec-cell[data-cell="${below}"]`).getAttribute('aria-expanded')).toBe('true');
    await page.close();
  });

  it('keeps the rows, the recurring minimum and the open cell in the address, and reopens them from it', async () => {
    const page = await open('/?view=recommendations');
    let v = await version(page);
    await page.getByTestId('rec-rows').selectOption('agencies');
    v = await drawn(page, v);
    await page.getByTestId('rec-min').selectOption('3');
    await drawn(page, v);
    const api = await matrixOf(app.url);
    const cell = api.cells.find((c) => c.agency && c.theme)!;
    await page.locator(`.rec-cell[data-cell="${keyOf(cell)}"]`).click();
    await panelReady(page);
    const url = new URL(page.url());
    expect(url.searchParams.get('view')).toBe('recommendations');
    expect(url.searchParams.get('rrows')).toBe('agencies');
    expect(url.searchParams.get('rmin')).toBe('3');
    expect(url.searchParams.get('rcell')).toBe(keyOf(cell));
    await page.close();

    const again = await open(`${url.pathname}${url.search}`);
    await panelReady(again);
    expect(await again.getByTestId('rec-rows').inputValue()).toBe('agencies');
    expect(await again.getByTestId('rec-min').inputValue()).toBe('3');
    const rows = await again
      .locator('.rec-matrix tbody tr')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-row')));
    expect(rows).toEqual(api.rows.map((r) => r.agency?.id ?? ''));
    expect(await again.getByTestId('rec-item').count()).toBe(cell.recommendationCount);
    // The open cell is the one the Tab key stops at.
    expect(
      await again
        .locator('.rec-cell[tabindex="0"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-cell'))),
    ).toEqual([keyOf(cell)]);
    await again.close();
  });

  it('hides counts under the room-safe threshold and names no child, in the view and the copied query', async () => {
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
    const api = await matrixOf(app.url);
    const busiest = busiestCell(api);
    // The threshold the busiest cell still clears: 3 on the seeds, 2 on the small bundled sample.
    const min = Math.min(3, busiest.reviewCount);
    expect(min).toBeGreaterThanOrEqual(2);
    const page = await open(
      `/?view=recommendations&safe=1&safemin=${min}&rcell=${encodeURIComponent(keyOf(busiest))}`,
    );
    await panelReady(page);
    const cells = await drawnCells(page);
    for (const c of api.cells.filter((x) => x.recommendationCount > 0))
      expect(cells.get(keyOf(c))).toBe(c.reviewCount < min ? `<${min}` : String(c.reviewCount));
    const status = (await page.getByTestId('recommendations-status').textContent()) ?? '';
    expect(status).toContain(`Room-safe: counts under ${min} are hidden.`);
    expect(await page.getByTestId('rec-item').count()).toBe(Math.min(50, busiest.recommendationCount));
    const reviews = await page.getByTestId('rec-review').allTextContents();
    for (const r of reviews) expect(r).toMatch(/^A child \(/);
    expect(named(await page.content())).toEqual([]);

    // A cell under the threshold lists nothing.
    const small = api.cells.find((c) => c.agency && c.theme && c.reviewCount > 0 && c.reviewCount < min);
    if (small) {
      await page.locator(`.rec-cell[data-cell="${keyOf(small)}"]`).click();
      await expect.poll(() => page.getByTestId('rec-cell-panel').getAttribute('data-state')).toBe('hidden');
      expect(await page.getByTestId('rec-item').count()).toBe(0);
    }

    await page.getByTestId('recommendations-share').click();
    await page.getByTestId('recommendations-share-graphql').click();
    const snippet = await page.getByTestId('view-share-text').inputValue();
    const query = snippet.slice(snippet.indexOf('query '), snippet.indexOf('# variables')).trim();
    expect(query).not.toMatch(/\b(child|title|quote|text|representative)\b/);
    const variables = JSON.parse(snippet.slice(snippet.indexOf('# variables') + '# variables'.length));
    const copied = await graphql<{ recommendationMatrix: RecommendationMatrix }>(app.url, query, variables);
    expect(copied.recommendationMatrix.cells.length).toBe(api.cells.length);
    await page.keyboard.press('Escape');
    await page.close();
  });

  it('exports the matrix it draws as PNG, SVG and CSV, and copies the same answer as GraphQL', async () => {
    const page = await open('/?view=recommendations');
    const api = await matrixOf(app.url);
    const cells = api.cells.filter((c) => c.recommendationCount > 0);
    const save = async (testid: string) => {
      await page.getByTestId('recommendations-export').click();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
      return readFileSync((await download.path())!);
    };
    const png = await save('recommendations-export-png');
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const svg = (await save('recommendations-export-svg')).toString('utf8');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror') !== null,
        marks: doc.querySelectorAll('rect title').length,
      };
    }, svg);
    expect(parsed).toEqual({ error: false, marks: cells.length });
    const csv = (await save('recommendations-export-csv')).toString('utf8').split('\r\n').filter(Boolean);
    expect(csv[0]).toBe('kind,agency_id,agency_label,theme_id,theme_label,recommendations,reviews');
    const cellRows = csv.filter((l) => l.startsWith('cell,'));
    expect(cellRows.length).toBe(cells.length);
    expect(csv.at(-1)).toBe(`total,,,,,${api.total.recommendationCount},${api.total.reviewCount}`);

    await page.getByTestId('recommendations-share').click();
    await page.getByTestId('recommendations-share-graphql').click();
    const snippet = await page.getByTestId('view-share-text').inputValue();
    const query = snippet.slice(snippet.indexOf('query '), snippet.indexOf('# variables')).trim();
    const variables = JSON.parse(snippet.slice(snippet.indexOf('# variables') + '# variables'.length));
    const copied = await graphql<{ recommendationMatrix: RecommendationMatrix }>(app.url, query, variables);
    expect(copied.recommendationMatrix.cells.map(keyOf)).toEqual(api.cells.map(keyOf));
    await page.keyboard.press('Escape');

    if (python) {
      await page.getByTestId('recommendations-share').click();
      await page.getByTestId('recommendations-share-python').click();
      const file = join(tmpdir(), `threadline-recommendations-${process.pid}.py`);
      writeFileSync(file, await page.getByTestId('view-share-text').inputValue());
      const result = spawnSync('python3', [file], { encoding: 'utf8', timeout: 30_000 });
      expect(result.stderr).toBe('');
      const lines = result.stdout.trim().split('\n');
      expect(lines[0]).toBe(
        `${api.total.recommendationCount} recommendations from ${api.total.reviewCount} reviews`,
      );
      expect(lines.length).toBe(1 + api.cells.length + 1 + (await recurringOf(app.url)).edges.length);
    }
    await page.close();
  });

  it('is a storyboard scene like any view: presented room-safe, with its open cell', async () => {
    const api = await matrixOf(app.url);
    const busiest = busiestCell(api);
    const { cases } = await graphql<{ cases: { edges: Array<{ node: { child: string | null } }> } }>(
      app.url,
      '{ cases(first: 100) { edges { node { child } } } }',
    );
    const pseudonyms = [...new Set(cases.edges.flatMap((e) => (e.node.child ? [e.node.child] : [])))].filter(
      (c) => c.length > 2,
    );
    const page = await open(`/?view=recommendations&rcell=${encodeURIComponent(keyOf(busiest))}`);
    await panelReady(page);
    await page.getByTestId('storyboard-button').click();
    const panel = page.getByTestId('storyboard-panel');
    await panel.waitFor();
    await page.getByTestId('story-add').click();
    expect(await panel.getByTestId('story-scene-title').first().inputValue()).toBe('Recommendations');
    await page.getByTestId('story-present').click();
    await page.waitForFunction(() => document.querySelector('.app')?.classList.contains('storyboarding'));
    await expect.poll(() => page.getByTestId('story-title').textContent()).toBe('Recommendations');
    const caption = (await page.getByTestId('story-caption').textContent()) ?? '';
    expect(caption).toContain('Room-safe: pseudonyms hidden');
    await expect.poll(() => new URL(page.url()).searchParams.get('safe')).toBe('1');
    await expect
      .poll(() => page.getByTestId('recommendations-status').textContent())
      .toContain('Room-safe: counts under 3 are hidden.');
    await panelReady(page);
    // Presentation hides counts under 3: a cell of fewer reviews lists nothing.
    const listed = busiest.reviewCount < 3 ? 0 : Math.min(50, busiest.recommendationCount);
    expect(await page.getByTestId('rec-item').count()).toBe(listed);
    const content = await page.content();
    for (const p of pseudonyms)
      expect(new RegExp(`(?<![\\p{L}])${escapeRegExp(p)}(?![\\p{L}])`, 'u').test(content), p).toBe(false);
    await page.keyboard.press('Escape');
    await page.close();
  });

  for (const [zoom, width, height] of [
    [2, 640, 360],
    [4, 320, 180],
  ] as const) {
    it(`reflows at ${zoom * 100}% zoom of a 1280 × 720 window: no sideways scrolling of the page`, async () => {
      const zoomed = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: zoom });
      const api = await matrixOf(app.url);
      const cell = api.cells.find((c) => c.agency && c.theme)!;
      const page = await open(`/?view=recommendations&rcell=${encodeURIComponent(keyOf(cell))}`, zoomed);
      await panelReady(page);
      const scroll = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      expect(scroll.scroll).toBeLessThanOrEqual(scroll.client);
      for (const selector of ['.rec-matrix-wrap', '.rec-cell-panel', '.rec-recurring']) {
        const box = await page.locator(selector).first().boundingBox();
        expect(box!.x, selector).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width, selector).toBeLessThanOrEqual(width + 0.5);
      }
      await zoomed.close();
    });
  }

  it('lists the asks several reviews make, with the reviews that made them', async () => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({
        query:
          'mutation($f: String!, $t: String) { ingestDocument(filename: $f, text: $t) { status sourceId } }',
        variables: { f: 'wyndale-network-reviews.txt', t: RECURRING_DOC },
      }),
    });
    const ingested = (await response.json()) as { data: { ingestDocument: { sourceId: string } } };
    const sourceId = ingested.data.ingestDocument.sourceId;
    expect(sourceId).toBeTruthy();
    try {
      const api = await recurringOf(app.url);
      expect(api.totalCount).toBeGreaterThan(0);
      const page = await open('/?view=recommendations');
      const asks = page.getByTestId('rec-ask');
      expect(await asks.count()).toBe(api.edges.length);
      expect(await asks.evaluateAll((els) => els.map((e) => e.getAttribute('data-reviews')))).toEqual(
        api.edges.map((e) => String(e.node.reviewCount)),
      );
      const ours = api.edges.findIndex((e) => (e.node.representative ?? '').includes('not yet mobile'));
      expect(ours).toBeGreaterThanOrEqual(0);
      const ask = asks.nth(ours);
      expect(await ask.locator('blockquote').textContent()).toBe(api.edges[ours]!.node.representative);
      await ask.locator('summary').click();
      expect(await ask.getByTestId('rec-ask-review').allTextContents()).toEqual(
        api.edges[ours]!.node.reviews.map((r) => r.title),
      );
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('rec-asks-csv').click(),
      ]);
      const csv = readFileSync((await download.path())!, 'utf8')
        .split('\r\n')
        .filter(Boolean);
      expect(csv.length - 1).toBe(api.edges.length);
      await page.close();

      // In a room the reviews are named by type and year only.
      const safe = await open('/?view=recommendations&safe=1&safemin=3');
      const safeAsk = safe.getByTestId('rec-ask').nth(ours);
      await safeAsk.locator('summary').click();
      for (const name of await safeAsk.getByTestId('rec-ask-review').allTextContents())
        expect(name).toMatch(/^A child \(/);
      expect(await safe.content()).not.toMatch(/\b(Tilly|Child Q|Child W)\b/);
      await safe.close();

      // Asks made in fewer reviews than chosen are not listed.
      const strict = await open('/?view=recommendations&rmin=5');
      const fewer = await recurringOf(app.url, 5);
      expect(await strict.getByTestId('rec-ask').count()).toBe(fewer.edges.length);
      await strict.close();
    } finally {
      await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
        body: JSON.stringify({
          query: 'mutation($id: ID!) { removeSource(id: $id) }',
          variables: { id: sourceId },
        }),
      });
    }
  });
});
