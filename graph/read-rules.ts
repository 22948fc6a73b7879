/**
 * Engine-independent shape of answers: the orderings and search ranking every engine applies, so the contract
 * suite (tests/integration/store) can hold both engines to identical answers.
 *
 * - listSources, CaseDetail.sources: by path, then id. Taxonomy lists: by id. caseFacets: by id, linked ids
 *   distinct and sorted. casesByIds: in the order asked, unknown ids skipped.
 * - CaseDetail links: one entry per link (a review met in two documents can link a theme twice, each with its
 *   own evidence), by label, id, sourceId, start. Learning and recommendations: by sourceId, start, id.
 * - statements(): by caseId (the smallest id of the reviews holding it), start, id; themes/agencies distinct
 *   and sorted; learning targets no agencies, so an agencies filter matches no learning.
 * - themeEvidence: one row per link, by caseId, themeId, sourceId, start.
 * - caseLinks: one row per link and evidencing sentence, by caseId, type, targetId, sourceId, start, end.
 * - search: exact caption first, then prefix, then substring; then by kind, caption, id.
 * - neighbourhood: breadth first; each step's new nodes by label, id until `limit` nodes; edges distinct by
 *   type and ends. connections: distinct paths (as node and edge sequences), by the ids along the path.
 * Strings compare by UTF-16 code unit, never by locale, so the order does not depend on the machine.
 */
import type { Evidence } from './records.ts';
import type { CaseLinkRow, GraphNode, LinkedEntity, SearchHit, SearchKind } from './store.ts';

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

type Key = string | number | null;

/** Compares by each key in turn; numbers numerically, strings by code unit, null first. */
export function compareBy<T>(...keys: Array<(x: T) => Key>): (a: T, b: T) => number {
  return (a, b) => {
    for (const key of keys) {
      const x = key(a);
      const y = key(b);
      if (x === y) continue;
      if (x === null) return -1;
      if (y === null) return 1;
      const order =
        typeof x === 'number' && typeof y === 'number' ? x - y : compareText(String(x), String(y));
      if (order !== 0) return order;
    }
    return 0;
  };
}

export const compareEvidence = compareBy<Evidence>(
  (e) => e.sourceId,
  (e) => e.start,
  (e) => e.end,
  (e) => e.quote,
);

export const compareLinkedEntities = compareBy<LinkedEntity>(
  (l) => l.label,
  (l) => l.id,
  (l) => l.evidence.sourceId,
  (l) => l.evidence.start,
  (l) => l.evidence.end,
);

/** Learning and recommendations of one case, in document order. */
export const compareStatements = compareBy<{ sourceId: string; start: number; id: string }>(
  (s) => s.sourceId,
  (s) => s.start,
  (s) => s.id,
);

export const compareCaseLinks = compareBy<CaseLinkRow>(
  (l) => l.caseId,
  (l) => l.type,
  (l) => l.targetId,
  (l) => l.evidence.sourceId,
  (l) => l.evidence.start,
  (l) => l.evidence.end,
  (l) => l.evidence.quote,
);

export const compareStatementHits = compareBy<{ caseId: string; start: number; id: string }>(
  (s) => s.caseId,
  (s) => s.start,
  (s) => s.id,
);

export const compareNodes = compareBy<{ label: string; id: string }>(
  (n) => n.label,
  (n) => n.id,
);

/** What a person reads for a node: a taxonomy label, a case or source title, a statement's text. */
export function caption(props: { label?: unknown; title?: unknown; text?: unknown; id: string }): string {
  for (const value of [props.label, props.title, props.text]) if (typeof value === 'string') return value;
  return props.id;
}

/** Orders paths by the ids along them, element by element (a shorter prefix first). */
export function comparePaths(a: { nodes: GraphNode[] }, b: { nodes: GraphNode[] }): number {
  const n = Math.min(a.nodes.length, b.nodes.length);
  for (let i = 0; i < n; i++) {
    const order = compareText(a.nodes[i]?.id ?? '', b.nodes[i]?.id ?? '');
    if (order !== 0) return order;
  }
  return a.nodes.length - b.nodes.length;
}

export const SEARCH_KIND_ORDER: readonly SearchKind[] = [
  'theme',
  'harmType',
  'agency',
  'case',
  'partnership',
  'learning',
  'recommendation',
];

/** The text a search matches against, normalised; empty when there is nothing to search for. */
export function searchNeedle(text: string): string {
  return text.trim().toLowerCase();
}

/** 0 = the caption equals the needle, 1 = starts with it, 2 = anything else that matched. */
export function searchTier(caption: string, needle: string): number {
  const value = caption.toLowerCase();
  return value === needle ? 0 : value.startsWith(needle) ? 1 : 2;
}

export const compareSearchHits = compareBy<SearchHit & { tier: number }>(
  (h) => h.tier,
  (h) => SEARCH_KIND_ORDER.indexOf(h.kind),
  (h) => h.caption,
  (h) => h.id,
);

/** Best hits first, at most `limit`. */
export function rankSearchHits(hits: readonly SearchHit[], needle: string, limit: number): SearchHit[] {
  return hits
    .map((h) => ({ ...h, tier: searchTier(h.caption, needle) }))
    .sort(compareSearchHits)
    .slice(0, Math.max(0, limit))
    .map(({ tier: _tier, ...hit }) => hit);
}
