/**
 * Segmentation: one document's text -> its kind, its own title/publisher/date, and one ExtractedCase per
 * case-review entry, with every field the text supports. Classification (harm types, agencies, themes)
 * and ids are left for later stages (ingest/classify, ingest/identity). Pure: text in, values out.
 */
import type { DocumentKind, ExtractedCase } from '../extract/types.ts';
import { makeView, type TextView } from '../extract/view.ts';
import { segmentBulletin } from './bulletin.ts';
import { segmentDatedList } from './dated-list.ts';
import { documentMeta } from './document-meta.ts';
import type { StructureHint } from './hints.ts';
import { detectKind } from './kind.ts';
import { segmentNationalBriefing, segmentNationalPublications } from './national.ts';
import { segmentNewsletter } from './newsletter.ts';
import type { SegmentContext, SegmentResult } from './segment-types.ts';

export type { StructureHint } from './hints.ts';

export interface Segmentation {
  kind: DocumentKind;
  title: string;
  publisher: string | null;
  published: string | null;
  cases: ExtractedCase[];
  warnings: string[];
}

const SEGMENTERS: Record<DocumentKind, ((view: TextView, ctx: SegmentContext) => SegmentResult) | null> = {
  'repository-bulletin': segmentBulletin,
  'topic-newsletter': segmentNewsletter,
  'yearly-list': segmentDatedList,
  'monthly-update': segmentDatedList,
  'national-publications': segmentNationalPublications,
  'national-briefing': segmentNationalBriefing,
  unknown: null,
};

export function segmentDocument(doc: { text: string; hints: StructureHint[] }): Segmentation {
  const view = makeView(doc.text, doc.hints);
  const meta = documentMeta(view);
  const { kind } = detectKind(view, meta.title);
  const segment = SEGMENTERS[kind];
  const warnings: string[] = [];
  if (!meta.title) warnings.push('the document has no text to take a title from');
  if (!segment) {
    warnings.push(
      'layout not recognised: no repository bulletin, newsletter, dated list or national publication structure found, so no case reviews were extracted',
    );
    return { kind, ...pickMeta(meta), cases: [], warnings };
  }
  const result = segment(view, {
    title: meta.title,
    titleStart: meta.titleStart,
    published: meta.published,
    publishedYear: meta.publishedYear,
  });
  if (result.cases.length === 0) warnings.push(`recognised as ${kind} but no case-review entries were found`);
  return { kind, ...pickMeta(meta), cases: result.cases, warnings: [...warnings, ...result.warnings] };
}

function pickMeta(meta: ReturnType<typeof documentMeta>) {
  return { title: meta.title, publisher: meta.publisher, published: meta.published };
}
