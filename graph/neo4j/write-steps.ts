/**
 * What loading one SourceBatch writes, as a list of named queries and their parameters: pure, so it can be
 * checked without a database. Rows go in UNWIND batches; links are grouped by relationship type (a type
 * cannot be a parameter) and written after every node they join. Which batches are well formed, and what
 * loading several means, is decided engine-independently in graph/load-plan.ts.
 */
import type { LinkRecord, SourceBatch, StatementRecord } from '../records.ts';
import { declaredValues, type NodeLabel, REL_TYPES, type RelType, relDecl } from '../schema/model.ts';
import type { NodeRef } from '../store.ts';
import { LINK_QUERIES, type QueryName } from './queries.ts';

export const BATCH_ROWS = 5000;

export interface WriteStep {
  query: QueryName;
  params: Record<string, unknown>;
  /** For link steps: how many relationships the step must report as created. */
  expectCreated?: number;
}

export function chunk<T>(rows: readonly T[], size: number = BATCH_ROWS): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  return chunks;
}

/** Nodes the batch itself creates, keyed "Label:id". */
function batchNodeKeys(batch: SourceBatch): Set<string> {
  return new Set([
    `Source:${batch.source.id}`,
    ...batch.cases.map((c) => `CaseReview:${c.id}`),
    ...batch.learning.map((s) => `Learning:${s.id}`),
    ...batch.recommendations.map((s) => `Recommendation:${s.id}`),
  ]);
}

/** Link ends the batch does not create (taxonomy entries, mostly): they must already be in the graph. */
export function externalRefs(batch: SourceBatch): NodeRef[] {
  const own = batchNodeKeys(batch);
  const refs = new Map<string, NodeRef>();
  for (const link of batch.links) {
    const decl = relDecl(link.type);
    const ends: Array<[NodeLabel, string]> = [
      [decl.from, link.from],
      [decl.to, link.to],
    ];
    for (const [label, id] of ends) {
      const key = `${label}:${id}`;
      if (!own.has(key)) refs.set(key, { label, id });
    }
  }
  return [...refs.values()];
}

/** Rows a batch writes, to keep transactions of loadSources to a bounded size. */
export function batchRows(batch: SourceBatch): number {
  return 1 + batch.cases.length + batch.learning.length + batch.recommendations.length + batch.links.length;
}

function sourceParam(batch: SourceBatch): Record<string, unknown> {
  return declaredValues('Source', batch.source);
}

function caseRows(batch: SourceBatch): Record<string, unknown>[] {
  return batch.cases.map((c) => declaredValues('CaseReview', c));
}

function statementRows(
  label: 'Learning' | 'Recommendation',
  items: readonly StatementRecord[],
): Record<string, unknown>[] {
  return items.map((s) => declaredValues(label, s));
}

function linkRows(links: readonly LinkRecord[]): Record<string, unknown>[] {
  return links.map((l) => ({
    from: l.from,
    to: l.to,
    sourceId: l.sourceId,
    quote: l.quote,
    start: l.start,
    end: l.end,
  }));
}

function rowSteps(query: QueryName, rows: Record<string, unknown>[]): WriteStep[] {
  return chunk(rows).map((part) => ({ query, params: { rows: part } }));
}

function linkSteps(type: RelType, links: readonly LinkRecord[]): WriteStep[] {
  const rows = linkRows(links.filter((l) => l.type === type));
  return chunk(rows).map((part) => ({
    query: LINK_QUERIES[type],
    params: { rows: part },
    expectCreated: part.length,
  }));
}

/** Every write of one batch, in order: the source, its nodes, then its links type by type. */
export function writeSteps(batch: SourceBatch): WriteStep[] {
  return [
    { query: 'merge-source', params: { source: sourceParam(batch) } },
    ...rowSteps('merge-cases', caseRows(batch)),
    ...rowSteps('merge-learning', statementRows('Learning', batch.learning)),
    ...rowSteps('merge-recommendations', statementRows('Recommendation', batch.recommendations)),
    ...REL_TYPES.flatMap((type) => linkSteps(type, batch.links)),
  ];
}
