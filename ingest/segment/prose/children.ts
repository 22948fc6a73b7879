/**
 * How the reviews of a prose document are told apart: by the children it names (each child's paragraphs,
 * or shared prose), by an index of briefing titles, or by headed entries.
 */
import { type Line, paragraphsOf, trimSpan } from '../../extract/lines.ts';
import type { TextView } from '../../extract/view.ts';
import { namesReviewKind, proseCues } from './cues.ts';
import type { Draft, Span } from './draft.ts';
import type { IndexEntry } from './headed-index.ts';
import { type Subject, sentenceAround } from './subjects.ts';

const REVIEW_WORD =
  /\b(?:review|reviews|report|reports|briefing|brief|inquiry|SCR|LCSPR|CSPR|CPR|SCLR|CMR)\b/i;

/** Children named in a sentence that also speaks of a review or report (or named in the title). */
export function tiedSubjects(text: string, title: string, subjects: Subject[]): number {
  return subjects.filter(
    (s) =>
      // A case code ("Case GN13") names nothing but a review.
      /^Case\s/.test(s.name) ||
      (title.includes(s.name) && REVIEW_WORD.test(title)) ||
      s.mentions.some((m) => underReviewHeading(text, m.start)) ||
      s.mentions.some((m) => {
        const sentence = sentenceAround(text, m.start);
        return REVIEW_WORD.test(text.slice(sentence.start, sentence.end));
      }),
  ).length;
}

/** A short heading naming reviews on the line above: "Serious Case Reviews:" over "Child B". */
const REVIEW_HEADING =
  /^[ \t]*[^\n.!?]{0,50}\b(?:reviews?|SCRs?|LCSPRs?|CSPRs?|CPRs?)\b[^\n.!?]{0,20}:?[ \t]*$/i;

function underReviewHeading(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  if (text.slice(lineStart, at).trim() !== '') return false;
  const above = text.slice(0, lineStart).replace(/\s+$/, '');
  const line = above.slice(above.lastIndexOf('\n') + 1);
  return REVIEW_HEADING.test(line);
}

/**
 * Headed entries are the reviews when no child is named, or when there are several entries and no entry
 * names two children (a single review with crossheads names its child throughout).
 */
export function indexHolds(index: IndexEntry[], subjects: Subject[]): boolean {
  if (subjects.length === 0) return true;
  if (index.length < 2) return false;
  const used = new Set<number>();
  const each = subjects.every((s) => {
    const entries = new Set(
      s.mentions.map((m) => index.findIndex((e) => e.span.start <= m.start && m.end <= e.span.end)),
    );
    for (const e of entries) used.add(e);
    return entries.size === 1 && !entries.has(-1);
  });
  index.forEach((e, i) => {
    if (e.child) used.add(i);
  });
  // One child named throughout is one review with crossheads, not an index.
  return each && used.size >= 2;
}

/** Where an index entry's heading child is named inside its entry. */
export function mentionsIn(text: string, span: Span, child: string | null): Span[] {
  if (!child) return [];
  const out: Span[] = [];
  for (let at = text.indexOf(child, span.start); at >= 0 && at < span.end; at = text.indexOf(child, at + 1))
    out.push({ start: at, end: at + child.length });
  return out;
}

/**
 * An index of briefing titles ("Child E Serious Case Review" among other topics): every mention of each
 * child sits in a short line that also names a kind of review.
 */
export function titledSubjects(view: TextView, subjects: Subject[], body: Span): Draft[] | null {
  if (subjects.length === 0) return null;
  const titleLines = new Map<string, Line>();
  for (const s of subjects) {
    for (const m of s.mentions) {
      const line = view.lines.find((l) => l.start <= m.start && m.end <= l.end);
      if (!line || line.text.trim().length > 100 || /[.!?]$/.test(line.text.trim())) return null;
      if (!namesReviewKind(line.text)) return null;
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
export function subjectDrafts(
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
