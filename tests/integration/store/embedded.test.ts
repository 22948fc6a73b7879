/**
 * What only the embedded engine promises: one process per database file, the COPY bulk path's all-or-nothing
 * guarantee (also across a crash), and exact text through CSV staging.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { restoreLastGoodState } from '../../../graph/embedded/files.ts';
import { type EmbeddedStoreOptions, openEmbeddedStore } from '../../../graph/embedded/store.ts';
import { isStoreError, type StoreError } from '../../../graph/errors.ts';
import type { SourceBatch } from '../../../graph/records.ts';
import type { GraphStore } from '../../../graph/store.ts';
import {
  buildBatch,
  CASE_IDS,
  NATIONAL,
  SPRING,
  SUMMER,
  SUMMER_REVISED,
  TAXONOMY,
} from '../../fixtures/batches.ts';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '..', '..', '..');

const roots: string[] = [];
const open: GraphStore[] = [];

async function freshPath(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'threadline-embedded-'));
  roots.push(root);
  return join(root, 'data', 'threadline.lbug');
}

async function storeAt(path: string, opts: Partial<EmbeddedStoreOptions> = {}): Promise<GraphStore> {
  const store = await openEmbeddedStore({ path, maxDbBytes: 2 ** 36, bufferPoolBytes: 2 ** 28, ...opts });
  open.push(store);
  await store.ensureSchema();
  return store;
}

async function closeAll(): Promise<void> {
  for (const store of open.splice(0)) await store.close();
}

afterEach(closeAll);
afterAll(async () => {
  for (const root of roots) await rm(root, { recursive: true, force: true });
});

async function rejection(promise: Promise<unknown>): Promise<StoreError> {
  try {
    await promise;
  } catch (e) {
    if (isStoreError(e)) return e;
    throw e;
  }
  throw new Error('expected the call to fail');
}

async function state(store: GraphStore) {
  const facets = await store.caseFacets();
  return {
    counts: await store.counts(),
    sources: await store.listSources(),
    facets,
    details: await Promise.all(facets.map((f) => store.caseDetail(f.id))),
  };
}

function runTs(script: string, args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', join(here, 'processes', script), ...args], {
    cwd: repoRoot,
  });
}

async function waitFor(child: ChildProcessWithoutNullStreams, text: string): Promise<void> {
  let seen = '';
  let errors = '';
  child.stderr.on('data', (d: Buffer) => {
    errors += d.toString();
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      seen += d.toString();
      if (seen.includes(text)) resolve();
    });
    child.on('exit', (code) => reject(new Error(`child exited (${code}) before "${text}": ${errors}`)));
  });
}

async function exitOf(
  child: ChildProcessWithoutNullStreams,
): Promise<{ code: number | null; signal: string | null }> {
  let errors = '';
  child.stderr.on('data', (d: Buffer) => {
    errors += d.toString();
  });
  const result = await new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  if (result.code !== null && result.code !== 0) throw new Error(`child failed (${result.code}): ${errors}`);
  return result;
}

describe('the embedded engine', () => {
  it('creates the parent folder of a new database file and describes itself', async () => {
    const path = await freshPath();
    const store = await storeAt(path);
    expect(existsSync(dirname(path))).toBe(true);
    expect(store.engine).toBe('embedded');
    expect(store.description).toMatch(/^embedded LadybugDB \d+\.\d+\.\d+ at .*threadline\.lbug$/);
  });

  it('refuses a database another process holds, saying how to go on', async () => {
    const path = await freshPath();
    const holder = runTs('hold-store.ts', [path]);
    try {
      await waitFor(holder, 'ready');
      const error = await rejection(openEmbeddedStore({ path, maxDbBytes: 2 ** 36 }));
      expect(error.kind).toBe('locked');
      expect(error.message).toContain(
        `${path} is in use by another Threadline process (probably the server). Stop it, or ingest through the running server: `,
      );
    } finally {
      holder.stdin.end();
      await exitOf(holder);
    }
  });

  it('names the file and the command that restores it, in one line, when the database cannot be opened', async () => {
    const path = await freshPath();
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, Buffer.alloc(8192, 7));
    const error = await rejection(openEmbeddedStore({ path, maxDbBytes: 2 ** 36 }));
    expect(error.kind).toBe('damaged');
    expect(error.message).toContain(`the database at ${path} cannot be opened`);
    expect(error.message).toContain('npm run ingest -- --restore');
    expect(error.message).not.toContain('\n');
  });

  it('puts back the state before an interrupted load on request, and says the database opens', async () => {
    const path = await freshPath();
    const store = await storeAt(path, { bulkMinRows: 0 });
    await store.upsertTaxonomy(TAXONOMY);
    await store.loadSources([SPRING, SUMMER]);
    const before = await state(store);
    await closeAll();
    const crash = await exitOf(runTs('crash-during-bulk.ts', [path, 'commit']));
    expect(crash.signal).toBe('SIGKILL');
    expect(existsSync(`${path}.before-load`)).toBe(true);
    const restored = await restoreLastGoodState(path, 2 ** 36);
    expect(restored).toEqual({ opens: true, message: expect.stringContaining('it opens.') });
    expect(existsSync(`${path}.before-load`)).toBe(false);
    expect(existsSync(`${path}.bulk-undo.json`)).toBe(false);
    expect(await state(await storeAt(path))).toEqual(before);
  });

  it('refuses a folder where the database file should be', async () => {
    const path = await freshPath();
    await mkdir(path, { recursive: true });
    const error = await rejection(openEmbeddedStore({ path }));
    expect(error.kind).toBe('invalid-input');
    expect(error.message).toContain(`${path} is a directory`);
  });

  describe('bulk loads (COPY from staged CSV files)', () => {
    it('takes the COPY path from bulkMinRows rows on, and UNWIND below', async () => {
      const steps: string[] = [];
      const store = await storeAt(await freshPath(), {
        bulkMinRows: 60,
        onBulkStep: (s) => void steps.push(s),
      });
      await store.upsertTaxonomy(TAXONOMY);
      await store.loadSources([NATIONAL]);
      expect(steps).toEqual(['snapshot', 'commit', 'checkpoint', 'settle']);
      steps.length = 0;
      await store.loadSources([SPRING, SUMMER]);
      expect(steps).toContain('copy HAS_THEME');
      expect(steps.slice(-3)).toEqual(['commit', 'checkpoint', 'settle']);
    });

    it('writes nothing when it fails midway, and keeps the sources it would have replaced', async () => {
      const path = await freshPath();
      const failAt = { step: '' };
      const store = await storeAt(path, {
        bulkMinRows: 0,
        onBulkStep: (step) => {
          if (step === failAt.step) throw new Error(`injected failure before ${step}`);
        },
      });
      await store.upsertTaxonomy(TAXONOMY);
      await store.loadSources([SPRING, SUMMER]);
      const before = await state(store);
      for (const step of ['copy CaseReview', 'copy ABOUT', 'commit']) {
        failAt.step = step;
        await expect(store.loadSources([NATIONAL, SUMMER_REVISED])).rejects.toThrow(
          `injected failure before ${step}`,
        );
        expect(await state(store)).toEqual(before);
        expect(existsSync(`${path}.bulk-undo.json`)).toBe(false);
      }
      failAt.step = '';
      const outcomes = await store.loadSources([NATIONAL, SUMMER_REVISED]);
      expect(outcomes.map((o) => o.status)).toEqual(['loaded', 'replaced']);
      expect((await store.counts()).nodes.CaseReview).toBe(4);
    });

    it.each([
      ['while copying', 'copy HAS_THEME'],
      ['after the checkpoint, before the commit', 'commit'],
    ])('is undone on the next open when the process dies %s', async (_, dieAt) => {
      const path = await freshPath();
      const store = await storeAt(path, { bulkMinRows: 0 });
      await store.upsertTaxonomy(TAXONOMY);
      await store.loadSources([SPRING, SUMMER]);
      const before = await state(store);
      await closeAll();
      const crash = await exitOf(runTs('crash-during-bulk.ts', [path, dieAt]));
      expect(crash.signal).toBe('SIGKILL');
      const journal = JSON.parse(await readFile(`${path}.bulk-undo.json`, 'utf8')) as { stagingDir: string };
      expect(existsSync(journal.stagingDir)).toBe(true);
      const reopened = await storeAt(path);
      expect(existsSync(`${path}.bulk-undo.json`)).toBe(false);
      expect(existsSync(journal.stagingDir)).toBe(false);
      expect(await state(reopened)).toEqual(before);
      await reopened.loadSources([NATIONAL, SUMMER_REVISED]);
      expect((await reopened.counts()).nodes.CaseReview).toBe(4);
    });

    it('keeps a finished bulk load when the process dies without closing the store', async () => {
      const path = await freshPath();
      const store = await storeAt(path, { bulkMinRows: 0 });
      await store.upsertTaxonomy(TAXONOMY);
      await store.loadSources([SPRING, SUMMER]);
      await closeAll();
      const crash = await exitOf(runTs('crash-during-bulk.ts', [path, 'after-load']));
      expect(crash.signal).toBe('SIGKILL');
      const reopened = await storeAt(path);
      const expected = await storeAt(await freshPath());
      await expected.upsertTaxonomy(TAXONOMY);
      await expected.loadSources([SPRING, SUMMER, NATIONAL, SUMMER_REVISED]);
      expect(await state(reopened)).toEqual(await state(expected));
    });

    it('keeps a load that reached its commit when only the journal was left behind', async () => {
      const path = await freshPath();
      const store = await storeAt(path, { bulkMinRows: 0 });
      await store.upsertTaxonomy(TAXONOMY);
      await store.loadSources([SPRING, SUMMER]);
      const before = await state(store);
      await closeAll();
      const journal = {
        version: 1,
        sources: [SPRING.source.id],
        cases: { [SPRING.source.id]: [CASE_IDS.childQ] },
        statements: {},
        created: { CaseReview: [CASE_IDS.childQ], Learning: [], Recommendation: [] },
      };
      await writeFile(`${path}.bulk-undo.json`, JSON.stringify(journal));
      const reopened = await storeAt(path);
      expect(existsSync(`${path}.bulk-undo.json`)).toBe(false);
      expect(await state(reopened)).toEqual(before);
    });

    it('carries empty strings, quotes, separators and line breaks through CSV exactly as UNWIND does', async () => {
      const awkward = [
        '',
        ' leading and trailing spaces ',
        'comma, "quoted", semicolon; tab\tend',
        'line\nbreak and\r\nwindows break and lone\rreturn',
        'backslash \\N and \\" and NULL',
        'ünïcödé — “curly” 🙂 安全',
      ];
      const cases = awkward.map((text, i) => ({
        ...SPRING.cases[0],
        id: `awkward-${i}`,
        title: `Awkward ${i}`,
        authors: text,
        summary: text,
        topic: text,
      })) as SourceBatch['cases'];
      const doc = buildBatch({
        path: 'awkward.txt',
        title: 'Awkward',
        publisher: '',
        published: null,
        format: 'txt',
        kind: 'unknown',
        text: `${awkward.map((t, i) => `Awkward ${i}: [${t}]`).join('\n')}\n`,
        cases: cases.map((review, i) => ({
          review,
          heading: `Awkward ${i}: [${awkward[i]}]`,
          themes: [['escalation', `[${awkward[i]}]`] as const],
        })),
      });
      const viaCopy = await storeAt(await freshPath(), { bulkMinRows: 0 });
      const viaUnwind = await storeAt(await freshPath(), { bulkMinRows: Number.MAX_SAFE_INTEGER });
      for (const store of [viaCopy, viaUnwind]) {
        await store.upsertTaxonomy(TAXONOMY);
        await store.loadSources([doc]);
      }
      expect(await state(viaCopy)).toEqual(await state(viaUnwind));
      const stored = await viaCopy.casesByIds(cases.map((c) => c.id));
      expect(stored.map((c) => c.summary)).toEqual(awkward);
      expect((await viaCopy.listSources())[0]?.publisher).toBe('');
      const detail = await viaCopy.caseDetail('awkward-3');
      expect(detail?.themes[0]?.evidence.quote).toBe(`[${awkward[3]}]`);
    });
  });
});
