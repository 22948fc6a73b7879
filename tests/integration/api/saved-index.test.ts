/**
 * The analytics index saved beside the database: a server restarted over an unchanged store answers from
 * the saved index without reading a case review, and one restarted after a write (an upload whose own
 * save did not land) or over a damaged file says so in one line and builds the index from the store. Over
 * the real embedded engine, with the real upload path.
 */
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GraphStore } from '../../../graph/store.ts';
import { SAMPLE_CORPUS_DIR } from '../../../ingest/index.ts';
import { savedIndexPath } from '../../../server/analytics/persisted-index.ts';
import type { RunningServer } from '../../../server/http/app.ts';
import { gql as ask, counted, HELD_BACK, serveSaving, suiteStore } from './saved-beside.ts';

const ADMIN_TOKEN = 'saved-index-admin-token-0123456789abcdef';
const THEME_MAP = '{ themeNetwork(minShared: 1) { nodes { id weight } edges { source target weight } } }';
const CASES = '{ stats { cases } }';

const gql = <T>(server: RunningServer, query: string, variables?: object, admin = false) =>
  ask<T>(server, query, variables, admin ? ADMIN_TOKEN : undefined);

describe('the saved analytics index', () => {
  const suite = suiteStore('saved-index');
  const file = () => savedIndexPath(suite.db);
  const serve = (over: GraphStore = suite.store) => serveSaving(over, { savedIndex: file() }, ADMIN_TOKEN);

  it('serves the theme map from the saved index at once after a restart, reading no case review', async () => {
    const first = await serve();
    const themes = await gql(first.server, THEME_MAP);
    const cases = await gql(first.server, CASES);
    await first.server.close();

    const reads = counted(suite.store, 'caseFacets');
    const again = await serve(reads.store);
    try {
      expect(again.log).toEqual([]);
      expect(reads.reads.calls).toBe(0);
      expect(await (await fetch(`${again.server.url}/healthz`)).json()).toEqual({ ok: true });
      expect(await gql(again.server, THEME_MAP)).toEqual(themes);
      expect(await gql(again.server, CASES)).toEqual(cases);
    } finally {
      await again.server.close();
    }
  });

  it('ignores a saved index written before the last upload, and builds the index from the store', async () => {
    const first = await serve();
    const before = await gql<{ stats: { cases: number } }>(first.server, CASES);
    const savedBeforeUpload = await readFile(file());
    const uploaded = await gql<{ ingestDocument: { status: string; cases: number } }>(
      first.server,
      'mutation($filename: String!, $text: String) { ingestDocument(filename: $filename, text: $text) { status cases } }',
      { filename: HELD_BACK, text: readFileSync(join(SAMPLE_CORPUS_DIR, HELD_BACK), 'utf8') },
      true,
    );
    expect(uploaded.ingestDocument).toMatchObject({ status: 'loaded' });
    expect(uploaded.ingestDocument.cases).toBeGreaterThan(0);
    await first.server.keeper.saved();
    await first.server.close();
    // As if the server had stopped before the save after the upload landed.
    await writeFile(file(), savedBeforeUpload);

    const reads = counted(suite.store, 'caseFacets');
    const again = await serve(reads.store);
    let after = 0;
    try {
      expect(again.log).toEqual([
        expect.stringMatching(
          /^threadline: the saved analytics index at .* was written before the last change to the store; building it from the store$/,
        ),
      ]);
      expect(reads.reads.calls).toBe(1);
      after = (await gql<{ stats: { cases: number } }>(again.server, CASES)).stats.cases;
      expect(after).toBeGreaterThan(before.stats.cases);
    } finally {
      await again.server.close();
    }

    // The build from the store was saved in its turn: the next start restores it.
    const third = await serve();
    try {
      expect(third.log).toEqual([]);
      expect(await gql(third.server, CASES)).toEqual({ stats: { cases: after } });
    } finally {
      await third.server.close();
    }
  });

  it('names a damaged saved index in one line, builds the index from the store and saves it whole', async () => {
    const whole = await readFile(file());
    await writeFile(file(), whole.subarray(0, Math.floor(whole.byteLength / 2)));
    const again = await serve();
    try {
      expect(again.log).toEqual([
        expect.stringMatching(
          /^threadline: the saved analytics index at .* is damaged \(.*\); building it from the store$/,
        ),
      ]);
      expect((await gql<{ stats: { cases: number } }>(again.server, CASES)).stats.cases).toBeGreaterThan(0);
      expect((await readFile(file())).byteLength).toBe(whole.byteLength);
    } finally {
      await again.server.close();
    }
  });
});
