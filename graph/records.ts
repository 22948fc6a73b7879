/**
 * What the store writes: plain records, engine-independent. Ingest produces them (ingest/load/to-records.ts);
 * the store is the only place that turns them into Cypher.
 */
import type { CaseReviewFields, RelType } from './schema/model.ts';
import type { AgeBand, Outcome, ReviewType, Sector } from './schema/vocabulary.ts';

/** The closed vocabularies are declared in schema/vocabulary.ts. */
export type { AgeBand, Outcome, ReviewType, Sector };

/**
 * One loaded document. Its id says where it came from and what it held: the sha256 of its origin (a file's
 * absolute path, or an upload's file name) and its content hash (ingest/load/to-records.ts), so the same
 * bytes from two places are two sources, and the same place and bytes again are the same source. Sources
 * loaded before origins were recorded have the content hash alone as their id.
 */
export interface SourceRecord {
  id: string;
  /** sha256 of the file's bytes: an unchanged re-ingest is recognised by it, and identical documents found. */
  sha256: string;
  title: string;
  publisher: string | null;
  published: string | null; // ISO date or year-month as printed, normalised (e.g. "2023-06")
  path: string;
  format: string; // txt, md, html, pdf, docx
  kind: string; // document kind (bulletin, newsletter, national, ...)
  ingestedAt: string; // ISO timestamp
  text: string; // the normalised text that evidence offsets point into
  /**
   * The version of the reading pipeline that extracted it (ingest/pipeline.ts extractorVersion); null or absent
   * when unknown (stored before it was recorded). With the id, it lets a file be recognised as unchanged
   * before it is read again.
   */
  extractor?: string | null;
  /**
   * What reading it gave besides the records (ingest/load/unchanged.ts): the case reviews as read, the
   * number of links, the warnings, as JSON; null or absent when unknown.
   */
  extraction?: string | null;
}

/** A case review as the store holds it; its fields are declared once, in graph/schema/model.ts. */
export type CaseReviewRecord = CaseReviewFields;

export interface TaxonRecord {
  id: string;
  label: string;
  description: string;
}
export interface AgencyRecord extends TaxonRecord {
  sector: Sector;
}
export interface ThemeRecord extends TaxonRecord {
  group: string;
}

export interface TaxonomyRecords {
  harmTypes: TaxonRecord[];
  agencies: AgencyRecord[];
  themes: ThemeRecord[];
}

/** A learning or recommendation statement, verbatim, with offsets into its source text. */
export interface StatementRecord {
  id: string;
  text: string;
  sourceId: string;
  start: number;
  end: number;
}

export interface Evidence {
  sourceId: string;
  quote: string;
  start: number;
  end: number;
}

export interface LinkRecord extends Evidence {
  type: RelType;
  from: string; // id of the start node (label follows from the relationship type)
  to: string;
}

/**
 * Which stored sources a batch takes the place of when it loads: 'path' (a file: whatever was loaded from
 * the same path before), or the ids of the sources it names (an upload: none unless the client names one).
 */
export type Replaces = 'path' | { ids: readonly string[] };

/** Everything one document contributes. Loaded atomically; replacing a source replaces exactly this. */
export interface SourceBatch {
  source: SourceRecord;
  /** Absent: 'path'. */
  replaces?: Replaces;
  cases: CaseReviewRecord[];
  learning: StatementRecord[];
  recommendations: StatementRecord[];
  links: LinkRecord[];
}
