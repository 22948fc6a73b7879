/** Links to the server's file exports (GraphML, GEXF, CSV) carrying the same filter as the view. */
import { toCaseFilter } from '../filters/filter-model.ts';
import type { Filters } from '../state/view-state.ts';

export type ServerExport = 'graph.graphml' | 'graph.gexf' | 'theme-network.csv' | 'themes.csv';

export function exportUrl(file: ServerExport, filters: Filters, minShared: number): string {
  const f = toCaseFilter(filters);
  const p = new URLSearchParams();
  for (const [key, value] of Object.entries(f)) {
    p.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  if (minShared > 1) p.set('minShared', String(minShared));
  const query = p.toString();
  return `/export/${file}${query ? `?${query}` : ''}`;
}

/** A file name that says what the export holds, e.g. threadline-themes-2015-2020.csv */
export function exportName(stem: string, ext: string, filters: Filters): string {
  const years =
    filters.yearFrom !== null || filters.yearTo !== null
      ? `-${filters.yearFrom ?? 'start'}-${filters.yearTo ?? 'end'}`
      : '';
  const filtered = toCaseFilter(filters);
  const tag = Object.keys(filtered).some((k) => k !== 'yearFrom' && k !== 'yearTo') ? '-filtered' : '';
  return `threadline-${stem}${years}${tag}.${ext}`;
}
