/**
 * Why a document could not be read. Errors are values: every reader returns one of these instead of
 * throwing, so a run over many files can report the bad ones and carry on with the rest.
 */
export type IngestErrorKind =
  | 'unsupported' // the file extension is not one we read
  | 'empty' // no bytes, or only whitespace
  | 'binary' // looks like binary data, not text
  | 'encrypted' // password-protected PDF or Word document
  | 'truncated' // a PDF or DOCX that is cut short or damaged
  | 'encoding' // text that is neither UTF-8 nor Windows-1252
  | 'too-large' // over the size limit (THREADLINE_MAX_FILE_MB)
  | 'unreadable' // missing, a directory, or no permission
  | 'no-text'; // a well-formed file with no text in it (a scanned PDF, an empty page)

export interface IngestError {
  kind: IngestErrorKind;
  /** The path or upload name exactly as the caller gave it. */
  file: string;
  /** One line: the file, what is wrong, and what to do about it. */
  message: string;
}

export const INGEST_ERROR_KINDS: readonly IngestErrorKind[] = [
  'unsupported',
  'empty',
  'binary',
  'encrypted',
  'truncated',
  'encoding',
  'too-large',
  'unreadable',
  'no-text',
];

/**
 * Builds an IngestError whose message reads "<file>: <problem>; <remedy>". Readers pass the problem and
 * remedy because they know the specifics (which format, which marker is missing, what the limit is).
 */
export function ingestError(
  kind: IngestErrorKind,
  file: string,
  problem: string,
  remedy: string,
): IngestError {
  return { kind, file, message: `${file}: ${problem}; ${remedy}` };
}

export function isIngestError(value: unknown): value is IngestError {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<IngestError>;
  return (
    typeof candidate.file === 'string' &&
    typeof candidate.message === 'string' &&
    INGEST_ERROR_KINDS.includes(candidate.kind as IngestErrorKind)
  );
}
