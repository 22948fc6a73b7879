import { expect } from 'vitest';
import type { IngestError } from '../../../../ingest/errors.ts';
import type { ReadDocument, ReadResult, StructureHint } from '../../../../ingest/read/index.ts';

export function documentOf(result: ReadResult): ReadDocument {
  if (!result.ok) throw new Error(`expected a document, got ${result.error.kind}: ${result.error.message}`);
  return result.doc;
}

export function errorOf(result: ReadResult): IngestError {
  if (result.ok) throw new Error(`expected an error, got a ${result.doc.format} document`);
  return result.error;
}

/** The hinted spans of one kind, as text. */
export function spans(doc: Pick<ReadDocument, 'text' | 'hints'>, kind: StructureHint['kind']): string[] {
  return doc.hints.filter((h) => h.kind === kind).map((h) => doc.text.slice(h.start, h.end));
}

/** The contract every reader keeps: hints in order, inside the text, trimmed, not overlapping. */
export function expectWellFormedHints(doc: Pick<ReadDocument, 'text' | 'hints'>): void {
  let previousEnd = 0;
  for (const hint of doc.hints) {
    const slice = doc.text.slice(hint.start, hint.end);
    expect(
      hint.start,
      `hint ${JSON.stringify(slice)} starts before the previous one ends`,
    ).toBeGreaterThanOrEqual(previousEnd);
    expect(hint.end).toBeGreaterThan(hint.start);
    expect(hint.end).toBeLessThanOrEqual(doc.text.length);
    expect(slice.trim(), `hint ${JSON.stringify(slice)} is not trimmed`).toBe(slice);
    previousEnd = hint.end;
  }
}
