import { getDocumentProxy } from 'unpdf';
import { type IngestError, ingestError } from '../../errors.ts';
import { MAX_PDF_PAGES_ENV, maxPdfPages } from '../limits.ts';
import { plainTextHints } from '../plain-text.ts';
import { readableReason } from '../reason.ts';
import { clampTitle, firstHeading, firstLine } from '../title.ts';
import type { ContentResult } from '../types.ts';
import { withoutFurniture } from './furniture.ts';
import { layoutPages } from './layout.ts';
import { isTextItem, linesOf, type PdfLine } from './lines.ts';

/** The PDF specification puts %%EOF within the last 1024 bytes; a cut-short download loses it. */
const EOF_WINDOW = 1024;
const HEADER_WINDOW = 1024;

type Failure = { ok: false; error: IngestError };

/**
 * Reads the text layer of a PDF with pdf.js: lines rebuilt from text items, paragraphs from vertical gaps,
 * headings from font sizes, pages separated by blank lines. A PDF without %%EOF is reported as truncated
 * before pdf.js tries to repair it, because a repaired file silently loses its last pages.
 */
export async function readPdf(file: string, bytes: Uint8Array): Promise<ContentResult> {
  const damage = structuralDamage(file, bytes);
  if (damage) return damage;
  let extracted: ExtractedPages;
  const pageLimit = maxPdfPages(process.env);
  try {
    extracted = await extractPages(bytes, pageLimit);
  } catch (error) {
    if (error instanceof TooManyPages) {
      const problem = `the PDF has ${error.pages.toLocaleString('en-GB')} pages; the limit is ${pageLimit.toLocaleString('en-GB')} (${MAX_PDF_PAGES_ENV})`;
      return fail(ingestError('too-large', file, problem, 'split the document or raise the limit'));
    }
    return { ok: false, error: pdfJsError(file, error) };
  }
  const { pages, failures } = extracted;
  const { text, headingLevels } = layoutPages(withoutFurniture(pages));
  if (!text.trim()) {
    const [failure] = failures;
    if (failure) return fail(damaged(file, failure.reason));
    return fail(ingestError('no-text', file, 'scanned PDF without a text layer', 'run OCR first'));
  }
  const warnings = failures.map((f) => `page ${f.page} could not be read (${f.reason}); its text is missing`);
  const failed = new Set(failures.map((f) => f.page));
  const emptyPages = pages.flatMap((lines, i) => (lines.length === 0 && !failed.has(i + 1) ? [i + 1] : []));
  if (emptyPages.length > 0) {
    warnings.push(`page(s) ${emptyPages.join(', ')} have no text layer (scanned?); run OCR to include them`);
  }
  const hints = plainTextHints(text, { headingLevels });
  const title =
    firstHeading(text, hints, 1) ??
    documentTitle(extracted.title) ??
    firstHeading(text, hints) ??
    firstLine(text);
  return { ok: true, content: { text, hints, title, warnings } };
}

function structuralDamage(file: string, bytes: Uint8Array): Failure | null {
  const head = latin1(bytes.subarray(0, HEADER_WINDOW));
  if (!head.includes('%PDF-')) {
    const problem = /^\s*</.test(head)
      ? 'the file is an HTML page, not a PDF (often an error page saved in place of a download)'
      : 'the file is not a PDF (no %PDF- header)';
    return fail(ingestError('truncated', file, problem, 'download or export the PDF again'));
  }
  if (!latin1(bytes.subarray(Math.max(0, bytes.length - EOF_WINDOW))).includes('%%EOF')) {
    return fail(
      ingestError(
        'truncated',
        file,
        'the PDF is truncated or damaged (no end-of-file marker)',
        're-download or re-export it',
      ),
    );
  }
  return null;
}

interface ExtractedPages {
  pages: PdfLine[][];
  failures: { page: number; reason: string }[];
  /** The Title of the document information, as a web page's <title> becomes when printed to PDF. */
  title: string | null;
}

/** Titles that name a file or a template rather than the document are no title. */
const PLACEHOLDER_TITLE =
  /^(?:microsoft (?:word|powerpoint)\b|untitled\b|document\s*\d*$)|\.(?:docx?|pdf|rtf|odt)$/i;

function documentTitle(raw: string | null): string | null {
  const title = clampTitle(raw ?? '');
  return title && !PLACEHOLDER_TITLE.test(title) ? title : null;
}

async function metadataTitle(document: PdfDocument): Promise<string | null> {
  try {
    const { info } = await document.getMetadata();
    const title = (info as { Title?: unknown } | undefined)?.Title;
    return typeof title === 'string' ? title : null;
  } catch {
    return null; // a damaged information dictionary costs the title, not the text
  }
}

class TooManyPages extends Error {
  constructor(readonly pages: number) {
    super(`${pages} pages`);
  }
}

async function extractPages(bytes: Uint8Array, pageLimit: number): Promise<ExtractedPages> {
  // pdf.js takes ownership of the buffer it is given and refuses Node Buffers, so it gets a plain copy.
  const document = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  const extracted: ExtractedPages = { pages: [], failures: [], title: null };
  try {
    if (document.numPages > pageLimit) throw new TooManyPages(document.numPages);
    extracted.title = await metadataTitle(document);
    for (let number = 1; number <= document.numPages; number++) {
      try {
        extracted.pages.push(await pageLines(document, number));
      } catch (error) {
        // One unreadable page should not cost the rest of the document; a warning says what was lost.
        extracted.failures.push({ page: number, reason: readableReason(error) });
        extracted.pages.push([]);
      }
    }
    return extracted;
  } finally {
    await document.destroy();
  }
}

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;

async function pageLines(document: PdfDocument, number: number): Promise<PdfLine[]> {
  const page = await document.getPage(number);
  const content = await page.getTextContent();
  page.cleanup();
  return linesOf(content.items.flatMap((item: unknown) => (isTextItem(item) ? [item] : [])));
}

function pdfJsError(file: string, error: unknown): IngestError {
  if (error instanceof Error && error.name === 'PasswordException') {
    return ingestError(
      'encrypted',
      file,
      'the PDF is password-protected',
      'save an unprotected copy (for example with "Print to PDF") and ingest that',
    );
  }
  return damaged(file, readableReason(error));
}

function damaged(file: string, reason: string): IngestError {
  return ingestError('truncated', file, `the PDF is damaged (${reason})`, 're-download or re-export it');
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

function fail(error: IngestError): Failure {
  return { ok: false, error };
}
