/** What a person reads at the end of an ingest run. */

import type { FileProblem, IngestSummary } from '../load/ingest-files.ts';
import type { ExtractedText } from '../pipeline.ts';

const MAX_LISTED = 20;

/** A summary without `refreshed` counts none (one written before refreshes were counted). */
export function formatSummary(s: Omit<IngestSummary, 'refreshed'> & { refreshed?: number }): string {
  // Refreshes follow a new extractor version only, so the usual line does not name them.
  const refreshed = s.refreshed ? `${s.refreshed} refreshed (new extractor), ` : '';
  const lines = [
    `Ingested ${plural(s.documents, 'document')} in ${s.seconds.toFixed(1)} s: ` +
      `${s.loaded} loaded, ${s.replaced} replaced, ${refreshed}${s.unchanged} unchanged, ${s.failed.length} failed`,
    `  ${plural(s.reviews, 'case review')}, ${plural(s.links, 'link')}, ${plural(s.warnings.length, 'warning')}`,
  ];
  const duplicates = s.duplicates.map((d) => ({ file: d.file, message: `duplicate of ${d.duplicateOf}` }));
  return [
    ...lines,
    ...problemList('Duplicates (the same content as another source; both are kept)', duplicates, Infinity),
    ...problemList('Warnings', s.warnings, MAX_LISTED),
    ...problemList('Failed', s.failed, Infinity),
  ].join('\n');
}

export interface DryRunResult {
  documents: ExtractedText[];
  failed: FileProblem[];
  seconds: number;
}

export function formatDryRun(r: DryRunResult): string {
  const reviews = r.documents.reduce((n, d) => n + d.cases.length, 0);
  const warnings = r.documents.flatMap((d) => d.warnings.map((message) => ({ file: d.path, message })));
  const lines = [
    `Dry run (nothing stored): read ${plural(r.documents.length, 'document')} in ${r.seconds.toFixed(1)} s, ` +
      `${plural(reviews, 'case review')}, ${plural(warnings.length, 'warning')}, ${r.failed.length} failed`,
    ...r.documents.map((d) => `  ${d.path}: ${d.kind}, ${plural(d.cases.length, 'case review')}`),
  ];
  return [
    ...lines,
    ...problemList('Warnings', warnings, MAX_LISTED),
    ...problemList('Failed', r.failed, Infinity),
  ].join('\n');
}

/** Messages that do not already start with their file name get it in front. */
function problemList(heading: string, problems: FileProblem[], limit: number): string[] {
  if (problems.length === 0) return [];
  const shown = problems
    .slice(0, limit)
    .map((p) => `  ${p.message.startsWith(p.file) ? '' : `${p.file}: `}${p.message}`);
  const more = problems.length > limit ? [`  … and ${problems.length - limit} more`] : [];
  return [`${heading}:`, ...shown, ...more];
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
