/**
 * The source documents in the filter panel in a real browser against the real server: documents of the
 * bundled fictional sample are tagged "sample" and named as fictional to assistive technology, the others
 * are not, and the tags agree with the header's sample badge.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_FILES } from '../../web/src/upload/sample-sources.ts';
import {
  ADMIN_TOKEN,
  chromiumPresent,
  corpus,
  ensureBuilt,
  graphql,
  launchBrowser,
  type RunningApp,
  repoRoot,
  seedsDir,
  startApp,
} from './harness.ts';

describe.skipIf(!chromiumPresent)('the source documents in the filter panel', { timeout: 120_000 }, () => {
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    await ensureBuilt();
    app = await startApp();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.stop();
  });

  it('tags the fictional sample documents among the sources, and only them', async () => {
    // Beside the seeds one sample document is added; with no seeds the whole corpus is the sample.
    if (corpus.dir === seedsDir) {
      const file = 'lindenbridge-newsletter-2017.txt';
      const text = readFileSync(join(repoRoot, 'ingest/sample/corpus', file), 'utf8');
      const response = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
        body: JSON.stringify({
          query: 'mutation($f: String!, $t: String) { ingestDocument(filename: $f, text: $t) { status } }',
          variables: { f: file, t: text },
        }),
      });
      expect(response.status).toBe(200);
    }
    const { sources } = await graphql<{
      sources: Array<{ id: string; title: string; path: string; caseCount: number }>;
    }>(app.url, '{ sources { id title path caseCount } }');
    const listed = sources.filter((s) => s.caseCount > 0);
    const sample = listed.filter((s) => SAMPLE_FILES.includes(s.path));
    expect(sample.length).toBeGreaterThan(0);
    if (corpus.dir === seedsDir) expect(sample).toHaveLength(1);
    else expect(sample.length).toBe(readdirSync(corpus.dir).filter((f) => f.endsWith('.txt')).length);

    const page = await context.newPage();
    await page.goto(app.url);
    await expect.poll(() => page.getByTestId('sample-badge').isVisible()).toBe(true);
    const list = page.locator('.facet-list[data-facet="sources"]');
    await expect.poll(() => list.locator('.facet-option').count()).toBeGreaterThan(0);
    const more = list.locator('.more');
    if ((await more.count()) > 0 && (await more.getAttribute('aria-expanded')) === 'false')
      await more.click();
    await expect.poll(() => list.locator('.facet-option').count()).toBe(listed.length);

    const tagged = list.locator('.facet-option[data-sample="true"]');
    expect(await tagged.count()).toBe(sample.length);
    for (const s of sample) {
      const row = tagged.filter({ hasText: s.title });
      expect(await row.count()).toBe(1);
      expect(await row.locator('.sample-tag').isVisible()).toBe(true);
      expect((await row.locator('.sample-tag').textContent())?.trim()).toBe('sample');
      // The checkbox is named with its title and that the document is fictional, and still filters.
      const box = page.getByRole('checkbox', {
        name: `${s.title} (fictional sample document)`,
        exact: false,
      });
      expect(await box.count()).toBe(1);
    }
    const untagged = list.locator('.facet-option:not([data-sample])');
    expect(await untagged.count()).toBe(listed.length - sample.length);
    expect(await untagged.locator('.sample-tag').count()).toBe(0);
    for (const name of await untagged.locator('label').allTextContents())
      expect(name).not.toMatch(/fictional/i);

    // Choosing a tagged source filters by it as any source does.
    const first = sample[0]!;
    await page.getByRole('checkbox', { name: first.title, exact: false }).first().check();
    await expect.poll(() => new URL(page.url()).searchParams.get('source') ?? '').toContain(first.id);
    await page.close();
  });
});
