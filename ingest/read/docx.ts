import { type IngestError, ingestError } from '../errors.ts';
import { readHtmlFragment } from './html/index.ts';
import {
  formatLimit,
  formatMegabytes,
  MAX_UNZIPPED_MB_ENV,
  MAX_XML_DEPTH,
  MAX_ZIP_ENTRIES,
  maxUnzippedMegabytes,
  megabytesToBytes,
} from './limits.ts';
import { readableReason } from './reason.ts';
import type { ContentResult } from './types.ts';
import { checkZip } from './zip.ts';

/**
 * Word's own heading styles beyond mammoth's defaults: a cover's Title and Subtitle, and the outline
 * levels 7–9 that HTML has no heading for.
 */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='Heading 7'] => h6:fresh",
  "p[style-name='Heading 8'] => h6:fresh",
  "p[style-name='Heading 9'] => h6:fresh",
  "p[style-name='heading 7'] => h6:fresh",
  "p[style-name='heading 8'] => h6:fresh",
  "p[style-name='heading 9'] => h6:fresh",
];

/** Encrypted Office files and old .doc files are OLE compound files, not zip archives. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_SIGNATURE = [0x50, 0x4b];

/**
 * Reads a Word document by converting it to HTML with mammoth, so Word's heading styles and lists become
 * heading and list-item hints through the same layout as saved web pages. Images are skipped unread.
 */
export async function readDocx(file: string, bytes: Uint8Array): Promise<ContentResult> {
  if (startsWith(bytes, OLE_SIGNATURE)) return fail(oleError(file, bytes));
  if (!startsWith(bytes, ZIP_SIGNATURE)) return fail(damaged(file, 'not a zip archive'));
  const refused = zipRefusal(file, bytes);
  if (refused) return fail(refused);
  // Imported on the first Word document: a server that never receives one does not load it at start.
  const { default: mammoth } = await import('mammoth');
  let converted: Awaited<ReturnType<typeof mammoth.convertToHtml>>;
  try {
    converted = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
        ignoreEmptyParagraphs: true,
        styleMap: STYLE_MAP,
      },
    );
  } catch (error) {
    return fail(damaged(file, readableReason(error)));
  }
  // Mammoth's warnings are about styles it has no mapping for; its errors mean content was lost.
  const warnings = converted.messages.filter((m) => m.type === 'error').map((m) => `DOCX: ${m.message}`);
  const content = readHtmlFragment(withNotesSection(converted.value), warnings);
  if (!content) {
    return fail(ingestError('no-text', file, 'the Word document has no text', 'check it is the right file'));
  }
  return { ok: true, content };
}

const NOTES_LIST = /<ol><li id="(?:footnote|endnote)-/;
const BACK_LINK = /\s*<a href="#(?:footnote|endnote)-ref-[^"]*">↑<\/a>/g;

/**
 * Mammoth appends footnotes and endnotes as a numbered list after the last paragraph, where they would
 * read as more items of the document's last section (a review's last recommendations). They go under a
 * "Notes" heading of their own, without the "↑" links back to their references.
 */
function withNotesSection(html: string): string {
  const start = html.search(NOTES_LIST);
  if (start === -1) return html;
  return `${html.slice(0, start)}<h2>Notes</h2>${html.slice(start).replace(BACK_LINK, '')}`;
}

/** Checks the archive's parts before mammoth inflates them: their number, sizes and XML nesting. */
function zipRefusal(file: string, bytes: Uint8Array): IngestError | null {
  const limitMb = maxUnzippedMegabytes(process.env);
  const check = checkZip(bytes, {
    maxUnzippedBytes: megabytesToBytes(limitMb),
    maxEntries: MAX_ZIP_ENTRIES,
    maxXmlDepth: MAX_XML_DEPTH,
  });
  if (check.ok) return null;
  const { problem } = check;
  switch (problem.kind) {
    case 'damaged':
      return damaged(file, problem.reason);
    case 'too-many-parts':
      return ingestError(
        'too-large',
        file,
        `the Word document has ${problem.entries.toLocaleString('en-GB')} parts; the limit is ${MAX_ZIP_ENTRIES.toLocaleString('en-GB')}`,
        'open it in Word and save it again as .docx',
      );
    case 'too-large': {
      const size = problem.declared
        ? `unzips to ${formatMegabytes(problem.bytes)}`
        : `unzips to more than ${formatLimit(limitMb)}`;
      return ingestError(
        'too-large',
        file,
        `the Word document ${size}; the limit is ${formatLimit(limitMb)} (${MAX_UNZIPPED_MB_ENV})`,
        'split the document, or raise the limit if it is genuine',
      );
    }
    case 'too-deep':
      return ingestError(
        'too-large',
        file,
        `the Word document nests its content more than ${MAX_XML_DEPTH} levels deep (${problem.part}); the limit is ${MAX_XML_DEPTH}`,
        'open it in Word and save it again as .docx',
      );
  }
}

function oleError(file: string, bytes: Uint8Array): IngestError {
  if (containsUtf16(bytes, 'EncryptionInfo')) {
    return ingestError(
      'encrypted',
      file,
      'the Word document is password-protected',
      'open it in Word, remove the password (File > Info > Protect Document) and save it again',
    );
  }
  return ingestError(
    'unsupported',
    file,
    'the file is an old-format Word .doc with a .docx name',
    'open it in Word and save it as .docx',
  );
}

function damaged(file: string, reason: string): IngestError {
  return ingestError(
    'truncated',
    file,
    `the Word document is truncated or damaged (${reason})`,
    'open it in Word and save it again as .docx',
  );
}

/** OLE directory entries name their streams in UTF-16LE. */
function containsUtf16(bytes: Uint8Array, name: string): boolean {
  const needle = Buffer.from(name, 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

function fail(error: IngestError): ContentResult {
  return { ok: false, error };
}
