/** The reviews behind a link: those under the current filter that carry both themes, page by page. */
import type { Api, ApiResult } from '../api/client.ts';
import type { CasesQuery } from '../api/generated/operations.ts';
import { CASES } from '../api/queries.ts';
import type { CaseFilter, CaseListItem, Connection } from '../api/types.ts';

const MAX_PAGES = 20;

export interface LinkReviews {
  cases: CaseListItem[];
  /** Paging stopped before every review of the rarer theme was read. */
  truncated: boolean;
}

export async function reviewsSharing(
  api: Api,
  filter: CaseFilter,
  pair: { scan: string; other: string },
  opts: { expected: number | null; pageSize: number; stale: () => boolean },
): Promise<ApiResult<LinkReviews> | null> {
  const found: CaseListItem[] = [];
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result: ApiResult<CasesQuery> = await api.request(CASES, {
      cases: { ...filter, themesAll: [pair.scan, pair.other] },
      first: opts.pageSize,
      after,
    });
    if (opts.stale()) return null;
    if (!result.ok) return result;
    const { edges, pageInfo }: Connection<CaseListItem> = result.data.cases;
    found.push(...edges.map((e) => e.node));
    const done = !pageInfo.hasNextPage || (opts.expected !== null && found.length >= opts.expected);
    if (done) return { ok: true, data: { cases: found, truncated: false } };
    after = pageInfo.endCursor;
  }
  return { ok: true, data: { cases: found, truncated: true } };
}

/** The end of the link with fewer reviews is the cheaper one to page through. */
export function rarerFirst(
  weights: ReadonlyMap<string, number>,
  a: string,
  b: string,
): { scan: string; other: string } {
  return (weights.get(a) ?? 0) <= (weights.get(b) ?? 0) ? { scan: a, other: b } : { scan: b, other: a };
}
