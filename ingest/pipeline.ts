/**
 * One read document -> its extracted case reviews: segment, classify each entry, give each its stable id.
 * Pure: no files, no database.
 */
import { classifyCase } from './classify/index.ts';
import type { ExtractedCase, ExtractedDocument } from './extract/types.ts';
import { caseId } from './identity/index.ts';
import type { ReadDocument } from './read/types.ts';
import { segmentDocument } from './segment/index.ts';
import { proseCues } from './segment/prose/cues.ts';
import type { Taxonomy } from './taxonomy/index.ts';

export type ExtractedText = ExtractedDocument & { text: string };

/**
 * The version of this pipeline, stored with every source it reads: the taxonomy's version and the cue
 * files' versions. A file whose bytes and pipeline version match what the store holds for its origin is
 * not read again; bumping any of these versions makes every file be read again.
 */
export function extractorVersion(taxonomy: Taxonomy): string {
  return `taxonomy ${taxonomy.version}; prose cues ${proseCues().version}`;
}

export function extractDocument(doc: ReadDocument, taxonomy: Taxonomy): ExtractedText {
  const segmentation = segmentDocument({ text: doc.text, hints: doc.hints });
  const warnings = [...doc.warnings, ...segmentation.warnings];
  const classified = segmentation.cases.map((c) => {
    const tagged = classifyCase(c, doc.text, taxonomy);
    return { ...tagged, id: caseId(tagged) };
  });
  return {
    path: doc.path,
    sha256: doc.sha256,
    format: doc.format,
    kind: segmentation.kind,
    layout: segmentation.kind,
    confidence: segmentation.confidence,
    title: segmentation.title || doc.title || fileName(doc.path),
    publisher: segmentation.publisher,
    published: segmentation.published,
    cases: dropRepeatedCases(classified, warnings),
    warnings,
    text: doc.text,
  };
}

/** A review listed twice in one document is one review: keep the first entry and say so. */
function dropRepeatedCases(cases: ExtractedCase[], warnings: string[]): ExtractedCase[] {
  const firstById = new Map<string, ExtractedCase>();
  const kept: ExtractedCase[] = [];
  for (const c of cases) {
    const first = firstById.get(c.id);
    if (first) {
      warnings.push(
        `the entry "${c.title}" at offset ${c.start} repeats the review "${first.title}" at offset ${first.start}; kept the first`,
      );
      continue;
    }
    firstById.set(c.id, c);
    kept.push(c);
  }
  return kept;
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
