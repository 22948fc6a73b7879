/** One file -> its extracted document, or the reason it could not be read. Never throws. */
import { type ExtractedText, extractDocument } from '../pipeline.ts';
import { readBytes, readFile } from '../read/index.ts';
import { readableReason } from '../read/reason.ts';
import type { ReadResult } from '../read/types.ts';
import type { Taxonomy } from '../taxonomy/index.ts';
import type { FileProblem } from './expand-paths.ts';

export type ExtractResult = { ok: true; doc: ExtractedText } | { ok: false; problem: FileProblem };

export async function extractFile(file: string, taxonomy: Taxonomy): Promise<ExtractResult> {
  return extractRead(file, await readFile(file), taxonomy);
}

export async function extractBytes(
  name: string,
  bytes: Uint8Array,
  taxonomy: Taxonomy,
): Promise<ExtractResult> {
  return extractRead(name, await readBytes(name, bytes), taxonomy);
}

export function extractRead(file: string, read: ReadResult, taxonomy: Taxonomy): ExtractResult {
  if (!read.ok) return { ok: false, problem: { file, message: read.error.message } };
  try {
    return { ok: true, doc: extractDocument(read.doc, taxonomy) };
  } catch (e) {
    // Extraction is pure and should not throw; if it does, this file is reported and the run goes on.
    return {
      ok: false,
      problem: { file, message: `${file}: could not extract reviews (${readableReason(e)})` },
    };
  }
}
