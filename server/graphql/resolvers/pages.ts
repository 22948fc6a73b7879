/** Relay pages of cases (from the analytics index) and of statements (from store.statements). */

import type { StatementKind } from '../../../graph/store.ts';
import type { NormalizedFilter } from '../../analytics/filter.ts';
import { isEmptyFilter } from '../../analytics/filter.ts';
import {
  checkFirst,
  decodeCaseCursor,
  decodeOffsetCursor,
  encodeCaseCursor,
  encodeOffsetCursor,
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
  const offset = decodeOffsetCursor(args.after);
  const caseIds = scope.cases && !isEmptyFilter(scope.cases) ? ctx.index.caseIds(scope.cases) : undefined;
  // The port reads an empty caseIds list as "no restriction"; a filter that matches nothing must give nothing.
  if (caseIds !== undefined && caseIds.length === 0) return emptyConnection();
  const result = await ctx.store.statements({
    kind,
    themes: scope.themes ?? undefined,
    agencies: scope.agencies ?? undefined,
    caseIds,
    limit: first,
    offset,
  });
  if (!ctx.budget.takeItems(result.items.length)) return emptyConnection();
  const catalog = catalogOf(ctx.index);
  const items = result.items.map((hit) => statementFromHit(hit, (k, id) => catalog.label(k, id)));
  return connection(
    items,
    items.map((_, i) => encodeOffsetCursor(offset + i)),
    result.total,
    offset + items.length < result.total,
    offset > 0,
  );
}
