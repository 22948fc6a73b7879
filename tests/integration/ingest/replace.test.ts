import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../../ingest/load/ingest-files.ts';
import { loadTaxonomy } from '../../../ingest/taxonomy/index.ts';
import { type TempStore, tempStore } from './helpers.ts';

function entry(n: number, child: string, harm: string): string {
  return `${n}. Local child safeguarding practice review: ${child}

Serious harm to a ${n + 5}-year-old girl in March 2022 involving ${harm}.

Learning includes: information sharing between the school and the police was slow; professional curiosity was missing.

Recommendations include: the school to share concerns with children's social care on the same day.

Other resources Read practice review (PDF)`;
}

function bulletin(month: string, entries: string[]): string {
  return `[Fictional test document.]\n\nFictional Review Library – ${month} 2024\n\nIn ${month} 2024 reviews were added to the library.\n\n${entries.join('\n\n')}\n`;
}

describe('re-ingesting a changed file', () => {
  const taxonomy = loadTaxonomy();
  let temp: TempStore;
  let changing: string;
  let steady: string;

  beforeAll(async () => {
    temp = await tempStore();
    await mkdir(join(temp.dir, 'library'));
    changing = join(temp.dir, 'library', 'changing.txt');
    steady = join(temp.dir, 'library', 'steady.txt');
    await writeFile(
      changing,
      bulletin('May', [entry(1, 'Wren', 'neglect'), entry(2, 'Finch', 'sexual abuse')]),
    );
    await writeFile(steady, bulletin('June', [entry(1, 'Heron', 'domestic abuse')]));
    const first = await ingestPaths(temp.store, [join(temp.dir, 'library')], { taxonomy });
    expect(first.failed).toEqual([]);
    expect(first.loaded).toBe(2);
  });
  afterAll(async () => {
    await temp?.dispose();
  });

  it('replaces only what the earlier version of that file contributed', async () => {
    const steadyBefore = (await temp.store.listSources()).find((s) => s.path === steady);
    await writeFile(
      changing,
      bulletin('May', [entry(1, 'Wren', 'neglect'), entry(2, 'Plover', 'physical abuse')]),
    );
    const second = await ingestPaths(temp.store, [join(temp.dir, 'library')], { taxonomy });
    expect(second).toMatchObject({ loaded: 0, replaced: 1, unchanged: 1, failed: [] });

    const sources = await temp.store.listSources();
    expect(sources).toHaveLength(2);
    expect(sources.find((s) => s.path === steady)).toEqual(steadyBefore);
    const children = (await temp.store.casesByIds((await temp.store.caseFacets()).map((f) => f.id)))
      .map((c) => c.child)
      .sort();
    expect(children).toEqual(['Heron', 'Plover', 'Wren']);
  });
});
