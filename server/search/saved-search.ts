/**
 * The search index saved beside an embedded database (`<db>.search`), so that a start reads it back instead
 * of reading every review and statement from the store again (at 100k reviews, about 15 s of CPU in the
 * background after each start). It is keyed, like the saved analytics index, by the store mark the index was
 * read under (server/analytics/persisted-index.ts): a file written under another mark is stale and the
 * index is built from the store as before.
 *
 * Layout: a 16-byte lead (magic, format, header length), a JSON header (the mark, and per segment the byte
 * lengths of each column's sections), then the sections. Text columns are JSON arrays of at most
 * STRINGS_PER_SECTION strings each, so that neither encoding nor decoding holds the event loop for long;
 * number columns are the typed arrays' bytes, little-endian.
 */
import { rename, rm, writeFile } from 'node:fs/promises';
import {
  decodeSaved,
  readSavedBytes,
  type SavedFileProblem,
  savedFileProblem,
  staleFile,
} from '../analytics/saved-file.ts';
import type { PostingParts } from './postings.ts';
import { type SavedSegment, SearchIndex, type StatementColumnParts } from './text-index.ts';

export const SAVED_SEARCH_FORMAT = 1;
const MAGIC = 'TLSI';
const STRINGS_PER_SECTION = 20_000;

export type SavedSearchLoad = { ok: true; index: SearchIndex } | { ok: false; problem: SavedFileProblem };

/** The file the search index of the embedded database at `dbPath` is saved in. */
export function savedSearchPath(dbPath: string): string {
  return `${dbPath}.search`;
}

type Strings = readonly (string | null)[];
type ColumnKind = 'strings' | 'u8' | 'u32';
/** A column's name, kind, and the byte length of each of its sections, in file order. */
type ColumnLayout = [string, ColumnKind, number[]];

interface Header {
  mark: string;
  segments: ColumnLayout[][];
}

/** Every column of a saved segment, in file order. */
function columnsOf(s: SavedSegment): Array<[string, Strings | Uint8Array | Uint32Array]> {
  const st = s.statements;
  return [
    ['cases.ids', s.cases.ids],
    ['cases.titles', s.cases.titles],
    ['cases.partnerships', s.cases.partnerships],
    ['cases.children', s.cases.children],
    ['cases.summaries', s.cases.summaries],
    ['statements.ids', st.ids],
    ['statements.texts', st.texts],
    ['statements.caseIds', st.caseIds],
    ['statements.sourceIds', st.sourceIds],
    ['statements.kinds', st.kinds],
    ['statements.caseOf', st.caseOf],
    ['statements.sourceOf', st.sourceOf],
    ['casePostings.terms', s.casePostings.terms],
    ['casePostings.start', s.casePostings.start],
    ['casePostings.postings', s.casePostings.postings],
    ['statementPostings.terms', s.statementPostings.terms],
    ['statementPostings.start', s.statementPostings.start],
    ['statementPostings.postings', s.statementPostings.postings],
    ['deadCases', s.deadCases],
    ['deadStatements', s.deadStatements],
  ];
}

const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Writes the index's segments under `mark` to a temporary file, renamed over the old one, so a reader finds
 * the old file or the new one whole. Yields to requests between sections. Returns the bytes written.
 */
export async function writeSavedSearch(
  path: string,
  mark: string,
  segments: readonly SavedSegment[],
): Promise<number> {
  const sections: Uint8Array[] = [];
  const header: Header = { mark, segments: [] };
  for (const segment of segments) {
    const layout: ColumnLayout[] = [];
    for (const [name, values] of columnsOf(segment)) {
      if (values instanceof Uint8Array || values instanceof Uint32Array) {
        const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
        sections.push(bytes);
        layout.push([name, values instanceof Uint8Array ? 'u8' : 'u32', [bytes.byteLength]]);
        continue;
      }
      const lengths: number[] = [];
      for (let i = 0; i < values.length; i += STRINGS_PER_SECTION) {
        await yieldToRequests();
        const bytes = Buffer.from(JSON.stringify(values.slice(i, i + STRINGS_PER_SECTION)), 'utf8');
        sections.push(bytes);
        lengths.push(bytes.byteLength);
      }
      layout.push([name, 'strings', lengths]);
    }
    header.segments.push(layout);
  }
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const lead = Buffer.alloc(16);
  lead.write(MAGIC, 0, 'latin1');
  lead.writeUInt32LE(SAVED_SEARCH_FORMAT, 4);
  lead.writeUInt32LE(headerBytes.byteLength, 8);
  const temporary = `${path}.tmp`;
  try {
    await writeFile(temporary, [lead, headerBytes, ...sections]);
    await rename(temporary, path);
  } catch (e) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw e;
  }
  return lead.byteLength + headerBytes.byteLength + sections.reduce((n, b) => n + b.byteLength, 0);
}

/** The search index saved at `path` if it was saved under `mark` (the store's now); else says why not. */
export async function readSavedSearch(path: string, mark: string): Promise<SavedSearchLoad> {
  const read = await readSavedBytes(path, NOUN);
  if (!read.ok) return read;
  return decodeSaved(path, NOUN, () => decode(read.bytes, mark, path));
}

const NOUN = 'search index';

async function decode(file: Buffer, mark: string, path: string): Promise<SavedSearchLoad> {
  if (file.byteLength < 16 || file.toString('latin1', 0, 4) !== MAGIC)
    throw new Error('not a search index file');
  const format = file.readUInt32LE(4);
  if (format !== SAVED_SEARCH_FORMAT)
    return savedFileProblem(
      'stale',
      `the saved ${NOUN} at ${path}`,
      `has format ${format}, not ${SAVED_SEARCH_FORMAT}`,
    );
  let offset = 16 + file.readUInt32LE(8);
  if (offset > file.byteLength) throw new Error('the file ends early');
  const header = JSON.parse(file.toString('utf8', 16, offset)) as Header;
  if (header.mark !== mark) return staleFile(`the saved ${NOUN} at ${path}`);
  const take = (bytes: number): Buffer => {
    if (!Number.isInteger(bytes) || bytes < 0 || offset + bytes > file.byteLength)
      throw new Error('the file ends early');
    const section = file.subarray(offset, offset + bytes);
    offset += bytes;
    return section;
  };
  const segments: SavedSegment[] = [];
  for (const layout of header.segments) {
    const columns = new Map<string, Strings | Uint8Array | Uint32Array>();
    for (const [name, kind, lengths] of layout) {
      if (kind === 'strings') {
        const values: (string | null)[] = [];
        for (const bytes of lengths) {
          await yieldToRequests();
          for (const value of JSON.parse(take(bytes).toString('utf8')) as (string | null)[])
            values.push(value);
        }
        columns.set(name, values);
      } else {
        columns.set(name, numbers(kind, take(lengths[0] ?? 0)));
      }
    }
    segments.push(segmentOf(columns));
  }
  if (offset !== file.byteLength) throw new Error('the sections do not add up');
  return { ok: true, index: SearchIndex.fromSaved(segments) };
}

/** A copy of the section's bytes as a typed array (a file offset need not be aligned for one). */
function numbers(kind: 'u8' | 'u32', bytes: Buffer): Uint8Array | Uint32Array {
  if (kind === 'u8') return Uint8Array.from(bytes);
  if (bytes.byteLength % 4 !== 0) throw new Error('a number column is not whole');
  const values = new Uint32Array(bytes.byteLength / 4);
  new Uint8Array(values.buffer).set(bytes);
  return values;
}

function segmentOf(columns: Map<string, Strings | Uint8Array | Uint32Array>): SavedSegment {
  const strings = (name: string): string[] => {
    const values = columns.get(name);
    if (!Array.isArray(values)) throw new Error(`the column ${name} is missing`);
    return values as string[];
  };
  const typed = <T extends Uint8Array | Uint32Array>(name: string, type: new (n: number) => T): T => {
    const values = columns.get(name);
    if (!(values instanceof type)) throw new Error(`the column ${name} is missing`);
    return values;
  };
  const cases = {
    ids: strings('cases.ids'),
    titles: strings('cases.titles'),
    partnerships: strings('cases.partnerships'),
    children: strings('cases.children'),
    summaries: strings('cases.summaries'),
  };
  const statements: StatementColumnParts = {
    ids: strings('statements.ids'),
    texts: strings('statements.texts'),
    caseIds: strings('statements.caseIds'),
    sourceIds: strings('statements.sourceIds'),
    kinds: typed('statements.kinds', Uint8Array),
    caseOf: typed('statements.caseOf', Uint32Array),
    sourceOf: typed('statements.sourceOf', Uint32Array),
  };
  const postings = (prefix: string, size: number): PostingParts => ({
    size,
    terms: strings(`${prefix}.terms`),
    start: typed(`${prefix}.start`, Uint32Array),
    postings: typed(`${prefix}.postings`, Uint32Array),
  });
  return {
    cases,
    statements,
    casePostings: postings('casePostings', cases.ids.length),
    statementPostings: postings('statementPostings', statements.ids.length),
    deadCases: typed('deadCases', Uint8Array),
    deadStatements: typed('deadStatements', Uint8Array),
  };
}
