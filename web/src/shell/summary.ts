/** The line under the top bar: what is on show, and a removable chip per active filter. */
import type { Stats } from '../api/types.ts';
import {
  AGE_BAND_LABELS,
  type FilterLabels,
  hasActiveFilters,
  OUTCOME_LABELS,
} from '../filters/filter-model.ts';
import type { Filters } from '../state/view-state.ts';
import { type Child, h, ICONS, icon } from './dom.ts';

export function summaryLine(
  filters: Filters,
  stats: Stats,
  shown: { reviews: number; themes: number; links: number },
): Child[] {
  const scope = reviewScope(filters, stats, shown.reviews);
  const years = stats.yearMin && stats.yearMax ? ` · ${stats.yearMin}–${stats.yearMax}` : '';
  return [
    h('strong', {}, scope),
    ` from ${stats.sources} ${stats.sources === 1 ? 'document' : 'documents'}${years} · `,
    `${shown.themes} themes · ${shown.links} links`,
  ];
}

/**
 * "12 of 33 reviews". A filter that asks for national publications counts them against every review
 * stored, not only the case reviews the plain total holds.
 */
export function reviewScope(filters: Filters, stats: Stats, shown: number): string {
  const national = filters.reviewTypes.includes('NATIONAL') ? (stats.population?.excluded.national ?? 0) : 0;
  const total = stats.cases + national;
  return hasActiveFilters(filters) ? `${shown} of ${total} reviews` : `${total} reviews`;
}

export function filterChips(
  filters: Filters,
  labels: FilterLabels,
  remove: (patch: Partial<Filters>) => void,
): Child[] {
  const chips: HTMLElement[] = [];
  const chip = (label: string, patch: Partial<Filters>) =>
    chips.push(
      h(
        'button',
        {
          type: 'button',
          class: 'filter-chip',
          'aria-label': `Remove filter ${label}`,
          onclick: () => remove(patch),
        },
        label,
        icon(ICONS.close, 12),
      ),
    );
  const f = filters;
  const without = <T>(list: readonly T[], value: T) => list.filter((v) => v !== value);
  for (const id of f.harmTypes) chip(labels.harmTypes.get(id) ?? id, { harmTypes: without(f.harmTypes, id) });
  for (const id of f.agencies) chip(labels.agencies.get(id) ?? id, { agencies: without(f.agencies, id) });
  if (f.yearFrom !== null || f.yearTo !== null) {
    chip(`${f.yearFrom ?? '…'}–${f.yearTo ?? '…'}`, { yearFrom: null, yearTo: null });
  }
  for (const v of f.outcome) chip(OUTCOME_LABELS[v], { outcome: without(f.outcome, v) });
  for (const v of f.ageBands) chip(`Age ${AGE_BAND_LABELS[v]}`, { ageBands: without(f.ageBands, v) });
  for (const v of f.reviewTypes) chip(v, { reviewTypes: without(f.reviewTypes, v) });
  for (const id of f.sources) chip(labels.sources.get(id) ?? id, { sources: without(f.sources, id) });
  return chips.length ? [h('span', { class: 'chips-label' }, 'Showing only:'), chips] : [];
}
