/**
 * One case-review entry, found by a segmenter, turned into an ExtractedCase: statements under each label,
 * the summary before the first label, and every field the title, meta lines and summary support.
 * Classification (harm types, agencies, themes) and the id are left empty for later stages.
 */
import type { ReviewType } from '../../graph/records.ts';
import { findLabels, type StatementLabel } from './labels.ts';
import { trimSpan } from './lines.ts';
import type { EntryMeta } from './meta.ts';
import { pseudonymInText, pseudonymInTitle } from './pseudonym.ts';
import { reviewTypeIn } from './review-type.ts';
import { type ListOptions, readList, type Statement } from './statements.ts';
import { fieldsFromSummary } from './summary-fields.ts';
import type { ExtractedCase, ExtractedLearning, ExtractedRecommendation } from './types.ts';
import type { TextView } from './view.ts';

export interface EntryParts {
  /** The whole entry. */
  start: number;
  end: number;
  /** The title as printed, or null for an entry printed without a heading line. */
  title: string | null;
  /** Where the summary and statements begin (after the heading and meta lines). */
  bodyStart: number;
  /** An explicit summary span; by default, the body up to its first label. */
  summary?: { start: number; end: number } | null;
  /** Extra labels the segmenter recognised from layout (a "Learning points" heading). */
  extraLabels?: StatementLabel[];
  meta?: Partial<EntryMeta>;
  /** The child named in a layout field ("2018 - Area - Name"), preferred over the title. */
  childField?: string | null;
  reviewType?: ReviewType | null;
  /** Used when the title names no review type (the newsletter's "Serious Case Reviews:" section). */
  fallbackReviewType?: ReviewType;
  /** Used when neither meta nor layout gives a report year (the document's date). */
  fallbackReportYear?: number | null;
  topic?: string | null;
  listOptions?: ListOptions;
}

export interface BuiltCase {
  case: ExtractedCase;
  warnings: string[];
}

export function buildCase(view: TextView, parts: EntryParts): BuiltCase {
  const { text } = view;
  const labels = mergeLabels(
    findLabels(text, parts.bodyStart, parts.end, view.labels),
    parts.extraLabels ?? [],
  );
  const lists = readLists(view, labels, parts.end, parts.listOptions);
  const summarySpan = parts.summary === undefined ? defaultSummary(text, parts, labels) : parts.summary;
  const summary = summarySpan ? text.slice(summarySpan.start, summarySpan.end) : null;
  const reviewType =
    parts.reviewType ??
    (parts.title ? reviewTypeIn(parts.title) : null) ??
    parts.fallbackReviewType ??
    'OTHER';
  // A national publication is about many children: no pseudonym, age, gender, outcome or incident.
  const national = reviewType === 'NATIONAL';
  const child = national
    ? null
    : (parts.childField ?? titleChild(parts.title) ?? childInSummary(parts, summary));
  const title = parts.title ?? child ?? firstWords(summary ?? '');
  const c: ExtractedCase = {
    id: '',
    title,
    child,
    reviewType,
    partnership: parts.meta?.partnership ?? null,
    authors: parts.meta?.authors ?? null,
    reportYear: parts.meta?.reportYear ?? parts.fallbackReportYear ?? null,
    ...fieldsFromSummary(national ? null : summary, child),
    summary,
    summarySpan,
    topic: parts.topic ?? null,
    start: parts.start,
    end: parts.end,
    harmTypes: [],
    agencies: [],
    themes: [],
    learning: lists.learning,
    recommendations: lists.recommendations,
    actions: lists.actions,
  };
  const warnings: string[] = [];
  if (parts.title === null)
    warnings.push(`entry at offset ${parts.start} has no heading line; titled "${title}" from its summary`);
  if (c.learning.length + c.recommendations.length + c.actions.length === 0) {
    warnings.push(`entry "${title}" at offset ${parts.start}: no learning, recommendations or actions found`);
  }
  return { case: c, warnings };
}

function titleChild(title: string | null): string | null {
  return title ? pseudonymInTitle(title) : null;
}

function childInSummary(parts: EntryParts, summary: string | null): string | null {
  return parts.title === null && summary ? pseudonymInText(summary) : null;
}

function mergeLabels(found: StatementLabel[], extra: StatementLabel[]): StatementLabel[] {
  const all = [...found.filter((l) => !extra.some((e) => l.start < e.end && e.start < l.end)), ...extra];
  return all.sort((a, b) => a.start - b.start);
}

function defaultSummary(
  text: string,
  parts: EntryParts,
  labels: StatementLabel[],
): { start: number; end: number } | null {
  const first = labels.find((l) => l.start >= parts.bodyStart);
  const span = trimSpan(text, parts.bodyStart, first ? first.start : parts.end);
  return span.end > span.start ? span : null;
}

interface Lists {
  learning: ExtractedLearning[];
  recommendations: ExtractedRecommendation[];
  actions: ExtractedLearning[];
}

function readLists(view: TextView, labels: StatementLabel[], end: number, opts?: ListOptions): Lists {
  const lists: Lists = { learning: [], recommendations: [], actions: [] };
  labels.forEach((label, i) => {
    if (label.kind === 'stop') return;
    const limit = Math.min(labels[i + 1]?.start ?? end, end);
    const { statements } = readList(view, label, limit, opts);
    if (label.kind === 'recommendations') {
      statements.forEach((s, j) => {
        const hint = label.hintScope === 'first' && j > 0 ? null : label.targetHint;
        lists.recommendations.push({ ...asLearning(s), agencies: [], targetHint: hint });
      });
    } else {
      lists[label.kind === 'learning' ? 'learning' : 'actions'].push(...statements.map(asLearning));
    }
  });
  return lists;
}

function asLearning(s: Statement): ExtractedLearning {
  return { text: s.text, themes: [], start: s.start, end: s.end };
}

function firstWords(text: string): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  return words.length <= 8 ? words.join(' ') : `${words.slice(0, 8).join(' ')} …`;
}
