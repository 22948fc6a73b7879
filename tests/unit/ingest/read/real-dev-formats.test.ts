import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readFile } from '../../../../ingest/read/index.ts';
import { documentOf, expectWellFormedHints } from './expectations.ts';

/**
 * The development set keeps each real text as .txt and as a saved web page, a Word copy and a PDF of
 * that page, chrome included. Its text is read here at test time and never copied into the project.
 */
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const realDev = resolve(repoRoot, '../shared/real-dev');
const present = existsSync(join(realDev, 'formats'));
const stems = present
  ? readdirSync(join(realDev, 'docs'))
      .filter((name) => name.endsWith('.txt'))
      .map((name) => basename(name, '.txt'))
  : [];

if (!present) console.log(`real documents not found at ${realDev}; the format comparison specs are skipped`);

const FORMATS = ['html', 'docx', 'pdf'] as const;
const CHROME = [
  'Skip to main content',
  'Accept all cookies',
  'Related pages',
  'All rights reserved',
  'Sitemap',
];

/** Lines compared without quote style, list-marker style or spacing, which the copies do not keep. */
function lines(text: string): string[] {
  return text
    .replace(/^# source:.*\n/, '')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .split('\n')
    .map((line) =>
      line
        .replace(/^\s*[-•*\uf0b7]\s+/u, '• ')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean);
}

/** Share of the lines of `expected` found in `actual`, and of `actual` found in `expected`. */
function overlap(expected: string[], actual: string[]): { recall: number; precision: number } {
  const inActual = new Set(actual);
  const inExpected = new Set(expected);
  return {
    recall: expected.filter((line) => inActual.has(line)).length / expected.length,
    precision: actual.filter((line) => inExpected.has(line)).length / actual.length,
  };
}

describe.skipIf(!present)(`the real documents of ${realDev} in every format`, () => {
  it.each(stems.flatMap((stem) => FORMATS.map((format) => [stem, format] as const)))(
    'reads %s.%s without page chrome and with the lines of the text version',
    async (stem, format) => {
      const doc = documentOf(await readFile(join(realDev, 'formats', format, `${stem}.${format}`)));
      expectWellFormedHints(doc);
      for (const chrome of CHROME) expect(doc.text).not.toContain(chrome);
      const text = readFileSync(join(realDev, 'docs', `${stem}.txt`), 'utf8');
      const { recall, precision } = overlap(lines(text), lines(doc.text));
      // The copies lose what their HTML could not say (a numbered list saved as bullets); nothing more.
      expect(recall).toBeGreaterThan(0.75);
      expect(precision).toBeGreaterThan(0.75);
    },
  );
});
