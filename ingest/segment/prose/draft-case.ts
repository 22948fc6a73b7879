/**
 * A draft review turned into an ExtractedCase: its statements under headed sections and labels, and the
 * fields prose prints about it (partnership, publication year, kind of review, age, outcome), each read
 * from the sentences about the child first and the rest of its text after.
 */
import type { Outcome, ReviewType } from '../../../graph/records.ts';
import { ageIn } from '../../extract/age.ts';
import { buildCase } from '../../extract/case.ts';
import { localReviewType } from '../../extract/era.ts';
import { paragraphsOf, trimSpan } from '../../extract/lines.ts';
import { outcomeIn } from '../../extract/outcome.ts';
import { reviewTypeIn } from '../../extract/review-type.ts';
import type { ExtractedCase } from '../../extract/types.ts';
import type { TextView } from '../../extract/view.ts';
import type { SegmentContext } from '../segment-types.ts';
import { titleArea } from './about.ts';
import { proseCues } from './cues.ts';
import type { Draft, Span } from './draft.ts';
import { type Found, isOrganisationName, partnershipNear, publishedYearIn } from './fields.ts';
import { sectionLabels } from './sections.ts';
import { sentenceAround } from './subjects.ts';

/** A document date taken from a title longer than this is a date in a sentence, not the document's. */
const SHORT_TITLE = 100;

/** How much of a review told only in prose is read as its summary. */
const PROSE_SUMMARY_CHARS = 4000;

export function draftCase(
  view: TextView,
  d: Draft,
  partnerships: Found<string>[],
  body: Span,
  ctx: SegmentContext,
  lone: boolean,
): { case: ExtractedCase; warnings: string[] } {
  const text = view.text;
  const firstMention = d.mentions[0]?.start ?? d.span.start;
  const summary = summaryOf(view, d, body);
  const spanText = text.slice(d.span.start, d.span.end);
  const titlePage = text.slice(body.start, Math.min(body.end, body.start + 1500));
  const named = d.reviewType ?? reviewTypeNear(text, d, body);
  const national = named === 'NATIONAL';
  const partnership = national
    ? null
    : (d.area ??
      partnershipNear(
        partnerships,
        firstMention,
        d.span.start === body.start ? 0 : d.span.start,
        d.span.end,
      ) ??
      partnershipNear(partnerships, firstMention, 0, body.end));
  const reportYear =
    d.year ??
    publishedYearIn(spanText, titlePage) ??
    publishedYearIn(titlePage, titlePage) ??
    (lone && ctx.title.length <= SHORT_TITLE ? ctx.publishedYear : null) ??
    datedTitle(d.title);
  // Only a named child's review is a local case review whose kind its year can tell.
  const reviewType = (d.child ? localReviewType(named, reportYear, partnership) : named) ?? 'OTHER';
  const built = buildCase(view, {
    start: d.span.start,
    end: d.span.end,
    title: d.title,
    bodyStart: d.span.start,
    summary,
    extraLabels: sectionLabels(view, d.span.start, d.span.end),
    childField: d.child,
    reviewType,
    meta: { partnership, reportYear },
  });
  // The child is who the cues name, never a word of the title ("Sara Lloyd Evans" is the author).
  const c = { ...built.case, child: national ? null : d.child };
  if (ownTitle(d.title, c.child, lone) === null && c.child)
    c.title = `${c.child}: ${kindName(reviewType, text, d, body)}`;
  if (c.learning.length + c.recommendations.length + c.actions.length === 0) {
    // A news item or statement tells its learning in running prose: the whole account is its summary.
    const whole = trimSpan(text, d.span.start, Math.min(d.span.end, d.span.start + PROSE_SUMMARY_CHARS));
    if (whole.end > whole.start)
      Object.assign(c, { summary: text.slice(whole.start, whole.end), summarySpan: whole });
  }
  if (!national) {
    // A thematic review draws on many children's cases; what happened to one is not its outcome.
    const thematic =
      d.child === null &&
      /\bthematic\b/i.test(titleArea(d.title ?? '', text.slice(body.start, body.end)).join(' '));
    c.outcome = thematic ? 'other' : outcomeAround(text, d, body);
    const age = ageAround(text, d);
    if (age) Object.assign(c, { age: age.age, ageBand: age.ageBand });
  }
  return { case: c, warnings: built.warnings.filter((w) => !/no heading line/.test(w)) };
}

/** A title that ends with the month it was published: "… Final report March 2020". */
function datedTitle(title: string | null): number | null {
  const m = title?.match(
    /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+((?:19|20)\d\d)\s*\)?\s*$/i,
  );
  return m?.[1] ? Number(m[1]) : null;
}

/**
 * What to call the review in a title made from its child: its kind, or for any other kind the name the
 * title page gives it ("case management review", "learning review", "child practice review").
 */
function kindName(reviewType: ReviewType, text: string, d: Draft, body: Span): string {
  if (reviewType !== 'OTHER') return REVIEW_KIND[reviewType];
  const head = [d.title ?? '', ...titleArea('', text.slice(body.start, body.end))].join('\n');
  const cues = proseCues();
  cues.reviewName.lastIndex = 0;
  const named = [...head.matchAll(cues.reviewName)]
    .map((m) => m[0].replace(/\s+/g, ' ').toLowerCase())
    .filter((n) => !n.endsWith('s') && n !== 'case review');
  return named.sort((a, b) => b.length - a.length)[0] ?? REVIEW_KIND.OTHER;
}

const REVIEW_KIND: Record<ReviewType, string> = {
  SCR: 'serious case review',
  LCSPR: 'local child safeguarding practice review',
  CSPR: 'child safeguarding practice review',
  NATIONAL: 'national review',
  OTHER: 'case review',
};

/** A section heading printed where a title would be: "1. Introduction", "Executive summary", "Agenda item". */
const SECTION_HEADING =
  /^(?:\d+(?:\.\d+)*\.?\s*)?(?:introduction|background|contents|summary|executive summary|overview|foreword|preface|agenda item|minutes|key points?)\b[^\n]{0,20}$/i;

/** A notice about a review titled as a notice: "Statement from the Independent Chair of …", "Press release". */
const NOTICE_TITLE = /^(?:(?:a\s+)?statement|press\s+release|news\s+release|media\s+release)\b/i;
/** A title that names only the format: "7 Minute Briefing", "Learning Brief", "One page summary". */
const FORMAT_TITLE =
  /^(?:(?:\d+|one|five|seven)[- ](?:minute|page|step)|learning|practice|one[- ]page|multi-agency)?\s*(?:briefing|brief|summary|learning\s+summary)s?$/i;

/**
 * A labelled line of a document site or a publication page, never a title: "Upload: …", "Posted on: …",
 * "Category: …", "From: …", "Published: …".
 */
export const LABEL_LINE =
  /^(?:upload(?:ed)?(?:\s+by)?|posted(?:\s+(?:by|on))?|category|categories|authors?|views?|downloads?|tags?|filed\s+under|from|published|(?:last\s+)?updated|publisher|organisation)\s*:/i;

/**
 * The document's title when it can stand for this review: not a section heading, not a sentence or a
 * fragment a reader tore from two columns, and, when the document holds several reviews, one that names
 * this child. Null otherwise, and the review is titled by its child and kind.
 */
function ownTitle(title: string | null, child: string | null, lone: boolean): string | null {
  if (!title) return null;
  if (SECTION_HEADING.test(title.trim())) return null;
  if (LABEL_LINE.test(title.trim())) return null;
  if (isOrganisationName(title.trim())) return null;
  if (NOTICE_TITLE.test(title.trim()) || FORMAT_TITLE.test(title.trim())) return null;
  if (/^[\p{Ll},;:.)\]]/u.test(title)) return null;
  if (title.length > 100 || /[.!?]\s+\p{Lu}/u.test(title)) return null;
  if (!lone && child && !title.toLowerCase().includes(child.toLowerCase())) return null;
  return title;
}

/** The paragraph that first names the child (or the first paragraph), as the case's summary. */
function summaryOf(view: TextView, d: Draft, body: Span): Span | null {
  const at = d.mentions[0]?.start ?? d.span.start;
  const para = paragraphsOf(view.lines).find(
    (p) => p.end >= at && p.start <= Math.max(at, d.span.start) && p.end > body.start,
  );
  if (!para) return null;
  const span = trimSpan(
    view.text,
    Math.max(para.start, d.span.start, body.start),
    Math.min(para.end, d.span.end, para.start + 1200),
  );
  return span.end > span.start ? span : null;
}

/**
 * The kind of review: as the title page names it, else the specific kind the text names most often
 * (a local review may mention the national panel, so NATIONAL comes only from the title page).
 */
function reviewTypeNear(text: string, d: Draft, body: Span): ReviewType | null {
  const head = [d.title ?? '', ...titleArea('', text.slice(body.start, body.end))].join('\n');
  const fromTitle = reviewTypeIn(head);
  if (fromTitle && fromTitle !== 'OTHER') return fromTitle;
  const span = text.slice(d.span.start, d.span.end);
  const best = mostNamedType(span);
  if (best) return best;
  // Reviews told in sections of one briefing share its introduction ("three local child safeguarding
  // practice reviews").
  const whole =
    d.span.start > body.start || d.span.end < body.end
      ? mostNamedType(text.slice(body.start, body.end))
      : null;
  return whole ?? fromTitle ?? reviewTypeIn(span);
}

function mostNamedType(text: string): ReviewType | null {
  let best: ReviewType | null = null;
  let most = 0;
  for (const [type, re] of TYPE_COUNTS) {
    const n = [...text.matchAll(re)].length;
    if (n > most) {
      best = type;
      most = n;
    }
  }
  return best;
}

const TYPE_COUNTS: readonly [ReviewType, RegExp][] = [
  ['LCSPR', /\blocal\s+child\s+safeguarding\s+practice\s+reviews?\b|\bLCSPRs?\b/gi],
  ['SCR', /\bserious\s+case\s+reviews?\b|\bSCRs?\b/gi],
  ['CSPR', /(?<!local\s|national\s)\bchild\s+safeguarding\s+practice\s+reviews?\b(?!\s+panel)|\bCSPRs?\b/gi],
];

/**
 * The child's age: from the sentences that name the child, else from the sentences of its text, leaving
 * out sentences about parents ("his mother, who was 18 when she gave birth").
 */
function ageAround(text: string, d: Draft): ReturnType<typeof ageIn> {
  const sentences = d.mentions.slice(0, 12).map((m) => {
    const s = sentenceAround(text, m.start);
    return text.slice(s.start, Math.min(s.end, s.start + 400));
  });
  if (d.mentions.length > 0)
    sentences.push(
      ...text.slice(d.span.start, Math.min(d.span.end, d.span.start + 3000)).split(/(?<=[.!?])\s+/),
    );
  for (const s of sentences) {
    const age = ageIn(s);
    const at = age ? s.indexOf(age.age) : -1;
    if (age && !PARENT.test(s.slice(Math.max(0, at - 40), at))) return age;
  }
  return null;
}

const PARENT =
  /\b(?:mother|father|mum|dad|parents?|stepfather|stepmother|partner|carer|grandmother|grandfather|Ms|Mr|Mrs)\b/;

/**
 * Death or serious harm from the sentences that name the child (and, for a lone child, the opening):
 * a death anywhere wins; harm counts when no death is said.
 */
function outcomeAround(text: string, d: Draft, body: Span): Outcome | null {
  const sentences: string[] = [];
  for (const m of d.mentions.slice(0, 12)) {
    const s = sentenceAround(text, m.start);
    sentences.push(text.slice(s.start, s.end));
  }
  const opening = text.slice(
    d.span.start === body.start ? body.start : d.span.start,
    Math.min(d.span.end, d.span.start + 700),
  );
  sentences.push(...opening.split(/(?<=[.!?])\s+/).slice(0, 3));
  const outcomes = sentences.map((s) => outcomeIn(s));
  if (outcomes.includes('death')) return 'death';
  if (outcomes.includes('serious-harm')) return 'serious-harm';
  // What happened may be told without the child's name ("A skeletal survey found a fractured arm").
  const told = text.slice(d.span.start, Math.min(d.span.end, d.span.start + 2500)).split(/(?<=[.!?])\s+/);
  if (told.some((s) => CHILD_DIED.test(s))) return 'death';
  if (told.some((s) => outcomeIn(s) === 'serious-harm' && !/\b(?:if|could|may|might|would|risk)\b/i.test(s)))
    return 'serious-harm';
  return 'other';
}

const CHILD_DIED =
  /\b(?:(?:he|she|they|the\s+(?:baby|child|boy|girl|infant|young\s+person|young\s+people))\s+(?:who\s+)?(?:died|was\s+found\s+dead|was\s+pronounced\s+dead|took\s+(?:his|her|their)\s+own\s+li(?:fe|ves))|death\s+of\s+(?:a|the)\s+(?:baby|child|boy|girl|infant|\d+|[a-z]+-(?:year|month|week)))/i;
