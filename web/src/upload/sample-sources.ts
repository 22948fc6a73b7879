/**
 * The bundled sample corpus (ingest/sample/corpus): fictional documents loaded into an empty database so a
 * newcomer sees a map. The web app recognises them by their file names, which the server reports as each
 * source's path; tests/unit/web/sample-sources.test.ts keeps this list equal to the corpus folder.
 */
import type { SourceSummary } from '../api/types.ts';

export const SAMPLE_FILES: readonly string[] = [
  'eastmere-case-reviews-by-year.txt',
  'lindenbridge-newsletter-2017.txt',
  'national-briefing-infant-safety-2024.txt',
  'review-library-bulletin-2024-04.txt',
];

export function isSampleSource(source: Pick<SourceSummary, 'path'>): boolean {
  return SAMPLE_FILES.includes(source.path);
}

export interface SampleSummary {
  sources: SourceSummary[];
  reviews: number;
}

/** The sample documents among the loaded sources, or null when none is loaded. */
export function sampleIn(sources: Iterable<SourceSummary>): SampleSummary | null {
  const found = [...sources].filter(isSampleSource);
  if (found.length === 0) return null;
  return { sources: found, reviews: found.reduce((n, s) => n + s.caseCount, 0) };
}
