/**
 * The bundled sample corpus: fictional documents in the layouts Threadline reads (a repository bulletin, a
 * topic newsletter, a yearly list, a national briefing), so that a new installation shows a theme map at once.
 */
import { fileURLToPath } from 'node:url';
import type { GraphStore } from '../../graph/store.ts';
import { type IngestSummary, ingestPaths } from '../load/ingest-files.ts';
import { loadTaxonomy, type Taxonomy } from '../taxonomy/index.ts';

export const SAMPLE_CORPUS_DIR: string = fileURLToPath(new URL('./corpus/', import.meta.url)).replace(
  /\/$/,
  '',
);

/** Loads the sample corpus into a store that holds no case reviews yet; returns null when it holds some. */
export async function loadSampleCorpusIfEmpty(
  store: GraphStore,
  taxonomy: Taxonomy = loadTaxonomy(),
): Promise<IngestSummary | null> {
  const counts = await store.counts();
  if (counts.nodes.CaseReview > 0) return null;
  return ingestPaths(store, [SAMPLE_CORPUS_DIR], { taxonomy });
}
