/**
 * Documents that are not a list of entries: a single-review briefing, a report opening, a chair's
 * statement or news item, a national notice, a page naming several reviews in prose, an index of
 * briefings, or a page about reviews in general. Reviews are found by cues that recur across layouts
 * (a child's pseudonym or name, a kind of review, an event, a publication), never by a fixed layout.
 *
 * - Not about a review: no case, and the reason.
 * - Children named: one review per child (siblings reviewed together are one), spanning the paragraphs
 *   about that child when each child has paragraphs of its own, else the whole text (shared prose, such
 *   as a news item about three reviews, is evidence for each of them).
 * - No child named: an index of headed briefings gives one review per heading that describes a
 *   published review; otherwise one review (a national publication, a thematic review, a review known by
 *   its code), or as many as the opening says ("two thematic reviews").
 */
import type { Outcome, ReviewType } from '../../../graph/records.ts';
import { ageIn } from '../../extract/age.ts';
import { buildCase } from '../../extract/case.ts';
import { type Line, paragraphsOf, trimSpan } from '../../extract/lines.ts';
import { outcomeIn } from '../../extract/outcome.ts';
import { reviewTypeIn } from '../../extract/review-type.ts';
import type { ExtractedCase } from '../../extract/types.ts';
import type { TextView } from '../../extract/view.ts';
import type { SegmentContext, SegmentResult } from '../segment-types.ts';
import { aboutness, titleArea } from './about.ts';
import { proseCues } from './cues.ts';
import { type Found, partnershipNear, partnershipsIn, publishedYearIn } from './fields.ts';
import { headedIndex, type IndexEntry } from './headed-index.ts';
import { sectionLabels } from './sections.ts';
import { findSubjects, type Subject, sentenceAround } from './subjects.ts';

export type ProseLayout = 'single-review' | 'several-reviews' | 'review-index' | 'not-a-review';

export interface ProseResult extends SegmentResult {
  layout: ProseLayout;
  confidence: number;
}

interface Span {
  start: number;
  end: number;
}

interface Draft {
  span: Span;
  title: string | null;
  child: string | null;
  area: string | null;
  reviewType?: ReviewType;
  mentions: Span[];
}

export function segmentProse(view: TextView, ctx: SegmentContext): ProseResult {
  const body = bodySpan(view);
  const text = view.text;
  const title = cleanTitle(ctx.title);
  const warnings: string[] = [];
  if (body.truncated)
    warnings.push(`the text stops at offset ${body.end} ("[...]"); the last review ends there`);
  const subjects = findSubjects(text, title).filter((s) => inside(s, body));
  const about = aboutness(text.slice(body.start, body.end), title, tiedSubjects(text, title, subjects));
  if (about.kind === 'not-a-review') {
    return {
      layout: 'not-a-review',
      confidence: 0.7,
      cases: [],
      warnings: [...warnings, `no case review taken: ${about.reason}`],
    };
  }
  const partnerships = partnershipsIn(text.slice(0, body.end));
  let drafts: Draft[];
  let layout: ProseLayout;
  const titled = titledSubjects(view, subjects, body);
  const index = headedIndex(view, body);
  if (titled) {
    drafts = titled;
    layout = 'review-index';
  } else if (index.length > 0 && indexHolds(index, subjects)) {
    drafts = index.map((e) => {
      const s = subjects.find((x) => x.mentions.some((m) => m.start >= e.span.start && m.end <= e.span.end));
      const child = e.child ?? s?.name ?? null;
      return {
        ...e,
        child,
        area: s?.area ?? null,
        mentions: s ? s.mentions : mentionsIn(view.text, e.span, child),
      };
    });
    layout = 'review-index';
  } else if (subjects.length > 0) {
    const split = subjectDrafts(view, body, subjects, title);
    drafts = split.drafts;
    if (split.shared)
      warnings.push(
        `the section "${split.shared.heading}" at offset ${split.shared.start} speaks for all ${subjects.length} reviews, so it is attributed to none of them alone`,
      );
    layout = drafts.length > 1 ? 'several-reviews' : 'single-review';
  } else {
    {
      const n = about.stated && !about.national ? about.stated : 1;
      const national = about.national && !/\bthematic\b/i.test(title);
      drafts = Array.from({ length: n }, (_, i) => ({
        span: body,
        // Reviews known only by their number are told apart by it, so they stay separate reviews.
        title: n > 1 ? `${title || 'Review'} (review ${i + 1} of ${n})` : title || null,
        child: null,
        area: null,
        reviewType: national ? ('NATIONAL' as const) : undefined,
        mentions: [],
      }));
      layout = n > 1 ? 'several-reviews' : 'single-review';
    }
  }
  const cases = drafts.map((d) => {
    const built = draftCase(view, d, partnerships, body, ctx, drafts.length === 1);
    warnings.push(...built.warnings);
    return built.case;
  });
  const confidence = Math.min(0.9, 0.4 + 0.1 * about.score + (subjects.length > 0 ? 0.2 : 0));
  return { layout, confidence: Math.round(confidence * 100) / 100, cases, warnings };
}

/** A document date taken from a title longer than this is a date in a sentence, not the document's. */
const SHORT_TITLE = 100;
/** How much of a review told only in prose is read as its summary. */
const PROSE_SUMMARY_CHARS = 4000;

const REVIEW_WORD =
  /\b(?:review|reviews|report|reports|briefing|brief|inquiry|SCR|LCSPR|CSPR|CPR|SCLR|CMR)\b/i;

/** Children named in a sentence that also speaks of a review or report (or named in the title). */
function tiedSubjects(text: string, title: string, subjects: Subject[]): number {
  return subjects.filter(
    (s) =>
      (title.includes(s.name) && REVIEW_WORD.test(title)) ||
      s.mentions.some((m) => {
        const sentence = sentenceAround(text, m.start);
        return REVIEW_WORD.test(text.slice(sentence.start, sentence.end));
      }),
  ).length;
}

/**
 * Headed entries are the reviews when no child is named, or when there are several entries and no entry
 * names two children (a single review with crossheads names its child throughout).
 */
function indexHolds(index: IndexEntry[], subjects: Subject[]): boolean {
  if (subjects.length === 0) return true;
  if (index.length < 2) return false;
  return subjects.every((s) => {
    const entries = new Set(
      s.mentions.map((m) => index.findIndex((e) => e.span.start <= m.start && m.end <= e.span.end)),
    );
    return entries.size === 1 && !entries.has(-1);
  });
}

/** Where an index entry's heading child is named inside its entry. */
function mentionsIn(text: string, span: Span, child: string | null): Span[] {
  if (!child) return [];
  const out: Span[] = [];
  for (let at = text.indexOf(child, span.start); at >= 0 && at < span.end; at = text.indexOf(child, at + 1))
    out.push({ start: at, end: at + child.length });
  return out;
}

/**
 * The text without a leading "# source: URL" line, ending where an excerpt was cut ("[...]") or where the
 * page's own text gives way to related stories, sharing links or a footer.
 */
function bodySpan(view: TextView): Span & { truncated: boolean } {
  let start = 0;
  const first = view.lines.find((l) => !l.blank);
  if (first && /^#\s*source\s*:/i.test(first.text.trim())) start = first.end;
  const cut = view.lines.find((l) => l.start >= start && /^\s*\[(?:\.\.\.|…)\]\s*$/.test(l.text));
  const end = cut ? cut.start : view.text.length;
  const cues = proseCues();
  const chrome = view.lines.find(
    (l) =>
      l.start > start + MIN_TEXT_BEFORE_CHROME &&
      l.end <= end &&
      l.text.trim().length <= 60 &&
      cues.endOfText.some((re) => re.test(l.text.trim().replace(/^[#*\s]+|\*+$/g, ''))),
  );
  const span = trimSpan(view.text, start, chrome ? chrome.start : end);
  return { ...span, truncated: cut !== undefined };
}

/** A related-stories heading in the first lines is navigation, not the end of the page's text. */
const MIN_TEXT_BEFORE_CHROME = 200;

function cleanTitle(title: string): string {
  const t = /^#\s*source\s*:/i.test(title) ? '' : title.trim();
  return t.length > 160 ? `${t.slice(0, 157).replace(/\s+\S*$/, '')} …` : t;
}

function inside(s: Subject, body: Span): boolean {
  s.mentions = s.mentions.filter((m) => m.start >= body.start && m.end <= body.end);
  return s.mentions.length > 0;
}

/**
 * An index of briefing titles ("Child E Serious Case Review" among other topics): every mention of each
 * child sits in a short line that also names a kind of review.
 */
function titledSubjects(view: TextView, subjects: Subject[], body: Span): Draft[] | null {
  if (subjects.length === 0) return null;
  const cues = proseCues();
  const titleLines = new Map<string, Line>();
  for (const s of subjects) {
    for (const m of s.mentions) {
      const line = view.lines.find((l) => l.start <= m.start && m.end <= l.end);
      if (!line || line.text.trim().length > 100 || /[.!?]$/.test(line.text.trim())) return null;
      cues.reviewName.lastIndex = 0;
      cues.reviewAcronym.lastIndex = 0;
      if (!cues.reviewName.test(line.text) && !cues.reviewAcronym.test(line.text)) return null;
      if (!titleLines.has(s.key)) titleLines.set(s.key, line);
    }
  }
  const shortLines = view.lines.filter(
    (l) => !l.blank && l.start >= body.start && l.text.trim().length <= 60,
  );
  if (shortLines.length < 8) return null;
  return subjects.map((s) => {
    const line = titleLines.get(s.key) as Line;
    return {
      span: { start: line.contentStart, end: line.end },
      title: line.text.trim(),
      child: s.name,
      area: s.area,
      mentions: s.mentions,
    };
  });
}

/**
 * One draft per child. Each child's item starts at the paragraph that first names it and runs to the
 * next child's first paragraph; when a child is named again inside another child's item the prose is
 * shared, and every child's review spans the whole text.
 */
function subjectDrafts(
  view: TextView,
  body: Span,
  subjects: Subject[],
  title: string,
): { drafts: Draft[]; shared: { heading: string; start: number } | null } {
  const paragraphs = paragraphsOf(view.lines).filter((p) => p.end > body.start && p.start < body.end);
  const paraOf = (at: number) =>
    Math.max(
      0,
      paragraphs.findIndex((p) => p.start <= at && at <= p.end),
    );
  const firsts = [...new Set(subjects.map((s) => paraOf(s.mentions[0]?.start ?? 0)))].sort((a, b) => a - b);
  const itemOf = (para: number) => firsts.filter((f) => f <= para).length - 1;
  const separate =
    firsts.length > 1 &&
    subjects.every((s) => {
      const item = itemOf(paraOf(s.mentions[0]?.start ?? 0));
      return s.mentions.every((m) => itemOf(paraOf(m.start)) === item);
    });
  const inTitle = (s: Subject) => title.includes(s.name) || title.toLowerCase().includes(s.key);
  const shared = separate ? sharedSection(view, paragraphs, Math.max(...firsts)) : null;
  const end = shared ? shared.start : body.end;
  const drafts: Draft[] = subjects.map((s) => {
    let span: Span = body;
    if (separate) {
      const item = itemOf(paraOf(s.mentions[0]?.start ?? 0));
      const from = paragraphs[firsts[item] ?? 0];
      const nextFirst = firsts[item + 1];
      const to = nextFirst !== undefined ? paragraphs[nextFirst - 1] : paragraphs[paragraphs.length - 1];
      span = trimSpan(
        view.text,
        Math.max(body.start, from?.start ?? body.start),
        Math.min(end, to?.end ?? body.end),
      );
    }
    const single = subjects.length === 1;
    return {
      span,
      title: single || inTitle(s) ? title || null : null,
      child: s.name,
      area: s.area,
      mentions: s.mentions,
    };
  });
  if (separate) drafts.push(...nationalItems(view, paragraphs, firsts, body));
  return { drafts, shared };
}

/** The first paragraph after the last child's own section that opens with a heading for all of them. */
function sharedSection(
  view: TextView,
  paragraphs: { start: number; end: number }[],
  lastFirst: number,
): { heading: string; start: number } | null {
  const cues = proseCues();
  for (const p of paragraphs.slice(lastFirst + 1)) {
    const line = view.text.slice(p.start, p.end).split('\n')[0]?.trim() ?? '';
    const heading = line.replace(/^#+\s*|\*\*/g, '').trim();
    if (heading.length <= 80 && cues.shared.some((re) => re.test(heading)))
      return { heading, start: p.start };
  }
  return null;
}

/** In a digest of one paragraph per item, a paragraph naming no child may announce a national analysis. */
function nationalItems(
  view: TextView,
  paragraphs: { start: number; end: number }[],
  firsts: number[],
  body: Span,
): Draft[] {
  const cues = proseCues();
  const out: Draft[] = [];
  paragraphs.forEach((p, i) => {
    if (firsts.includes(i) || p.start < body.start) return;
    const para = view.text.slice(p.start, Math.min(p.end, body.end));
    if (!cues.national.some((re) => re.test(para)) || !/\bpublish/i.test(para)) return;
    const first = /^[^\n]*?[.!?](?=\s|$)/.exec(para)?.[0] ?? para.slice(0, 160);
    out.push({
      span: { start: p.start, end: Math.min(p.end, body.end) },
      title: first.trim(),
      child: null,
      area: null,
      reviewType: 'NATIONAL',
      mentions: [],
    });
  });
  return out;
}

function draftCase(
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
  const reviewType = d.reviewType ?? reviewTypeNear(text, d, body) ?? 'OTHER';
  const national = reviewType === 'NATIONAL';
  const built = buildCase(view, {
    start: d.span.start,
    end: d.span.end,
    title: d.title,
    bodyStart: d.span.start,
    summary,
    extraLabels: sectionLabels(view, d.span.start, d.span.end),
    childField: d.child,
    reviewType,
    meta: {
      partnership: national
        ? null
        : (d.area ??
          partnershipNear(
            partnerships,
            firstMention,
            d.span.start === body.start ? 0 : d.span.start,
            d.span.end,
          ) ??
          partnershipNear(partnerships, firstMention, 0, body.end)),
      reportYear:
        publishedYearIn(spanText, titlePage) ??
        publishedYearIn(titlePage, titlePage) ??
        (lone && ctx.title.length <= SHORT_TITLE ? ctx.publishedYear : null),
    },
  });
  // The child is who the cues name, never a word of the title ("Sara Lloyd Evans" is the author).
  const c = { ...built.case, child: national ? null : d.child };
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
