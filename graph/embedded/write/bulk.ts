/**
 * The bulk path: COPY from staged CSV files, ~10x the rows per second of UNWIND.
 *
 * What LadybugDB 0.19 allows, as found here:
 * - COPY inside BEGIN … COMMIT is accepted, but rolling such a transaction back is broken: rows the copied
 *   table held before vanish from the open database, or the process later dies in free(). So COPY only ever
 *   runs on its own (a single COPY is atomic: a failing one writes nothing).
 * - With auto-checkpoint off, copied rows are not in the write-ahead log: they survive a crash only once a
 *   checkpoint has run. With it on, every COPY pays a checkpoint (~100 ms at least, more as tables grow).
 *
 * So a load runs like this:
 * 1. Check first: every batch is well-formed, every taxonomy node a link names exists.
 * 2. Snapshot, with auto-checkpoint off until the load ends: copy the database file (and its log, if it has
 *    one) to `P.before-load`, checked against the file it copies (files.ts).
 * 3. Journal: the snapshot's path, the staging folder and the new source ids are written next to the database
 *    file before anything else (the undo plan for an in-process failure stays in memory).
 * 4. Phase 1: COPY the new sources (marked incomplete: no ingestedAt yet), the new nodes
 *    and every link. Nothing stored before is changed. Rows CSV cannot carry exactly are held back.
 * 5. CHECKPOINT: phase 1 is now on disk.
 * 6. Phase 2, one transaction of UNWIND statements: write the held-back rows, update the nodes that already
 *    existed, remove the earlier versions of replaced paths, replace the stored readings of refreshed
 *    sources (their new reading is written here, not copied in phase 1: it carries the ids of the rows it
 *    replaces), stamp the sources' ingestedAt.
 * 7. CHECKPOINT again and verify (every source stamped, every new node there): the load is in the database
 *    file itself. The journal is then marked committed (the commit: from here a kill keeps the load), and
 *    only then are the journal and the snapshot removed.
 * A failure (an error, not a crash) before phase 2 commits runs the undo plan (one transaction, no COPY) and
 * reports the error. A crash at any moment leaves the journal: the next open puts the snapshot back before
 * the engine reads anything (files.ts), so the engine's own log recovery never has to undo a bulk load; a
 * crash after the journal was marked committed keeps the load (the next open removes journal and snapshot).
 *
 * Guarantee: a loadSources call writes all of its batches or none of them, and what was stored before —
 * including the sources it would replace — is kept when it fails or the process is killed. Not guaranteed:
 * isolation. Readers may see a bulk load's new rows (sources without ingestedAt) while it runs.
 */
import { readFile, rm } from 'node:fs/promises';
import { basename } from 'node:path';
import { StoreError } from '../../errors.ts';
import type { SourceRecord } from '../../records.ts';
import { relDecl } from '../../schema/model.ts';
import { inTransaction, type Session } from '../database.ts';
import {
  dropSnapshot,
  journalPath,
  markCommitted,
  STAGING_PREFIX,
  takeSnapshot,
  writeAtomically,
} from '../files.ts';
import {
  CONTENT_LABELS,
  createContent,
  type LoadContent,
  loadContext,
  partOf,
  splitByPresence,
  updateNodes,
} from './content.ts';
import { deleteNodes, type Pair, removeCaseLinks, removeSources, STATEMENT_LINKS } from './remove.ts';
import { CopySink, existingIds, UnwindSink } from './sinks.ts';
import { chunks, type NodeRecord } from './tables.ts';

export interface BulkOptions {
  /** The database file; the journal and the snapshot of a running bulk load are kept next to it. */
  dbPath: string;
  /** Called before each step ("copy HAS_THEME", "commit", …); throwing aborts the load like a failure. */
  onStep?: (step: string) => void | Promise<void>;
}

/** What it takes to remove a bulk load that did not commit. */
export interface UndoPlan {
  version: 2;
  /** The copy of the database file taken before the load (version 1 journals have none). */
  snapshot: string;
  /** The folder of the staged CSV files. */
  stagingDir: string;
  sources: string[];
  /** Per new source, its case reviews (links from them carry the source id). */
  cases: Record<string, string[]>;
  /** Per new source, statements that existed before the load (links from them carry the source id). */
  statements: Record<string, string[]>;
  created: Record<'CaseReview' | 'Learning' | 'Recommendation', string[]>;
}

function undoPlan(
  content: LoadContent,
  created: LoadContent['nodes'],
  updated: LoadContent['nodes'],
  stagingDir: string,
  snapshot: string,
): UndoPlan {
  const existing = new Set([...updated.Learning, ...updated.Recommendation].map((s) => s.id));
  const plan: UndoPlan = {
    version: 2,
    snapshot,
    stagingDir,
    sources: [],
    cases: {},
    statements: {},
    created: { CaseReview: [], Learning: [], Recommendation: [] },
  };
  for (const b of content.batches) {
    plan.sources.push(b.source.id);
    plan.cases[b.source.id] = [...new Set(b.cases.map((c) => c.id))];
    plan.statements[b.source.id] = [...b.learning, ...b.recommendations]
      .map((s) => s.id)
      .filter((id) => existing.has(id));
  }
  for (const label of CONTENT_LABELS) plan.created[label] = created[label].map((n) => n.id);
  return plan;
}

function pairsOf(bySource: Record<string, string[]>): Pair[] {
  return Object.entries(bySource).flatMap(([s, ids]) => ids.map((c) => ({ c, s })));
}

/** Removes everything a bulk load may have written, in one transaction without COPY (so rollback is sound). */
export async function undo(session: Session, plan: UndoPlan): Promise<void> {
  await inTransaction(session, async () => {
    await removeCaseLinks(session, pairsOf(plan.cases));
    for (const { label, rel } of STATEMENT_LINKS) {
      for (const part of chunks(pairsOf(plan.statements))) {
        await session.run(
          `UNWIND $pairs AS p MATCH (x:${label})-[r:${rel}]->() WHERE x.id = p.c AND r.sourceId = p.s DELETE r`,
          { pairs: part },
        );
      }
    }
    for (const label of ['Learning', 'Recommendation', 'CaseReview'] as const) {
      await deleteNodes(session, label, plan.created[label]);
    }
    await deleteNodes(session, 'Source', plan.sources);
  });
}

/**
 * Finishes what an interrupted bulk load of an earlier version left (a journal without a snapshot): undone
 * unless it reached its commit. Journals with a snapshot are settled before the database opens (files.ts).
 */
export async function recoverBulkLoad(session: Session, path: string): Promise<void> {
  const text = await readFile(path, 'utf8').catch(() => null);
  if (text === null) return;
  let plan: UndoPlan;
  try {
    plan = JSON.parse(text) as UndoPlan;
  } catch (e) {
    throw new StoreError(
      'query',
      `${path} (the undo plan of an interrupted bulk load) is unreadable: ${String(e)}. Move it away and ` +
        'remove the sources that load was writing with removeSource, or load them again.',
      { cause: e },
    );
  }
  const stamped = await session.rows(
    'UNWIND $ids AS i MATCH (s:Source) WHERE s.id = i RETURN s.ingestedAt AS at',
    {
      ids: plan.sources.slice(0, 1),
    },
  );
  const committed = stamped.length > 0 && stamped[0]?.at !== null && stamped[0]?.at !== undefined;
  if (!committed) await undo(session, plan);
  if (typeof plan.stagingDir === 'string' && basename(plan.stagingDir).startsWith(STAGING_PREFIX)) {
    await rm(plan.stagingDir, { recursive: true, force: true });
  }
  await rm(path, { force: true });
}

/** Taxonomy ends are the only ends outside the load; all must exist before anything is written. */
async function assertTaxonomyEnds(session: Session, content: LoadContent): Promise<void> {
  for (const [type, named] of content.targets) {
    const decl = relDecl(type);
    if (!['Theme', 'Agency', 'HarmType'].includes(decl.to) || named.size === 0) continue;
    const stored = await existingIds(session, decl.to, [...named]);
    if ([...named].every((id) => stored.has(id))) continue;
    const bad = (content.links.get(type) ?? []).find((l) => !stored.has(l.to));
    if (bad) {
      throw new StoreError(
        'invalid-input',
        `${loadContext(content).pathOf(bad.sourceId)}: cannot load: ${type} link ${bad.from} -> ${bad.to} points at ` +
          `${decl.to} "${bad.to}", which is not in the store (is it in the taxonomy loaded with upsertTaxonomy?). ` +
          'Nothing of this load was written.',
      );
    }
  }
}

/** Sources as phase 1 writes them: without ingestedAt, which phase 2 sets when the load commits. */
function unstamped(sources: readonly SourceRecord[]): NodeRecord[] {
  return sources.map((s) => ({ ...s, ingestedAt: null }));
}

/**
 * The load split into what phase 1 copies and the refreshed sources: batches whose id is also among the
 * sources to remove, so their rows can only be written once the stored reading they replace is gone.
 */
function splitRefreshed(content: LoadContent, remove: readonly string[]) {
  const again = new Set(remove);
  const refreshed = content.batches.filter((b) => again.has(b.source.id));
  if (refreshed.length === 0) return { copied: content, refreshed: null };
  return {
    copied: partOf(
      content,
      content.batches.filter((b) => !again.has(b.source.id)),
    ),
    refreshed: partOf(content, refreshed),
  };
}

/** Inside phase 2, after the removals: the new readings of refreshed sources, written like a small load. */
async function writeRefreshed(session: Session, refreshed: LoadContent): Promise<void> {
  const { create, update } = await splitByPresence(session, refreshed);
  await updateNodes(session, update);
  const sink = new UnwindSink(session, loadContext(refreshed));
  await createContent(sink, refreshed.sources, create, refreshed.links);
}

/** Phase 2: the one transaction that makes the load count (see the top of this file). */
async function commit(
  session: Session,
  sink: CopySink,
  content: LoadContent,
  update: LoadContent['nodes'],
  remove: string[],
  refreshed: LoadContent | null,
) {
  await inTransaction(session, async () => {
    await sink.writeHeldBack();
    await updateNodes(session, update);
    await removeSources(session, remove);
    if (refreshed) await writeRefreshed(session, refreshed);
    for (const part of chunks(content.sources.map((s) => ({ id: s.id, at: s.ingestedAt })))) {
      await session.run('UNWIND $rows AS r MATCH (s:Source) WHERE s.id = r.id SET s.ingestedAt = r.at', {
        rows: part,
      });
    }
  });
}

/** After phase 2: every source of the load is stamped and every node it created is there. */
export async function verify(
  session: Session,
  content: LoadContent,
  created: UndoPlan['created'],
): Promise<void> {
  const present = async (label: string, ids: readonly string[], stamped: boolean) => {
    let n = 0;
    const where = stamped ? ' AND x.ingestedAt IS NOT NULL' : '';
    for (const part of chunks(ids)) {
      const [row] = await session.rows(
        `UNWIND $ids AS i MATCH (x:${label}) WHERE x.id = i${where} RETURN count(*) AS n`,
        { ids: part },
      );
      n += Number(row?.n ?? 0);
    }
    return n;
  };
  const checks: Array<[string, readonly string[], boolean]> = [
    ['Source', content.sources.map((s) => s.id), true],
    ...CONTENT_LABELS.map((label): [string, readonly string[], boolean] => [label, created[label], false]),
  ];
  for (const [label, ids, stamped] of checks) {
    const found = await present(label, ids, stamped);
    if (found !== ids.length) {
      throw new Error(`after the load ${found} of its ${ids.length} ${label} nodes are in the database`);
    }
  }
}

/** The load committed but could not be made durable: the database is put back to before it on the next open. */
export function unsettledError(opts: BulkOptions, e: unknown): StoreError {
  return new StoreError(
    'damaged',
    `a bulk load committed but could not be checkpointed and verified (${e instanceof Error ? e.message : String(e)}). ` +
      `Stop this process: when ${opts.dbPath} is next opened, it is put back as it was before that load, and ` +
      'ingesting the same documents again completes it.',
    { cause: e },
  );
}

export async function bulkLoad(session: Session, content: LoadContent, remove: string[], opts: BulkOptions) {
  await assertTaxonomyEnds(session, content);
  const { copied, refreshed } = splitRefreshed(content, remove);
  const { create, update } = await splitByPresence(session, copied);
  // Off from before the snapshot to after the last checkpoint: nothing this session commits may start a
  // checkpoint while the snapshot is copied, and left on, LadybugDB checkpoints after every COPY (~100 ms
  // each) where the one checkpoint below is enough.
  await session.run('CALL auto_checkpoint=false');
  try {
    await snapshotAndLoad(session, content, { copied, refreshed, create, update }, remove, opts);
  } finally {
    await session.run('CALL auto_checkpoint=true').catch(() => undefined);
  }
}

type LoadParts = ReturnType<typeof splitRefreshed> & {
  create: LoadContent['nodes'];
  update: LoadContent['nodes'];
};

async function snapshotAndLoad(
  session: Session,
  content: LoadContent,
  { copied, refreshed, create, update }: LoadParts,
  remove: string[],
  opts: BulkOptions,
) {
  const journal = journalPath(opts.dbPath);
  const step = async (name: string) => opts.onStep?.(name);
  // The snapshot is the state this load can always go back to, whatever happens to the process.
  await step('snapshot');
  const snapshot = await takeSnapshot(opts.dbPath);
  let stagingDir: string;
  try {
    stagingDir = await CopySink.stagingDir();
  } catch (e) {
    await dropSnapshot(opts.dbPath);
    throw e;
  }
  // Refreshed sources stay out of the undo plan: their rows are the stored ones until phase 2 commits.
  const plan = undoPlan(copied, create, update, stagingDir, snapshot);
  const context = loadContext(copied);
  const sink = new CopySink(session, context, new UnwindSink(session, context), stagingDir, step);
  // The journal names the snapshot to put back; the undo plan itself stays in memory (for a failure that is
  // an error, not a crash), so writing it costs next to nothing whatever the size of the load.
  const head = { version: plan.version, snapshot, stagingDir, sources: plan.sources };
  await writeAtomically(journal, JSON.stringify(head)).catch(async (e: unknown) => {
    await rm(stagingDir, { recursive: true, force: true });
    await dropSnapshot(opts.dbPath);
    throw e;
  });
  let committed = false;
  try {
    await createContent(sink, unstamped(copied.sources), create, copied.links);
    // Copied rows are not in the write-ahead log: until a checkpoint they would not survive a crash, and
    // nothing logged (phase 2) may refer to them before.
    await session.run('CHECKPOINT');
    await step('commit');
    await commit(session, sink, content, update, remove, refreshed);
    committed = true;
    await step('checkpoint');
    await session.run('CHECKPOINT');
    await verify(session, content, plan.created);
  } catch (e) {
    await sink.close();
    if (committed) throw unsettledError(opts, e);
    try {
      // Undo is logged; what it deletes must be on disk first, or replaying the log after a crash would fail.
      await session.run('CHECKPOINT');
      await undo(session, plan);
      await session.run('CHECKPOINT');
    } catch (undoError) {
      throw new StoreError(
        'damaged',
        `a bulk load failed (${e instanceof Error ? e.message : String(e)}) and undoing it failed too ` +
          `(${undoError instanceof Error ? undoError.message : String(undoError)}). Stop this process: when ` +
          `${opts.dbPath} is next opened, it is put back as it was before that load.`,
        { cause: e },
      );
    }
    await rm(journal, { force: true });
    await dropSnapshot(opts.dbPath);
    throw e;
  } finally {
    await sink.close();
  }
  // The load is in the database file and verified: the journal says so before anything is removed, so a kill
  // from here on keeps the load instead of putting the snapshot back. The snapshot is removed last.
  await markCommitted(opts.dbPath, head).catch((e: unknown) => {
    throw unsettledError(opts, e);
  });
  await step('settle');
  await rm(journal, { force: true });
  await dropSnapshot(opts.dbPath);
}
