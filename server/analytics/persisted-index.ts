/**
 * The analytics index saved in a file beside the database, so that a server restarted over an unchanged
 * store has its index at once instead of reading every case review again (seconds at 100k).
 *
 * The file holds what the index is made of (AnalyticsIndex.state: ids, years, texts, theme runs and one
 * bitset per facet value) and the store mark it was read under: a digest of the stored sources (id, content
 * hash, time of ingest, case count), the taxonomy and the node and relationship counts. Every write to the
 * store changes at least one of these, so a file whose mark differs from the store's now is stale and is
 * not used.
 *
 * Layout (little-endian): "TLAX", u32 format, u32 header length, u32 length of the binary sections; the
 * header as JSON (mark, case count, ids, theme ids, each column's values); the binary sections: report years
 * (Int32, NO_YEAR for none), theme starts and theme list (Int32), each column value's bitset words
 * (Uint32, in header order), the end of each case's text (Uint32, in UTF-16 units); then the texts (UTF-8).
 */
import { createHash } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import type { GraphCounts, SourceSummary } from '../../graph/store.ts';
import { Bitset } from './bitset.ts';
import { LIST_FIELDS } from './filter.ts';
import type { IndexContents, Taxonomy } from './index.ts';
import {
  decodeSaved,
  readSavedBytes,
  type SavedFileProblem,
  savedFileProblem,
  staleFile,
} from './saved-file.ts';

const MAGIC = 'TLAX';
/** Raised whenever the layout or what the index holds changes: a file of another format is rebuilt. */
export const SAVED_INDEX_FORMAT = 1;
const NO_YEAR = -0x80000000;

/** What the store holds now, as far as the index depends on it. */
export interface StoreMark {
  sources: SourceSummary[];
  taxonomy: Taxonomy;
  counts: GraphCounts;
}

export type SavedIndexLoad = { ok: true; state: IndexContents } | { ok: false; problem: SavedFileProblem };

interface Header {
  mark: string;
  size: number;
  ids: string[];
  themeIds: string[];
  themeListLength: number;
  /** Each column (the list fields, then 'years' and 'incidentYears') with its values, in file order. */
  columns: [string, string[]][];
}

/** The file the index of the embedded database at `dbPath` is saved in. */
export function savedIndexPath(dbPath: string): string {
  return `${dbPath}.analytics`;
}

/** A digest of the store mark: equal digests mean the index built from the store then holds now. */
export function markOf(mark: StoreMark): string {
  const sources = [...mark.sources].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return createHash('sha256')
    .update(JSON.stringify([SAVED_INDEX_FORMAT, sources, mark.taxonomy, mark.counts]))
    .digest('hex');
}

/**
 * Writes an index's state to `path` under `mark`: to a temporary file first, renamed over the old one, so a
 * reader finds either the old file or the new one whole. Yields to requests while it encodes. Returns the
 * bytes written.
 */
export async function writeSavedIndex(
  path: string,
  mark: string,
  state: Readonly<IndexContents>,
): Promise<number> {
  const parts = await encode(mark, state);
  const temporary = `${path}.tmp`;
  try {
    await writeFile(temporary, parts);
    await rename(temporary, path);
  } catch (e) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw e;
  }
  return parts.reduce((n, p) => n + p.byteLength, 0);
}

/** Reads the index state saved at `path` if it was saved under `mark` (the store's now); else says why not. */
export async function readSavedIndex(path: string, mark: string | Promise<string>): Promise<SavedIndexLoad> {
  // The file is read while the store is asked for its mark.
  const reading = readSavedBytes(path, NOUN);
  const expected = await mark;
  const read = await reading;
  if (!read.ok) return read;
  return decodeSaved(path, NOUN, () => decode(read.bytes, expected, path));
}

const NOUN = 'analytics index';

// ---- encoding ----

const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Cases whose texts are encoded between two yields (a few milliseconds of work). */
const TEXT_BLOCK = 4096;

async function encode(mark: string, state: Readonly<IndexContents>): Promise<Uint8Array[]> {
  const size = state.ids.length;
  const sections: Uint8Array[] = [];
  const years = new Int32Array(size);
  for (let p = 0; p < size; p++) years[p] = state.years[p] ?? NO_YEAR;
  sections.push(bytesOf(years), bytesOf(state.themeStart), bytesOf(state.themeList));
  const columns = [
    ...state.columns,
    ['years', state.yearColumn],
    ['incidentYears', state.incidentYearColumn],
  ] as const;
  const header: Header = {
    mark,
    size,
    ids: state.ids,
    themeIds: state.themeIds,
    themeListLength: state.themeList.length,
    columns: columns.map(([field, column]) => [field, [...column.keys()]]),
  };
  for (const [, column] of columns) for (const set of column.values()) sections.push(bytesOf(set.words));
  const ends = new Uint32Array(size);
  let end = 0;
  for (let p = 0; p < size; p++) {
    end += state.texts[p]?.length ?? 0;
    ends[p] = end;
  }
  sections.push(bytesOf(ends));
  // The texts (tens of MB at 100k reviews) are encoded a block of cases at a time, yielding between blocks.
  const text: Buffer[] = [];
  for (let p = 0; p < size; p += TEXT_BLOCK) {
    await yieldToRequests();
    text.push(Buffer.from(state.texts.slice(p, p + TEXT_BLOCK).join(''), 'utf8'));
  }
  await yieldToRequests();
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const lead = Buffer.alloc(16);
  lead.write(MAGIC, 0, 'latin1');
  lead.writeUInt32LE(SAVED_INDEX_FORMAT, 4);
  lead.writeUInt32LE(headerBytes.byteLength, 8);
  lead.writeUInt32LE(
    sections.reduce((n, b) => n + b.byteLength, 0),
    12,
  );
  return [lead, headerBytes, ...sections, ...text];
}

function bytesOf(array: Int32Array | Uint32Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

// ---- decoding ----

function decode(file: Buffer, mark: string, path: string): SavedIndexLoad {
  if (file.byteLength < 16 || file.toString('latin1', 0, 4) !== MAGIC) throw new Error('not an index file');
  const format = file.readUInt32LE(4);
  if (format !== SAVED_INDEX_FORMAT)
    return savedFileProblem(
      'stale',
      `the saved ${NOUN} at ${path}`,
      `has format ${format}, not ${SAVED_INDEX_FORMAT}`,
    );
  const headerEnd = 16 + file.readUInt32LE(8);
  const binaryEnd = headerEnd + file.readUInt32LE(12);
  if (binaryEnd > file.byteLength) throw new Error('the file ends early');
  const header = JSON.parse(file.toString('utf8', 16, headerEnd)) as Header;
  if (header.mark !== mark) return staleFile(`the saved ${NOUN} at ${path}`);
  const size = header.size;
  if (!Number.isInteger(size) || header.ids.length !== size)
    throw new Error('the case count does not match the ids');
  // One aligned copy of the binary sections: typed arrays need a 4-byte-aligned start, a file offset may not be.
  const binary = new Uint8Array(binaryEnd - headerEnd);
  binary.set(file.subarray(headerEnd, binaryEnd));
  const reader = new SectionReader(binary.buffer);
  const yearWords = reader.int32(size);
  const years = Array.from(yearWords, (y) => (y === NO_YEAR ? null : y));
  const themeStart = reader.int32(size + 1);
  const themeList = reader.int32(header.themeListLength);
  const words = Math.ceil(size / 32);
  const columns = new Map(
    header.columns.map(([field, values]) => [
      field,
      new Map(values.map((value) => [value, new Bitset(size, reader.uint32(words))])),
    ]),
  );
  const ends = reader.uint32(size);
  if (reader.offset !== binary.byteLength) throw new Error('the sections do not add up');
  checkThemes(themeStart, themeList, header.themeIds.length);
  const text = file.toString('utf8', binaryEnd);
  if (size > 0 && ends[size - 1] !== text.length)
    throw new Error('the case texts do not match their lengths');
  const texts = new Array<string>(size);
  for (let p = 0; p < size; p++)
    texts[p] = text.slice(p === 0 ? 0 : (ends[p - 1] as number), ends[p] as number);
  const column = (field: string) => {
    const found = columns.get(field);
    if (found === undefined) throw new Error(`the ${field} column is missing`);
    return found;
  };
  return {
    ok: true,
    state: {
      ids: header.ids,
      years,
      texts,
      columns: LIST_FIELDS.map((field) => [field, column(field)]),
      yearColumn: column('years'),
      incidentYearColumn: column('incidentYears'),
      themeIds: header.themeIds,
      themeStart,
      themeList,
    },
  };
}

/** Every theme position in range and every case's run inside the list: what the index reads unchecked. */
function checkThemes(start: Int32Array, list: Int32Array, themes: number): void {
  for (let p = 1; p < start.length; p++) {
    if ((start[p] as number) < (start[p - 1] as number)) throw new Error('the theme runs are out of order');
  }
  if ((start[start.length - 1] ?? 0) !== list.length) throw new Error('the theme runs do not cover the list');
  for (const t of list) if (t < 0 || t >= themes) throw new Error(`a theme position (${t}) is out of range`);
}

class SectionReader {
  offset = 0;
  constructor(private readonly buffer: ArrayBuffer) {}

  int32(count: number): Int32Array {
    return new Int32Array(this.buffer, this.take(count), count);
  }

  uint32(count: number): Uint32Array {
    return new Uint32Array(this.buffer, this.take(count), count);
  }

  private take(count: number): number {
    const at = this.offset;
    if (at + count * 4 > this.buffer.byteLength) throw new Error('the file ends early');
    this.offset += count * 4;
    return at;
  }
}
