/**
 * The search index saved beside the database: a server restarted over an unchanged store answers search from
 * memory at once, without reading a statement from the store, with the hits it gave before; a file saved
 * before an upload, or a damaged one, is named in one line and the index is built from the store. Over the
 * real embedded engine, with the real upload path.
 */
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GraphStore } from '../../../graph/store.ts';
import { SAMPLE_CORPUS_DIR } from '../../../ingest/index.ts';
import { savedIndexPath } from '../../../server/analytics/persisted-index.ts';
import type { RunningServer } from '../../../server/http/app.ts';
import { savedSearchPath } from '../../../server/search/saved-search.ts';
import { counted, gql, HELD_BACK, serveSaving, suiteStore } from './saved-beside.ts';

const ADMIN_TOKEN = 'saved-search-admin-token-0123456789abcdef';
const SEARCH = 'query($text: String!) { search(text: $text, first: 15) { kind id caption caseId } }';
const NEEDLES = ['supervision', 'child', 'health visitor', 'police', 'safeguarding partnership', 'bruis'];

async function searches(server: RunningServer): Promise<unknown[]> {
  const answers: unknown[] = [];
  for (const text of NEEDLES) answers.push(await gql(server, SEARCH, { text }));
  return answers;
}

describe('the saved search index', () => {
  const suite = suiteStore('saved-search');
  const file = () => savedSearchPath(suite.db);
  const serve = (over: GraphStore = suite.store) =>
    serveSaving(over, { savedIndex: savedIndexPath(suite.db), savedSearch: file() }, ADMIN_TOKEN);

  it('answers search from memory at once after a restart, with the same hits, reading no statement', async () => {
    const first = await serve();
    expect(first.server.keeper.states.search).toBe('ready');
    const before = await searches(first.server);
    expect(JSON.stringify(before)).toContain('"kind":"learning"');
    await first.server.close();

    const reads = counted(suite.store, 'statements');
    const again = await serve(reads.store);
    try {
      expect(again.log).toEqual([]);
      expect(again.server.keeper.states.search).toBe('ready');
      expect(reads.reads.calls).toBe(0);
      expect(await searches(again.server)).toEqual(before);
    } finally {
      await again.server.close();
    }
  });

  it('ignores a search index saved before the last upload, and finds what the upload added', async () => {
    const first = await serve();
    const savedBeforeUpload = await readFile(file());
    const text = readFileSync(join(SAMPLE_CORPUS_DIR, HELD_BACK), 'utf8');
    const uploaded = await gql<{ ingestDocument: { status: string } }>(
      first.server,
      'mutation($filename: String!, $text: String) { ingestDocument(filename: $filename, text: $text) { status } }',
      { filename: HELD_BACK, text },
      ADMIN_TOKEN,
    );
    expect(uploaded.ingestDocument.status).toBe('loaded');
    await first.server.keeper.saved();
    const afterUpload = await searches(first.server);
    await first.server.close();
    // As if the server had stopped before the save after the upload landed.
    await writeFile(file(), savedBeforeUpload);

    const again = await serve();
    try {
      expect(again.log).toEqual([
        expect.stringMatching(
          /^threadline: the saved search index at .* was written before the last change to the store; building it from the store$/,
        ),
      ]);
      expect(await searches(again.server)).toEqual(afterUpload);
    } finally {
      await again.server.close();
    }
  });

  it('names a damaged saved search index in one line, builds it from the store and saves it whole', async () => {
    const whole = await readFile(file());
    await writeFile(file(), whole.subarray(0, Math.floor(whole.byteLength / 2)));
    const again = await serve();
    try {
      expect(again.log).toEqual([
        expect.stringMatching(
          /^threadline: the saved search index at .* is damaged \(.*\); building it from the store$/,
        ),
      ]);
      expect(again.server.keeper.states.search).toBe('ready');
      expect((await readFile(file())).byteLength).toBe(whole.byteLength);
    } finally {
      await again.server.close();
    }
  });
});
