/**
 * An analytics index written to its file and read back answers every question as the index it was saved
 * from; a file saved under another store mark is stale, and a cut-off or foreign file is damaged.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphCounts } from '../../../graph/store.ts';
import { AnalyticsIndex, type IndexedCase } from '../../../server/analytics/index.ts';
import { readSavedIndex, writeSavedIndex } from '../../../server/analytics/persisted-index.ts';

const TAXONOMY = {
  harmTypes: [{ id: 'neglect', label: 'Neglect', description: '' }],
  agencies: [],
  themes: [
    { id: 'info-sharing', label: 'Information sharing', description: '', group: 'practice' },
    { id: 'curiosity', label: 'Professional curiosity', description: '', group: 'practice' },
    { id: 'voice', label: 'Voice of the child', description: '', group: 'practice' },
  ],
};
const COUNTS = { nodes: {}, relationships: {} } as GraphCounts;

/** Reviews with every kind of value the index keeps: lists, unknown years, a theme outside the taxonomy. */
function reviews(): IndexedCase[] {
  const themes = ['info-sharing', 'curiosity', 'voice', 'bruising-in-babies'];
  return Array.from({ length: 70 }, (_, i) => ({
    id: `review-${String(i).padStart(3, '0')}`,
    reportYear: i % 9 === 0 ? null : 2015 + (i % 8),
    incidentYear: i % 4 === 0 ? null : 2012 + (i % 7),
    outcome: i % 3 === 0 ? null : i % 2 === 0 ? 'death' : 'serious harm',
    ageBand: i % 5 === 0 ? null : 'under-1',
    reviewType: i % 2 === 0 ? 'lcspr' : 'scr',
    harmTypes: i % 2 === 0 ? ['neglect'] : [],
    agencies: i % 3 === 0 ? ['police', 'health-visiting'] : ['police'],
    themes: themes.filter((_, t) => (i >> t) % 2 === 1),
    sources: [`source-${i % 4}`],
    partnership: i % 6 === 0 ? null : `Partnership ${i % 5}`,
    text: `review ${i} of child ${String.fromCharCode(65 + (i % 26))} — a café in Ærøby`.toLowerCase(),
  }));
}

describe('a saved analytics index', () => {
  let dir: string;
  let file: string;
  const built = new AnalyticsIndex({ cases: reviews(), taxonomy: TAXONOMY, sources: [], counts: COUNTS });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'threadline-saved-index-unit-'));
    file = join(dir, 'db.analytics');
    await writeSavedIndex(file, 'mark-1', built.state);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('answers networks, counts, filters, pages and trends as the index it was saved from', async () => {
    const loaded = await readSavedIndex(file, 'mark-1');
    if (!loaded.ok) throw new Error(loaded.problem.message);
    const restored = new AnalyticsIndex({
      state: loaded.state,
      taxonomy: TAXONOMY,
      sources: [],
      counts: COUNTS,
    });
    const filters = [
      null,
      { themes: ['curiosity'], yearFrom: 2017 },
      { partnerships: ['Partnership 2'], text: 'café' },
      { outcome: ['death'], unknownYear: 'ONLY' as const },
      { not: { agencies: ['health-visiting'] }, ageBands: ['under-1'] },
    ];
    for (const filter of filters) {
      expect(restored.themeNetwork(filter, 1)).toEqual(built.themeNetwork(filter, 1));
      expect(restored.caseIds(filter)).toEqual(built.caseIds(filter));
      expect(restored.countBy('years', filter)).toEqual(built.countBy('years', filter));
      expect(restored.page(restored.match(filter), 5, null)).toEqual(
        built.page(built.match(filter), 5, null),
      );
    }
    expect(restored.themeYearCounts(restored.allCases(), 'incident')).toEqual(
      built.themeYearCounts(built.allCases(), 'incident'),
    );
    expect(restored.themesOf('review-007')).toEqual(built.themesOf('review-007'));
    expect(restored.caseExtras()).toEqual(built.caseExtras());
  });

  it('is stale under another store mark', async () => {
    const loaded = await readSavedIndex(file, 'mark-2');
    expect(loaded).toMatchObject({ ok: false, problem: { kind: 'stale' } });
  });

  it('is damaged when cut off or not an index file, and missing when absent', async () => {
    const whole = await readFile(file);
    const cut = join(dir, 'cut.analytics');
    await writeFile(cut, whole.subarray(0, whole.byteLength - 40));
    expect(await readSavedIndex(cut, 'mark-1')).toMatchObject({ ok: false, problem: { kind: 'damaged' } });
    const foreign = join(dir, 'foreign.analytics');
    await writeFile(foreign, 'not an index at all');
    expect(await readSavedIndex(foreign, 'mark-1')).toMatchObject({
      ok: false,
      problem: { kind: 'damaged' },
    });
    expect(await readSavedIndex(join(dir, 'absent'), 'mark-1')).toMatchObject({
      ok: false,
      problem: { kind: 'missing' },
    });
  });
});
