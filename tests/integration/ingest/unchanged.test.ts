/**
 * Re-ingesting on the embedded engine: a file the store holds byte for byte, read by the same pipeline
 * version, is recognised from its hash and not read again, and the run reports what reading it would have.
 * Reads are counted by the extractor handed to ingest.
 */
import { cp, readdir, realpath, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, openSession } from '../../../graph/embedded/database.ts';
import { openEmbeddedStore } from '../../../graph/embedded/store.ts';
import type { GraphStore } from '../../../graph/store.ts';
import { type Extractor, inlineExtractor } from '../../../ingest/load/extract-pool.ts';
import { type IngestSummary, ingestPaths, ingestUpload } from '../../../ingest/load/ingest-files.ts';
import { extractorVersion } from '../../../ingest/pipeline.ts';
import { SAMPLE_CORPUS_DIR } from '../../../ingest/sample/index.ts';
import { loadTaxonomy, type Taxonomy } from '../../../ingest/taxonomy/index.ts';
import { type TempStore, tempStore } from './helpers.ts';

const taxonomy = loadTaxonomy();

/** An inline extractor that counts the documents it reads. */
function counting(t: Taxonomy = taxonomy): Extractor & { reads: string[] } {
  const inner = inlineExtractor(t);
  const reads: string[] = [];
  return {
    reads,
    threads: 0,
    extract: (file) => {
      reads.push(file);
      return inner.extract(file);
    },
    extractBytes: (name, bytes) => {
      reads.push(name);
      return inner.extractBytes(name, bytes);
    },
    close: () => inner.close(),
  };
}

function entry(n: number, child: string, area: string, harm: string): string {
  return `${n}. Local child safeguarding practice review: ${child} (${area})

Serious harm to a ${n + 5}-year-old girl in March 2022 involving ${harm}.

Learning includes: information sharing between the school and the police was slow.

Recommendations include: the school to share concerns with children's social care on the same day.`;
}

function bulletin(month: string, entries: string[], year = 2024): string {
  return `[Fictional test document.]\n\nFictional Review Library – ${month} ${year}\n\n${entries.join('\n\n')}\n`;
}

/** Everything the store holds, in a fixed order, for comparing two graphs. */
async function exported(store: GraphStore) {
  const sources = await store.listSources();
  const facets = (await store.caseFacets()).sort((a, b) => a.id.localeCompare(b.id));
  const cases = await store.casesByIds(facets.map((f) => f.id));
  const texts = await Promise.all(sources.map((s) => store.sourceText(s.id)));
  return {
    counts: await store.counts(),
    sources,
    texts,
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

async function corpusIn(dir: string): Promise<{ folder: string; files: string[] }> {
  const folder = join(await realpath(dir), 'corpus');
  await cp(SAMPLE_CORPUS_DIR, folder, { recursive: true });
  // Documents naming the same child: the second's review is settled to the first's; the third's, a year
  // later, may be the same review, which its warnings say.
  await writeFile(join(folder, 'zz-first.txt'), bulletin('May', [entry(1, 'Wren', 'Northshire', 'neglect')]));
  await writeFile(
    join(folder, 'zz-second.txt'),
    bulletin('June', [
      entry(1, 'Wren', 'Northshire', 'neglect and domestic abuse'),
      entry(2, 'Plover', 'Eastmoor', 'physical abuse'),
    ]),
  );
  await writeFile(
    join(folder, 'zz-third.txt'),
    bulletin('May', [entry(1, 'Wren', 'Northshire', 'neglect')], 2025),
  );
  const files = (await readdir(folder)).map((f) => join(folder, f));
  return { folder, files };
}

describe('re-ingesting files the store holds unchanged', () => {
  let temp: TempStore;
  let folder: string;
  let files: string[];
  let first: IngestSummary;
  let before: Awaited<ReturnType<typeof exported>>;

  beforeAll(async () => {
    temp = await tempStore();
    ({ folder, files } = await corpusIn(temp.dir));
    const reader = counting();
    first = await ingestPaths(temp.store, [folder], { taxonomy, extractor: reader });
    expect(reader.reads).toHaveLength(files.length);
    expect(first.loaded).toBe(files.length);
    expect(first.warnings.map((w) => w.message).join('\n')).toMatch(/possible duplicate: .*Wren/);
    before = await exported(temp.store);
  });
  afterAll(async () => {
    await temp?.dispose();
  });

  it('reads none of them, reports them unchanged as reading them does, and leaves the graph as it was', async () => {
    const reader = counting();
    const again = await ingestPaths(temp.store, [folder], { taxonomy, extractor: reader });
    expect(reader.reads).toEqual([]);
    expect(again).toMatchObject({ loaded: 0, replaced: 0, unchanged: files.length, failed: [] });
    expect(await exported(temp.store)).toEqual(before);

    const rereader = counting();
    const reread = await ingestPaths(temp.store, [folder], { taxonomy, extractor: rereader, reread: true });
    expect(rereader.reads).toHaveLength(files.length);
    expect(withoutTime(again)).toEqual(withoutTime(reread));
    expect(again.reviews).toBe(first.reviews);
    expect(again.links).toBe(first.links);
    expect(await exported(temp.store)).toEqual(before);
  });

  it('reads a changed file and replaces its source, as a run reading every file does', async () => {
    const changed = join(folder, 'zz-second.txt');
    await writeFile(
      changed,
      bulletin('June', [
        entry(1, 'Wren', 'Northshire', 'neglect and domestic abuse'),
        entry(2, 'Plover', 'Eastmoor', 'physical abuse'),
        entry(3, 'Linnet', 'Westvale', 'sexual abuse'),
      ]),
    );
    const reader = counting();
    const again = await ingestPaths(temp.store, [folder], { taxonomy, extractor: reader });
    expect(reader.reads).toEqual([changed]);
    expect(again).toMatchObject({ loaded: 0, replaced: 1, unchanged: files.length - 1, failed: [] });

    // The same files read in full into an empty store give the same graph and the same figures.
    const fresh = await tempStore();
    try {
      const full = await ingestPaths(fresh.store, [folder], { taxonomy, threads: 0 });
      expect(again.reviews).toBe(full.reviews);
      expect(again.links).toBe(full.links);
      expect(again.warnings).toEqual(full.warnings);
      const strip = (e: Awaited<ReturnType<typeof exported>>) => ({
        ...e,
        sources: e.sources.map(({ ingestedAt: _at, ...s }) => s),
      });
      expect(strip(await exported(temp.store))).toEqual(strip(await exported(fresh.store)));
    } finally {
      await fresh.dispose();
    }
  });

  it('reads every file again when the pipeline version changes, and stores what it reads', async () => {
    const other = { ...taxonomy, version: `${taxonomy.version}-next` };
    expect(extractorVersion(other)).not.toBe(extractorVersion(taxonomy));
    const reader = counting(other);
    const again = await ingestPaths(temp.store, [folder], { taxonomy: other, extractor: reader });
    expect(reader.reads).toHaveLength(files.length);
    expect(again).toMatchObject({
      loaded: 0,
      replaced: 0,
      refreshed: files.length,
      unchanged: 0,
      failed: [],
    });
  });

  it('recognises an upload sent again without reading it, and answers as reading it does', async () => {
    const bytes = new TextEncoder().encode(bulletin('July', [entry(1, 'Dunlin', 'Southdale', 'neglect')]));
    const reader = counting();
    const loaded = await ingestUpload(temp.store, 'july.txt', bytes, taxonomy, { extractor: reader });
    expect(loaded.status).toBe('loaded');
    expect(reader.reads).toEqual(['july.txt']);

    const again = await ingestUpload(temp.store, 'july.txt', bytes, taxonomy, { extractor: reader });
    expect(reader.reads).toEqual(['july.txt']);
    // Another pipeline version reads it; the answer is the same.
    const other = { ...taxonomy, version: `${taxonomy.version}-next` };
    const reread = await ingestUpload(temp.store, 'july.txt', bytes, other, { extractor: counting(other) });
    expect(again).toEqual(reread);
    expect(again).toMatchObject({ status: 'unchanged', sourceId: loaded.sourceId, cases: 1, error: null });
  });
});

/** Removes the columns this version added to Source, as in a database made before them. */
async function dropNewColumns(path: string): Promise<void> {
  const database = await openDatabase(path);
  try {
    const session = await openSession(database);
    await session.run('ALTER TABLE Source DROP extractor');
    await session.run('ALTER TABLE Source DROP extraction');
    await session.close();
  } finally {
    await database.close();
  }
}

describe('a database made before sources kept how they were read', () => {
  let temp: TempStore;
  let folder: string;
  let files: string[];
  let dbPath: string;
  let before: Awaited<ReturnType<typeof exported>>;

  beforeAll(async () => {
    temp = await tempStore();
    ({ folder, files } = await corpusIn(temp.dir));
    await ingestPaths(temp.store, [folder], { taxonomy, threads: 0 });
    before = await exported(temp.store);
    await temp.store.close();
    dbPath = join(temp.dir, 'db');
    await dropNewColumns(dbPath);
  });
  afterAll(async () => {
    await temp?.dispose();
  });

  it('opens, and a re-ingest before its schema is brought up to date reads every file and changes nothing', async () => {
    const store = await openEmbeddedStore({ path: dbPath });
    try {
      const reader = counting();
      const again = await ingestPaths(store, [folder], { taxonomy, extractor: reader });
      expect(reader.reads).toHaveLength(files.length);
      expect(again).toMatchObject({ loaded: 0, replaced: 0, unchanged: files.length, failed: [] });
      expect(await exported(store)).toEqual(before);
    } finally {
      await store.close();
    }
  });

  it('gains the columns, reads sources stored without them as unknown, and loads changed files', async () => {
    const store = await openEmbeddedStore({ path: dbPath });
    temp.store = store;
    await store.ensureSchema();
    const reader = counting();
    const again = await ingestPaths(store, [folder], { taxonomy, extractor: reader });
    expect(reader.reads).toHaveLength(files.length);
    expect(again).toMatchObject({ loaded: 0, replaced: 0, unchanged: files.length, failed: [] });
    expect(await exported(store)).toEqual(before);

    const added = join(folder, 'zz-fourth.txt');
    await writeFile(added, bulletin('August', [entry(1, 'Siskin', 'Northshire', 'neglect')]));
    const withNew = await ingestPaths(store, [folder], { taxonomy, extractor: counting() });
    expect(withNew).toMatchObject({ loaded: 1, unchanged: files.length, failed: [] });
    // The new file's source keeps how it was read: the next run recognises it.
    const reader2 = counting();
    await ingestPaths(store, [folder], { taxonomy, extractor: reader2 });
    expect(reader2.reads).toHaveLength(files.length);
    expect(reader2.reads).not.toContain(added);
  });
});
