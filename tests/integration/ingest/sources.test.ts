/**
 * How sources are identified on the embedded engine: a file by its path, an upload by its name and content,
 * a replacement only when it is asked for (the same path, or an upload naming the source), and databases
 * made when a source's id was its content hash alone.
 */
import { mkdir, realpath, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceBatch } from '../../../graph/records.ts';
import type { GraphStore } from '../../../graph/store.ts';
import { extractFile } from '../../../ingest/load/extract-file.ts';
import { ingestPaths, ingestUpload } from '../../../ingest/load/ingest-files.ts';
import { toSourceBatch } from '../../../ingest/load/to-records.ts';
import { loadTaxonomy, taxonomyRecords } from '../../../ingest/taxonomy/index.ts';
import { startLoadedServer, type TestServer } from '../api/running-server.ts';
import { type TempStore, tempStore } from './helpers.ts';

const taxonomy = loadTaxonomy();

function entry(n: number, child: string, harm: string): string {
  return `${n}. Local child safeguarding practice review: ${child}

Serious harm to a ${n + 5}-year-old girl in March 2022 involving ${harm}.

Learning includes: information sharing between the school and the police was slow; professional curiosity was missing.

Recommendations include: the school to share concerns with children's social care on the same day.`;
}

function bulletin(month: string, entries: string[]): string {
  return `[Fictional test document.]\n\nFictional Review Library – ${month} 2024\n\nIn ${month} 2024 reviews were added to the library.\n\n${entries.join('\n\n')}\n`;
}

const encode = (text: string) => new TextEncoder().encode(text);

async function childrenOf(store: GraphStore, sourcePath: string): Promise<string[]> {
  const facets = await store.caseFacets();
  const source = (await store.listSources()).find((s) => s.path === sourcePath);
  if (!source) return [];
  const ids = facets.filter((f) => f.sources.includes(source.id)).map((f) => f.id);
  return (await store.casesByIds(ids)).map((c) => c.child ?? '').sort();
}

describe('files are sources by their path', () => {
  let temp: TempStore;
  let library: string;
  let first: string;
  let copy: string;

  beforeAll(async () => {
    temp = await tempStore();
    library = join(await realpath(temp.dir), 'library');
    await mkdir(join(library, 'a'), { recursive: true });
    await mkdir(join(library, 'b'));
    first = join(library, 'a', 'briefing.txt');
    copy = join(library, 'b', 'briefing.txt');
    const same = bulletin('May', [entry(1, 'Wren', 'neglect'), entry(2, 'Finch', 'sexual abuse')]);
    await writeFile(first, same);
    await writeFile(copy, same);
  });
  afterAll(async () => {
    await temp?.dispose();
  });

  it('keeps the same bytes at two paths as two sources, the second reported as a duplicate of the first', async () => {
    const summary = await ingestPaths(temp.store, [library], { taxonomy });
    expect(summary).toMatchObject({ loaded: 2, replaced: 0, unchanged: 0, failed: [] });
    expect(summary.duplicates).toEqual([{ file: copy, duplicateOf: first }]);
    const sources = await temp.store.listSources();
    expect(sources.map((s) => s.path)).toEqual([first, copy]);
    expect(sources[0]?.sha256).toBe(sources[1]?.sha256);
    expect(sources[0]?.id).not.toBe(sources[1]?.id);
  });

  it('merges the reviews the two copies share into one case review published in both', async () => {
    const facets = await temp.store.caseFacets();
    expect(facets).toHaveLength(2);
    for (const f of facets) expect(f.sources).toHaveLength(2);
  });

  it('reports the same path with the same bytes as unchanged, not as a duplicate', async () => {
    const again = await ingestPaths(temp.store, [library], { taxonomy });
    expect(again).toMatchObject({ loaded: 0, replaced: 0, unchanged: 2, duplicates: [], failed: [] });
  });

  it('finds the same sources when the folder is reached through a link', async () => {
    const link = join(temp.dir, 'linked-library');
    await symlink(library, link);
    const again = await ingestPaths(temp.store, [link], { taxonomy });
    expect(again).toMatchObject({ loaded: 0, unchanged: 2, failed: [] });
    expect((await temp.store.listSources()).map((s) => s.path)).toEqual([first, copy]);
  });

  it("keeps the other copy's document when one copy is edited and ingested again", async () => {
    await writeFile(
      first,
      bulletin('May', [entry(1, 'Wren', 'neglect'), entry(2, 'Plover', 'physical abuse')]),
    );
    const again = await ingestPaths(temp.store, [library], { taxonomy });
    expect(again).toMatchObject({ loaded: 0, replaced: 1, unchanged: 1, duplicates: [], failed: [] });
    expect((await temp.store.listSources()).map((s) => s.path)).toEqual([first, copy]);
    expect(await childrenOf(temp.store, copy)).toEqual(['Finch', 'Wren']);
    expect(await childrenOf(temp.store, first)).toEqual(['Plover', 'Wren']);
  });
});

describe('uploads are sources by their name and content', () => {
  let temp: TempStore;
  const name = 'executive-summary.txt';
  const northmere = encode(bulletin('May', [entry(1, 'Wren', 'neglect')]));
  const southmere = encode(bulletin('June', [entry(1, 'Heron', 'domestic abuse')]));

  beforeAll(async () => {
    temp = await tempStore();
  });
  afterAll(async () => {
    await temp?.dispose();
  });

  it('keeps two uploads named alike with different content as two sources', async () => {
    const a = await ingestUpload(temp.store, name, northmere, taxonomy);
    const b = await ingestUpload(temp.store, name, southmere, taxonomy);
    expect([a.status, b.status]).toEqual(['loaded', 'loaded']);
    expect(a.sourceId).not.toBe(b.sourceId);
    const sources = await temp.store.listSources();
    expect(sources.map((s) => s.path)).toEqual([name, name]);
    expect(await temp.store.caseFacets()).toHaveLength(2);
  });

  it('reports the same file uploaded again as unchanged', async () => {
    const before = await temp.store.counts();
    const again = await ingestUpload(temp.store, name, northmere, taxonomy);
    expect(again).toMatchObject({ status: 'unchanged', replaced: [], duplicateOf: null });
    expect(await temp.store.counts()).toEqual(before);
  });

  it('says an upload holding the content of another source is a duplicate of it, and keeps both', async () => {
    const other = await ingestUpload(temp.store, 'copy-of-summary.txt', northmere, taxonomy);
    expect(other).toMatchObject({ status: 'loaded', duplicateOf: name });
    expect(other.warnings).toContain(
      `copy-of-summary.txt: duplicate of ${name}, which holds the same content; both are kept`,
    );
    expect(await temp.store.listSources()).toHaveLength(3);
  });

  it('replaces the source an upload names, and only that one', async () => {
    const sources = await temp.store.listSources();
    const target = sources.find((s) => s.path === 'copy-of-summary.txt');
    if (!target) throw new Error('the copy was not loaded');
    const revised = encode(bulletin('July', [entry(1, 'Kestrel', 'neglect')]));
    const result = await ingestUpload(temp.store, 'copy-of-summary.txt', revised, taxonomy, {
      replaces: target.id,
    });
    expect(result).toMatchObject({ status: 'replaced', replaced: [target.id], duplicateOf: null });
    const after = await temp.store.listSources();
    expect(after.map((s) => s.id)).not.toContain(target.id);
    expect(after).toHaveLength(3);
  });

  it('refuses to replace a source that is not loaded, naming it, and stores nothing', async () => {
    const before = await temp.store.counts();
    const revised = encode(bulletin('August', [entry(1, 'Merlin', 'neglect')]));
    const result = await ingestUpload(temp.store, name, revised, taxonomy, { replaces: 'no-such-source' });
    expect(result.status).toBe('failed');
    expect(result.error).toContain('no-such-source');
    expect(await temp.store.counts()).toEqual(before);
  });
});

/** The batch a version that keyed sources by their content hash alone would have stored. */
function asStoredBeforeHashes(batch: SourceBatch): SourceBatch {
  const { id, sha256 } = batch.source;
  const json = JSON.stringify(batch).replaceAll(id, sha256).replaceAll(id.slice(0, 20), sha256.slice(0, 20));
  const old = JSON.parse(json) as SourceBatch;
  return { ...old, source: { ...old.source, sha256: null as unknown as string } };
}

describe('a database whose sources were keyed by their content hash', () => {
  let temp: TempStore;
  let file: string;
  let legacyId: string;

  beforeAll(async () => {
    temp = await tempStore();
    await mkdir(join(temp.dir, 'library'));
    file = join(await realpath(temp.dir), 'library', 'bulletin.txt');
    await writeFile(file, bulletin('May', [entry(1, 'Wren', 'neglect')]));
    const read = await extractFile(file, taxonomy);
    if (!read.ok) throw new Error(read.problem.message);
    const batch = asStoredBeforeHashes(toSourceBatch(read.doc, read.doc.text, '2024-01-01T00:00:00.000Z'));
    legacyId = batch.source.id;
    await temp.store.upsertTaxonomy(taxonomyRecords(taxonomy));
    expect((await temp.store.loadSource(batch)).status).toBe('loaded');
  });
  afterAll(async () => {
    await temp?.dispose();
  });

  it('keeps an unchanged file under its old id', async () => {
    const again = await ingestPaths(temp.store, [file], { taxonomy });
    expect(again).toMatchObject({ loaded: 0, unchanged: 1, duplicates: [] });
    expect((await temp.store.listSources()).map((s) => s.id)).toEqual([legacyId]);
  });

  it('lists the old source with its content hash', async () => {
    const [source] = await temp.store.listSources();
    expect(source?.sha256).toBe(legacyId);
  });

  it('replaces the old source when the file at its path has changed, instead of adding a second', async () => {
    await writeFile(
      file,
      bulletin('May', [entry(1, 'Wren', 'neglect'), entry(2, 'Plover', 'physical abuse')]),
    );
    const again = await ingestPaths(temp.store, [file], { taxonomy });
    expect(again).toMatchObject({ loaded: 0, replaced: 1, unchanged: 0 });
    const sources = await temp.store.listSources();
    expect(sources).toHaveLength(1);
    expect(sources[0]?.id).not.toBe(legacyId);
    expect(await childrenOf(temp.store, file)).toEqual(['Plover', 'Wren']);
  });
});

describe('replacing a source through the API', () => {
  const ADMIN = 'sources-admin-token-0123456789abcdef';
  const asAdmin = { authorization: `Bearer ${ADMIN}` };
  const mutation =
    'mutation($name: String!, $text: String!, $replaces: ID) { ingestDocument(filename: $name, text: $text, replaces: $replaces) { status sourceId replaced duplicateOf error } }';
  type Answer = {
    ingestDocument: {
      status: string;
      sourceId: string | null;
      replaced: string[];
      duplicateOf: string | null;
      error: string | null;
    };
  };
  let server: TestServer;

  beforeAll(async () => {
    server = await startLoadedServer([], { adminToken: ADMIN });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('adds a second source for a file named like one loaded, and replaces one only when it is named', async () => {
    const name = '7-minute-briefing.txt';
    const first = await server.gql<Answer>(
      mutation,
      { name, text: bulletin('May', [entry(1, 'Wren', 'neglect')]) },
      asAdmin,
    );
    const second = await server.gql<Answer>(
      mutation,
      { name, text: bulletin('June', [entry(1, 'Heron', 'domestic abuse')]) },
      asAdmin,
    );
    expect([first.data?.ingestDocument.status, second.data?.ingestDocument.status]).toEqual([
      'loaded',
      'loaded',
    ]);
    const replacing = await server.gql<Answer>(
      mutation,
      {
        name,
        text: bulletin('July', [entry(1, 'Kestrel', 'neglect')]),
        replaces: first.data?.ingestDocument.sourceId,
      },
      asAdmin,
    );
    expect(replacing.data?.ingestDocument).toMatchObject({
      status: 'replaced',
      replaced: [first.data?.ingestDocument.sourceId],
      duplicateOf: null,
      error: null,
    });
    const listed = await server.gql<{ sources: Array<{ id: string; path: string; sha256: string }> }>(
      '{ sources { id path sha256 } }',
      {},
      asAdmin,
    );
    const ids = listed.data?.sources.map((s) => s.id) ?? [];
    expect(ids).toHaveLength(2);
    expect(ids).toContain(second.data?.ingestDocument.sourceId);
    expect(ids).toContain(replacing.data?.ingestDocument.sourceId);
    for (const s of listed.data?.sources ?? []) expect(s.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
