/**
 * Real public pages about case reviews, read at test time from ../shared/real-dev (never copied into the
 * project): every review its annotation lists is found, and pages about reviews in general give none.
 * Names are compared as words, without the generic ones ("child", "baby", "review").
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../../ingest/load/ingest-files.ts';
import { loadTaxonomy } from '../../../ingest/taxonomy/index.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const realDir = resolve(repoRoot, '../shared/real-dev');
const present = existsSync(join(realDir, 'gold.json'));
if (!present) console.log(`real development pages not found at ${realDir}: their specification is skipped`);

interface GoldCase {
  child: string | null;
  title: string | null;
}
interface GoldDocument {
  file: string;
  notReview?: boolean;
  cases: GoldCase[];
}

const GENERIC = new Set(
  'the overview report full serious case review local child safeguarding practice lcspr cspr scr independent concerning into services provided to and family baby siblings anonymous of'.split(
    ' ',
  ),
);

function words(text: string | null | undefined): Set<string> {
  const all = (text ?? '')
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((w) => w && !GENERIC.has(w) && !/^\d{4}$/.test(w));
  return new Set(all);
}

function names(gold: GoldCase, found: { child: string | null; title: string }): boolean {
  const want = words(gold.child ?? gold.title);
  if (want.size === 0) return !found.child;
  const have = words(`${found.child ?? ''} ${found.title}`);
  return [...want].every((w) => have.has(w));
}

describe.skipIf(!present)('real pages about case reviews', () => {
  const gold = present
    ? (JSON.parse(readFileSync(join(realDir, 'gold.json'), 'utf8')) as { documents: GoldDocument[] })
        .documents
    : [];
  const taxonomy = loadTaxonomy();
  const docs = present ? readdirSync(join(realDir, 'docs')) : [];

  it.each(gold.map((g) => [g.file, g] as const))(
    '%s gives the reviews its annotation lists',
    async (file, g) => {
      expect(docs).toContain(file);
      const result = await extractFile(join(realDir, 'docs', file), taxonomy);
      if (!result.ok) throw new Error(result.problem.message);
      const found = result.doc.cases;
      if (g.notReview) {
        expect(found).toEqual([]);
        expect(result.doc.warnings.join(' ')).toMatch(/no case review taken/);
        return;
      }
      const unmatched = [...found];
      for (const want of g.cases) {
        const i = unmatched.findIndex((c) => names(want, c));
        expect(i, `${file}: ${want.child ?? want.title ?? 'an unnamed review'}`).toBeGreaterThanOrEqual(0);
        unmatched.splice(i, 1);
      }
      expect(unmatched.map((c) => c.child ?? c.title)).toEqual([]);
    },
  );
});
