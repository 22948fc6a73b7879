import { extname } from 'node:path';
import { type IngestError, ingestError } from '../errors.ts';
import type { DocumentFormat } from './types.ts';

const FORMAT_BY_EXTENSION: Readonly<Record<string, DocumentFormat>> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.pdf': 'pdf',
  '.docx': 'docx',
};

export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(FORMAT_BY_EXTENSION);

/** Advice for formats people commonly have that we do not read. */
const CONVERSION_ADVICE: Readonly<Record<string, string>> = {
  '.doc': 'open it in Word and save it as .docx',
  '.rtf': 'open it in Word and save it as .docx',
  '.odt': 'save it as .docx or .pdf',
  '.mhtml': 'save the page as "Webpage, HTML only" (.html)',
  '.mht': 'save the page as "Webpage, HTML only" (.html)',
};

export type FormatResult = { ok: true; format: DocumentFormat } | { ok: false; error: IngestError };

/** The document format, decided by the file extension (case-insensitive). */
export function formatOf(file: string): FormatResult {
  const extension = extname(file).toLowerCase();
  const format = FORMAT_BY_EXTENSION[extension];
  if (format) return { ok: true, format };
  const supported = SUPPORTED_EXTENSIONS.join(', ');
  const problem = extension ? `${extension} files are not supported` : 'the file has no extension';
  const advice = CONVERSION_ADVICE[extension];
  const remedy = advice ? `${advice} (supported: ${supported})` : `convert it to one of ${supported}`;
  return { ok: false, error: ingestError('unsupported', file, problem, remedy) };
}
