/**
 * A new extractor version (taxonomy or cue version) on the embedded engine, through both load paths: a file
 * stored unchanged but read by the older version is read once more, and what it contributed is replaced in
 * place by the new reading, as a changed file at the same path is replaced. The next run recognises it and
 * reads nothing. The version is changed the way a release changes it (the taxonomy's version), and the new
 * reading is made to differ by an extractor that no longer finds one review in one file.
 */
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../../graph/embedded/store.ts';
import type { GraphStore } from '../../../graph/store.ts';
import { formatSummary } from '../../../ingest/cli/summary.ts';
import { type Extractor, inlineExtractor } from '../../../ingest/load/extract-pool.ts';
import { type IngestSummary, ingestPaths } from '../../../ingest/load/ingest-files.ts';
import { sourceId } from '../../../ingest/load/to-records.ts';
import { sha256OfFile } from '../../../ingest/load/unchanged.ts';
import { extractorVersion } from '../../../ingest/pipeline.ts';
import { loadTaxonomy, type Taxonomy } from '../../../ingest/taxonomy/index.ts';

const before = loadTaxonomy();
const after: Taxonomy = { ...before, version: `${before.version}-next` };

/** Reads like the inline extractor, counting reads; in `file`, reviews whose title names one of `dropped` are not found. */
function reader(
  taxonomy: Taxonomy,
  drop?: { file: string; dropped: string[] },
): Extractor & { reads: string[] } {
  const inner = inlineExtractor(taxonomy);
  const reads: string[] = [];
  return {
    reads,
    threads: 0,
    extract: async (file) => {
      reads.push(file);
      const result = await inner.extract(file);
      if (!result.ok || !drop || file !== drop.file) return result;
      const cases = result.doc.cases.filter((c) => !drop.dropped.some((name) => c.title.includes(name)));
      return { ok: true, doc: { ...result.doc, cases } };
    },
    extractBytes: (name, bytes) => inner.extractBytes(name, bytes),
    close: () => inner.close(),
  };
}

function entry(n: number, child: string, area: string, harm: string): string {
  return `${n}. Local child safeguarding practice review: ${child} (${area})

Serious harm to a ${n + 5}-year-old girl in March 2022 involving ${harm}.

Learning includes: information sharing between the school and the police was slow.

Recommendations include: the school to share concerns with children's social care on the same day.`;
}

function bulletin(month: string, entries: string[]): string {
  return `[Fictional test document.]\n\nFictional Review Library – ${month} 2024\n\n${entries.join('\n\n')}\n`;
}

/** Everything the store holds, in a fixed order; `at` leaves out when each source was ingested. */
async function exported(store: GraphStore, at = true) {
  const sources = (await store.listSources()).map(({ ingestedAt, ...s }) => (at ? { ingestedAt, ...s } : s));
  const facets = (await store.caseFacets()).sort((a, b) => a.id.localeCompare(b.id));
  const cases = await store.casesByIds(facets.map((f) => f.id));
  return {
    counts: await store.counts(),
    sources,
    texts: await Promise.all(sources.map((s) => store.sourceText(s.id))),
    facets,
    cases: cases.sort((a, b) => a.id.localeCompare(b.id)),
    links: await store.caseLinks(null),
    recommendations: await store.recommendationRows(),
  };
}

function withoutTime(s: IngestSummary): Omit<IngestSummary, 'seconds'> {
  const { seconds: _seconds, ...rest } = s;
  return rest;
}

const PATHS = { copy: 0, unwind: Number.MAX_SAFE_INTEGER } as const;

describe.each(Object.entries(PATHS))('a new extractor version, loads through %s', (_path, bulkMinRows) => {
  const roots: string[] = [];
  const stores: GraphStore[] = [];
  let folder: string;
  let shared: string;
  let own: string;
  let other: string;
  let added: string;
  let store: GraphStore;
  /** The steps of the store's loads ("snapshot", "copy Source", "commit", …), as they came. */
  const steps: string[] = [];
  let first: IngestSummary;
  let refresh: IngestSummary;
  let graphBefore: Awaited<ReturnType<typeof exported>>;
  let refreshReader: ReturnType<typeof reader>;

  async function open(): Promise<GraphStore> {
    const root = await mkdtemp(join(tmpdir(), 'threadline-refresh-'));
    roots.push(root);
    const opened = await openEmbeddedStore({
      path: join(root, 'db'),
      bulkMinRows,
      maxDbBytes: 2 ** 36,
      bufferPoolBytes: 2 ** 27,
      onBulkStep: (step) => {
        steps.push(step);
      },
    });
    await opened.ensureSchema();
    stores.push(opened);
    return opened;
  }

  /** The paths of the sources publishing the review whose title names `child`; null when there is none. */
  async function sourcesOf(child: string): Promise<string[] | null> {
    const cases = await store.casesByIds((await store.caseFacets()).map((f) => f.id));
    const found = cases.filter((c) => c.title.includes(child));
    if (found.length === 0) return null;
    expect(found).toHaveLength(1);
    const detail = await store.caseDetail(found[0]?.id ?? '');
    return (detail?.sources ?? []).map((s) => s.path).sort();
  }

  /** The new version finds neither review in `own`: Plover (published there alone) nor Wren (also in `shared`). */
  const newReader = () => reader(after, { file: own, dropped: ['Plover', 'Wren'] });

  beforeAll(async () => {
    const root = await mkdtemp(join(tmpdir(), 'threadline-refresh-corpus-'));
    roots.push(root);
    folder = join(await realpath(root), 'corpus');
    await mkdir(folder);
    shared = join(folder, 'a-shared.txt');
    own = join(folder, 'b-own.txt');
    other = join(folder, 'c-other.txt');
    await writeFile(shared, bulletin('May', [entry(1, 'Wren', 'Northshire', 'neglect')]));
    await writeFile(
      own,
      bulletin('June', [
        entry(1, 'Wren', 'Northshire', 'neglect and domestic abuse'),
        entry(2, 'Plover', 'Eastmoor', 'physical abuse'),
      ]),
    );
    await writeFile(other, bulletin('July', [entry(1, 'Linnet', 'Westvale', 'sexual abuse')]));

    store = await open();
    first = await ingestPaths(store, [folder], { taxonomy: before, extractor: reader(before) });
    expect(first).toMatchObject({ loaded: 3, refreshed: 0, failed: [] });
    graphBefore = await exported(store);
    expect(await sourcesOf('Wren')).toEqual([shared, own]);
    expect(await sourcesOf('Plover')).toEqual([own]);
    expect(await sourcesOf('Linnet')).toEqual([other]);

    // A file new to the store comes with the new version: it is loaded in the same chunk as the refreshes.
    added = join(folder, 'd-added.txt');
    await writeFile(added, bulletin('August', [entry(1, 'Siskin', 'Southdale', 'neglect')]));
    refreshReader = newReader();
    steps.length = 0;
    refresh = await ingestPaths(store, [folder], { taxonomy: after, extractor: refreshReader });
  }, 60_000);

  afterAll(async () => {
    for (const s of stores) await s.close();
    for (const root of roots) await rm(root, { recursive: true, force: true });
  });

  it('re-reads an unchanged file once after the extractor version changes and stores its new reading in place of the old', async () => {
    expect(extractorVersion(after)).not.toBe(extractorVersion(before));
    expect(refreshReader.reads.sort()).toEqual([shared, own, other, added].sort());
    expect(refresh).toMatchObject({ loaded: 1, replaced: 0, refreshed: 3, unchanged: 0, failed: [] });
    expect(formatSummary(refresh)).toContain(
      '1 loaded, 0 replaced, 3 refreshed (new extractor), 0 unchanged',
    );
    // One load for the whole chunk, not one per document after the store refused the chunk.
    expect(steps.filter((s) => s === 'snapshot')).toHaveLength(1);
    expect(steps.some((s) => s.startsWith('copy '))).toBe(bulkMinRows === 0);

    // The same sources, under the same ids, now say the new version read them.
    const sources = await store.listSources();
    expect(sources.filter((s) => s.path !== added).map((s) => s.id)).toEqual(
      graphBefore.sources.map((s) => s.id),
    );
    const ids = await Promise.all(
      [shared, own, other].map(async (f) => sourceId('file', f, (await sha256OfFile(f)) ?? '')),
    );
    const readings = await store.sourceReadings(ids);
    expect(readings.map((r) => r.extractor)).toEqual(ids.map(() => extractorVersion(after)));

    // Exactly what reading the folder with the new version into an empty store gives.
    const fresh = await open();
    const full = await ingestPaths(fresh, [folder], { taxonomy: after, extractor: newReader() });
    expect(full).toMatchObject({ loaded: 4, failed: [] });
    expect(refresh.reviews).toBe(full.reviews);
    expect(refresh.links).toBe(full.links);
    expect(refresh.warnings).toEqual(full.warnings);
    expect(await exported(store, false)).toEqual(await exported(fresh, false));
  });

  it('a second run after the refresh skips the file', async () => {
    const graphAfter = await exported(store);
    const again = reader(after);
    const second = await ingestPaths(store, [folder], { taxonomy: after, extractor: again });
    expect(again.reads).toEqual([]);
    expect(second).toMatchObject({ loaded: 0, replaced: 0, refreshed: 0, unchanged: 4, failed: [] });
    expect(withoutTime(second)).toEqual({ ...withoutTime(refresh), loaded: 0, refreshed: 0, unchanged: 4 });
    expect(await exported(store)).toEqual(graphAfter);
  });

  it('a case no longer found after the refresh is gone, a case shared with another source stays', async () => {
    expect(await sourcesOf('Plover')).toBeNull();
    expect(await sourcesOf('Wren')).toEqual([shared]);
    expect(await sourcesOf('Linnet')).toEqual([other]);
    expect(await sourcesOf('Siskin')).toEqual([added]);
    // Plover gone, Siskin new: as many reviews as before.
    expect((await store.caseFacets()).length).toBe(graphBefore.facets.length);
    // Nothing read from the dropped reviews in that file is left: no statement, no link carrying its source.
    const ownId = sourceId('file', own, (await sha256OfFile(own)) ?? '');
    expect((await store.caseLinks(null)).filter((l) => l.evidence.sourceId === ownId)).toEqual([]);
    const recommendations = await store.recommendationRows();
    expect(recommendations.filter((r) => r.caseTitle.includes('Plover'))).toEqual([]);
    expect(recommendations.filter((r) => r.sourceId === ownId)).toEqual([]);
  });
});
