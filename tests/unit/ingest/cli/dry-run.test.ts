import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliIo, main } from '../../../../ingest/cli/main.ts';
import type { ExtractedDocument } from '../../../../ingest/extract/types.ts';
import { readFile } from '../../../../ingest/read/index.ts';

const repoRoot = resolve(import.meta.dirname, '../../../..');
const SEEDS = resolve(repoRoot, '../shared/seeds');
const seedsPresent = existsSync(SEEDS);
if (!seedsPresent) console.log(`seed documents not found at ${SEEDS}: the seed dry-run tests are skipped`);

interface Captured {
  io: CliIo;
  stdout: () => string;
  stderr: () => string;
}

function capture(env: NodeJS.ProcessEnv = {}): Captured {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: {
      stdout: { write: (t: string) => out.push(t) },
      stderr: { write: (t: string) => err.push(t), isTTY: false },
      env,
    },
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}

const CASE_FIELDS = [
  'id',
  'title',
  'child',
  'reviewType',
  'partnership',
  'authors',
  'reportYear',
  'incidentYear',
  'age',
  'ageBand',
  'gender',
  'outcome',
  'harmTypes',
  'agencies',
  'themes',
  'learning',
  'recommendations',
];

describe.skipIf(!seedsPresent)('ingest --dry-run --json over the seed documents', () => {
  let code: number;
  let run: Captured;
  let output: { documents: ExtractedDocument[] };

  beforeAll(async () => {
    run = capture({ THREADLINE_DB_PATH: '/nonexistent/never-opened' });
    code = await main(['--dry-run', '--json', SEEDS], run.io);
    output = JSON.parse(run.stdout());
  });

  it('exits 0 and prints one JSON object holding only documents', () => {
    expect(code).toBe(0);
    expect(Object.keys(output)).toEqual(['documents']);
  });

  it('reports the five seed documents with their document fields', () => {
    expect(output.documents).toHaveLength(5);
    for (const d of output.documents) {
      for (const key of ['path', 'sha256', 'kind', 'title', 'publisher', 'published', 'cases', 'warnings']) {
        expect(d).toHaveProperty(key);
      }
      expect(d.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('finds the 33 case reviews and the 4 national publications', () => {
    const cases = output.documents.flatMap((d) => d.cases);
    expect(cases.filter((c) => c.reviewType !== 'NATIONAL')).toHaveLength(33);
    expect(cases.filter((c) => c.reviewType === 'NATIONAL')).toHaveLength(4);
  });

  it('gives every case the fields the design lists', () => {
    for (const c of output.documents.flatMap((d) => d.cases)) {
      for (const key of CASE_FIELDS) expect(c, `${c.title} lacks ${key}`).toHaveProperty(key);
    }
  });

  it('quotes every piece of evidence exactly as the source text has it at its offsets', async () => {
    let checked = 0;
    for (const d of output.documents) {
      const read = await readFile(d.path);
      if (!read.ok) throw new Error(read.error.message);
      const text = read.doc.text;
      for (const c of d.cases) {
        for (const tag of [...c.harmTypes, ...c.agencies, ...c.themes]) {
          expect(text.slice(tag.evidence.start, tag.evidence.end)).toBe(tag.evidence.quote);
          checked++;
        }
        for (const s of [...c.learning, ...c.recommendations]) {
          expect(text.slice(s.start, s.end)).toBe(s.text);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('writes its readable summary to stderr, not into the JSON', () => {
    expect(run.stderr()).toContain('Dry run (nothing stored)');
  });
});

describe('ingest command line', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'threadline-cli-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints usage for --help and exits 0', async () => {
    const run = capture();
    expect(await main(['--help'], run.io)).toBe(0);
    expect(run.stdout()).toContain('usage: npm run ingest');
  });

  it('exits 2 with one line for an unknown option', async () => {
    const run = capture();
    expect(await main(['--frobnicate', 'x.txt'], run.io)).toBe(2);
    expect(run.stderr()).toContain('--frobnicate');
    expect(run.stderr()).not.toMatch(/\n\s+at /);
  });

  it('exits 1 when no file is found, saying so', async () => {
    const run = capture();
    expect(await main(['--dry-run', join(dir, 'missing-folder')], run.io)).toBe(1);
    expect(run.stdout()).toContain('missing-folder: no such file or folder');
  });

  it('exits 1 when every file fails, naming each one', async () => {
    await writeFile(join(dir, 'empty.txt'), '');
    const run = capture();
    expect(await main(['--dry-run', join(dir, 'empty.txt')], run.io)).toBe(1);
    expect(run.stdout()).toContain('empty.txt');
  });

  it('exits 2 with the configuration message when the store settings are wrong', async () => {
    await writeFile(join(dir, 'one.txt'), 'A fictional note with no reviews in it.\n');
    const run = capture({ NEO4J_URI: 'not a uri' });
    const code = await main([join(dir, 'one.txt')], run.io);
    expect(code).toBe(2);
    expect(run.stderr().trim().split('\n')).toHaveLength(1);
  });
});
