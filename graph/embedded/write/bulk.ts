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
 * 2. Journal: the undo plan (new source ids, their case and statement ids, the nodes this load creates) is
 *    written next to the database file before anything else.
 * 3. Phase 1, auto-checkpoint off: COPY the new sources (marked incomplete: no ingestedAt yet), the new nodes
 *    and every link. Nothing stored before is changed. Rows CSV cannot carry exactly are held back.
 * 4. CHECKPOINT: phase 1 is now on disk.
 * 5. Phase 2, one transaction of UNWIND statements: write the held-back rows, update the nodes that already
 *    existed, remove the earlier versions of replaced paths, stamp the sources' ingestedAt. Its commit is the
 *    commit of the load.
 * 6. A failure before that commit runs the undo plan (one transaction, no COPY) and reports the error. A crash
 *    leaves the journal; the next open of the store runs the undo plan unless the sources are stamped.
 *
 * Guarantee: a loadSources call writes all of its batches or none of them, and what was stored before —
 * including the sources it would replace — is kept when it fails or the process dies. Not guaranteed:
 * isolation. Readers may see a bulk load's new rows (sources without ingestedAt) while it runs.
 */
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { StoreError } from '../../errors.ts';
import type { SourceRecord } from '../../records.ts';
import { relDecl } from '../../schema/model.ts';
import { inTransaction, type Session } from '../database.ts';
import {
  CONTENT_LABELS,
  createContent,
  type LoadContent,
  loadContext,
  splitByPresence,
  updateNodes,
} from './content.ts';
import { deleteNodes, type Pair, removeCaseLinks, removeSources, STATEMENT_LINKS } from './remove.ts';
import { CopySink, existingIds, STAGING_PREFIX, UnwindSink } from './sinks.ts';
import { chunks, type NodeRecord } from './tables.ts';

export interface BulkOptions {
  /** Where the undo plan of a running bulk load is kept (next to the database file). */
  journalPath: string;
  /** Called before each step ("copy HAS_THEME", "commit", …); throwing aborts the load like a failure. */
  onStep?: (step: string) => void | Promise<void>;
}

/** What it takes to remove a bulk load that did not commit. */
export interface UndoPlan {
  version: 1;
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
): UndoPlan {
  const existing = new Set([...updated.Learning, ...updated.Recommendation].map((s) => s.id));
  const plan: UndoPlan = {
    version: 1,
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

async function writeJournal(path: string, plan: UndoPlan): Promise<void> {
  await writeFile(`${path}.tmp`, JSON.stringify(plan));
  await rename(`${path}.tmp`, path);
}

/** Finishes what an interrupted bulk load left: undone unless it reached its commit. */
export async function recoverBulkLoad(session: Session, journalPath: string): Promise<void> {
  const text = await readFile(journalPath, 'utf8').catch(() => null);
  if (text === null) return;
  let plan: UndoPlan;
  try {
    plan = JSON.parse(text) as UndoPlan;
  } catch (e) {
    throw new StoreError(
      'query',
      `${journalPath} (the undo plan of an interrupted bulk load) is unreadable: ${String(e)}. Move it away and ` +
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
  await rm(journalPath, { force: true });
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

/** Phase 2: the one transaction that makes the load count (see the top of this file). */
async function commit(
  session: Session,
  sink: CopySink,
  content: LoadContent,
  update: LoadContent['nodes'],
  remove: string[],
) {
  await inTransaction(session, async () => {
    await sink.writeHeldBack();
    await updateNodes(session, update);
    await removeSources(session, remove);
    for (const part of chunks(content.sources.map((s) => ({ id: s.id, at: s.ingestedAt })))) {
      await session.run('UNWIND $rows AS r MATCH (s:Source) WHERE s.id = r.id SET s.ingestedAt = r.at', {
        rows: part,
      });
    }
  });
}

export async function bulkLoad(session: Session, content: LoadContent, remove: string[], opts: BulkOptions) {
  await assertTaxonomyEnds(session, content);
  const { create, update } = await splitByPresence(session, content);
  const stagingDir = await CopySink.stagingDir();
  const plan = undoPlan(content, create, update, stagingDir);
  const context = loadContext(content);
  const step = async (name: string) => opts.onStep?.(name);
  const sink = new CopySink(session, context, new UnwindSink(session, context), stagingDir, step);
  await writeJournal(opts.journalPath, plan).catch(async (e: unknown) => {
    await rm(stagingDir, { recursive: true, force: true });
    throw e;
  });
  // Left on, LadybugDB checkpoints after every COPY (~100 ms each); the one checkpoint below is enough.
  await session.run('CALL auto_checkpoint=false');
  try {
    await createContent(sink, unstamped(content.sources), create, content.links);
    // Copied rows are not in the write-ahead log: until a checkpoint they would not survive a crash, and
    // nothing logged (phase 2) may refer to them before.
    await session.run('CHECKPOINT');
    await step('commit');
    await commit(session, sink, content, update, remove);
  } catch (e) {
    await sink.close();
    try {
      // Undo is logged; what it deletes must be on disk first, or replaying the log after a crash would fail.
      await session.run('CHECKPOINT');
      await undo(session, plan);
    } catch (undoError) {
      throw new StoreError(
        'query',
        `a bulk load failed (${e instanceof Error ? e.message : String(e)}) and undoing it failed too ` +
          `(${undoError instanceof Error ? undoError.message : String(undoError)}); the undo plan is kept in ` +
          `${opts.journalPath} and runs again when the store is next opened.`,
        { cause: e },
      );
    }
    await rm(opts.journalPath, { force: true });
    throw e;
  } finally {
    await sink.close();
    await session.run('CALL auto_checkpoint=true');
  }
  await rm(opts.journalPath, { force: true });
}
