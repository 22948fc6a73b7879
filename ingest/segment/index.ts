/**
 * Segmentation: one document's text -> its kind, its own title/publisher/date, and one ExtractedCase per
 * case-review entry, with every field the text supports. Classification (harm types, agencies, themes)
 * and ids are left for later stages (ingest/classify, ingest/identity). Pure: text in, values out.
 */

import { cutLine } from '../extract/lines.ts';
import { reviewTypeIn } from '../extract/review-type.ts';
import type { DocumentKind, ExtractedCase, ListKind } from '../extract/types.ts';
import { makeView, type TextView } from '../extract/view.ts';
import { segmentBulletin } from './bulletin.ts';
import { segmentDatedList } from './dated-list.ts';
import { documentMeta } from './document-meta.ts';
import type { StructureHint } from './hints.ts';
import { detectKind } from './kind.ts';
import { segmentNationalBriefing, segmentNationalPublications } from './national.ts';
import { segmentNewsletter } from './newsletter.ts';
import { type ProseResult, segmentProse } from './prose/index.ts';
import { isChildName } from './prose/subjects.ts';
import type { SegmentContext, SegmentResult } from './segment-types.ts';
import { tableReviews } from './table.ts';

export type { StructureHint } from './hints.ts';

export interface Segmentation {
  kind: DocumentKind;
  confidence: number;
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
  'single-review': null,
  'several-reviews': null,
  'review-index': null,
  'not-a-review': null,
  unknown: null,
};

/** A layout score at which the structure is taken as certain. */
const CERTAIN_SCORE = 20;
/** How far into a report its title page and opening run. */
const TITLE_PAGE_CHARS = 1500;
/** Below this share of entries that look like reviews, a list reading is taken as a misreading. */
const MIN_PLAUSIBLE_SHARE = 0.6;
const PUBLICATION_WORD =
  /\b(?:reviews?|analys[ie]s|report|briefing|study|panel|publication|inquiry|triennial|evaluation)\b/i;

export function segmentDocument(doc: { text: string; hints: StructureHint[] }): Segmentation {
  const view = makeView(doc.text, doc.hints);
  const meta = documentMeta(view);
  const { kind, scores } = detectKind(view, meta.title);
  const segment = SEGMENTERS[kind];
  const warnings: string[] = [];
  if (!meta.title) warnings.push('the document has no text to take a title from');
  const ctx = {
    title: meta.title,
    titleStart: meta.titleStart,
    published: meta.published,
    publishedYear: meta.publishedYear,
  };
  // The prose reading is needed to judge a list reading and, when that is refused, as the answer: once.
  let prose: ProseResult | null = null;
  const readProse = () => {
    prose ??= segmentProse(view, ctx);
    return prose;
  };
  const tabled = tableReviews(view);
  if (tabled) {
    return {
      kind: 'review-index',
      confidence: 0.85,
      ...pickMeta(meta),
      cases: endAtCut(view, tabled),
      warnings,
    };
  }
  const listed = segment ? segment(view, ctx) : null;
  if (listed && listed.cases.length > 0 && listIsSurer(view, readProse, kind, listed.cases)) {
    const score = kind in scores ? scores[kind as ListKind] : 0;
    const confidence = Math.round(Math.min(0.95, 0.5 + (0.45 * score) / CERTAIN_SCORE) * 100) / 100;
    return {
      kind,
      confidence,
      ...pickMeta(meta),
      cases: endAtCut(view, listed.cases),
      warnings: [...warnings, ...listed.warnings],
    };
  }
  if (!meta.title) return { kind: 'unknown', confidence: 0, ...pickMeta(meta), cases: [], warnings };
  const read = readProse();
  if (read.cases.length === 0 && read.layout !== 'not-a-review') {
    warnings.push('read as prose but no case review was found in it');
  }
  return {
    kind: read.layout,
    confidence: read.confidence,
    ...pickMeta(meta),
    cases: read.cases,
    warnings: [...warnings, ...read.warnings],
  };
}

/**
 * Label lines ("Learning:", "Recommendations:") and numbered headings also occur in single-review
 * briefings and report openings, so a list layout is kept only when its entries look like reviews (a
 * child, a kind of review or a year in the heading, or a national publication) and the prose reading does
 * not find one child named on the title page of what the list reading split into parts.
 */
function listIsSurer(
  view: TextView,
  readProse: () => ProseResult,
  kind: DocumentKind,
  cases: ExtractedCase[],
): boolean {
  const seen = new Set<string>();
  const plausible = cases.filter((c) => {
    const fresh = c.child === null || !seen.has(c.child);
    if (c.child) seen.add(c.child);
    return fresh && looksLikeReview(c);
  });
  if (plausible.length / cases.length < MIN_PLAUSIBLE_SHARE) return false;
  // Numbered paragraphs or labelled bullets of a page about reviews in general (an annual report,
  // guidance, a training page) are not entries; a list of children's reviews is, whatever its prose says.
  const children = new Set(cases.flatMap((c) => (c.child ? [c.child] : []))).size;
  // A dated entry ("2024 - Anonymous - DHR") is a list's own heading for one review, whatever the prose says.
  if (
    kind !== 'national-briefing' &&
    !isDatedKind(kind) &&
    children < 2 &&
    readProse().layout === 'not-a-review'
  )
    return false;
  // A report's contents page lists its chapters like entries; a child named on its title page says it is
  // one review.
  if (hasContentsPage(view) && proseIsSurer(view, readProse())) return false;
  if (seen.size >= 2 && !isNationalKind(kind)) return true;
  const prose = readProse();
  // One dated entry ("2025 - Area - Gabriel") and a prose reading of the same child: the entry's heading
  // carries the area and year the prose lacks.
  const only = cases.length === 1 ? cases[0] : undefined;
  if (isDatedKind(kind) && only?.child && prose.cases.length === 1 && prose.cases[0]?.child === only.child)
    return true;
  return !proseIsSurer(view, prose);
}

function looksLikeReview(c: ExtractedCase): boolean {
  if (c.child !== null) return isChildName(c.child);
  if (c.reviewType === 'NATIONAL') return PUBLICATION_WORD.test(c.title) && !/\?\s*$/.test(c.title);
  return reviewTypeIn(c.title) !== null || /\b(?:19|20)\d\d\b/.test(c.title);
}

/**
 * An excerpt that stops at a "[...]" line ends there: the entry it cuts ends before it, and nothing of the
 * marker becomes a statement.
 */
function endAtCut(view: TextView, cases: ExtractedCase[]): ExtractedCase[] {
  const cut = cutLine(view.lines);
  if (!cut) return cases;
  const before = (s: { end: number }) => s.end <= cut.start;
  return cases
    .filter((c) => c.start < cut.start)
    .map((c) =>
      c.end <= cut.start
        ? c
        : {
            ...c,
            end: trimEnd(view.text, cut.start, c.start),
            learning: c.learning.filter(before),
            recommendations: c.recommendations.filter(before),
            actions: c.actions.filter(before),
          },
    );
}

function trimEnd(text: string, end: number, floor: number): number {
  let e = end;
  while (e > floor && /\s/.test(text[e - 1] ?? '')) e -= 1;
  return e;
}

function isDatedKind(kind: DocumentKind): boolean {
  return kind === 'yearly-list' || kind === 'monthly-update';
}

function isNationalKind(kind: DocumentKind): boolean {
  return kind === 'national-publications' || kind === 'national-briefing';
}

/**
 * A report opening's contents list looks like a run of numbered national items; a child named on the
 * title page as the subject of a review says it is one review.
 */
function proseIsSurer(view: TextView, prose: ProseResult): boolean {
  const only = prose.cases.length === 1 ? prose.cases[0] : undefined;
  if (prose.layout !== 'single-review' || !only?.child) return false;
  const named = view.text.indexOf(only.child);
  return named >= 0 && named < TITLE_PAGE_CHARS;
}

/** Lines ending in a page number ("Timescale for the SCR 5", "Findings ........ 24"): three make a contents page. */
const CONTENTS_LINE = /^[^\n]{3,120}?(?:\.{3,}|[ \t])\d{1,3}[ \t]*$/;
const CONTENTS_LINES = 3;

function hasContentsPage(view: TextView): boolean {
  let n = 0;
  for (const line of view.lines) {
    if (!line.blank && CONTENTS_LINE.test(line.text) && ++n >= CONTENTS_LINES) return true;
  }
  return false;
}

function pickMeta(meta: ReturnType<typeof documentMeta>) {
  return { title: meta.title, publisher: meta.publisher, published: meta.published };
}
