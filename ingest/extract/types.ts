/**
 * What extraction produces for one document: exactly the shape `npm run ingest -- --dry-run --json` prints
 * (see README, "Ingest output"). Offsets are UTF-16 code-unit offsets into `ReadDocument.text`, so
 * `text.slice(start, end) === quote` always holds.
 */
import type { CaseReviewFields } from '../../graph/schema/model.ts';

export interface EvidenceSpan {
  quote: string;
  start: number;
  end: number;
}

export interface TaggedEntity {
  id: string;
  label: string;
  evidence: EvidenceSpan;
}

export interface ExtractedLearning {
  text: string;
  themes: string[];
  start: number;
  end: number;
}

export interface ExtractedRecommendation {
  text: string;
  agencies: string[];
  themes: string[];
  start: number;
  end: number;
  /**
   * Who the document says the recommendation is for, as printed in its label
   * ("Recommendations for the Director of Children's Services include:" -> "the Director of Children's Services").
   * The classifier maps it to an agency; absent or null when the label names nobody.
   */
  targetHint?: string | null;
}

/** A case review as extracted: the stored fields (graph/schema/model.ts) and where it sits in the text. */
export interface ExtractedCase extends CaseReviewFields {
  /** Where `summary` sits in the text (`text.slice(start, end) === summary`), when there is one. */
  summarySpan?: { start: number; end: number } | null;
  /** Where the whole entry sits in the text. */
  start: number;
  end: number;
  harmTypes: TaggedEntity[];
  agencies: TaggedEntity[];
  themes: TaggedEntity[];
  learning: ExtractedLearning[];
  recommendations: ExtractedRecommendation[];
  /** Actions listed by a review that makes no recommendations ("Makes no recommendations but ..."). */
  actions: ExtractedLearning[];
}

export type DocumentKind = ListKind | ProseKind | 'unknown';

/** Layouts made of entries, each read by its own segmenter. */
export type ListKind =
  | 'repository-bulletin' // NSPCC-style bulletin: numbered (or not) entries with "Learning includes:" lines
  | 'topic-newsletter' // reviews grouped under topic headings with Author:/LSCB: lines
  | 'yearly-list' // "2018 - Area - Name" entries with Learning:/Recommendations:/Keywords: lines
  | 'monthly-update' // "2025 – Area – Name" entries
  | 'national-publications' // a note describing several national publications (each one NATIONAL review)
  | 'national-briefing'; // one national/thematic publication (one NATIONAL review)

/** Documents read by their cues rather than by entries (ingest/segment/prose). */
export type ProseKind =
  | 'single-review' // one review told in prose or headed sections: briefing, report, statement, news item
  | 'several-reviews' // several reviews named in running prose (a news item on three reviews, a digest)
  | 'review-index' // an index of briefings or titles, some of which are reviews
  | 'not-a-review'; // about reviews in general (procedures, explainers, training): no review taken

export interface ExtractedDocument {
  path: string;
  sha256: string;
  format: string;
  kind: DocumentKind;
  /** The structure recognised (the same names as `kind`), and how sure the reader is of it, 0–1. */
  layout: DocumentKind;
  confidence: number;
  title: string;
  publisher: string | null;
  published: string | null;
  cases: ExtractedCase[];
  warnings: string[];
}
