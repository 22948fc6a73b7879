import { type IngestError, ingestError } from '../errors.ts';
import { decodeWindows1252 } from './windows-1252.ts';

export type DecodeResult = { ok: true; text: string; warnings: string[] } | { ok: false; error: IngestError };

export const WINDOWS_1252_WARNING = 'decoded as Windows-1252; save as UTF-8 to silence this';
export const UTF16_WARNING = 'decoded as UTF-16; save as UTF-8 to silence this';
export const UTF32_WARNING = 'decoded as UTF-32; save as UTF-8 to silence this';

/** Share of control bytes above which a file is binary data rather than text with a stray control code. */
const CONTROL_BYTE_RATIO = 0.01;

export interface DecodeOptions {
  /** The file declares itself Windows-1252 (an HTML meta charset), so falling back to it is no surprise. */
  declaresWindows1252?: boolean;
}

/**
 * Turns the bytes of a text file into the string every offset refers to. The only changes made to the
 * content are: a byte-order mark is dropped and CRLF line endings become LF (a lone CR is kept). Order of
 * decisions: byte-order mark, binary sniffing, strict UTF-8, then Windows-1252 (with a warning unless the
 * file declared that encoding).
 */
export function decodeText(file: string, bytes: Uint8Array, options: DecodeOptions = {}): DecodeResult {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const text = decodeUtf8(bytes.subarray(3));
    if (text !== null) return decoded(text, []);
  }
  // UTF-32LE's mark begins with UTF-16LE's, so it is asked first.
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00])) return decodedUtf32(file, bytes.subarray(4), true);
  if (startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) return decodedUtf32(file, bytes.subarray(4), false);
  if (startsWith(bytes, [0xff, 0xfe]))
    return decoded(decodeUtf16(bytes.subarray(2), 'utf-16le'), [UTF16_WARNING]);
  if (startsWith(bytes, [0xfe, 0xff]))
    return decoded(decodeUtf16(bytes.subarray(2), 'utf-16be'), [UTF16_WARNING]);

  const binaryReason = binarySignature(bytes);
  if (binaryReason) {
    return fail(
      ingestError(
        'binary',
        file,
        `no readable text: the file looks like binary data (${binaryReason})`,
        'check it is the right file; a text file saved as UTF-16 without a byte-order mark must be saved as UTF-8',
      ),
    );
  }

  const utf8 = decodeUtf8(bytes);
  if (utf8 !== null) return decoded(utf8, []);

  const windows1252 = decodeWindows1252(bytes);
  if (windows1252 !== null) {
    return decoded(windows1252, options.declaresWindows1252 ? [] : [WINDOWS_1252_WARNING]);
  }

  return fail(
    ingestError(
      'encoding',
      file,
      'the text is neither valid UTF-8 nor Windows-1252',
      'open it in a text editor and save it as UTF-8',
    ),
  );
}

/** Why the bytes look binary, or null when they look like text. */
export function binarySignature(bytes: Uint8Array): string | null {
  let controls = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] as number;
    if (byte === 0) return 'it contains NUL bytes';
    if (isControlByte(byte)) controls++;
  }
  if (bytes.length > 0 && controls / bytes.length > CONTROL_BYTE_RATIO) {
    return `${controls} control characters in ${bytes.length} bytes`;
  }
  return null;
}

/** Tab, LF, VT, FF, CR and ESC occur in real text files; other C0 controls and DEL do not. */
function isControlByte(byte: number): boolean {
  if (byte === 0x09 || byte === 0x0a || byte === 0x0b || byte === 0x0c || byte === 0x0d || byte === 0x1b) {
    return false;
  }
  return byte < 0x20 || byte === 0x7f;
}

export function normaliseLineEndings(text: string): string {
  return text.replace(/\r\n/g, '\n');
}

/** True when there is nothing but ASCII whitespace (or nothing at all). */
export function isBlankBytes(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] as number;
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x0b) {
      return false;
    }
  }
  return true;
}

function decoded(text: string, warnings: string[]): DecodeResult {
  return { ok: true, text: normaliseLineEndings(text), warnings };
}

function fail(error: IngestError): DecodeResult {
  return { ok: false, error };
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    // A decoding failure is the answer to the question being asked, not an error to report.
    return null;
  }
}

/** UTF-32 (which TextDecoder does not offer); a length that is not a multiple of 4, or a value that is not a character, is an encoding error. */
function decodedUtf32(file: string, bytes: Uint8Array, littleEndian: boolean): DecodeResult {
  const invalid = () =>
    fail(
      ingestError(
        'encoding',
        file,
        'the text starts with a UTF-32 byte-order mark but is not valid UTF-32',
        'open it in a text editor and save it as UTF-8',
      ),
    );
  if (bytes.length % 4 !== 0) return invalid();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  const points: number[] = [];
  for (let at = 0; at < bytes.length; at += 4) {
    const point = view.getUint32(at, littleEndian);
    if (point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff)) return invalid();
    points.push(point);
    if (points.length === 4096) parts.push(String.fromCodePoint(...points.splice(0)));
  }
  parts.push(String.fromCodePoint(...points));
  return decoded(parts.join(''), [UTF32_WARNING]);
}

function decodeUtf16(bytes: Uint8Array, label: 'utf-16le' | 'utf-16be'): string {
  return new TextDecoder(label, { ignoreBOM: true }).decode(bytes);
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}
