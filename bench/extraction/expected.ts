/**
 * The hand-written expectations of the extraction development set: one JSON file per document in
 * tests/fixtures/extraction/expected/. Ids are checked against the taxonomy when loaded, so a typo or a
 * retired id is reported instead of scoring as a miss.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AgeBand, Outcome, ReviewType } from '../../graph/records.ts';
import {
  AGE_BANDS as ageBandValues,
  OUTCOMES as outcomeValues,
  REVIEW_TYPES as reviewTypeValues,
} from '../../graph/schema/vocabulary.ts';
import type { Taxonomy } from '../../ingest/index.ts';

export type GeneratedFormat = 'docx' | 'pdf';

export interface ExpectedCase {
  child: string | null;
  title: string | null;
  partnership: string | null;
  /** Publication year of the review. */
  year: number | null;
  outcome: Outcome | null;
  reviewType: ReviewType;
  ageBand: AgeBand | null;
  harmTypes: string[];
  agencies: string[];
  themes: string[];
  /** Learning statements printed in the document (not counts stated in prose). */
  learningCount: number;
  /** Recommendations printed in the document (not counts stated in prose). */
  recommendationCount: number;
  notes?: string;
}

export interface ExpectedVariants {
  /** A saved web page holding the same text, committed next to the source. */
  html?: string;
  /** Binary formats written from the source text when the bench runs. */
  generate?: GeneratedFormat[];
  /** Running header and footer printed on every generated PDF page. */
  pageHeader?: string;
  pageFooter?: string;
}

export interface ExpectedDocument {
  file: string;
  kind: string;
  holdout: boolean;
  notReview: boolean;
  cases: ExpectedCase[];
  variants?: ExpectedVariants;
  notes?: string;
}

const OUTCOMES: readonly (Outcome | null)[] = [...outcomeValues, null];
const REVIEW_TYPES: readonly ReviewType[] = reviewTypeValues;
const AGE_BANDS: readonly (AgeBand | null)[] = [...ageBandValues, null];

export interface LoadedExpectations {
  documents: ExpectedDocument[];
  /**
   * Ids the labels use that the current taxonomy no longer has ("themes:adolescents in x.json"). They are
   * left out of scoring, since no extractor can produce them, and listed so the labels can be brought up to
   * date rather than quietly lowering recall.
   */
  unknownIds: string[];
}

/** Reads every expectation file; a malformed one throws, naming the file and each problem. */
export function loadExpected(dir: string, taxonomy: Taxonomy): LoadedExpectations {
  const known = knownIds(taxonomy);
  const unknownIds: string[] = [];
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const documents = files.map((f) => {
    const path = join(dir, f);
    const doc = JSON.parse(readFileSync(path, 'utf8')) as ExpectedDocument;
    const problems = problemsOf(doc);
    if (problems.length > 0) throw new Error(`${path}:\n  ${problems.join('\n  ')}`);
    for (const c of doc.cases) {
      for (const kind of TAG_KINDS) {
        for (const id of c[kind]) if (!known[kind].has(id)) unknownIds.push(`${kind}:${id} in ${f}`);
        c[kind] = c[kind].filter((id) => known[kind].has(id));
      }
    }
    return doc;
  });
  return { documents, unknownIds };
}

const TAG_KINDS = ['harmTypes', 'agencies', 'themes'] as const;

function knownIds(taxonomy: Taxonomy): Record<(typeof TAG_KINDS)[number], Set<string>> {
  return {
    harmTypes: new Set(taxonomy.harmTypes.map((t) => t.id)),
    agencies: new Set(taxonomy.agencies.map((t) => t.id)),
    themes: new Set(taxonomy.themes.map((t) => t.id)),
  };
}

export function problemsOf(doc: ExpectedDocument): string[] {
  const problems: string[] = [];
  if (typeof doc.file !== 'string') problems.push('file is missing');
  if (typeof doc.holdout !== 'boolean') problems.push('holdout must be true or false');
  if (!Array.isArray(doc.cases)) return [...problems, 'cases must be a list'];
  if (doc.notReview && doc.cases.length > 0) problems.push('a notReview document lists cases');
  if (!doc.notReview && doc.cases.length === 0) problems.push('a review document lists no cases');
  doc.cases.forEach((c, i) => {
    const where = `case ${i + 1} (${c.child ?? c.title ?? 'unnamed'})`;
    if (!OUTCOMES.includes(c.outcome)) problems.push(`${where}: outcome ${String(c.outcome)}`);
    if (!REVIEW_TYPES.includes(c.reviewType)) problems.push(`${where}: reviewType ${String(c.reviewType)}`);
    if (!AGE_BANDS.includes(c.ageBand)) problems.push(`${where}: ageBand ${String(c.ageBand)}`);
    for (const kind of TAG_KINDS)
      if (!Array.isArray(c[kind])) problems.push(`${where}: ${kind} must be a list`);
  });
  return problems;
}
