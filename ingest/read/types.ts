import type { IngestError } from '../errors.ts';

export type DocumentFormat = 'txt' | 'md' | 'html' | 'pdf' | 'docx';

/**
 * A hint about the layout of `ReadDocument.text`. Offsets are UTF-16 code-unit offsets (JavaScript string
 * indices), end exclusive, so `text.slice(start, end)` is the hinted span. Spans never start or end with
 * whitespace and never overlap; hints are sorted by `start`.
 *
 * - heading: the heading words only (a Markdown heading's `#` markers are outside the span);
 *   `level` 1–6 when the source says so (HTML, Markdown, DOCX), absent for plain-text guesses.
 * - list-item: the whole item line including its marker ("1. …", "- …", "• …"), so numbering survives;
 *   `level` is the nesting depth, 1 for a top-level item.
 * - paragraph: a run of text lines that are neither headings nor list items.
 */
export interface StructureHint {
  kind: 'heading' | 'list-item' | 'paragraph';
  start: number;
  end: number;
  level?: number;
}

export interface ReadDocument {
  /** The path or upload name exactly as given to readFile/readBytes. */
  path: string;
  format: DocumentFormat;
  /** Hex SHA-256 of the raw bytes of the file. */
  sha256: string;
  /**
   * The document as plain text. For .txt and .md this is the decoded file content unchanged except that a
   * byte-order mark is dropped and CRLF line endings become LF; other formats produce normalised text.
   */
  text: string;
  hints: StructureHint[];
  title: string | null;
  /** Things the reader had to guess or repair, each one readable on its own. */
  warnings: string[];
}

export type ReadResult = { ok: true; doc: ReadDocument } | { ok: false; error: IngestError };

/** What a format reader produces before the common fields (path, sha256) are added. */
export interface ReadContent {
  text: string;
  hints: StructureHint[];
  title: string | null;
  warnings: string[];
}

/** A format reader either produces content or says why it could not. */
export type ContentResult = { ok: true; content: ReadContent } | { ok: false; error: IngestError };
