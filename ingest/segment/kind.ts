/**
 * Which layout a document is in, scored from structural evidence (never from its file name):
 * - bulletin: lines that start with statement labels, "Other resources" lines, numbered review titles;
 * - newsletter: "Author:"/"LSCB:" lines, "Serious Case Reviews:" and "Linked Research" headers,
 *   labels inside running paragraphs;
 * - yearly list / monthly update: "YYYY - Area - Name" lines (hyphen vs en dash), "Keywords:" lines;
 * - national publications: a run of numbered items about national reports;
 * - national briefing: "Learning points" headings, a contents list, "briefing" in the opening.
 * The best score wins; below a minimum the layout is unknown.
 */

import { cachedLabelAt, clauseStarts } from '../extract/labels.ts';
import { endsSentence } from '../extract/lines.ts';
import { reviewTypeIn } from '../extract/review-type.ts';
import type { DocumentKind, ListKind } from '../extract/types.ts';
import type { TextView } from '../extract/view.ts';
import { DATED_ENTRY } from './dated-list.ts';
import { numberedItems } from './national.ts';
import { isResourcesHeader, isSectionHeader } from './newsletter.ts';

export interface KindScores {
  kind: DocumentKind;
  scores: Record<ListKind, number>;
}

const MIN_SCORE = 4;
const NATIONAL_WORDS = /\b(?:national|triennial|panel|annual\s+report|analysis)\b/i;

interface Evidence {
  labelLines: number;
  otherResources: number;
  numberedReviewTitles: number;
  reviewTitles: number;
  metaKeys: number;
  sectionHeaders: number;
  resourceHeaders: number;
  inlineLabels: number;
  datedHyphen: number;
  datedDash: number;
  keywords: number;
  nationalItems: number;
  nationalMentions: number;
  learningPointHeadings: number;
  contents: boolean;
  briefing: boolean;
  nationalTitle: boolean;
  monthTitle: boolean;
}

export function detectKind(view: TextView, title: string): KindScores {
  const e = gather(view, title);
  const scores = {
    // One label line ("Learning for the future: …") is as likely a publication's title as a bulletin,
    // unless a numbered review title heads it.
    'repository-bulletin':
      e.labelLines > 1 || (e.labelLines === 1 && e.numberedReviewTitles > 0)
        ? 2 * e.labelLines + 3 * e.otherResources + 2 * e.numberedReviewTitles + e.reviewTitles
        : 0,
    'topic-newsletter': 2 * e.metaKeys + 3 * e.sectionHeaders + 3 * e.resourceHeaders + e.inlineLabels,
    'yearly-list': e.datedHyphen > 0 ? 6 * e.datedHyphen + 2 * e.keywords : 0,
    'monthly-update': e.datedDash > 0 ? 6 * e.datedDash + (e.monthTitle ? 3 : 0) : 0,
    'national-publications':
      e.nationalItems >= 2 && e.nationalMentions > 0
        ? 3 * e.nationalItems + 3 * e.nationalMentions + (e.nationalTitle ? 5 : 0)
        : 0,
    'national-briefing':
      e.learningPointHeadings > 0 || e.briefing
        ? 2 * e.learningPointHeadings +
          (e.contents ? 3 : 0) +
          (e.briefing ? 3 : 0) +
          (e.nationalTitle ? 3 : 0)
        : 0,
  };
  let kind: DocumentKind = 'unknown';
  let best = MIN_SCORE - 1;
  for (const [k, score] of Object.entries(scores) as [ListKind, number][]) {
    if (score > best) {
      best = score;
      kind = k;
    }
  }
  return { kind, scores };
}

function gather(view: TextView, title: string): Evidence {
  const { text } = view;
  const e: Evidence = {
    labelLines: 0,
    otherResources: 0,
    numberedReviewTitles: 0,
    reviewTitles: 0,
    metaKeys: (text.match(/\b(?:Authors?|LSCB|LSCP)\s*:/g) ?? []).length,
    sectionHeaders: 0,
    resourceHeaders: 0,
    inlineLabels: 0,
    datedHyphen: 0,
    datedDash: 0,
    keywords: 0,
    nationalItems: 0,
    nationalMentions: 0,
    learningPointHeadings: 0,
    contents: /^\s*contents\s*$/im.test(text.slice(0, 5000)),
    briefing: /\bbriefing\b/i.test(text.slice(0, 3000)),
    nationalTitle: /\b(?:national|triennial)\b/i.test(title),
    monthTitle: /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+(?:19|20)\d\d\b/i.test(title),
  };
  const lineStarts = new Set<number>();
  for (const line of view.lines) {
    if (line.blank) continue;
    lineStarts.add(line.contentStart);
    countLine(view, line.text, line.contentStart, e);
  }
  for (const pos of clauseStarts(text, 0, text.length)) {
    if (lineStarts.has(pos)) continue;
    const label = cachedLabelAt(text, pos, view.labels);
    if (label && label.kind !== 'stop') e.inlineLabels += 1;
  }
  const items = numberedItems(view);
  e.nationalItems = items.length;
  e.nationalMentions = items.filter((l) => NATIONAL_WORDS.test(text.slice(l.start, l.start + 600))).length;
  return e;
}

function countLine(view: TextView, raw: string, contentStart: number, e: Evidence): void {
  const t = raw.trim();
  const label = cachedLabelAt(view.text, contentStart, view.labels);
  if (label && label.kind !== 'stop') e.labelLines += 1;
  if (/^other\s+resources\b/i.test(t)) e.otherResources += 1;
  if (/^keywords?\s*:/i.test(t)) e.keywords += 1;
  if (/^(?:key\s+)?learning\s+points?\s*:?$/i.test(t)) e.learningPointHeadings += 1;
  if (isSectionHeader(t)) e.sectionHeaders += 1;
  if (isResourcesHeader(t) && /research|resources/i.test(t)) e.resourceHeaders += 1;
  const dated = DATED_ENTRY.exec(raw);
  if (dated) {
    if (dated[3] === '-') e.datedHyphen += 1;
    else e.datedDash += 1;
  }
  if (t.length <= 300 && !endsSentence(t) && reviewTypeIn(t)) {
    e.reviewTitles += 1;
    if (/^\d{1,3}[.)]\s/.test(t)) e.numberedReviewTitles += 1;
  }
}
