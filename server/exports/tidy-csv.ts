/**
 * Tidy CSV files for notebooks: one row per observation, one column per variable, lists of ids joined with
 * ';' (split them with str.split(';') in pandas). Domain values as the graph stores them ('serious-harm',
 * 'under 1'); empty cells for unknown values.
 *   reviews.csv     one row per case review
 *   links.csv       one row per evidence-bearing link of a review (harm type, agency, theme)
 *   statements.csv  one row per learning statement or recommendation
 */
import type { CaseLinkRow, StatementHit } from '../../graph/store.ts';
import { csv } from './csv.ts';
import type { ReviewData } from './review-data.ts';

export const REVIEW_HEADER = [
  'id',
  'title',
  'child',
  'review_type',
  'partnership',
  'authors',
  'report_year',
  'incident_year',
  'age',
  'age_band',
  'gender',
  'outcome',
  'topic',
  'summary',
  'harm_types',
  'agencies',
  'themes',
  'sources',
  'learning',
  'recommendations',
];

export const LINK_HEADER = ['review', 'kind', 'target', 'target_label', 'quote', 'source', 'start', 'end'];

export const STATEMENT_HEADER = [
  'kind',
  'id',
  'review',
  'text',
  'themes',
  'agencies',
  'source',
  'start',
  'end',
];

/** What each link type is called in the exports. */
export const LINK_KIND: Record<CaseLinkRow['type'], string> = {
  CONCERNS: 'harm_type',
  INVOLVED: 'agency',
  HAS_THEME: 'theme',
};

const list = (ids: Iterable<string>) => [...new Set(ids)].sort().join(';');

export function reviewsCsv(data: ReviewData): string {
  const tally = (hits: StatementHit[]) => {
    const counts = new Map<string, number>();
    for (const h of hits) counts.set(h.caseId, (counts.get(h.caseId) ?? 0) + 1);
    return counts;
  };
  const learning = tally(data.learning);
  const recommendations = tally(data.recommendations);
  return csv(
    REVIEW_HEADER,
    data.reviews.map((r) => {
      const linked = data.linkedOf.get(r.id);
      return [
        r.id,
        r.title,
        r.child,
        r.reviewType,
        r.partnership,
        r.authors,
        r.reportYear,
        r.incidentYear,
        r.age,
        r.ageBand,
        r.gender,
        r.outcome,
        r.topic,
        r.summary,
        list(linked?.harmTypes ?? []),
        list(linked?.agencies ?? []),
        list(linked?.themes ?? []),
        list(data.sourcesOf.get(r.id) ?? []),
        learning.get(r.id) ?? 0,
        recommendations.get(r.id) ?? 0,
      ];
    }),
  );
}

export function linksCsv(data: ReviewData, label: (kind: CaseLinkRow['type'], id: string) => string): string {
  return csv(
    LINK_HEADER,
    data.links.map((l) => [
      l.caseId,
      LINK_KIND[l.type],
      l.targetId,
      label(l.type, l.targetId),
      l.evidence.quote,
      l.evidence.sourceId,
      l.evidence.start,
      l.evidence.end,
    ]),
  );
}

export function statementsCsv(data: ReviewData): string {
  const rows = (kind: string, hits: StatementHit[]) =>
    hits.map((h) => [
      kind,
      h.id,
      h.caseId,
      h.text,
      list(h.themes),
      list(h.agencies),
      h.sourceId,
      h.start,
      h.end,
    ]);
  return csv(STATEMENT_HEADER, [
    ...rows('learning', data.learning),
    ...rows('recommendation', data.recommendations),
  ]);
}
