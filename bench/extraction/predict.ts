/** Runs the real read + extract pipeline on one file, in process, and keeps what the scoring compares. */
import { type ExtractedCase, extractFile, type Taxonomy } from '../../ingest/index.ts';
import type { PredictedCase } from './score.ts';

export interface Prediction {
  cases: PredictedCase[];
  /** Why the file gave no result at all (unreadable, extraction failed); null when it ran. */
  failure: string | null;
  layout: string | null;
}

export async function predict(file: string, taxonomy: Taxonomy): Promise<Prediction> {
  const result = await extractFile(file, taxonomy);
  if (!result.ok) return { cases: [], failure: result.problem.message, layout: null };
  return { cases: result.doc.cases.map(toPredicted), failure: null, layout: result.doc.kind };
}

function toPredicted(c: ExtractedCase): PredictedCase {
  return {
    child: c.child,
    title: c.title,
    partnership: c.partnership,
    year: c.reportYear,
    outcome: c.outcome,
    reviewType: c.reviewType,
    ageBand: c.ageBand,
    harmTypes: c.harmTypes.map((t) => t.id),
    agencies: c.agencies.map((t) => t.id),
    themes: c.themes.map((t) => t.id),
    learningCount: c.learning.length,
    recommendationCount: c.recommendations.length,
  };
}
