/**
 * Engine-independent rules for loading SourceBatches: what a well-formed batch is, and what loading a list of
 * batches means when taken one after another (same source id => unchanged, unless a file was read by another
 * extractor version than the stored one: then refreshed; what a batch replaces is removed first; identical
 * content elsewhere is named).
 * Pure; both engines plan with it so they agree on outcomes.
 */
import { StoreError } from './errors.ts';
import type { LinkRecord, SourceBatch } from './records.ts';
import { REL_TYPES, type RelType } from './schema/model.ts';
import type { LoadOutcome } from './store.ts';

type Endpoint = 'case' | 'learning' | 'recommendation' | 'source' | 'taxonomy';

/** Which end of each relationship must belong to the same batch; taxonomy ends are checked by the engine. */
const ENDPOINTS: Record<RelType, readonly [Endpoint, Endpoint]> = {
  PUBLISHED_IN: ['case', 'source'],
  CONCERNS: ['case', 'taxonomy'],
  INVOLVED: ['case', 'taxonomy'],
  HAS_THEME: ['case', 'taxonomy'],
  HAS_LEARNING: ['case', 'learning'],
  MAKES: ['case', 'recommendation'],
  ABOUT: ['learning', 'taxonomy'],
  TARGETS: ['recommendation', 'taxonomy'],
  ADDRESSES: ['recommendation', 'taxonomy'],
};

function isOffset(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0;
}

const REL_TYPE_SET: ReadonlySet<string> = new Set(REL_TYPES);

function linkProblems(
  link: LinkRecord,
  batch: SourceBatch,
  ids: Record<Endpoint, Set<string>>,
): string[] | null {
  if (!REL_TYPE_SET.has(link.type)) return [`unknown relationship type ${link.type}`];
  const [fromKind, toKind] = ENDPOINTS[link.type];
  const offsetsOk = isOffset(link.start) && isOffset(link.end) && link.end >= link.start;
  if (
    link.sourceId === batch.source.id &&
    typeof link.quote === 'string' &&
    offsetsOk &&
    ids[fromKind].has(link.from) &&
    (toKind === 'taxonomy' || ids[toKind].has(link.to))
  ) {
    return null;
  }
  // Only a bad link pays for building messages.
  const where = `${link.type} link ${link.from} -> ${link.to}`;
  const problems: string[] = [];
  if (link.sourceId !== batch.source.id)
    problems.push(`${where} has sourceId ${link.sourceId}, not this source`);
  if (typeof link.quote !== 'string') problems.push(`${where} has no quote`);
  if (!offsetsOk) problems.push(`${where} has bad offsets ${link.start}..${link.end}`);
  if (!ids[fromKind].has(link.from)) problems.push(`${where} starts at no ${fromKind} of this source`);
  if (toKind !== 'taxonomy' && !ids[toKind].has(link.to))
    problems.push(`${where} ends at no ${toKind} of this source`);
  return problems;
}

/** Everything wrong with one batch, as sentences; empty when the batch can be loaded. */
export function batchProblems(batch: SourceBatch): string[] {
  const { source } = batch;
  const problems: string[] = [];
  if (!source.id) problems.push('source has an empty id');
  if (!source.path) problems.push('source has an empty path');
  if (!source.ingestedAt) problems.push('source has no ingestedAt');
  const ids: Record<Endpoint, Set<string>> = {
    case: new Set(batch.cases.map((c) => c.id)),
    learning: new Set(batch.learning.map((l) => l.id)),
    recommendation: new Set(batch.recommendations.map((r) => r.id)),
    source: new Set([source.id]),
    taxonomy: new Set(),
  };
  for (const c of batch.cases) if (!c.id) problems.push(`case "${c.title}" has an empty id`);
  for (const s of [...batch.learning, ...batch.recommendations]) {
    if (!s.id) problems.push(`statement "${s.text.slice(0, 40)}" has an empty id`);
    if (s.sourceId !== source.id)
      problems.push(`statement ${s.id} has sourceId ${s.sourceId}, not this source`);
  }
  const published = new Set<string>();
  const owned = new Set<string>();
  for (const link of batch.links) {
    const found = linkProblems(link, batch, ids);
    if (found) problems.push(...found);
    if (link.type === 'PUBLISHED_IN') published.add(link.from);
    else if (link.type === 'HAS_LEARNING' || link.type === 'MAKES') owned.add(link.to);
  }
  for (const id of ids.case) if (!published.has(id)) problems.push(`case ${id} has no PUBLISHED_IN link`);
  for (const id of [...ids.learning, ...ids.recommendation]) {
    if (!owned.has(id)) problems.push(`statement ${id} belongs to no case (no HAS_LEARNING/MAKES link)`);
  }
  return problems;
}

/** Throws StoreError('invalid-input') naming the file and the first problems of the first bad batch. */
export function assertBatchesValid(batches: readonly SourceBatch[]): void {
  for (const batch of batches) {
    const problems = batchProblems(batch);
    if (problems.length === 0) continue;
    const shown = problems.slice(0, 5).join('; ');
    const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : '';
    throw new StoreError(
      'invalid-input',
      `${batch.source.path || '(no path)'}: cannot load: ${shown}${more}`,
    );
  }
}

export interface StoredSource {
  id: string;
  path: string;
  /** Null for a source stored before content hashes were: its id is its content hash. */
  sha256: string | null;
  /**
   * The extractor version that read it (SourceRecord.extractor); null or absent when unknown. Only needed
   * for a source whose id a batch carries: it decides between unchanged and refreshed.
   */
  extractor?: string | null;
}

export interface LoadPlan {
  /** One per input batch, in input order, as if each had been loaded on its own, one after another. */
  outcomes: LoadOutcome[];
  /** Batches that end up in the store (a batch superseded later in the same list is left out). */
  load: SourceBatch[];
  /**
   * Stored sources to remove first (earlier versions of a loaded path, sources an upload replaces, and the
   * stored reading of a refreshed source, whose id a batch in `load` carries again).
   */
  remove: string[];
}

function outcomeOf(
  batch: SourceBatch,
  status: LoadOutcome['status'],
  replaced: string[],
  duplicateOf: string | null,
  sourceId = batch.source.id,
): LoadOutcome {
  const loaded = status !== 'unchanged';
  const nodes =
    1 + new Set(batch.cases.map((c) => c.id)).size + batch.learning.length + batch.recommendations.length;
  return {
    sourceId,
    path: batch.source.path,
    status,
    replaced,
    duplicateOf,
    nodes: loaded ? nodes : 0,
    links: loaded ? batch.links.length : 0,
  };
}

/** The sources known while planning: stored ones, then each planned batch as it is placed. */
class Catalogue {
  private readonly byId = new Map<string, StoredSource>();
  private readonly byPath = new Map<string, Set<string>>();
  private readonly byContent = new Map<string, Set<string>>();

  constructor(stored: readonly StoredSource[]) {
    for (const s of stored) this.place(s);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  get(id: string): StoredSource | undefined {
    return this.byId.get(id);
  }

  place(source: StoredSource): void {
    this.byId.set(source.id, source);
    addTo(this.byPath, source.path, source.id);
    addTo(this.byContent, contentOf(source), source.id);
  }

  drop(id: string): void {
    const source = this.byId.get(id);
    if (!source) return;
    this.byId.delete(id);
    this.byPath.get(source.path)?.delete(id);
    this.byContent.get(contentOf(source))?.delete(id);
  }

  /** Stored before content hashes were, at this path, with these bytes: the same document under its old id. */
  legacyTwin(path: string, sha256: string): StoredSource | undefined {
    const s = this.byId.get(sha256);
    return s && s.sha256 === null && s.path === path ? s : undefined;
  }

  atPath(path: string): string[] {
    return [...(this.byPath.get(path) ?? [])];
  }

  /** The path of another source holding the same bytes (the first by path), if any. */
  sameContent(sha256: string, except: string): string | null {
    const paths = [...(this.byContent.get(sha256) ?? [])]
      .filter((id) => id !== except)
      .map((id) => this.byId.get(id)?.path ?? '')
      .sort();
    return paths[0] ?? null;
  }
}

/** A source stored before content hashes were has its content hash as its id. */
function contentOf(source: StoredSource): string {
  return source.sha256 ?? source.id;
}

function addTo(index: Map<string, Set<string>>, key: string, id: string): void {
  const ids = index.get(key);
  if (ids) ids.add(id);
  else index.set(key, new Set([id]));
}

/** The stored sources a batch replaces besides its own id; throws when an upload names an unknown source. */
function replacedBy(batch: SourceBatch, known: Catalogue): string[] {
  const rule = batch.replaces ?? 'path';
  if (rule === 'path') return known.atPath(batch.source.path).filter((id) => id !== batch.source.id);
  const missing = rule.ids.filter((id) => !known.has(id));
  if (missing.length > 0) {
    throw new StoreError(
      'invalid-input',
      `${batch.source.path}: cannot replace source ${missing.join(', ')}: no such source is loaded ` +
        '(the sources query lists their ids); nothing was written',
    );
  }
  return rule.ids.filter((id) => id !== batch.source.id);
}

/**
 * A file whose source is stored, read by a known extractor version other than the one that read it now:
 * what is stored is an older reading of the same bytes, to be replaced by this one. Unknown versions (a
 * source stored before versions were kept, a batch without one) never count as different. An upload is
 * left out: it replaces only the sources it names (SourceBatch.replaces), so sent again it is unchanged
 * whichever version reads it.
 */
function isOlderReading(batch: SourceBatch, stored: StoredSource | undefined): boolean {
  const current = batch.source.extractor ?? null;
  const before = stored?.extractor ?? null;
  return (batch.replaces ?? 'path') === 'path' && current !== null && before !== null && current !== before;
}

/**
 * What loading the batches means, one after another: a batch whose id is stored is unchanged (the same
 * origin, the same bytes), as is one whose path and bytes match a source stored under the old content-hash
 * id; a file whose id is stored from another extractor version's reading is refreshed: its stored reading
 * is removed and the new one loaded under the same id. Otherwise a batch is loaded, after removing what it
 * replaces (SourceBatch.replaces), and its outcome names another source with the same content, if there is
 * one.
 */
export function planLoads(batches: readonly SourceBatch[], stored: readonly StoredSource[]): LoadPlan {
  const known = new Catalogue(stored);
  const storedIds = new Set(stored.map((s) => s.id));
  const pending = new Map<string, SourceBatch>();
  const remove = new Set<string>();
  const outcomes = batches.map((batch) => {
    const { id, path, sha256 } = batch.source;
    const refresh = known.has(id) && isOlderReading(batch, known.get(id));
    if (known.has(id) && !refresh) return outcomeOf(batch, 'unchanged', [], null);
    const twin = refresh ? undefined : known.legacyTwin(path, sha256);
    if (twin) return outcomeOf(batch, 'unchanged', [], null, twin.id);
    const replaced = replacedBy(batch, known);
    for (const other of refresh ? [...replaced, id] : replaced) {
      known.drop(other);
      if (storedIds.has(other)) remove.add(other);
      pending.delete(other);
    }
    const duplicateOf = known.sameContent(sha256, id);
    known.place({ id, path, sha256, extractor: batch.source.extractor ?? null });
    pending.set(id, batch);
    const status = refresh ? 'refreshed' : replaced.length > 0 ? 'replaced' : 'loaded';
    return outcomeOf(batch, status, replaced, duplicateOf);
  });
  return { outcomes, load: [...pending.values()], remove: [...remove] };
}
