import type { ExtractedCase } from '../extract/types.ts';

/** What every layout segmenter knows about the document as a whole. */
export interface SegmentContext {
  /** The document's own date as "YYYY-MM" or "YYYY", when printed. */
  published: string | null;
  publishedYear: number | null;
  title: string;
  /** Where the document's title line starts (so no layout mistakes it for an entry), or null. */
  titleStart: number | null;
}

export interface SegmentResult {
  cases: ExtractedCase[];
  warnings: string[];
}
