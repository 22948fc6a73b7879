/**
 * Publisher, metadata and method lines: who published or wrote a review and how it was done say nothing
 * about the child. "Eastmere Safeguarding Children Partnership" is a publisher, not a partnership that
 * was involved; "Learning Together" is a review model, not a theme. Mentions inside these spans are
 * dropped before anything is tagged.
 */
import { spacesAsWhitespace } from '../taxonomy/compile.ts';
import type { Span } from './sentences.ts';

/** A line that is a label and a value: "Author: …", "Methodology: …", "Published by …". */
const LABELLED_LINE = words(
  String.raw`^[ \t>*\-\u2022]*(?:(?:lead |independent |overview )?(?:authors?|reviewers?|writers?)|methodology|method|review (?:method|model|methodology|approach)|approach|publishers?|published(?: by)?|commissioned by|date(?: of publication)?|source|contact|copyright|board|partnership|LSCB|LSCP)\b[ \t]*(?:[:\u2013\u2014-]|by\b)[^\n]{0,200}`,
  'gim',
);
/**
 * The same labels where a reader joined them onto the heading line ("Child K Author: … LSCB: …"): only in
 * capitals, so an ordinary sentence with a colon is left alone.
 */
const JOINED_LABEL =
  /(?<=[ \t*_])(?:Authors?|Lead [Rr]eviewers?|Independent [Rr]eviewers?|Methodology|Review [Mm]odel|Published by|Commissioned by|LSCB|LSCP)[ \t]*:[^\n]{0,200}/g;
/** A line that is only a board's name, as publishers print it at the top of a page. */
const BOARD_LINE =
  /^[ \t*_#]*(?:[A-Z][\w'\u2019&-]*[ \t]+){0,5}(?:Local[ \t]+)?Safeguarding[ \t]+(?:Children(?:['\u2019]s)?[ \t]+)?(?:Partnership|Board)s?[ \t*_]*$/gm;
/** Names of review models and methods. */
const REVIEW_MODEL = words(
  String.raw`\b(?:Learning Together|Significant Incident Learning Process|SILP|appreciative inquiry|systems (?:methodology|approach|model|framework)|Welsh Child Practice Review|hybrid (?:methodology|model)|SCIE (?:systems )?(?:model|methodology|approach))\b`,
  'gi',
);
/** A sentence that describes how the review was done, when it names a review model. */
const METHOD_WORDS =
  /\b(?:methodolog\w*|method|model|approach|conducted|undertaken|carried out|used|using)\b/i;
/** A board or partnership's proper name: capitalised words before "Safeguarding Children Partnership". */
const BOARD_NAME =
  /\b(?:[A-Z][\w'\u2019&-]*[ \t]+(?:and[ \t]+|of[ \t]+)?){1,5}(?:Local[ \t]+)?Safeguarding[ \t]+(?:Children(?:['\u2019]s)?[ \t]+|Childrens[ \t]+)?(?:Partnership|Board|Partners)s?\b/g;

/**
 * Sentences about the review itself rather than the child: its statutory purpose ("to establish whether
 * there are lessons to be learnt about the way agencies work together"), the guidance that requires it,
 * what a briefing is for, where a report was sent, the statutory criterion ("where abuse or neglect is known
 * or suspected", "a child has been abused or neglected").
 */
const REVIEW_PROCESS = words(
  String.raw`\b(?:the (?:purpose|aims?|objectives?|scope|terms of reference) of (?:the|this|a) (?:[\w-]+ ){0,3}(?:review|report|briefing)|working together (?:to safeguard children )?(?:20\d\d )?(?:requires|sets out|says|states)|(?:this|the) (?:[\w-]+ ){0,3}(?:briefing|brief|report|document|presentation|paper|leaflet|summary) (?:seeks|aims|sets out|summarises|highlights|is designed|is intended|is for|(?:has been|was|is) (?:produced|written|prepared|designed|intended) for)|(?:establish|identify|consider|determine) (?:what|whether) (?:there (?:are|were) )?lessons|(?:conducted|carried out|undertaken) (?:following|in line with|under) (?:the )?(?:[\w-]+ ){0,4}guidance|(?:report|review) was (?:sent|submitted|presented) to|(?:aid|support|prompt|promote) (?:professional |team )?(?:discussion|reflection)|(?:abuse|harm) or neglect (?:is |are |was |were |has been |have been )?(?:known|proven|suspected|thought|believed)|(?:as a result of|due to|resulting from|because of) (?:child )?abuse or neglect|(?:has|have|had) been abused or neglected)\b`,
  'gi',
);
/** A picture's caption with its credit ("Credit: Eastmere Police"): the agency took the photograph. */
const CREDIT_LINE = /^[^\n]*\b(?:Photo(?:graph)?|Image|Picture|Pic)?[ \t]*[Cc]redits?[ \t]*:[^\n]*$/gm;
/** A web address, with the pieces a copy broke off it ("wp- content/uploads/…"). */
const WEB_ADDRESS = /(?:https?:\/\/|www\.)\S*(?:[ \t]+[\w.-]*[/_][\w/._%-]*)*/g;
/** A heading or contents line: a few capitalised words on a line of their own, with no sentence punctuation. */
const HEADING_LINE =
  /^[ \t#*_]*(?:\d+(?:\.\d+)*\.?[ \t]+)?(?:[A-Z][\w'\u2019-]*|and|of|the|for|to|in|on|&)(?:[ \t]+(?:[A-Z][\w'\u2019-]*|and|of|the|for|to|in|on|from|&)){1,9}[ \t*_]*(?:[ \t.]+\d+)?[ \t]*$/gm;

/** Text every review model name contains, as reviews write it: most entries name none, so the regex rarely runs. */
const MODEL_NEEDLES = [
  'earning Together',
  'earning together',
  'ncident Learning',
  'SILP',
  'ppreciative',
  'ystems ',
  'ractice Review',
  'ybrid',
  'SCIE',
];

/** The metadata spans inside [entry.start, entry.end), sorted, as offsets into `text`. */
export function metadataSpans(text: string, entry: Span, sentencesOf: () => readonly Span[]): Span[] {
  const region = text.slice(entry.start, entry.end);
  const spans: Span[] = [];
  const shifted = (start: number, end: number) =>
    spans.push({ start: entry.start + start, end: entry.start + end });
  for (const m of region.matchAll(LABELLED_LINE)) shifted(m.index, m.index + m[0].length);
  if (region.includes(':')) {
    for (const m of region.matchAll(JOINED_LABEL)) shifted(m.index, m.index + m[0].length);
  }
  if (region.includes('Safeguarding')) {
    for (const m of region.matchAll(BOARD_NAME)) shifted(m.index, m.index + m[0].length);
    for (const m of region.matchAll(BOARD_LINE)) shifted(m.index, m.index + m[0].length);
  }
  for (const m of region.matchAll(HEADING_LINE)) shifted(m.index, m.index + m[0].length);
  if (region.includes('redit')) {
    for (const m of region.matchAll(CREDIT_LINE)) shifted(m.index, m.index + m[0].length);
  }
  if (region.includes('http') || region.includes('www.')) {
    for (const m of region.matchAll(WEB_ADDRESS)) shifted(m.index, m.index + m[0].length);
  }
  for (const m of region.matchAll(REVIEW_PROCESS)) {
    const at = entry.start + m.index;
    const sentence = sentencesOf().find((x) => x.start <= at && at < x.end);
    if (sentence) spans.push(sentence);
  }
  if (!MODEL_NEEDLES.some((needle) => region.includes(needle)))
    return spans.sort((a, b) => a.start - b.start);
  for (const m of region.matchAll(REVIEW_MODEL)) {
    const at = entry.start + m.index;
    const sentence = sentencesOf().find((s) => s.start <= at && at < s.end);
    if (sentence && METHOD_WORDS.test(text.slice(sentence.start, sentence.end))) spans.push(sentence);
    else shifted(m.index, m.index + m[0].length);
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** Whether [start, end) overlaps any of the (sorted) spans. */
export function insideAny(spans: readonly Span[], start: number, end: number): boolean {
  for (const s of spans) {
    if (s.start >= end) return false;
    if (s.end > start) return true;
  }
  return false;
}

/** A regular expression in which each space stands for any run of whitespace. */
function words(source: string, flags: string): RegExp {
  return new RegExp(spacesAsWhitespace(source), flags);
}
