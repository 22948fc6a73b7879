/**
 * Relay pages of cases (from the analytics index) and of statements (from the listings beside the index
 * once they are read, from store.statements until then).
 */

import type { StatementHit, StatementKind } from '../../../graph/store.ts';
import type { Bitset } from '../../analytics/bitset.ts';
import type { NormalizedFilter } from '../../analytics/filter.ts';
import { isEmptyFilter } from '../../analytics/filter.ts';
import { type ListingQuery, recommendationListing } from '../../analytics/recommendations/listing.ts';
import {
  learningListing,
  loadedLearningListing,
  loadedRecommendationBook,
  recommendationBook,
} from '../../analytics/recommendations/load.ts';
import {
  checkFirst,
  compareStatementKeys,
  decodeCaseCursor,
  decodeStatementCursor,
  encodeCaseCursor,
  encodeStatementCursor,
  firstAfter,
  type StatementKey,
} from '../../pagination/cursor.ts';
import { catalogOf } from '../catalog.ts';
import type { RequestContext } from '../context.ts';
import {
  type CaseParent,
  type Connection,
  connection,
  emptyConnection,
  type StatementParent,
  statementFromHit,
} from './views.ts';

export interface PageRequest {
  first?: number | null;
  after?: string | null;
}

export async function casePage(
  ctx: RequestContext,
  filters: NormalizedFilter[],
  args: PageRequest,
): Promise<Connection<CaseParent>> {
  const first = checkFirst(args.first, ctx.config.limits.maxFirst);
  const page = ctx.index.page(ctx.index.matchAll(filters), first, decodeCaseCursor(args.after));
  if (!ctx.budget.takeItems(page.ids.length)) return emptyConnection();
  const records = await Promise.all(page.ids.map((id) => ctx.loaders.caseRecord.load(id)));
  const found = records.flatMap((r, i) => (r ? [{ node: r as CaseParent, key: page.keys[i] }] : []));
  return connection(
    found.map((f) => f.node),
    found.map((f) => (f.key ? encodeCaseCursor(f.key) : '')),
    page.totalCount,
    page.hasNextPage,
    page.hasPreviousPage,
  );
}

export interface StatementScope {
  themes?: string[] | null;
  agencies?: string[] | null;
  /** Only statements of cases under this filter. */
  cases?: NormalizedFilter | null;
}

export async function statementPage(
  ctx: RequestContext,
  kind: StatementKind,
  scope: StatementScope,
  args: PageRequest,
): Promise<Connection<StatementParent>> {
  const first = checkFirst(args.first, ctx.config.limits.maxFirst);
  const after = decodeStatementCursor(args.after);
  const cases = scope.cases && !isEmptyFilter(scope.cases) ? ctx.index.match(scope.cases) : null;
  // The port reads an empty caseIds list as "no restriction"; a filter that matches nothing must give nothing.
  if (cases !== null && cases.count() === 0) return emptyConnection();
  let offset: number;
  let result: StatementResult;
  if (after.kind === 'key') {
    // After a cursor, the page starts at the first statement that sorts after it, wherever it now stands:
    // read from the listing beside the index (read now if it has not been yet).
    const all = await listedStatements(ctx, kind, scope, cases);
    offset = firstAfter(all.items, after.key, statementKey, compareStatementKeys);
    result = { total: all.total, items: all.items.slice(offset, offset + first) };
  } else {
    offset = after.kind === 'offset' ? after.offset : 0;
    result =
      listedPage(ctx, kind, scope, cases, first, offset) ??
      (await ctx.store.statements({
        kind,
        themes: scope.themes ?? undefined,
        agencies: scope.agencies ?? undefined,
        caseIds: cases === null ? undefined : ctx.index.idsOf(cases),
        limit: first,
        offset,
      }));
  }
  if (!ctx.budget.takeItems(result.items.length)) return emptyConnection();
  const catalog = catalogOf(ctx.index);
  const items = result.items.map((hit) => statementFromHit(hit, (k, id) => catalog.label(k, id)));
  return connection(
    items,
    result.items.map((hit) => encodeStatementCursor(statementKey(hit))),
    result.total,
    offset + items.length < result.total,
    offset > 0,
  );
}

function statementKey(row: Pick<StatementHit, 'caseId' | 'start' | 'id'>): StatementKey {
  return { caseId: row.caseId, start: row.start, id: row.id };
}

/** Every statement of the kind under the scope, in listing order, from the listing beside the index. */
async function listedStatements(
  ctx: RequestContext,
  kind: StatementKind,
  scope: StatementScope,
  cases: Bitset | null,
): Promise<StatementResult> {
  const query: ListingQuery = {
    themes: scope.themes,
    agencies: scope.agencies,
    scope: cases,
    offset: 0,
    limit: Number.MAX_SAFE_INTEGER,
  };
  if (kind === 'learning') return (await learningListing(ctx.index, ctx.store)).page(query);
  const page = recommendationListing(await recommendationBook(ctx.index, ctx.store), query);
  return { total: page.total, items: page.items.map((row) => ({ ...row, kind })) };
}

type StatementResult = { total: number; items: StatementHit[] };

/**
 * Statements of the kind from the listing beside the index, counted and paged in one pass, once it has
 * been read; null before then (the read is started, and the store answers meanwhile).
 */
function listedPage(
  ctx: RequestContext,
  kind: StatementKind,
  scope: StatementScope,
  cases: Bitset | null,
  first: number,
  offset: number,
): StatementResult | null {
  const query: ListingQuery = {
    themes: scope.themes,
    agencies: scope.agencies,
    scope: cases,
    offset,
    limit: first,
  };
  if (kind === 'learning') return loadedLearningListing(ctx.index, ctx.store)?.page(query) ?? null;
  const book = loadedRecommendationBook(ctx.index, ctx.store);
  if (!book) return null;
  const page = recommendationListing(book, query);
  return { total: page.total, items: page.items.map((row) => ({ ...row, kind })) };
}
