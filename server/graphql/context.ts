/**
 * What every resolver gets: the store, the analytics index as it was when the request started, the
 * per-request loaders, and who is calling.
 */
import type { CaseReviewRecord, Evidence } from '../../graph/records.ts';
import type { CaseDetail, GraphStore } from '../../graph/store.ts';
import type { UploadResult } from '../../ingest/index.ts';
import type { AnalyticsIndex } from '../analytics/index.ts';
import { type IndexKeeper, isIndexWarmingError } from '../analytics/keeper.ts';
import type { ServerConfig } from '../config.ts';
import type { TaxonSearch } from '../search/taxonomy-hits.ts';
import type { RequestBudget } from './budget.ts';
import { userError } from './errors.ts';
import { type RequestLoader, requestLoader } from './loader.ts';

/** Reads one uploaded document and loads it into the store (ingest/load/ingest-files.ts behind it). */
export type UploadIngester = (
  store: GraphStore,
  filename: string,
  bytes: Uint8Array,
  /** The id of the source the upload replaces, when the client names one. */
  options?: { replaces?: string | null },
) => Promise<UploadResult>;

export interface ThemeEvidenceRow {
  themeId: string;
  evidence: Evidence;
}

export interface Loaders {
  caseRecord: RequestLoader<string, CaseReviewRecord>;
  caseDetail: RequestLoader<string, CaseDetail | null>;
  caseThemes: RequestLoader<string, ThemeEvidenceRow[]>;
}

export interface RequestContext {
  store: GraphStore;
  index: AnalyticsIndex;
  keeper: IndexKeeper;
  config: ServerConfig;
  isAdmin: boolean;
  ingest: UploadIngester;
  loaders: Loaders;
  budget: RequestBudget;
  /** Search over the taxonomy's labels and synonyms, built on first use and kept for the server's life. */
  taxonSearch: () => TaxonSearch;
}

export function createLoaders(store: GraphStore, index: AnalyticsIndex): Loaders {
  return {
    caseRecord: requestLoader(async (ids) => {
      const records = await store.casesByIds(ids);
      return new Map(records.map((r) => [r.id, r]));
    }),
    // The port reads one case's detail at a time; the loader still deduplicates within a request.
    caseDetail: requestLoader(async (ids) => {
      const details = await Promise.all(ids.map((id) => store.caseDetail(id)));
      return new Map(ids.map((id, i) => [id, details[i] ?? null]));
    }),
    caseThemes: requestLoader(async (caseIds) => {
      const themeIds = [...new Set(caseIds.flatMap((id) => index.themesOf(id)))];
      const rows = themeIds.length === 0 ? [] : await store.themeEvidence(caseIds, themeIds);
      const byCase = new Map<string, ThemeEvidenceRow[]>(caseIds.map((id) => [id, []]));
      for (const row of rows) byCase.get(row.caseId)?.push({ themeId: row.themeId, evidence: row.evidence });
      return byCase;
    }),
  };
}

/**
 * The index a request reads, waiting at most `waitMs` while the server's first build runs. A request that
 * would wait longer gets a retryable SERVICE_UNAVAILABLE error (HTTP 503 with Retry-After) saying so.
 */
export async function requestIndex(keeper: IndexKeeper, waitMs: number): Promise<AnalyticsIndex> {
  try {
    return await keeper.ready(waitMs);
  } catch (e) {
    if (!isIndexWarmingError(e)) throw e;
    const retryAfter = String(e.retryAfterSeconds);
    throw userError('SERVICE_UNAVAILABLE', e.message, {
      retryable: true,
      retryAfterSeconds: e.retryAfterSeconds,
      http: { status: 503, headers: { 'retry-after': retryAfter } },
    });
  }
}
