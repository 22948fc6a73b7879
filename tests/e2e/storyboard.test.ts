/**
 * The facilitator's storyboard in a real browser against the real server loaded with the seed documents:
 * four scenes (a theme and its neighbours, trends, a comparison, a review's card) are built, saved as a
 * file, opened again after a reload, presented with the keyboard with no child's pseudonym on screen, and
 * printed one page per scene.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumPresent,
  ensureBuilt,
  graphql,
  launchBrowser,
  publishScreenshot,
  type RunningApp,
  screenshotsDir,
  startApp,
} from './harness.ts';

declare global {
  interface Window {
    /** What the page last put on the clipboard (the test records it instead of the system clipboard). */
    copied?: string[];
    printed?: number;
  }
}

describe.skipIf(!chromiumPresent)('the storyboard', { timeout: 180_000 }, () => {
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

  /** Shows a view the way the explorer follows an address (the back and forward buttons). */
  async function goTo(page: Page, query: string): Promise<void> {
    await page.evaluate((q) => {
      history.pushState(null, '', `${location.pathname}${q}`);
      window.dispatchEvent(new PopStateEvent('popstate'));
    }, query);
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

  it('builds four scenes, saves them, opens the file after a reload, presents them room-safe and prints a handout', async () => {
    const { cases } = await graphql<{
      cases: { edges: Array<{ node: { id: string; child: string | null } }> };
    }>(app.url, '{ cases(first: 100) { edges { node { id child } } } }');
    const pseudonyms = [...new Set(cases.edges.flatMap((e) => (e.node.child ? [e.node.child] : [])))].filter(
      (c) => c.length > 2,
    );
    expect(pseudonyms.length).toBeGreaterThan(0);
    const named = (text: string) =>
      pseudonyms.filter((p) => new RegExp(`(?<![\\p{L}])${escapeRegExp(p)}(?![\\p{L}])`, 'u').test(text));
    const review = cases.edges.find((e) => e.node.child && e.node.child.length > 2)!.node;

    const page = await context.newPage();
    await page.addInitScript(() => {
      window.copied = [];
      window.printed = 0;
      Object.defineProperty(navigator, 'clipboard', {
        value: { writeText: async (text: string) => void window.copied!.push(text) },
      });
      window.print = () => {
        window.printed = (window.printed ?? 0) + 1;
      };
    });
    await page.goto(`${app.url}/`);
    await mapSettled(page);
    const theme = await page.evaluate(() => window.threadline!.debug.model().nodes[0]!);

    // Four scenes, each the view on show when "Add this view" is pressed.
    await page.getByTestId('storyboard-button').click();
    const panel = page.getByTestId('storyboard-panel');
    await panel.waitFor();
    const views = [
      `?theme=${encodeURIComponent(theme.id)}`,
      '?view=trends',
      '?view=compare',
      `?case=${encodeURIComponent(review.id)}`,
    ];
    for (const query of views) {
      await goTo(page, query);
      await page.getByTestId('story-add').click();
    }
    const scenes = panel.getByTestId('story-scene');
    expect(await scenes.count()).toBe(4);
    const titles = panel.getByTestId('story-scene-title');
    expect(await titles.nth(0).inputValue()).toBe(`Theme map · focused on ${theme.label} and its neighbours`);
    expect(await titles.nth(1).inputValue()).toBe('Trends');
    expect(await titles.nth(3).inputValue()).toBe("Theme map · a review's card");

    // Titles and notes are edited in place; scenes are reordered with their own buttons.
    await titles.nth(3).fill('One review, in its own words');
    await panel.getByTestId('story-scene-notes').nth(0).fill('Ask the room which link surprises them.');
    await panel.getByRole('button', { name: 'Move scene 3 up' }).click();
    expect(await titles.nth(1).inputValue()).toBe('Compare');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Move scene 2 up',
    );
    await panel.getByRole('button', { name: 'Move scene 2 down' }).click();
    expect(await titles.nth(1).inputValue()).toBe('Trends');
    expect(await titles.nth(2).inputValue()).toBe('Compare');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('story-save').click(),
    ]);
    expect(download.suggestedFilename()).toBe('storyboard.threadline-story.json');
    const file = (await download.path())!;
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved['threadline-storyboard']).toBe(1);
    expect(saved.scenes.map((s: { state: string }) => s.state)).toEqual(views);

    // A file that is not a storyboard is refused with its reason; the saved one opens after a reload.
    await page.goto(`${app.url}/`);
    await mapSettled(page);
    await page.getByTestId('storyboard-button').click();
    expect(await panel.getByTestId('story-scene').count()).toBe(0);
    await page
      .getByTestId('story-file')
      .setInputFiles({ name: 'map.json', mimeType: 'application/json', buffer: Buffer.from('{"nodes":[]}') });
    await expect
      .poll(() => panel.getByTestId('story-status').textContent())
      .toContain('map.json was not opened');
    expect(await panel.getByTestId('story-status').textContent()).toContain('"threadline-storyboard"');
    await page.getByTestId('story-file').setInputFiles(file);
    await expect.poll(() => panel.getByTestId('story-scene').count()).toBe(4);
    expect(await titles.nth(3).inputValue()).toBe('One review, in its own words');
    expect(await panel.getByTestId('story-scene-notes').nth(0).inputValue()).toBe(
      'Ask the room which link surprises them.',
    );

    // Presenting: the keyboard steps through the four scenes, each room-safe, notes kept from the room.
    const before = page.url();
    await page.getByTestId('story-present').click();
    await page.waitForFunction(() => document.querySelector('.app')?.classList.contains('storyboarding'));
    expect(await page.locator('.topbar').isVisible()).toBe(false);
    const title = page.getByTestId('story-title');
    const caption = page.getByTestId('story-caption');
    const expectedTitles = await Promise.all([0, 1, 2, 3].map((i) => titles.nth(i).inputValue()));
    for (const [i, expected] of expectedTitles.entries()) {
      if (i > 0) await page.keyboard.press(i === 2 ? 'Space' : 'ArrowRight');
      await expect.poll(() => title.textContent()).toBe(expected);
      expect(await caption.textContent()).toContain('Room-safe: pseudonyms hidden');
      expect(new URL(page.url()).searchParams.get('safe')).toBe('1');
      if (i === 0) {
        await mapSettled(page);
        expect(new URL(page.url()).searchParams.get('theme')).toBe(theme.id);
        expect(await page.getByTestId('story-notes').isVisible()).toBe(false);
        await page.keyboard.press('n');
        expect(await page.getByTestId('story-notes').textContent()).toBe(
          'Ask the room which link surprises them.',
        );
        await page.keyboard.press('n');
        expect(await page.getByTestId('story-notes').isVisible()).toBe(false);
        if (process.env.THREADLINE_DOCS_SCREENSHOTS === '1') {
          const shot = join(screenshotsDir, 'storyboard-presentation.png');
          await page.waitForTimeout(800);
          await page.screenshot({ path: shot });
          publishScreenshot(shot, 'storyboard-presentation.png');
        }
      }
      if (i === 1) await page.getByTestId('trends-view').locator('.trend-card').first().waitFor();
      if (i === 2) await page.locator('.compare-table tbody tr[data-feature]').first().waitFor();
      if (i === 3) {
        const card = page.getByTestId('review-panel');
        await card.waitFor();
        await expect.poll(async () => (await card.textContent()) ?? '').toMatch(/A child \(/);
      }
      expect(named(await page.content())).toEqual([]);
    }

    // A view brought by the back and forward buttons while presenting is made room-safe too.
    await goTo(page, `?case=${encodeURIComponent(review.id)}`);
    await expect.poll(() => new URL(page.url()).searchParams.get('safe')).toBe('1');
    await expect
      .poll(async () => (await page.getByTestId('review-panel').textContent()) ?? '')
      .toMatch(/A child \(/);
    expect(named(await page.content())).toEqual([]);

    // The query copied from a presented scene carries room-safe: no names, titles or quotes asked for.
    await page.getByTestId('story-copy-query').click();
    await expect.poll(() => page.evaluate(() => window.copied!.length)).toBe(1);
    const query = await page.evaluate(() => window.copied![0]!);
    expect(query).toContain('# Room-safe');
    expect(query).not.toMatch(/\b(child|title|quote)\b/);
    expect(named(query)).toEqual([]);
    await page.getByTestId('story-copy-link').click();
    await expect.poll(() => page.evaluate(() => window.copied!.length)).toBe(2);
    expect(new URL(await page.evaluate(() => window.copied![1]!)).searchParams.get('safe')).toBe('1');

    // Past the last scene it stays; ← goes back; Esc leaves and puts back the view from before.
    await page.keyboard.press('ArrowRight');
    expect(await title.textContent()).toBe(expectedTitles[3]);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => title.textContent()).toBe(expectedTitles[2]);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('.app')?.classList.contains('storyboarding'));
    expect(page.url()).toBe(before);
    await panel.waitFor();

    // The handout: one printed page per scene, each with its title, notes and room-safe caption.
    await page.getByTestId('story-print').click();
    expect(await page.evaluate(() => window.printed)).toBe(1);
    const handout = page.getByTestId('story-handout');
    expect(await handout.locator('section').count()).toBe(4);
    const text = (await handout.textContent()) ?? '';
    for (const t of expectedTitles) expect(text).toContain(t);
    expect(text).toContain('Ask the room which link surprises them.');
    expect(named(text)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page(?![s\w])/g)?.length).toBe(4);
    await page.close();
  });

  it('carries a small storyboard in a link, and says when one is too long for a link', async () => {
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.copied = [];
      Object.defineProperty(navigator, 'clipboard', {
        value: { writeText: async (text: string) => void window.copied!.push(text) },
      });
    });
    await page.goto(`${app.url}/?view=trends`);
    await page.getByTestId('storyboard-button').click();
    await page.getByTestId('story-add').click();
    await page.getByTestId('story-link').click();
    await expect.poll(() => page.evaluate(() => window.copied!.length)).toBe(1);
    const link = await page.evaluate(() => window.copied![0]!);
    expect(new URL(link).searchParams.get('story')).toMatch(/^[A-Za-z0-9_-]+$/);

    await page.getByTestId('story-scene-notes').fill('A long note. '.repeat(150));
    await page.getByTestId('story-link').click();
    expect(await page.getByTestId('story-status').textContent()).toMatch(
      /too long for a link.*save it as a file/,
    );
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('story-save');

    await page.getByRole('button', { name: 'Delete scene 1' }).click();
    expect(await page.getByTestId('story-scene').count()).toBe(0);
    expect(await page.getByTestId('story-status').textContent()).toBe('Deleted scene 1.');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('story-add');

    const opened = await context.newPage();
    await opened.goto(link);
    const panel = opened.getByTestId('storyboard-panel');
    await panel.waitFor();
    expect(await panel.getByTestId('story-scene-title').inputValue()).toBe('Trends');
    expect(await panel.getByTestId('story-status').textContent()).toContain('1 scenes');
    await opened.close();
    await page.close();
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
