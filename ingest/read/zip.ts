/**
 * Checks a Word document's zip archive before mammoth opens it, so a small file cannot become gigabytes in
 * memory. The central directory is read first: too many parts, or declared sizes over the limit, refuse the
 * file without inflating a byte. Every part is then inflated with an output cap of what is left of the
 * limit, so an archive whose headers understate its sizes is stopped as soon as the real bytes pass it.
 * XML parts are scanned for their nesting depth while they are at hand.
 */
import { inflateRawSync } from 'node:zlib';

export interface ZipLimits {
  /** Total uncompressed bytes of all parts. */
  maxUnzippedBytes: number;
  maxEntries: number;
  /** Deepest element nesting in any XML part. */
  maxXmlDepth: number;
}

export type ZipProblem =
  | { kind: 'damaged'; reason: string }
  | { kind: 'too-many-parts'; entries: number }
  | { kind: 'too-large'; bytes: number; declared: boolean }
  | { kind: 'too-deep'; part: string; depth: number };

export type ZipCheck = { ok: true; unzippedBytes: number } | { ok: false; problem: ZipProblem };

const END_OF_DIRECTORY = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_ENTRY = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
/** The end-of-directory record is 22 bytes plus a comment of at most 65,535. */
const END_SEARCH = 22 + 0xffff;

interface Entry {
  name: string;
  method: number;
  compressed: number;
  declared: number;
  offset: number;
}

export function checkZip(bytes: Uint8Array, limits: ZipLimits): ZipCheck {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const directory = readDirectory(data);
  if (!Array.isArray(directory)) return { ok: false, problem: directory };
  if (directory.length > limits.maxEntries) {
    return { ok: false, problem: { kind: 'too-many-parts', entries: directory.length } };
  }
  let declared = 0;
  for (const entry of directory) declared += entry.declared;
  if (declared > limits.maxUnzippedBytes) {
    return { ok: false, problem: { kind: 'too-large', bytes: declared, declared: true } };
  }
  let total = 0;
  for (const entry of directory) {
    const part = inflate(data, entry, limits.maxUnzippedBytes - total);
    if (part === 'too-large') {
      return {
        ok: false,
        problem: { kind: 'too-large', bytes: limits.maxUnzippedBytes + 1, declared: false },
      };
    }
    if (typeof part === 'string') return { ok: false, problem: { kind: 'damaged', reason: part } };
    total += part.length;
    if (/\.(?:xml|rels)$/i.test(entry.name)) {
      const depth = xmlDepth(part, limits.maxXmlDepth);
      if (depth > limits.maxXmlDepth)
        return { ok: false, problem: { kind: 'too-deep', part: entry.name, depth } };
    }
  }
  return { ok: true, unzippedBytes: total };
}

function readDirectory(data: Buffer): Entry[] | ZipProblem {
  const end = findEnd(data);
  if (end < 0) return { kind: 'damaged', reason: 'the zip directory is missing' };
  const count = data.readUInt16LE(end + 10);
  const size = data.readUInt32LE(end + 12);
  let at = data.readUInt32LE(end + 16);
  if (count === 0xffff || size === 0xffffffff || at === 0xffffffff) {
    // A zip64 archive: only needed past 65,535 parts or 4 GB, which no review document is.
    return { kind: 'too-large', bytes: Number.MAX_SAFE_INTEGER, declared: true };
  }
  if (at + size > data.length) return { kind: 'damaged', reason: 'the zip directory is cut short' };
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== CENTRAL_ENTRY) {
      return { kind: 'damaged', reason: 'the zip directory is damaged' };
    }
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    const commentLength = data.readUInt16LE(at + 32);
    entries.push({
      method: data.readUInt16LE(at + 10),
      compressed: data.readUInt32LE(at + 20),
      declared: data.readUInt32LE(at + 24),
      name: data.toString('utf8', at + 46, Math.min(data.length, at + 46 + nameLength)),
      offset: data.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEnd(data: Buffer): number {
  for (let at = data.length - 22; at >= Math.max(0, data.length - END_SEARCH); at--) {
    if (data.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  return -1;
}

/** The part's bytes, 'too-large' past `room` bytes, or why it cannot be read. */
function inflate(data: Buffer, entry: Entry, room: number): Buffer | 'too-large' | string {
  const at = entry.offset;
  if (at + 30 > data.length || data.readUInt32LE(at) !== LOCAL_ENTRY) return `part ${entry.name} is missing`;
  const start = at + 30 + data.readUInt16LE(at + 26) + data.readUInt16LE(at + 28);
  if (start + entry.compressed > data.length) return `part ${entry.name} is cut short`;
  const raw = data.subarray(start, start + entry.compressed);
  if (entry.method === STORED) return raw.length > room ? 'too-large' : raw;
  if (entry.method !== DEFLATED) return `part ${entry.name} uses an unsupported compression method`;
  if (room <= 0 && entry.compressed > 0) return 'too-large';
  try {
    return inflateRawSync(raw, { maxOutputLength: Math.max(1, room) });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return 'too-large';
    return `part ${entry.name} cannot be inflated`;
  }
}

/**
 * The deepest element nesting of an XML part, counted from its tags (comments, processing instructions and
 * declarations aside); stops counting once past `cap`.
 */
export function xmlDepth(bytes: Uint8Array, cap: number): number {
  let depth = 0;
  let deepest = 0;
  const lt = 0x3c;
  const gt = 0x3e;
  const slash = 0x2f;
  for (let i = bytes.indexOf(lt); i !== -1; i = bytes.indexOf(lt, i + 1)) {
    const next = bytes[i + 1];
    if (next === 0x21 || next === 0x3f) continue; // <! and <?
    const close = bytes.indexOf(gt, i + 1);
    if (close === -1) break;
    if (next === slash) depth--;
    else if (bytes[close - 1] !== slash) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > cap) return deepest;
      }
    }
    i = close;
  }
  return deepest;
}
