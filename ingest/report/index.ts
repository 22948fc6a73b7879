/**
 * The curator report: what an ingest run found, what it did not understand, and what the taxonomy may be
 * missing. Pure: classified cases in, a report (and its Markdown) out.
 */
import type { ExtractedCase } from '../extract/types.ts';
import { compileTaxonomy, matchTaxonomy, type Span } from '../taxonomy/compile.ts';
import type { Taxonomy } from '../taxonomy/types.ts';
import { candidatePhrases, type PhraseSource } from './phrases.ts';
import type { CuratorReport, DocumentNote, DocumentSummary, UnmatchedStatement } from './types.ts';

export type { CandidatePhrase } from './phrases.ts';
export { renderCuratorReport } from './render.ts';
export type {
  AgencyCount,
  CuratorReport,
  DocumentNote,
  DocumentSummary,
  HarmTypeCount,
  ThemeCount,
  UnmatchedStatement,
} from './types.ts';

export interface CuratorReportOptions {
  /** A phrase must recur in at least this many statements to be suggested (default 2). */
  minStatements?: number;
  /** At most this many suggestions (default 30). */
  candidateLimit?: number;
}

type Doc = { path: string; cases: ExtractedCase[]; warnings?: string[] };

function notes(docs: Doc[], keep: (warning: string) => boolean): DocumentNote[] {
  return docs.flatMap((d) => (d.warnings ?? []).filter(keep).map((note) => ({ file: d.path, note })));
}

export function curatorReport(
  docs: Doc[],
  taxonomy: Taxonomy,
  options: CuratorReportOptions = {},
): CuratorReport {
  const documents = docs.map(summarise);
  const cases = docs.flatMap((d) => d.cases);
  return {
    taxonomyVersion: taxonomy.version,
    documents,
    totals: totalsOf(documents),
    unmatched: docs.flatMap(unmatchedIn),
    candidates: candidatePhrases(statementSources(docs), coveredBy(taxonomy), {
      minStatements: options.minStatements ?? 2,
      limit: options.candidateLimit ?? 30,
    }),
    themes: taxonomy.themes.map((t) => ({
      id: t.id,
      label: t.label,
      group: t.group,
      cases: cases.filter((c) => c.themes.some((x) => x.id === t.id)).length,
      learning: count(cases, (c) => c.learning.filter((l) => l.themes.includes(t.id)).length),
      recommendations: count(cases, (c) => c.recommendations.filter((r) => r.themes.includes(t.id)).length),
    })),
    harmTypes: taxonomy.harmTypes.map((h) => ({
      id: h.id,
      label: h.label,
      cases: cases.filter((c) => c.harmTypes.some((x) => x.id === h.id)).length,
    })),
    possibleDuplicates: notes(docs, (w) => w.startsWith('possible duplicate')),
    withoutReviews: docs
      .filter((d) => d.cases.length === 0)
      .map((d) => ({
        file: d.path,
        note: d.warnings?.find((w) => /no case review|no review|not recognised/.test(w)) ?? 'no review found',
      })),
    agencies: taxonomy.agencies.map((a) => ({
      id: a.id,
      label: a.label,
      sector: a.sector,
      cases: cases.filter((c) => c.agencies.some((x) => x.id === a.id)).length,
      targeted: count(cases, (c) => c.recommendations.filter((r) => r.agencies.includes(a.id)).length),
    })),
  };
}

function summarise(doc: Doc): DocumentSummary {
  const learning = doc.cases.flatMap((c) => c.learning);
  const recommendations = doc.cases.flatMap((c) => c.recommendations);
  return {
    path: doc.path,
    cases: doc.cases.length,
    learning: learning.length,
    learningMatched: learning.filter((l) => l.themes.length > 0).length,
    recommendations: recommendations.length,
    recommendationsMatched: recommendations.filter((r) => r.themes.length > 0).length,
    actions: count(doc.cases, (c) => c.actions.length),
  };
}

function totalsOf(documents: readonly DocumentSummary[]): CuratorReport['totals'] {
  const sum = (pick: (d: DocumentSummary) => number) => documents.reduce((n, d) => n + pick(d), 0);
  return {
    documents: documents.length,
    cases: sum((d) => d.cases),
    learning: sum((d) => d.learning),
    learningMatched: sum((d) => d.learningMatched),
    recommendations: sum((d) => d.recommendations),
    recommendationsMatched: sum((d) => d.recommendationsMatched),
    actions: sum((d) => d.actions),
  };
}

function unmatchedIn(doc: Doc): UnmatchedStatement[] {
  return doc.cases.flatMap((c) => {
    const place = { file: doc.path, caseTitle: c.title };
    return [
      ...c.learning
        .filter((s) => s.themes.length === 0)
        .map((s) => ({ ...place, kind: 'learning' as const, ...span(s) })),
      ...c.recommendations
        .filter((s) => s.themes.length === 0)
        .map((s) => ({ ...place, kind: 'recommendation' as const, ...span(s) })),
      ...c.actions
        .filter((s) => s.themes.length === 0)
        .map((s) => ({ ...place, kind: 'action' as const, ...span(s) })),
    ];
  });
}

function span(s: { text: string; start: number; end: number }) {
  return { text: s.text, start: s.start, end: s.end };
}

function statementSources(docs: readonly Doc[]): PhraseSource[] {
  return docs.flatMap((d) =>
    d.cases.flatMap((c) =>
      [...c.learning, ...c.recommendations, ...c.actions].map((s) => ({
        text: s.text,
        file: d.path,
        caseTitle: c.title,
      })),
    ),
  );
}

/** Where harm types, agencies and themes already match in a statement. */
function coveredBy(taxonomy: Taxonomy): (text: string) => Span[] {
  const compiled = compileTaxonomy(taxonomy);
  return (text) => [...matchTaxonomy(compiled, text).values()].flat();
}

function count<T>(items: readonly T[], per: (item: T) => number): number {
  return items.reduce((n, item) => n + per(item), 0);
}
