/**
 * Loading SourceBatches into LadybugDB, as if each batch were loaded on its own in order (graph/load-plan.ts).
 * Small loads are one transaction of UNWIND statements (BEGIN … COMMIT on the writer session): a failure
 * anywhere rolls everything back, and a snapshot taken before it is put back if the process is killed
 * (loadGuarded). Large loads take the COPY path in bulk.ts, which has the same guarantee.
 */

import { rm } from 'node:fs/promises';
import { assertBatchesValid, planLoads, type StoredSource } from '../../load-plan.ts';
import type { SourceBatch } from '../../records.ts';
import type { LoadOutcome } from '../../store.ts';
import { inTransaction, type Session } from '../database.ts';
import { dropSnapshot, journalPath, markCommitted, takeSnapshot, writeAtomically } from '../files.ts';
import { type BulkOptions, bulkLoad, unsettledError, verify } from './bulk.ts';
import {
  contentOf,
  createContent,
  type LoadContent,
  loadContext,
  splitByPresence,
  updateNodes,
} from './content.ts';
import { removeSources } from './remove.ts';
import { UnwindSink } from './sinks.ts';
import { chunks } from './tables.ts';

export type LoadPath = 'unwind' | 'copy';

const STORED_COLUMNS = 's.id AS id, s.path AS path, s.sha256 AS sha256';

/**
 * The stored sources that decide the batches' outcomes: their own ids, their paths, their content (by hash,
 * or by id for sources stored before content hashes were). Few batches: looked up; many: reading every
 * source is cheaper than thousands of probes.
 */
async function storedSources(session: Session, batches: readonly SourceBatch[]): Promise<StoredSource[]> {
  const toStored = (rows: Array<Record<string, unknown>>) =>
    rows.map((r) => ({
      id: String(r.id),
      path: String(r.path),
      sha256: typeof r.sha256 === 'string' ? r.sha256 : null,
    }));
  if (batches.length > 50) return toStored(await session.rows(`MATCH (s:Source) RETURN ${STORED_COLUMNS}`));
  const named = batches.flatMap((b) => (b.replaces && b.replaces !== 'path' ? b.replaces.ids : []));
  const ids = [...new Set([...batches.flatMap((b) => [b.source.id, b.source.sha256]), ...named])];
  const paths = [...new Set(batches.map((b) => b.source.path))];
  const hashes = [...new Set(batches.map((b) => b.source.sha256))];
  const found = [
    ...(await session.rows(`UNWIND $ids AS i MATCH (s:Source) WHERE s.id = i RETURN ${STORED_COLUMNS}`, {
      ids,
    })),
    ...(await session.rows(`UNWIND $paths AS p MATCH (s:Source) WHERE s.path = p RETURN ${STORED_COLUMNS}`, {
      paths,
    })),
    ...(await session.rows(
      `UNWIND $hashes AS h MATCH (s:Source) WHERE s.sha256 = h RETURN ${STORED_COLUMNS}`,
      { hashes },
    )),
  ];
  return [...new Map(toStored(found).map((s) => [s.id, s])).values()];
}

/**
 * The extractor versions of the stored sources that batches carry the ids of: whether such a batch is
 * unchanged or refreshed (graph/load-plan.ts). Only those are asked for, so a re-ingest that loads nothing
 * stored pays nothing. A database from before versions were kept has no such column: every version is
 * unknown there, and unknown never refreshes.
 */
async function withExtractors(
  session: Session,
  batches: readonly SourceBatch[],
  stored: StoredSource[],
): Promise<StoredSource[]> {
  const storedIds = new Set(stored.map((s) => s.id));
  const ids = [...new Set(batches.map((b) => b.source.id).filter((id) => storedIds.has(id)))];
  if (ids.length === 0) return stored;
  const columns = await session.rows("CALL table_info('Source') RETURN name AS name");
  if (!columns.some((c) => c.name === 'extractor')) return stored;
  const versions = new Map<string, string | null>();
  for (const part of chunks(ids)) {
    const rows = await session.rows(
      'UNWIND $ids AS i MATCH (s:Source) WHERE s.id = i RETURN s.id AS id, s.extractor AS extractor',
      { ids: part },
    );
    for (const r of rows) versions.set(String(r.id), typeof r.extractor === 'string' ? r.extractor : null);
  }
  return stored.map((s) => (versions.has(s.id) ? { ...s, extractor: versions.get(s.id) ?? null } : s));
}

export function batchRows(batches: readonly SourceBatch[]): number {
  return batches.reduce(
    (n, b) => n + 1 + b.cases.length + b.learning.length + b.recommendations.length + b.links.length,
    0,
  );
}

async function loadInTransaction(session: Session, content: LoadContent, remove: string[]): Promise<void> {
  const sink = new UnwindSink(session, loadContext(content));
  await inTransaction(session, async () => {
    await removeSources(session, remove);
    const { create, update } = await splitByPresence(session, content);
    await updateNodes(session, update);
    await createContent(sink, content.sources, create, content.links);
  });
}

/**
 * The UNWIND path with the same protection as the bulk path (bulk.ts): a snapshot and a journal before the
 * transaction, a checkpoint after it, so that a process killed during the transaction or during LadybugDB's
 * checkpoint is put back to the snapshot on the next open instead of relying on the engine's log.
 */
async function loadGuarded(session: Session, content: LoadContent, remove: string[], bulk: BulkOptions) {
  const step = async (name: string) => bulk.onStep?.(name);
  const journal = journalPath(bulk.dbPath);
  await step('snapshot');
  const snapshot = await takeSnapshot(bulk.dbPath);
  const head = { version: 2, snapshot, sources: content.sources.map((s) => s.id) };
  await writeAtomically(journal, JSON.stringify(head)).catch(async (e: unknown) => {
    await dropSnapshot(bulk.dbPath);
    throw e;
  });
  try {
    await step('commit');
    await loadInTransaction(session, content, remove);
  } catch (e) {
    // The transaction rolled back: the database is as the snapshot has it.
    await rm(journal, { force: true });
    await dropSnapshot(bulk.dbPath);
    throw e;
  }
  try {
    await step('checkpoint');
    await session.run('CHECKPOINT');
    await verify(session, content, { CaseReview: [], Learning: [], Recommendation: [] });
    // Checkpointed and verified: from here a kill keeps the load instead of putting the snapshot back.
    await markCommitted(bulk.dbPath, head);
  } catch (e) {
    throw unsettledError(bulk, e);
  }
  await step('settle');
  await rm(journal, { force: true });
  await dropSnapshot(bulk.dbPath);
}

export async function loadBatches(
  session: Session,
  batches: readonly SourceBatch[],
  path: (plannedRows: number) => LoadPath,
  bulk: BulkOptions,
  /** Whether an UNWIND load is protected by a snapshot too (always for COPY). */
  guardUnwind = true,
): Promise<LoadOutcome[]> {
  assertBatchesValid(batches);
  const plan = planLoads(
    batches,
    await withExtractors(session, batches, await storedSources(session, batches)),
  );
  if (plan.load.length === 0) return plan.outcomes;
  const content = contentOf(plan.load);
  // A refreshed source is written by UNWIND whichever path is taken (bulk.ts): only the rest can be copied.
  const refreshed = new Set(plan.remove);
  const copyable = plan.load.filter((b) => !refreshed.has(b.source.id));
  if (path(batchRows(copyable)) === 'copy') await bulkLoad(session, content, plan.remove, bulk);
  else if (guardUnwind) await loadGuarded(session, content, plan.remove, bulk);
  else await loadInTransaction(session, content, plan.remove);
  return plan.outcomes;
}

/** Removes one source and everything it contributed; false when it was not stored. */
export async function removeSource(session: Session, sourceId: string): Promise<boolean> {
  return inTransaction(session, async () => {
    const found = await session.rows('MATCH (s:Source) WHERE s.id = $id RETURN s.id AS id', { id: sourceId });
    if (found.length === 0) return false;
    await removeSources(session, [sourceId]);
    return true;
  });
}
