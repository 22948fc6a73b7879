import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandPaths } from '../../../ingest/load/expand-paths.ts';

describe('expandPaths', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'threadline-expand-'));
    await mkdir(join(dir, 'library', '2024'), { recursive: true });
    await mkdir(join(dir, 'library', '.git'));
    for (const file of [
      'library/b.txt',
      'library/a.md',
      'library/2024/c.pdf',
      'library/2024/d.docx',
      'library/2024/e.html',
      'library/notes.xlsx',
      'library/.hidden.txt',
      'library/.git/config.txt',
      'library/README.md',
      'loose.doc',
    ]) {
      await writeFile(join(dir, file), 'x');
    }
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('walks folders recursively in name order, keeping the formats it reads', async () => {
    const { files, problems } = await expandPaths([join(dir, 'library')]);
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual([
      'library/2024/c.pdf',
      'library/2024/d.docx',
      'library/2024/e.html',
      'library/a.md',
      'library/b.txt',
    ]);
    expect(problems).toEqual([]);
  });

  it('keeps a file named explicitly, whatever its extension, so the reader can explain it', async () => {
    const { files } = await expandPaths([join(dir, 'loose.doc'), join(dir, 'library', 'README.md')]);
    expect(files).toEqual([join(dir, 'loose.doc'), join(dir, 'library', 'README.md')]);
  });

  it('lists a file once when it is named twice', async () => {
    const { files } = await expandPaths([join(dir, 'library', 'b.txt'), join(dir, 'library')]);
    expect(files.filter((f) => f.endsWith('b.txt'))).toHaveLength(1);
  });

  it('reports a path that does not exist, by name', async () => {
    const missing = join(dir, 'nowhere');
    const { files, problems } = await expandPaths([missing]);
    expect(files).toEqual([]);
    expect(problems).toEqual([
      { file: missing, message: `${missing}: no such file or folder; check the path` },
    ]);
  });
});
