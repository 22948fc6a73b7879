/**
 * `npm run bench -- extraction [--holdout|--all] [--verbose]`
 *
 * Scores the extraction pipeline against the hand-labelled development set in tests/fixtures/extraction:
 * fictional documents in the layouts analysts hold, each with the reviews an analyst would sign off.
 * The .docx and .pdf variants are written from their .txt sources into a temporary folder first.
 * By default only the development documents are scored; --holdout scores the held-out ones, --all both
 * (and prints them side by side). Tables: per kind, per format, overall; --verbose adds each document's
 * missed and extra reviews, wrong fields and tag differences.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadTaxonomy, type Taxonomy } from '../ingest/index.ts';
import { type ExpectedDocument, loadExpected } from './extraction/expected.ts';
import { writeVariant } from './extraction/generate.ts';
import { predict } from './extraction/predict.ts';
import { documentDetail, LEGEND, table } from './extraction/report.ts';
import { addTally, type DocumentScore, emptyTally, scoreDocument, type Tally } from './extraction/score.ts';

const FIXTURES = new URL('../tests/fixtures/extraction/', import.meta.url).pathname;
const DOCS = join(FIXTURES, 'docs');
const EXPECTED = join(FIXTURES, 'expected');
const FORMATS = ['txt', 'md', 'html', 'docx', 'pdf'];

type Split = 'dev' | 'holdout' | 'all';

interface ScoredFile {
  file: string;
  format: string;
  expected: ExpectedDocument;
  score: DocumentScore;
  failure: string | null;
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { holdout: { type: 'boolean' }, all: { type: 'boolean' }, verbose: { type: 'boolean' } },
  });
  const split: Split = values.all ? 'all' : values.holdout ? 'holdout' : 'dev';
  const taxonomy = loadTaxonomy();
  const loaded = loadExpected(EXPECTED, taxonomy);
  for (const id of loaded.unknownIds) console.warn(`not in the taxonomy, left out of scoring: ${id}`);
  const documents = loaded.documents.filter((d) => split === 'all' || d.holdout === (split === 'holdout'));
  const work = await mkdtemp(join(tmpdir(), 'threadline-bench-extraction-'));
  try {
    const scored = await scoreAll(documents, work, taxonomy);
    print(scored, split, values.verbose ?? false);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function scoreAll(
  documents: ExpectedDocument[],
  work: string,
  taxonomy: Taxonomy,
): Promise<ScoredFile[]> {
  const scored: ScoredFile[] = [];
  for (const expected of documents) {
    for (const file of await filesOf(expected, work)) {
      const prediction = await predict(file, taxonomy);
      scored.push({
        file: file.startsWith(work)
          ? `${file.slice(work.length + 1)} (generated)`
          : file.slice(DOCS.length + 1),
        format: extname(file).slice(1),
        expected,
        score: scoreDocument(expected.cases, prediction.cases),
        failure: prediction.failure,
      });
    }
  }
  return scored;
}

/** The document itself, its saved web page if any, and its generated binary variants. */
async function filesOf(expected: ExpectedDocument, work: string): Promise<string[]> {
  const source = join(DOCS, expected.file);
  const files = [source];
  const variants = expected.variants ?? {};
  if (variants.html) files.push(join(DOCS, variants.html));
  for (const format of variants.generate ?? []) {
    files.push(
      await writeVariant(source, format, work, { header: variants.pageHeader, footer: variants.pageFooter }),
    );
  }
  return files;
}

function sum(files: ScoredFile[]): Tally {
  return files.reduce((t, f) => addTally(t, f.score.tally), emptyTally());
}

function groupBy(files: ScoredFile[], key: (f: ScoredFile) => string, order: string[]): [string, Tally][] {
  const keys = [...new Set([...order, ...files.map(key)])];
  return keys
    .map((k): [string, ScoredFile[]] => [k, files.filter((f) => key(f) === k)])
    .filter(([, group]) => group.length > 0)
    .map(([k, group]) => [k, sum(group)]);
}

/**
 * The per-format table mixes different documents; this one compares each variant format with the very
 * documents it was made from, so a drop is the reader's, not the sample's.
 */
function pairedFormats(scored: ScoredFile[]): [string, Tally][] {
  const rows: [string, Tally][] = [];
  for (const format of ['html', 'docx', 'pdf']) {
    const variants = scored.filter((f) => f.format === format && f.expected.file !== f.file);
    if (variants.length === 0) continue;
    const documents = new Set(variants.map((f) => f.expected));
    const sources = scored.filter((f) => documents.has(f.expected) && f.file === f.expected.file);
    rows.push([`${format}: sources`, sum(sources)], [`${format}: ${format}`, sum(variants)]);
  }
  return rows;
}

function print(scored: ScoredFile[], split: Split, verbose: boolean): void {
  const kinds = [...new Set(scored.map((f) => f.expected.kind))].sort();
  const header = split === 'all' ? 'development and holdout documents' : `${split} documents`;
  console.log(`Extraction bench: ${header} (${scored.length} files)\n`);
  console.log(table('kind', [...groupBy(scored, (f) => f.expected.kind, kinds), ['overall', sum(scored)]]));
  console.log('');
  console.log(table('format', [...groupBy(scored, (f) => f.format, FORMATS), ['overall', sum(scored)]]));
  console.log('');
  const paired = pairedFormats(scored);
  if (paired.length > 0) {
    console.log(table('same documents', paired));
    console.log('');
  }
  const splits = groupBy(scored, (f) => (f.expected.holdout ? 'holdout' : 'dev'), ['dev', 'holdout']);
  console.log(table('split', [...splits, ['overall', sum(scored)]]));
  console.log('');
  for (const line of LEGEND) console.log(line);
  if (!verbose) return;
  console.log('\nPer document (expected vs found):');
  for (const f of scored) {
    const lines = documentDetail(`${f.file} [${f.expected.kind}]`, f.score, f.failure);
    if (lines.length > 0) console.log(lines.join('\n'));
  }
}
