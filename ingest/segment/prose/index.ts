import { cutLine, trimSpan } from '../../extract/lines.ts';
import type { TextView } from '../../extract/view.ts';
import type { SegmentContext, SegmentResult } from '../segment-types.ts';
import { aboutness, openingLines } from './about.ts';
import { bibliographyDrafts } from './bibliography.ts';
import { indexHolds, mentionsIn, subjectDrafts, tiedSubjects, titledSubjects } from './children.ts';
import { namesReviewKind, proseCues } from './cues.ts';
import type { Draft, Span } from './draft.ts';
import { draftCase, LABEL_LINE } from './draft-case.ts';
import { partnershipsIn } from './fields.ts';
import { headedIndex } from './headed-index.ts';
import { findSubjects, type Subject } from './subjects.ts';

export type ProseLayout = 'single-review' | 'several-reviews' | 'review-index' | 'not-a-review';

export interface ProseResult extends SegmentResult {
  layout: ProseLayout;
  confidence: number;
}

export function segmentProse(view: TextView, ctx: SegmentContext): ProseResult {
  const body = bodySpan(view);
  const text = view.text;
  const title = cleanTitle(ctx.title);
  const warnings: string[] = [];
  if (body.truncated)
    warnings.push(`the text is cut short at offset ${body.end} ("[...]"); nothing after it is read`);
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
  const readingList = bibliographyDrafts(view, body);
  if (readingList.length > 0) {
    drafts = readingList;
    layout = 'review-index';
  } else if (titled) {
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
    if (!tellsOfUnnamedReview(text.slice(body.start, body.end), title)) {
      return {
        layout: 'not-a-review',
        confidence: 0.6,
        cases: [],
        warnings: [
          ...warnings,
          'no case review taken: it names no child and tells of no particular review (nothing says what a review found, made or published)',
        ],
      };
    }
    {
      const n = about.stated && !about.national ? about.stated : 1;
      // A local thematic review is titled so; an opening sentence that mentions one titles nothing.
      const national = about.national && !(/\bthematic\b/i.test(title) && !/[.!?]$/.test(title));
      drafts = Array.from({ length: n }, (_, i) => ({
        span: body,
        // Reviews known only by their number are told apart by it, so they stay separate reviews.
        title:
          n > 1
            ? `${title || 'Review'} (review ${i + 1} of ${n})`
            : ((national ? publicationName(view.text.slice(body.start, body.end)) : null) ??
              namingTitle(view, body, title)),
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

/**
 * A page that names no child is about one review only when it says what that review found, made or
 * published, or names a national publication; naming reviews, or the panel that publishes them, is not
 * enough.
 */
function tellsOfUnnamedReview(body: string, title: string): boolean {
  const cues = proseCues();
  const opening = `${title}\n${body.slice(0, 1500)}`;
  return (
    cues.nationalPublication.some((re) => re.test(opening)) ||
    cues.unnamedReview.some((re) => re.test(`${title}\n${body}`))
  );
}

/**
 * The text without a leading "# source: URL" line, ending where an excerpt was cut ("[...]") or where the
 * page's own text gives way to related stories, sharing links or a footer.
 */
function bodySpan(view: TextView): Span & { truncated: boolean } {
  let start = 0;
  const first = view.lines.find((l) => !l.blank);
  if (first && /^#\s*source\s*:/i.test(first.text.trim())) start = first.end;
  const cut = cutLine(view.lines, start);
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

/**
 * A review told without a child's name is titled by the document's title when that names a review, else by
 * the first of the opening lines that does ("SAFE Newsfeed" is a site, the line below it the analysis).
 */
function namingTitle(view: TextView, body: Span, title: string): string | null {
  const bodyText = view.text.slice(body.start, body.end);
  const named = namesReview(title)
    ? title
    : openingLines(bodyText, TITLE_LINES).find(
        (line) => line.length <= 200 && !/[.!?]$/.test(line) && !LABEL_LINE.test(line) && namesReview(line),
      );
  const chosen = named ? cleanTitle(named) : title || null;
  return chosen ? withReviewCode(chosen, bodyText) : null;
}

/**
 * The name a notice gives the publication it is about: "The report, ‘Learning into Action: …’ brings
 * together …", "The review, Learning into Action, was commissioned …". A headline ("Minister welcomes
 * launch of report") is the notice's title, not the publication's.
 */
function publicationName(text: string): string | null {
  for (const re of PUBLICATION_NAME) {
    const name = re.exec(text)?.[1]?.trim();
    if (name && !/^(?:the|a|an|this|its)\s/i.test(name)) return name;
  }
  return null;
}

const PUBLICATION_NAME = [
  /\b(?:the|this|a|its|new) (?:report|review|analysis|study|overview),? (?:(?:titled|entitled|called|named),? )?[‘'"“]([^’'"”\n]{8,200})[’'"”]/iu,
  /\b[Tt]he (?:report|review|analysis|study|overview), (\p{Lu}[^,\n]{7,120}), (?:was|is|has|were)\b/u,
  // a heading line that names an analysis of reviews: "Learning for the future: final analysis of serious case reviews, 2017 to 2019"
  /^[ \t]*(\p{Lu}[^\n.!?]{5,100}?\b(?:(?:bi|tri)ennial )?(?:analys[ie]s|overview) of (?:[\p{L}-]+ ){0,3}?reviews\b[^\n.!?]{0,40}?)[ \t]*$/mu,
  // "our second national review into Sudden Unexpected Death in Infancy (SUDI) was published"
  /\b(?:our|the|its) ((?:first|second|third|fourth|fifth|latest|new) national (?:thematic )?(?:review|analysis|report) (?:into|of|on) [^.,;:(\n]{5,120}?)(?=\s*\(|\s+(?:and|was|were|is|has|which|that|published)\b|[.,;:\n])/iu,
];

/**
 * A review known by its code ("CYSUR 4 2019", "CPR 3/2018") carries the code in its title, so two notices
 * headed "Publication of Extended Child Practice Review" stay two reviews.
 */
function withReviewCode(title: string, text: string): string {
  const code = REVIEW_CODE.exec(text)?.[0].replace(/\s+/g, ' ');
  return code && !title.includes(code) ? `${title} (${code})` : title;
}

const REVIEW_CODE =
  /\b(?!(?:19|20)\d\d\b)[A-Z]{2,8}[ \t]?(?:\d{1,2}[ \t]*[/ ][ \t]*(?:19|20)\d\d|(?:19|20)\d\d[ \t]*\/[ \t]*\d{1,2})\b/;

const TITLE_LINES = 4;

function namesReview(line: string): boolean {
  return namesReviewKind(line) || /\b(?:analys[ie]s|reviews?)\b/i.test(line);
}

function cleanTitle(title: string): string {
  const t = /^#\s*source\s*:/i.test(title) ? '' : title.trim();
  return t.length > 160 ? `${t.slice(0, 157).replace(/\s+\S*$/, '')} …` : t;
}

function inside(s: Subject, body: Span): boolean {
  s.mentions = s.mentions.filter((m) => m.start >= body.start && m.end <= body.end);
  return s.mentions.length > 0;
}
