/**
 * The curator report's shape: plain data, so it can be printed as Markdown or written as JSON.
 */
import type { CandidatePhrase } from './phrases.ts';

export interface DocumentSummary {
  path: string;
  cases: number;
  learning: number;
  learningMatched: number;
  recommendations: number;
  recommendationsMatched: number;
  actions: number;
}

export interface UnmatchedStatement {
  file: string;
  caseTitle: string;
  kind: 'learning' | 'recommendation' | 'action';
  text: string;
  start: number;
  end: number;
}

export interface ThemeCount {
  id: string;
  label: string;
  group: string;
  cases: number;
  learning: number;
  recommendations: number;
}

export interface HarmTypeCount {
  id: string;
  label: string;
  cases: number;
}

export interface AgencyCount {
  id: string;
  label: string;
  sector: string;
  cases: number;
  /** Recommendations addressed to the agency. */
  targeted: number;
}

/** A document-level note a curator should act on: a possible duplicate, or a document without a review. */
export interface DocumentNote {
  file: string;
  note: string;
}

export interface CuratorReport {
  taxonomyVersion: string;
  documents: DocumentSummary[];
  totals: Omit<DocumentSummary, 'path'> & { documents: number };
  unmatched: UnmatchedStatement[];
  candidates: CandidatePhrase[];
  themes: ThemeCount[];
  harmTypes: HarmTypeCount[];
  agencies: AgencyCount[];
  /** Reviews that may be one met in another document, kept apart because the fields do not settle it. */
  possibleDuplicates: DocumentNote[];
  /** Documents that gave no review, and why. */
  withoutReviews: DocumentNote[];
}
