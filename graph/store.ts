/**
 * The GraphStore port: the only way the rest of Threadline reaches a database. Two engines implement it
 * (graph/embedded: LadybugDB, graph/neo4j: Neo4j over Bolt); tests/integration/store runs one contract
 * suite against each engine that is available.
 */
import type {
  AgencyRecord,
  CaseReviewRecord,
  Evidence,
  SourceBatch,
  SourceRecord,
  StatementRecord,
  TaxonomyRecords,
  TaxonRecord,
  ThemeRecord,
} from './records.ts';
import type { NodeLabel, RelType } from './schema/model.ts';

export type EngineName = 'embedded' | 'neo4j';

/** 'refreshed': a file stored unchanged but read by an older extractor version, its reading replaced in place. */
export type LoadStatus = 'loaded' | 'replaced' | 'refreshed' | 'unchanged';

export interface LoadOutcome {
  sourceId: string;
  path: string;
  status: LoadStatus;
  /** Ids of sources this load replaced (an earlier version of the same path, or the source an upload named). */
  replaced: string[];
  /** The path of another stored source with the same content, when this one was loaded beside it; else null. */
  duplicateOf: string | null;
  nodes: number;
  links: number;
}

export type SourceSummary = Omit<SourceRecord, 'text' | 'extractor' | 'extraction'> & { caseCount: number };

/** What a stored source says about how it was read (SourceRecord.extractor and .extraction; null: unknown). */
export interface SourceReading {
  id: string;
  extractor: string | null;
  extraction: string | null;
}

export interface GraphCounts {
  nodes: Record<NodeLabel, number>;
  relationships: Record<RelType, number>;
}

/** The compact per-case row the server's analytics index is built from (filters, co-occurrence). */
export interface CaseFacets {
  id: string;
  reportYear: number | null;
  outcome: string | null;
  ageBand: string | null;
  reviewType: string;
  harmTypes: string[];
  agencies: string[];
  themes: string[];
  sources: string[];
}

export interface LinkedEntity {
  id: string;
  label: string;
  evidence: Evidence;
}

export interface LearningDetail extends StatementRecord {
  themes: LinkedEntity[];
}

export interface RecommendationDetail extends StatementRecord {
  themes: LinkedEntity[];
  agencies: LinkedEntity[];
}

export interface CaseDetail {
  review: CaseReviewRecord;
  sources: SourceSummary[];
  harmTypes: LinkedEntity[];
  agencies: LinkedEntity[];
  themes: LinkedEntity[];
  learning: LearningDetail[];
  recommendations: RecommendationDetail[];
}

export type StatementKind = 'learning' | 'recommendation';

export interface StatementQuery {
  kind: StatementKind;
  /** OR within each list, AND across lists; an empty or missing list does not filter. */
  themes?: string[];
  agencies?: string[];
  caseIds?: string[];
  limit: number;
  offset: number;
}

export interface StatementHit extends StatementRecord {
  kind: StatementKind;
  caseId: string;
  themes: string[];
  agencies: string[];
}

/** One recommendation as the server's recommendation analytics reads it: all of them at once, ids only. */
export interface RecommendationRow extends StatementRecord {
  /** The case review that makes it (the first by id, when several do). */
  caseId: string;
  caseTitle: string;
  /** Ids of the agencies it targets and the themes it addresses, distinct and sorted. */
  agencies: string[];
  themes: string[];
}

/** A case review's link to a harm type, agency or theme, with the sentence behind it (bulk exports). */
export interface CaseLinkRow {
  caseId: string;
  type: 'CONCERNS' | 'INVOLVED' | 'HAS_THEME';
  targetId: string;
  evidence: Evidence;
}

export interface NodeRef {
  label: NodeLabel;
  id: string;
}

export interface GraphNode extends NodeRef {
  /** What a person reads: a theme's label, a case's title, a statement's text. */
  caption: string;
}

export interface GraphEdge {
  type: RelType;
  source: NodeRef;
  target: NodeRef;
}

export interface Subgraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface GraphPath {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export type SearchKind =
  | 'case'
  | 'theme'
  | 'agency'
  | 'harmType'
  | 'partnership'
  | 'learning'
  | 'recommendation';

export interface SearchHit {
  kind: SearchKind;
  id: string;
  caption: string;
  /** The case the hit belongs to (for statements and partnerships), else null. */
  caseId: string | null;
}

export interface GraphStore {
  readonly engine: EngineName;
  /** One line for logs and /healthz, e.g. "embedded LadybugDB 0.19.1 at data/threadline". */
  readonly description: string;

  /** Creates tables/constraints/indexes if missing. Idempotent. */
  ensureSchema(): Promise<void>;
  /** Throws a StoreError when the database cannot answer. */
  ping(): Promise<void>;
  /**
   * Starts reading, in the background, what the store keeps in memory to answer reads (the embedded engine's
   * adjacency for paths); until it is read, those reads are answered as before. Absent: nothing to read.
   * Without a call, the first read that needs it starts it.
   */
  warm?(): void;
  close(): Promise<void>;

  // ---- writes (every one idempotent) ----
  upsertTaxonomy(taxonomy: TaxonomyRecords): Promise<void>;
  /**
   * Loads one document atomically. Same source id already present: no-op ('unchanged'), unless it is a file
   * the stored source was read from by another extractor version (SourceRecord.extractor): then what that
   * source contributed is replaced by this reading under the same id ('refreshed'). The sources it
   * replaces (an earlier version of the same path, or the ones an upload names; SourceBatch.replaces) are
   * removed first ('replaced'). A failure leaves nothing of this batch.
   */
  loadSource(batch: SourceBatch): Promise<LoadOutcome>;
  /** Many documents through the engine's bulk path; same per-document semantics as loadSource. */
  loadSources(batches: SourceBatch[]): Promise<LoadOutcome[]>;
  /** Removes everything that came from this source; case reviews still published elsewhere stay. */
  removeSource(sourceId: string): Promise<boolean>;

  // ---- reads ----
  /**
   * How the stored sources among these ids were read, one row each; ids not stored (or whose load has not
   * finished) are left out. One query.
   */
  sourceReadings(ids: readonly string[]): Promise<SourceReading[]>;
  counts(): Promise<GraphCounts>;
  listSources(): Promise<SourceSummary[]>;
  sourceText(sourceId: string): Promise<string | null>;
  taxonomy(): Promise<{ harmTypes: TaxonRecord[]; agencies: AgencyRecord[]; themes: ThemeRecord[] }>;
  caseFacets(): Promise<CaseFacets[]>;
  casesByIds(ids: string[]): Promise<CaseReviewRecord[]>;
  caseDetail(id: string): Promise<CaseDetail | null>;
  statements(query: StatementQuery): Promise<{ total: number; items: StatementHit[] }>;
  /** Every recommendation with its case review, agencies and themes, ordered by case id, start, id. */
  recommendationRows(): Promise<RecommendationRow[]>;
  /**
   * Every CONCERNS, INVOLVED and HAS_THEME link of these cases (null = of every case) with its evidence, one
   * row per evidencing sentence, ordered by case, type, target, source and offsets (for file exports).
   */
  caseLinks(caseIds: readonly string[] | null): Promise<CaseLinkRow[]>;
  /** Evidence of CaseReview-[HAS_THEME]->Theme for the given cases and themes (for edge and theme panels). */
  themeEvidence(
    caseIds: string[],
    themeIds: string[],
  ): Promise<Array<{ caseId: string; themeId: string; evidence: Evidence }>>;
  neighbourhood(start: NodeRef, depth: number, limit: number): Promise<Subgraph>;
  /** Shortest paths (up to `limit`) between two nodes, at most `maxHops` relationships long. */
  connections(from: NodeRef, to: NodeRef, maxHops: number, limit: number): Promise<GraphPath[]>;
  search(text: string, limit: number): Promise<SearchHit[]>;
}
