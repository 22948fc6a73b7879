/**
 * Loading and removing sources inside a write transaction: a failure part-way leaves nothing of it.
 * Outcomes follow graph/load-plan.ts, the rules both engines share.
 */

import { StoreError } from '../errors.ts';
import { planLoads, type StoredSource } from '../load-plan.ts';
import type { SourceBatch, TaxonomyRecords } from '../records.ts';
import type { LoadOutcome } from '../store.ts';
import { sourceReadingsIn } from './read-catalogue.ts';
import { readerOf } from './rows.ts';
import type { QueryRunner } from './session.ts';
import { batchRows, chunk, externalRefs, writeSteps } from './write-steps.ts';

/** Rows written per transaction by loadSources; a corpus larger than this commits in several. */
export const TRANSACTION_ROWS = 50_000;

/** Removes everything one source contributed, and the source node; case reviews published elsewhere stay. */
export async function removeContributions(q: QueryRunner, sourceId: string): Promise<void> {
  const [row] = await q.run('source-cases', { sourceId });
  const caseIds = row ? readerOf('source-cases')(row).strList('caseIds') : [];
  await q.run('delete-source-links', { sourceId });
  await q.run('delete-source-statements', { sourceId });
  for (const part of chunk(caseIds)) await q.run('delete-orphan-cases', { caseIds: part });
  await q.run('delete-source', { sourceId });
}

export async function sourceExists(q: QueryRunner, sourceId: string): Promise<boolean> {
  const rows = await q.run('source-exists', { sourceId });
  return rows.length > 0;
}

async function checkExternalRefs(q: QueryRunner, batch: SourceBatch): Promise<void> {
  const wanted = externalRefs(batch);
  const found = new Set<string>();
  for (const part of chunk(wanted)) {
    const rows = await q.run('nodes-by-ref', { refs: part });
    for (const r of rows.map(readerOf('nodes-by-ref'))) found.add(`${r.str('label')}:${r.str('id')}`);
  }
  const missing = wanted.map((ref) => `${ref.label}:${ref.id}`).filter((key) => !found.has(key));
  if (missing.length > 0) {
    const shown = missing.slice(0, 5).join(', ');
    const more = missing.length > 5 ? ` and ${missing.length - 5} more` : '';
    throw new StoreError(
      'invalid-input',
      `${batch.source.path}: cannot load: links point at nodes that are not in the store (${shown}${more}); ` +
        'is the taxonomy loaded with upsertTaxonomy? Nothing of this load was written.',
    );
  }
}

/**
 * The stored sources that decide this batch's outcome (graph/load-plan.ts), read in one query; when its own
 * id is stored, a second one reads the version that read it (unchanged or refreshed).
 */
async function storedFor(q: QueryRunner, batch: SourceBatch): Promise<StoredSource[]> {
  const { id, path, sha256 } = batch.source;
  const named = batch.replaces && batch.replaces !== 'path' ? [...batch.replaces.ids] : [];
  const rows = await q.run('source-state', { sourceId: id, path, sha256, named });
  const stored: StoredSource[] = rows.map(readerOf('source-state')).map((r) => ({
    id: r.str('id'),
    path: r.str('path'),
    sha256: r.strOrNull('sha256'),
  }));
  const own = stored.find((s) => s.id === id);
  if (own) {
    const [reading] = await sourceReadingsIn(q, [id]);
    own.extractor = reading?.extractor ?? null;
  }
  return stored;
}

async function writeBatch(q: QueryRunner, batch: SourceBatch): Promise<void> {
  for (const step of writeSteps(batch)) {
    const rows = await q.run(step.query, step.params);
    if (step.expectCreated === undefined) continue;
    const created = rows[0] ? readerOf(step.query)(rows[0]).num('created') : 0;
    if (created !== step.expectCreated) {
      throw new StoreError(
        'query',
        `${batch.source.path}: cypher/queries/${step.query}.cypher created ${created} of ${step.expectCreated} links`,
      );
    }
  }
}

/** Loads one batch inside the caller's transaction, seeing whatever earlier batches of it wrote. */
export async function loadSourceIn(q: QueryRunner, batch: SourceBatch): Promise<LoadOutcome> {
  const stored = await storedFor(q, batch);
  const [outcome] = planLoads([batch], stored).outcomes;
  if (!outcome) throw new StoreError('query', `${batch.source.path}: planning the load produced no outcome`);
  if (outcome.status === 'unchanged') return outcome;
  for (const old of outcome.replaced) await removeContributions(q, old);
  // A refreshed source's older reading goes here, as do leftovers carrying this id without a source node
  // (written by hand or by an older version), which the links below would otherwise duplicate.
  await removeContributions(q, batch.source.id);
  await checkExternalRefs(q, batch);
  await writeBatch(q, batch);
  return outcome;
}

/** Consecutive batches grouped so each group writes about TRANSACTION_ROWS rows at most (a batch is never split). */
export function transactionGroups(batches: readonly SourceBatch[]): SourceBatch[][] {
  const groups: SourceBatch[][] = [];
  let current: SourceBatch[] = [];
  let rows = 0;
  for (const batch of batches) {
    const size = batchRows(batch);
    if (current.length > 0 && rows + size > TRANSACTION_ROWS) {
      groups.push(current);
      current = [];
      rows = 0;
    }
    current.push(batch);
    rows += size;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

export async function upsertTaxonomyIn(q: QueryRunner, taxonomy: TaxonomyRecords): Promise<void> {
  const harmTypes = taxonomy.harmTypes.map((h) => ({ id: h.id, label: h.label, description: h.description }));
  for (const part of chunk(harmTypes)) await q.run('upsert-harm-types', { rows: part });
  const agencies = taxonomy.agencies.map((a) => ({
    id: a.id,
    label: a.label,
    description: a.description,
    sector: a.sector,
  }));
  for (const part of chunk(agencies)) await q.run('upsert-agencies', { rows: part });
  const themes = taxonomy.themes.map((t) => ({
    id: t.id,
    label: t.label,
    description: t.description,
    group: t.group,
  }));
  for (const part of chunk(themes)) await q.run('upsert-themes', { rows: part });
}
