/**
 * "Strongest related themes", ranked by association rather than raw counts: a link that is significant on
 * the map comes first, then the larger lift, then the smaller p-value and more shared reviews. Counting
 * alone would put the commonest themes at the top of every list.
 */
import type { AnalyticEdge } from '../api/network-queries.ts';
import type { RelatedTheme } from '../api/types.ts';

export interface RankedRelated extends RelatedTheme {
  /** The link's one-sided Fisher p-value when it is on the map; null when it is not drawn. */
  pValue: number | null;
}

export function rankRelated(
  themeId: string,
  related: readonly RelatedTheme[],
  edges: readonly AnalyticEdge[],
  floor: number,
  limit = 8,
): RankedRelated[] {
  const p = new Map<string, number>();
  for (const e of edges) {
    if (e.source === themeId) p.set(e.target, e.pValue);
    else if (e.target === themeId) p.set(e.source, e.pValue);
  }
  return related
    .filter((r) => r.theme.id !== themeId && r.shared >= floor)
    .map((r) => ({ ...r, pValue: p.get(r.theme.id) ?? null }))
    .sort(
      (a, b) =>
        Number(a.pValue === null) - Number(b.pValue === null) ||
        b.lift - a.lift ||
        (a.pValue ?? 1) - (b.pValue ?? 1) ||
        b.shared - a.shared ||
        a.theme.label.localeCompare(b.theme.label),
    )
    .slice(0, limit);
}
