/**
 * Builds ExtractedCase fixtures from fictional review text: statements are given as substrings of the text
 * and get their offsets from it, as the segmenter would produce them.
 */
import type {
  ExtractedCase,
  ExtractedLearning,
  ExtractedRecommendation,
} from '../../../../ingest/extract/types.ts';

export interface CaseParts {
  title?: string;
  child?: string | null;
  reviewType?: ExtractedCase['reviewType'];
  summary?: string;
  learning?: string[];
  recommendations?: Array<string | { text: string; targetHint: string | null }>;
  actions?: string[];
  /** The entry's span; the whole text when omitted. */
  start?: number;
  end?: number;
}

export function entryCase(text: string, parts: CaseParts = {}): ExtractedCase {
  const start = parts.start ?? 0;
  const end = parts.end ?? text.length;
  return {
    id: '',
    title: parts.title ?? 'Fictional review',
    child: parts.child ?? null,
    reviewType: parts.reviewType ?? 'LCSPR',
    partnership: null,
    authors: null,
    reportYear: null,
    incidentYear: null,
    age: null,
    ageBand: null,
    gender: null,
    outcome: null,
    summary: parts.summary ?? null,
    topic: null,
    start,
    end,
    harmTypes: [],
    agencies: [],
    themes: [],
    learning: (parts.learning ?? []).map((s) => learning(text, s, start)),
    recommendations: (parts.recommendations ?? []).map((r) => recommendation(text, r, start)),
    actions: (parts.actions ?? []).map((s) => learning(text, s, start)),
  };
}

function learning(text: string, statement: string, from: number): ExtractedLearning {
  return { text: statement, themes: [], ...offsets(text, statement, from) };
}

function recommendation(
  text: string,
  r: string | { text: string; targetHint: string | null },
  from: number,
): ExtractedRecommendation {
  const statement = typeof r === 'string' ? r : r.text;
  const base = { text: statement, agencies: [], themes: [], ...offsets(text, statement, from) };
  return typeof r === 'string' ? base : { ...base, targetHint: r.targetHint };
}

function offsets(text: string, statement: string, from: number): { start: number; end: number } {
  const start = text.indexOf(statement, from);
  if (start < 0) throw new Error(`fixture: "${statement}" is not in the text`);
  return { start, end: start + statement.length };
}

/** Lists a tag's ids, for compact expectations. */
export function ids(tags: ReadonlyArray<{ id: string }>): string[] {
  return tags.map((t) => t.id);
}
