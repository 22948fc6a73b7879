/**
 * What the rest of Threadline may use of ingest: the server (uploads, the sample corpus, the reading limits
 * it checks at start) and the benchmarks. Everything else under ingest/ is internal and may move.
 */

export type { ExtractedCase, ExtractedDocument } from './extract/types.ts';
// One document -> extracted records, on this thread or on reading threads under time and memory limits.
export { type ExtractResult, extractFile } from './load/extract-file.ts';
export {
  type ExtractLimits,
  type Extractor,
  extractedInOrder,
  extractLimits,
  openExtractor,
} from './load/extract-pool.ts';
// Documents -> store.
export {
  DEFAULT_CHUNK_CASES,
  DEFAULT_CHUNK_SIZE,
  type FileProblem,
  type IngestOptions,
  type IngestProgress,
  type IngestSummary,
  ingestPaths,
  ingestUpload,
  taxonomyInPlace,
  type UploadResult,
} from './load/ingest-files.ts';
export { toSourceBatch } from './load/to-records.ts';
export { type ExtractedText, extractDocument } from './pipeline.ts';
export { type ReadDocument, type ReadResult, readFile } from './read/index.ts';
export { readLimitProblems } from './read/limits.ts';
// The bundled sample corpus a new installation starts with.
export { loadSampleCorpusIfEmpty, SAMPLE_CORPUS_DIR } from './sample/index.ts';
// The taxonomy of harm types, agencies and themes.
export {
  DEFAULT_TAXONOMY_PATH,
  loadTaxonomy,
  parseTaxonomy,
  type TaxonEntry,
  type Taxonomy,
  taxonomyRecords,
} from './taxonomy/index.ts';
