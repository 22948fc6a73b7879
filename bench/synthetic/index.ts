/**
 * The synthetic corpus: N invented case reviews written as documents in the real layouts, deterministic
 * for a given seed. Used by `npm run bench -- ingest` and by tests that need volume.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TaxonEntry, Taxonomy } from '../../ingest/index.ts';
import { LAYOUTS, renderDocument, type SyntheticLayout } from './layouts.ts';
import { seededRandom } from './random.ts';
import { type SyntheticLabels, syntheticReview } from './reviews.ts';

export type { SyntheticLabels } from './reviews.ts';

export interface SyntheticOptions {
  reviews: number;
  perDocument: number;
  seed: number;
  labels: SyntheticLabels;
}

export interface SyntheticDocument {
  name: string;
  layout: SyntheticLayout;
  reviews: number;
  text: string;
}

/**
 * One phrase per taxonomy entry, the first of its synonyms: classification matches synonyms (the label is
 * only a caption), so a review that uses them is one the classifier can find. Entries matched only by
 * regular expressions are left out.
 */
export function labelsFrom(taxonomy: Taxonomy): SyntheticLabels {
  const phrases = (entries: TaxonEntry[]) => entries.flatMap((e) => e.synonyms.slice(0, 1));
  return {
    harmTypes: phrases(taxonomy.harmTypes),
    agencies: phrases(taxonomy.agencies),
    themes: phrases(taxonomy.themes),
  };
}

export function* syntheticDocuments(opts: SyntheticOptions): Generator<SyntheticDocument> {
  const random = seededRandom(opts.seed);
  const perDocument = Math.max(1, opts.perDocument);
  for (let first = 0, doc = 0; first < opts.reviews; first += perDocument, doc++) {
    const count = Math.min(perDocument, opts.reviews - first);
    const reviews = Array.from({ length: count }, (_, i) => syntheticReview(first + i, opts.labels, random));
    const layout = LAYOUTS[doc % LAYOUTS.length] ?? 'bulletin';
    const name = `synthetic-${String(doc + 1).padStart(5, '0')}-${layout}.txt`;
    yield { name, layout, reviews: count, text: renderDocument(layout, doc, reviews) };
  }
}

export interface WrittenCorpus {
  dir: string;
  files: string[];
  reviews: number;
  bytes: number;
}

export async function writeSyntheticCorpus(dir: string, opts: SyntheticOptions): Promise<WrittenCorpus> {
  await mkdir(dir, { recursive: true });
  const written: WrittenCorpus = { dir, files: [], reviews: 0, bytes: 0 };
  for (const doc of syntheticDocuments(opts)) {
    const file = join(dir, doc.name);
    await writeFile(file, doc.text);
    written.files.push(file);
    written.reviews += doc.reviews;
    written.bytes += Buffer.byteLength(doc.text);
  }
  return written;
}
