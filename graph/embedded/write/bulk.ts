/**
 * The bulk path: COPY from staged CSV files, ~10x the rows per second of UNWIND.
 *
 * Why not one transaction: LadybugDB 0.19 accepts COPY inside BEGIN … COMMIT, but rolling such a transaction
 * back is broken — rows that a rolled-back COPY's table held before vanish from the open database, or the
 * process later dies in free(). So COPY only ever runs outside explicit transactions (each COPY on its own is
 * atomic), and the load is made safe another way:
 *
 * 1. Check first: every batch is well-formed and every taxonomy node a link names exists, before anything is
 *    written.
 * 2. Journal: the undo plan (new source ids, their case and statement ids, the nodes this load creates) is
 *    written next to the database file before the first COPY and deleted once the load is committed.
 * 3. Phase 1, outside any transaction: COPY the new sources (marked incomplete: no ingestedAt yet), the new
 *    nodes and every link. Nothing stored before is changed.
 * 4. Phase 2, one transaction of UNWIND statements: update nodes that already existed, remove the earlier
 *    versions of replaced paths, and stamp the sources' ingestedAt — the commit point.
 * 5. A failure in phase 1 or 2 runs the undo plan (one transaction) and reports the error; a crash leaves the
 *    journal, and the next open of the store finishes the undo (or, when the sources are stamped, only
 *    deletes the journal).
 *
 * Guarantee: a loadSources call writes all of its batches or none of them, and what was stored before —
 * including the sources it would replace — is kept when it fails, even across a crash. Not guaranteed:
 * isolation. Readers may see a bulk load's new rows (sources with an empty ingestedAt) while it runs.
 */
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
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
import { CopySink, existingIds, UnwindSink } from './sinks.ts';
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
): UndoPlan {
  const existing = new Set([...updated.Learning, ...updated.Recommendation].map((s) => s.id));
  const plan: UndoPlan = {
    version: 1,
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
  const plan = JSON.parse(text) as UndoPlan;
  const stamped = await session.rows(
    'UNWIND $ids AS i MATCH (s:Source) WHERE s.id = i RETURN s.ingestedAt AS at',
    {
      ids: plan.sources.slice(0, 1),
    },
  );
  const committed = stamped.length > 0 && stamped[0]?.at !== null && stamped[0]?.at !== undefined;
  if (!committed) await undo(session, plan);
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
  content: LoadContent,
  update: LoadContent['nodes'],
  remove: string[],
) {
  await inTransaction(session, async () => {
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
  const plan = undoPlan(content, create, update);
  const context = loadContext(content);
  const step = async (name: string) => opts.onStep?.(name);
  const sink = new CopySink(session, context, new UnwindSink(session, context), step);
  await writeJournal(opts.journalPath, plan);
  // Left on, LadybugDB checkpoints after every COPY (~100 ms each); one checkpoint at the end is enough.
  await session.run('CALL auto_checkpoint=false');
  try {
    await createContent(sink, unstamped(content.sources), create, content.links);
    await step('commit');
    await commit(session, content, update, remove);
  } catch (e) {
    await sink.close();
    try {
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
  await session.run('CHECKPOINT');
}
