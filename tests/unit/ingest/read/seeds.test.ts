import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readFile } from '../../../../ingest/read/index.ts';
import { documentOf, expectWellFormedHints } from './expectations.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const seedsDir = resolve(repoRoot, '../shared/seeds');
const seedsPresent = existsSync(seedsDir);
const seeds = seedsPresent ? readdirSync(seedsDir).filter((name) => name.endsWith('.txt')) : [];

if (!seedsPresent) console.log(`seed documents not found at ${seedsDir}; the seed reading specs are skipped`);

describe.skipIf(!seedsPresent)(`the seed documents in ${seedsDir}`, () => {
  it('has seed texts to read', () => {
    expect(seeds.length).toBeGreaterThan(0);
  });

  it.each(seeds)('reads %s with text equal to the file content, so evidence offsets hold', async (name) => {
    const path = join(seedsDir, name);
    const doc = documentOf(await readFile(path));
    const expected = readFileSync(path, 'utf8')
      .replace(/^\uFEFF/, '')
      .replace(/\r\n/g, '\n');
    expect(doc.text).toBe(expected);
    expect(doc.warnings).toEqual([]);
    expect(doc.title).toBeTruthy();
    expectWellFormedHints(doc);
  });

  it.each(seeds)('hints %s headings as whole lines', async (name) => {
    const doc = documentOf(await readFile(join(seedsDir, name)));
    const headings = doc.hints.filter((h) => h.kind === 'heading');
    expect(headings.length).toBeGreaterThan(0);
    for (const heading of headings) {
      const lineStart = doc.text.lastIndexOf('\n', heading.start - 1) + 1;
      const lineEnd = doc.text.indexOf('\n', heading.end);
      const line = doc.text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
      expect(line.trim()).toBe(doc.text.slice(heading.start, heading.end));
    }
  });
});
