import { createHash } from 'node:crypto';
import { type IngestError, ingestError } from '../errors.ts';
import { decodeText, isBlankBytes } from './decode.ts';
import { readDocx } from './docx.ts';
import { type FileSize, type FileSource, nodeFileSource } from './file-source.ts';
import { formatOf } from './format.ts';
import { declaresWindows1252 } from './html/charset.ts';
import { readHtml } from './html/index.ts';
import { formatLimit, formatMegabytes, MAX_FILE_MB_ENV, maxFileBytes, maxFileMegabytes } from './limits.ts';
import { readMarkdown } from './markdown.ts';
import { readPdf } from './pdf/index.ts';
import { readPlainText } from './plain-text.ts';
import { readability } from './readable.ts';
import { readableReason } from './reason.ts';
import type { ContentResult, DocumentFormat, ReadResult } from './types.ts';

export type { IngestError, IngestErrorKind } from '../errors.ts';
export type { FileSize, FileSource } from './file-source.ts';
export { SUPPORTED_EXTENSIONS } from './format.ts';
export { DEFAULT_MAX_FILE_MB, MAX_FILE_MB_ENV } from './limits.ts';
export type { DocumentFormat, ReadDocument, ReadResult, StructureHint } from './types.ts';

/** Reads a document from disk. Never throws: a file that cannot be read gives `{ ok: false, error }`. */
export function readFile(path: string): Promise<ReadResult> {
  return readFileFrom(nodeFileSource, path);
}

/**
 * readFile over any FileSource. The size is checked before any byte is read, so an oversized file costs a
 * stat call, not its size in memory.
 */
export async function readFileFrom(source: FileSource, path: string): Promise<ReadResult> {
  let size: FileSize;
  try {
    size = await source.size(path);
  } catch (error) {
    return failed(unreadable(path, error));
  }
  if (size.isDirectory) return failed(directory(path));
  if (!size.isFile) {
    const problem = 'it is not a regular file (a device, pipe or socket)';
    return failed(ingestError('unreadable', path, problem, 'pass a saved document instead'));
  }
  const format = formatOf(path);
  if (!format.ok) return failed(format.error);
  const tooLarge = sizeError(path, size.bytes);
  if (tooLarge) return failed(tooLarge);
  let bytes: Uint8Array;
  try {
    bytes = await source.read(path);
  } catch (error) {
    return failed(unreadable(path, error));
  }
  return readBytes(path, bytes);
}

/** Reads a document already in memory (an upload); `name` gives the format by its extension. */
export async function readBytes(name: string, bytes: Uint8Array): Promise<ReadResult> {
  const format = formatOf(name);
  if (!format.ok) return failed(format.error);
  const tooLarge = sizeError(name, bytes.length);
  if (tooLarge) return failed(tooLarge);
  if (isBlankBytes(bytes)) return failed(empty(name));
  let result: ContentResult;
  try {
    result = await readContent(format.format, name, bytes);
  } catch (error) {
    // Readers return errors as values; reaching this means a parser failed in a way nobody anticipated.
    return failed(
      ingestError('unreadable', name, `reading failed unexpectedly (${readableReason(error)})`, REPORT),
    );
  }
  if (!result.ok) return failed(result.error);
  const { text, hints, title, warnings } = result.content;
  const unreadable = unreadableText(name, text);
  if (unreadable) return failed(unreadable);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { ok: true, doc: { path: name, format: format.format, sha256, text, hints, title, warnings } };
}

const REPORT = 'check the file opens in its usual application, and report it with the file if it does';

async function readContent(format: DocumentFormat, name: string, bytes: Uint8Array): Promise<ContentResult> {
  if (format === 'pdf') return readPdf(name, bytes);
  if (format === 'docx') return readDocx(name, bytes);
  const decoded = decodeText(name, bytes, {
    declaresWindows1252: format === 'html' && declaresWindows1252(bytes),
  });
  if (!decoded.ok) return decoded;
  if (format === 'html') return readHtml(name, decoded.text, decoded.warnings);
  const content = format === 'md' ? readMarkdown : readPlainText;
  return { ok: true, content: content(decoded.text, decoded.warnings) };
}

function sizeError(file: string, bytes: number): IngestError | null {
  if (bytes <= maxFileBytes(process.env)) return null;
  const limit = formatLimit(maxFileMegabytes(process.env));
  return ingestError(
    'too-large',
    file,
    `the file is ${formatMegabytes(bytes)}; the limit is ${limit} (${MAX_FILE_MB_ENV})`,
    'split the document or raise the limit',
  );
}

function empty(file: string): IngestError {
  return ingestError(
    'empty',
    file,
    'no readable text: the file is empty or only whitespace',
    'check it was saved or downloaded completely',
  );
}

function unreadableText(file: string, text: string): IngestError | null {
  switch (readability(text)) {
    case 'readable':
      return null;
    case 'invisible':
      return text.trim() === ''
        ? empty(file)
        : ingestError(
            'no-text',
            file,
            'no readable text: only whitespace and invisible characters (such as zero-width spaces)',
            'check it is the right file',
          );
    case 'no-words':
      return ingestError(
        'binary',
        file,
        'no readable text: the characters do not form words (random or binary data)',
        'check it is the right file and that it was saved as text',
      );
  }
}

function unreadable(file: string, error: unknown): IngestError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return ingestError('unreadable', file, 'the file does not exist', 'check the path');
  if (code === 'EACCES' || code === 'EPERM') {
    return ingestError('unreadable', file, 'permission denied', 'check the file permissions');
  }
  if (code === 'EISDIR') return directory(file);
  return ingestError(
    'unreadable',
    file,
    `the file cannot be read (${readableReason(error)})`,
    'check the path and permissions',
  );
}

function directory(file: string): IngestError {
  return ingestError('unreadable', file, 'it is a directory, not a file', 'pass the files inside it');
}

function failed(error: IngestError): ReadResult {
  return { ok: false, error };
}
