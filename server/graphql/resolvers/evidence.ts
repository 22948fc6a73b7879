/**
 * Evidence: the one type for every quote. Its parents are the stored evidence of a link, a statement (its
 * own text is its quote), or a recommendation listed by the recommendation answers. Code-point offsets
 * and the source are read only when a query asks for them.
 */
import type { Evidence as EvidenceRecord } from '../../../graph/records.ts';
import type { SourceSummary } from '../../../graph/store.ts';
import type { AnalyticsIndex } from '../../analytics/index.ts';
import { codePointIn } from '../code-points.ts';
import type { RequestContext } from '../context.ts';
import type { EvidenceResolvers } from '../generated/resolvers.ts';
import type { StatementParent } from './views.ts';

const sourcesById = new WeakMap<AnalyticsIndex, Map<string, SourceSummary>>();

function sourceOf(index: AnalyticsIndex, id: string): SourceSummary | null {
  let byId = sourcesById.get(index);
  if (!byId) {
    byId = new Map(index.sources.map((s) => [s.id, s]));
    sourcesById.set(index, byId);
  }
  return byId.get(id) ?? null;
}

export const Evidence = {
  unit: () => 'UTF16_CODE_UNITS',
  source: (e: EvidenceRecord, _: unknown, ctx: RequestContext) => sourceOf(ctx.index, e.sourceId),
  startCodePoint: (e: EvidenceRecord, _: unknown, ctx: RequestContext) =>
    codePointIn(ctx.store, e.sourceId, e.start),
  endCodePoint: (e: EvidenceRecord, _: unknown, ctx: RequestContext) =>
    codePointIn(ctx.store, e.sourceId, e.end),
} satisfies EvidenceResolvers;

/** A statement's text is its own quote. */
export function statementEvidence(s: StatementParent): EvidenceRecord {
  return { sourceId: s.sourceId, quote: s.text, start: s.start, end: s.end };
}

/** The offset and evidence fields Learning and Recommendation share. */
export const statementOffsets = {
  startCodePoint: (s: StatementParent, _: unknown, ctx: RequestContext) =>
    codePointIn(ctx.store, s.sourceId, s.start),
  endCodePoint: (s: StatementParent, _: unknown, ctx: RequestContext) =>
    codePointIn(ctx.store, s.sourceId, s.end),
  evidence: statementEvidence,
};
