/**
 * Recognising an unchanged file before it is read. A file's source id is made of its origin and the sha256 of
 * its bytes (to-records.ts), so hashing the bytes names the source that reading it would produce. When the
 * store holds that source, read by the same pipeline version (extractorVersion), reading the file again
 * would give the store nothing new: the load would report it unchanged and write nothing. Such a file is
 * not read; what the run reports about it (its case reviews, links and warnings) comes from what was
 * stored with the source when it was read (SourceRecord.extraction).
 *
 * Anything short of a sure match reads the file as before: a source stored without a version or its reading
 * (a database from before they were kept), another version, a file that cannot be hashed, a lookup the
 * store cannot answer. A file stored from another version's reading is then refreshed by the store
 * (graph/load-plan.ts): its new reading replaces the old under the same id, so it is recognised next time.
 */
import { createHash } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isStoreError } from '../../graph/errors.ts';
import type { GraphStore } from '../../graph/store.ts';
import type { ExtractedDocument } from '../extract/types.ts';
import { type IdentitySeed, type RunIdentities, settleSeeds } from '../identity/resolve.ts';
import { maxFileBytes } from '../read/limits.ts';
import type { ExtractResult } from './extract-file.ts';
import type { Extractor } from './extract-pool.ts';
import { type SourceOrigin, sourceId } from './to-records.ts';

/** What a case review contributes to the run's identities (ingest/identity/resolve.ts), as it was read. */
type CaseSeed = IdentitySeed & { harmTypes: string[] };

/** What reading a document gave, besides the records stored from it. */
export interface StoredReading {
  /** Its case reviews as read, before the run's identities were settled. */
  cases: CaseSeed[];
  links: number;
  /** Its warnings as read, before the run's identities were settled. */
  warnings: string[];
}

/** SourceRecord.extraction for a document as read (before identities are settled) and its link count. */
export function extractionOf(doc: Pick<ExtractedDocument, 'cases' | 'warnings'>, links: number): string {
  const cases: CaseSeed[] = doc.cases.map((c) => ({
    id: c.id,
    title: c.title,
    child: c.child,
    reviewType: c.reviewType,
    partnership: c.partnership,
    reportYear: c.reportYear,
    ageBand: c.ageBand,
    harmTypes: c.harmTypes.map((h) => h.id),
  }));
  const reading: StoredReading = { cases, links, warnings: doc.warnings };
  return JSON.stringify(reading);
}

/** The stored reading, or null when there is none or it is not one this version wrote. */
export function parseExtraction(json: string | null): StoredReading | null {
  if (json === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { cases, links, warnings } = value as Partial<StoredReading>;
  const ok =
    Array.isArray(cases) &&
    cases.every((c) => typeof c?.id === 'string' && Array.isArray(c.harmTypes)) &&
    typeof links === 'number' &&
    Array.isArray(warnings) &&
    warnings.every((w) => typeof w === 'string');
  return ok ? { cases, links, warnings } : null;
}

/**
 * Plays an unread document's case reviews into the run's identities, in its place in the run, as reading it
 * would have; returns its warnings as reading it would have given them.
 */
export function settleStored(reading: StoredReading, identities: RunIdentities): string[] {
  const warnings = [...reading.warnings];
  settleSeeds(reading.cases, (c) => c.harmTypes, identities, warnings);
  return warnings;
}

/**
 * A file's source is identified by its path, so the path must not depend on the working folder or on the
 * link it was reached through: absolute, with symbolic links resolved.
 */
export async function canonicalPath(path: string): Promise<string> {
  return realpath(path).catch(() => resolve(path));
}

/** sha256 of a regular file's bytes, or null when it is not one, is over the size limit, or cannot be read. */
export async function sha256OfFile(path: string): Promise<string | null> {
  try {
    const info = await stat(path);
    if (!info.isFile() || info.size > maxFileBytes(process.env)) return null;
    return sha256Of(await readFile(path));
  } catch {
    return null;
  }
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * For each source id, its stored reading when the store holds it read by this version, else null. One
 * lookup; a store that cannot answer it recognises nothing (every file is read, and the load then meets
 * the store's problem the usual way).
 */
export async function storedReadings(
  store: GraphStore,
  ids: readonly (string | null)[],
  version: string,
): Promise<(StoredReading | null)[]> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return ids.map(() => null);
  let rows: Awaited<ReturnType<GraphStore['sourceReadings']>>;
  try {
    rows = await store.sourceReadings(wanted);
  } catch (e) {
    if (isStoreError(e)) return ids.map(() => null);
    throw e;
  }
  const found = new Map(
    rows.filter((r) => r.extractor === version).map((r) => [r.id, parseExtraction(r.extraction)]),
  );
  return ids.map((id) => (id === null ? null : (found.get(id) ?? null)));
}

/** Files hashed at once: enough to keep the disk and a core busy, few enough to bound the bytes held. */
const HASHED_AT_ONCE = 8;

/** The stored readings of files (null: read it), looked up together. */
export async function recogniseFiles(
  store: GraphStore,
  files: readonly string[],
  version: string,
): Promise<(StoredReading | null)[]> {
  const ids: (string | null)[] = new Array(files.length).fill(null);
  let next = 0;
  const hashing = async () => {
    for (let i = next++; i < files.length; i = next++) {
      const file = files[i] as string;
      const sha256 = await sha256OfFile(file);
      if (sha256 !== null) ids[i] = sourceId('file', await canonicalPath(file), sha256);
    }
  };
  await Promise.all(Array.from({ length: Math.min(HASHED_AT_ONCE, files.length) }, hashing));
  return storedReadings(store, ids, version);
}

/** The stored reading of an upload (null: read it). */
export async function recogniseUpload(
  store: GraphStore,
  filename: string,
  bytes: Uint8Array,
  version: string,
): Promise<StoredReading | null> {
  const origin: SourceOrigin['kind'] = 'upload';
  const [reading] = await storedReadings(store, [sourceId(origin, filename, sha256Of(bytes))], version);
  return reading ?? null;
}

export type Next = { index: number; file: string } & (
  | { stored: StoredReading; result?: undefined }
  | { stored?: undefined; result: ExtractResult }
);

/** Files recognised per lookup. */
const WINDOW = 256;

/**
 * Like extractedInOrder (extract-pool.ts), but a file `recognise` finds unchanged is not extracted: it comes
 * with its stored reading instead. Files are recognised a window at a time, one window ahead.
 */
export async function* recognisedOrExtracted(
  files: readonly string[],
  extractor: Extractor,
  recognise: (files: readonly string[]) => Promise<(StoredReading | null)[]>,
): AsyncGenerator<Next> {
  const windows: Array<Promise<(StoredReading | null)[]>> = [];
  const windowOf = (w: number) => {
    let found = windows[w];
    if (!found) {
      found = recognise(files.slice(w * WINDOW, (w + 1) * WINDOW));
      // Awaited when its files come up; until then a failure must not count as unhandled.
      found.catch(() => {});
      windows[w] = found;
    }
    return found;
  };
  const item = async (n: number, file: string): Promise<Omit<Next, 'index' | 'file'>> => {
    const w = Math.floor(n / WINDOW);
    if (n % WINDOW === 0 && (w + 1) * WINDOW < files.length) void windowOf(w + 1);
    const stored = (await windowOf(w))[n - w * WINDOW] ?? null;
    return stored ? { stored } : { result: await extractor.extract(file) };
  };
  const lookahead = extractor.threads * 2 + 1;
  const queue: Array<Promise<Omit<Next, 'index' | 'file'>>> = [];
  let next = 0;
  for (const [i, file] of files.entries()) {
    for (; next < files.length && queue.length < lookahead; next++) {
      const pending = item(next, files[next] as string);
      pending.catch(() => {});
      queue.push(pending);
    }
    const found = (await queue.shift()) as Omit<Next, 'index' | 'file'>;
    yield { index: i + 1, file, ...found } as Next;
  }
}
