/**
 * Topic newsletters: reviews grouped under topic headings ("Domestic Abuse"), each group introduced by a
 * "Serious Case Reviews:" line and followed by a "Linked Research & Resources:" section that lists
 * research, not reviews. An entry is a heading ("Serious case review: Child B"), author and board lines
 * (on the heading line or their own lines), and one or more paragraphs holding the summary and the
 * labelled lists. A paragraph that starts a new labelled summary right after a finished entry is an entry
 * printed without its heading line.
 */

import type { ReviewType } from '../../graph/records.ts';
import { buildCase, type EntryParts } from '../extract/case.ts';
import { isHeadingLike } from '../extract/headings.ts';
import { findLabels } from '../extract/labels.ts';
import { type Line, type Paragraph, paragraphsOf, startsLowercase, trimSpan } from '../extract/lines.ts';
import { metaStart, parseMeta } from '../extract/meta.ts';
import { reviewTypeIn } from '../extract/review-type.ts';
import type { TextView } from '../extract/view.ts';
import type { SegmentContext, SegmentResult } from './segment-types.ts';

const SECTION = /^[\s*#]*(?:serious\s+)?case\s+reviews?\s*:?[\s*]*$/i;
const SECTION_OTHER =
  /^[\s*#]*(?:local\s+|national\s+)?child\s+safeguarding\s+practice\s+reviews\s*:?[\s*]*$/i;
const RESOURCES =
  /^[\s*#]*(?:linked\s+|related\s+|further\s+)?(?:research\s*(?:&|and)\s*resources|resources|reading|useful\s+links)\s*:?[\s*]*$/i;
const ENTRY_HEADING =
  /^[\s*#]*(?:\d{1,3}[.)]\s+)?(?:serious\s+case\s+review|(?:local\s+|national\s+)?child\s+safeguarding\s+practice\s+review|(?:case|learning|thematic|practice|partnership)\s+review|LCSPR|CSPR|SCR)\b/i;

interface Entry {
  heading: Line | null;
  title: string | null;
  metaText: string;
  body: Paragraph[];
  bodyStart: number;
  topic: string | null;
  sectionType: ReviewType | null;
}

export function isEntryHeading(line: Line): boolean {
  if (!ENTRY_HEADING.test(line.text.slice(0, 120))) return false;
  const t = line.text.trim();
  const cut = metaStart(t);
  const title = cut >= 0 ? t.slice(0, cut) : t;
  return ENTRY_HEADING.test(title) && title.length <= 200 && !/[.;]\s*$/.test(title);
}

export function isSectionHeader(text: string): boolean {
  return SECTION.test(text) || SECTION_OTHER.test(text);
}

export function isResourcesHeader(text: string): boolean {
  return RESOURCES.test(text);
}

const META_LINE =
  /^[\s*_]*(?:Authors?|LSCB|LSCP|Safeguarding\s+Partnership|Partnership|Board)\s*:|^[\s*_]*Published\s+(?:by|on\s+behalf\s+of)\b/i;
const isMetaLine = (line: Line) => META_LINE.test(line.text);

interface State {
  mode: 'intro' | 'reviews' | 'resources';
  topic: string | null;
  sectionType: ReviewType | null;
  current: Entry | null;
  entries: Entry[];
  skipped: number;
}

export function segmentNewsletter(view: TextView, ctx: SegmentContext): SegmentResult {
  const paragraphs = paragraphsOf(view.lines);
  const state: State = {
    mode: 'intro',
    topic: null,
    sectionType: null,
    current: null,
    entries: [],
    skipped: 0,
  };
  for (let i = 0; i < paragraphs.length; i += 1) i = step(view, paragraphs, i, state);
  const warnings: string[] = [];
  if (state.skipped > 0) {
    warnings.push(`skipped ${state.skipped} linked research and resource item(s): they are not case reviews`);
  }
  const cases = state.entries.map((e) => {
    const built = buildCase(view, toParts(e, ctx));
    warnings.push(...built.warnings);
    return built.case;
  });
  return { cases, warnings };
}

/** Read paragraph `i` into the state; returns the index of the last paragraph it consumed. */
function step(view: TextView, paragraphs: Paragraph[], i: number, s: State): number {
  const p = paragraphs[i] as Paragraph;
  const text = view.text.slice(p.start, p.end).trim();
  const section = sectionHeaderJoined(view, paragraphs, i);
  if (section) {
    s.topic = topicBefore(view, paragraphs, i) ?? s.topic;
    s.sectionType = reviewTypeIn(section.text);
    s.mode = 'reviews';
    s.current = null;
    return section.last;
  }
  if (isResourcesHeader(text)) {
    s.mode = 'resources';
    s.current = null;
  } else if (isEntryHeading(p.lines[0] as Line)) {
    if (s.mode !== 'reviews') s.topic = topicBefore(view, paragraphs, i) ?? s.topic;
    s.mode = 'reviews';
    s.current = startEntry(view, p, s.topic, s.sectionType);
    s.entries.push(s.current);
  } else if (s.mode === 'resources') {
    if (!nextIsSectionHeader(view, paragraphs, i)) s.skipped += 1;
  } else if (s.mode === 'reviews') {
    reviewParagraph(view, paragraphs, i, s, text);
  }
  return i;
}

/** A paragraph in a reviews section: meta lines, more of the current entry, or a headless entry. */
function reviewParagraph(view: TextView, paragraphs: Paragraph[], i: number, s: State, text: string): void {
  const p = paragraphs[i] as Paragraph;
  const current = s.current;
  if (current && current.body.length === 0 && p.lines.every(isMetaLine)) {
    current.metaText += ` ${text}`;
  } else if (current && (startsLowercase(text) || !isComplete(view, current))) {
    addBody(current, p);
  } else if (hasStatements(view, p) && !nextIsSectionHeader(view, paragraphs, i)) {
    s.current = {
      heading: null,
      title: null,
      metaText: '',
      body: [p],
      bodyStart: p.start,
      topic: s.topic,
      sectionType: s.sectionType,
    };
    s.entries.push(s.current);
  }
}

function startEntry(
  view: TextView,
  p: Paragraph,
  topic: string | null,
  sectionType: ReviewType | null,
): Entry {
  const [heading, ...rest] = p.lines as [Line, ...Line[]];
  const t = view.text.slice(heading.contentStart, heading.end);
  const cut = metaStart(t);
  const titleText = (cut >= 0 ? t.slice(0, cut) : t).replace(/[\s*#]+$/, '');
  const titleStart = heading.contentStart + (/^[\s*#]*(?:\d{1,3}[.)]\s+)?/.exec(t)?.[0].length ?? 0);
  const title = trimmedSlice(view.text, titleStart, heading.contentStart + titleText.length);
  let metaText = cut >= 0 ? t.slice(cut) : '';
  const entry: Entry = { heading, title, metaText, body: [], bodyStart: heading.end, topic, sectionType };
  let bodyFrom: Line | null = null;
  for (const line of rest) {
    if (!bodyFrom && (isMetaLine(line) || (metaText && continuesMeta(line)))) metaText += ` ${line.text}`;
    else bodyFrom ??= line;
  }
  entry.metaText = metaText;
  if (bodyFrom) {
    const lines = p.lines.slice(p.lines.indexOf(bodyFrom));
    addBody(entry, { lines, start: bodyFrom.contentStart, end: p.end });
  }
  return entry;
}

/** The wrapped end of a board line: short, closing with its "(year)". */
function continuesMeta(line: Line): boolean {
  const t = line.text.trim();
  return t.length <= 80 && /\)[*_]*$/.test(t) && !/[.!?]/.test(t.slice(-3));
}

function addBody(entry: Entry, p: Paragraph): void {
  if (entry.body.length === 0) entry.bodyStart = p.start;
  entry.body.push(p);
}

function trimmedSlice(text: string, start: number, end: number): string {
  const span = trimSpan(text, start, end);
  return text.slice(span.start, span.end);
}

function hasStatements(view: TextView, p: Paragraph): boolean {
  return findLabels(view.text, p.start, p.end, view.labels).some((l) => l.kind !== 'stop');
}

/** An entry is complete once its body holds a labelled list or its closing "Full report" link. */
function isComplete(view: TextView, entry: Entry): boolean {
  const last = entry.body[entry.body.length - 1];
  if (!last) return false;
  return findLabels(view.text, entry.bodyStart, last.end, view.labels).length > 0;
}

/** "Serious Case Reviews:", also when a line break split it ("Serious" / "Case Reviews:"). */
function sectionHeaderJoined(
  view: TextView,
  paragraphs: Paragraph[],
  i: number,
): { text: string; last: number } | null {
  const text = (k: number) => {
    const p = paragraphs[k];
    return p ? view.text.slice(p.start, p.end).trim() : '';
  };
  if (isSectionHeader(text(i))) return { text: text(i), last: i };
  const two = `${text(i)} ${text(i + 1)}`;
  if (text(i).length <= 20 && isSectionHeader(two)) return { text: two, last: i + 1 };
  return null;
}

function nextIsSectionHeader(view: TextView, paragraphs: Paragraph[], i: number): boolean {
  return sectionHeaderJoined(view, paragraphs, i + 1) !== null;
}

/** The topic heading: the short heading-like paragraph just before a section header or first entry. */
function topicBefore(view: TextView, paragraphs: Paragraph[], i: number): string | null {
  const p = paragraphs[i - 1];
  if (p?.lines.length !== 1) return null;
  const line = p.lines[0] as Line;
  const text = line.text.trim();
  if (!isHeadingLike(view, line) || isResourcesHeader(text) || isSectionHeader(text) || isMetaLine(line))
    return null;
  if (i - 1 === 0) return null;
  return text.replace(/^[#*\s]+|[*\s]+$/g, '');
}

function toParts(e: Entry, ctx: SegmentContext): EntryParts {
  const lastBody = e.body[e.body.length - 1];
  const end = lastBody ? lastBody.end : (e.heading?.end ?? e.bodyStart);
  return {
    start: e.heading ? e.heading.contentStart : e.bodyStart,
    end,
    title: e.title,
    bodyStart: e.bodyStart,
    meta: parseMeta(e.metaText),
    fallbackReviewType: e.sectionType ?? 'OTHER',
    fallbackReportYear: ctx.publishedYear,
    topic: e.topic,
  };
}
