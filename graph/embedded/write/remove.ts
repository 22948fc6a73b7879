/**
 * Removing what sources contributed, inside the caller's transaction. Every statement and every link of a
 * batch hangs off one of its case reviews (graph/load-plan.ts checks that on load), so the work starts from
 * (case, source) pairs and reaches everything through primary-key lookups instead of table scans.
 */
import type { RelType } from '../../schema/model.ts';
import type { Session } from '../database.ts';
import { chunks } from './tables.ts';

/** Links that start at a case review. */
export const CASE_LINKS: readonly RelType[] = [
  'CONCERNS',
  'INVOLVED',
  'HAS_THEME',
  'HAS_LEARNING',
  'MAKES',
  'PUBLISHED_IN',
];

/** Links that start at a statement, by the label of the statement and the link that holds it. */
export const STATEMENT_LINKS = [
  { label: 'Learning', holds: 'HAS_LEARNING', rel: 'ABOUT' },
  { label: 'Recommendation', holds: 'MAKES', rel: 'TARGETS' },
  { label: 'Recommendation', holds: 'MAKES', rel: 'ADDRESSES' },
] as const;

/** A node id and a source id: a case review published in a source, or a statement read from one. */
export type Pair = { c: string; s: string };

async function forPairs(session: Session, cypher: string, pairs: readonly Pair[]): Promise<void> {
  for (const part of chunks(pairs)) await session.run(cypher, { pairs: part });
}

async function publishedPairs(session: Session, sourceIds: string[]): Promise<Pair[]> {
  const pairs: Pair[] = [];
  for (const part of chunks(sourceIds)) {
    const rows = await session.rows(
      'UNWIND $ids AS sid MATCH (c:CaseReview)-[:PUBLISHED_IN]->(s:Source) WHERE s.id = sid ' +
        'RETURN DISTINCT c.id AS c, s.id AS s',
      { ids: part },
    );
    pairs.push(...rows.map((r) => ({ c: String(r.c), s: String(r.s) })));
  }
  return pairs;
}

/** The links each source put on the given case reviews. */
export async function removeCaseLinks(session: Session, pairs: readonly Pair[]): Promise<void> {
  for (const rel of CASE_LINKS) {
    await forPairs(
      session,
      `UNWIND $pairs AS p MATCH (c:CaseReview)-[r:${rel}]->() WHERE c.id = p.c AND r.sourceId = p.s DELETE r`,
      pairs,
    );
  }
}

/**
 * Statements read from the sources (with every link on them), and the links the sources put on statements
 * that another source holds under the same id.
 */
async function removeStatements(session: Session, pairs: readonly Pair[]): Promise<void> {
  for (const { label, holds, rel } of STATEMENT_LINKS) {
    await forPairs(
      session,
      `UNWIND $pairs AS p MATCH (c:CaseReview)-[:${holds}]->(x:${label})-[r:${rel}]->() ` +
        'WHERE c.id = p.c AND r.sourceId = p.s DELETE r',
      pairs,
    );
  }
  for (const [label, holds] of [
    ['Learning', 'HAS_LEARNING'],
    ['Recommendation', 'MAKES'],
  ] as const) {
    await forPairs(
      session,
      `UNWIND $pairs AS p MATCH (c:CaseReview)-[:${holds}]->(x:${label}) WHERE c.id = p.c AND x.sourceId = p.s ` +
        'DETACH DELETE x',
      pairs,
    );
  }
}

/**
 * Case reviews among `caseIds` no longer published anywhere: they go, with whatever still hangs off them.
 * Counted with OPTIONAL MATCH: LadybugDB 0.19 answers `NOT EXISTS { … }` wrongly after an UNWIND.
 */
async function removeOrphanCases(session: Session, caseIds: string[]): Promise<void> {
  for (const part of chunks(caseIds)) {
    await session.run(
      'UNWIND $ids AS cid MATCH (c:CaseReview) WHERE c.id = cid OPTIONAL MATCH (c)-[p:PUBLISHED_IN]->(:Source) ' +
        'WITH c, count(p) AS published WHERE published = 0 DETACH DELETE c',
      { ids: part },
    );
  }
}

export async function deleteNodes(session: Session, label: string, ids: readonly string[]): Promise<void> {
  for (const part of chunks(ids)) {
    await session.run(`UNWIND $ids AS i MATCH (n:${label}) WHERE n.id = i DETACH DELETE n`, { ids: part });
  }
}

export async function removeSources(session: Session, sourceIds: string[]): Promise<void> {
  if (sourceIds.length === 0) return;
  const pairs = await publishedPairs(session, sourceIds);
  await removeStatements(session, pairs);
  await removeCaseLinks(session, pairs);
  await removeOrphanCases(session, [...new Set(pairs.map((p) => p.c))]);
  await deleteNodes(session, 'Source', sourceIds);
}
