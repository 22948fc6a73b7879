/**
 * The filter column: harm types, agencies, years, outcome, age band, review type, source document and the
 * minimum shared reviews for a link. Counts come from FACETS (each list counted under the other lists).
 * Source documents of the bundled fictional sample are tagged as such, known as the header's badge knows them.
 */
import type { FacetSlices } from '../api/queries.ts';
import type { AgeBand, FacetValue, Outcome, ReviewType, SourceSummary } from '../api/types.ts';
import { h, replaceChildren } from '../shell/dom.ts';
import type { Filters, LinkLevel } from '../state/view-state.ts';
import { isSampleSource } from '../upload/sample-sources.ts';
import {
  AGE_BAND_LABELS,
  facetEnum,
  hasActiveFilters,
  type ListField,
  OUTCOME_LABELS,
  REVIEW_TYPE_LABELS,
  toggleValue,
} from './filter-model.ts';
import { LinkControls, type LinkSettings } from './link-controls.ts';

export interface FilterPanelEvents {
  change(patch: Partial<Filters>): void;
  minShared(value: number): void;
  linkLevel(level: LinkLevel): void;
  clear(): void;
  /** The loaded source documents, for telling the sample ones apart (none known: nothing is tagged). */
  sources?(): Iterable<SourceSummary>;
}

interface Option {
  value: string;
  label: string;
  count: number;
  /** A document of the fictional sample. */
  sample?: boolean;
}

/** The ids of the sources that are documents of the bundled fictional sample. */
export function sampleSourceIds(sources: Iterable<Pick<SourceSummary, 'id' | 'path'>>): Set<string> {
  const ids = new Set<string>();
  for (const s of sources) if (isSampleSource(s)) ids.add(s.id);
  return ids;
}

const COLLAPSED_ROWS = 8;

export class FilterPanel {
  readonly root: HTMLElement;
  private readonly lists = new Map<ListField, HTMLElement>();
  private readonly expanded = new Set<ListField>();
  private readonly yearFrom: HTMLSelectElement;
  private readonly yearTo: HTMLSelectElement;
  private readonly yearBars: HTMLElement;
  private readonly links: LinkControls;
  private settings: LinkSettings | null = null;
  private readonly clearButton: HTMLButtonElement;
  private facets: FacetSlices | null = null;
  private filters: Filters | null = null;

  constructor(private readonly events: FilterPanelEvents) {
    this.yearFrom = h('select', {
      id: 'year-from',
      'aria-label': 'From year',
      onchange: () => this.emitYears(),
    });
    this.yearTo = h('select', { id: 'year-to', 'aria-label': 'To year', onchange: () => this.emitYears() });
    this.yearBars = h('div', { class: 'year-bars', 'aria-hidden': 'true' });
    this.links = new LinkControls({
      level: (level) => this.events.linkLevel(level),
      minShared: (value) => this.events.minShared(value),
    });
    this.clearButton = h(
      'button',
      {
        type: 'button',
        class: 'button-link',
        onclick: () => this.events.clear(),
        'data-testid': 'clear-filters',
      },
      'Clear all',
    );
    this.root = h(
      'form',
      { class: 'filters', 'aria-label': 'Filters', onsubmit: (e: Event) => e.preventDefault() },
      h(
        'div',
        { class: 'filters-head' },
        h('h2', { class: 'section-title' }, 'Filter reviews'),
        this.clearButton,
      ),
      this.group('harmTypes', 'Harm type'),
      this.group('agencies', 'Agencies involved'),
      this.yearsGroup(),
      this.group('outcome', 'Outcome'),
      this.group('ageBands', 'Age of child'),
      this.group('reviewTypes', 'Review type'),
      this.group('sources', 'Source document'),
      this.links.root,
    );
  }

  private group(field: ListField, title: string): HTMLElement {
    const list = h('div', { class: 'facet-list', 'data-facet': field });
    this.lists.set(field, list);
    return h('fieldset', { class: 'facet' }, h('legend', {}, title), list);
  }

  private yearsGroup(): HTMLElement {
    return h(
      'fieldset',
      { class: 'facet' },
      h('legend', {}, 'Year of report'),
      this.yearBars,
      h(
        'div',
        { class: 'year-range' },
        h('label', { for: 'year-from' }, 'From'),
        this.yearFrom,
        h('label', { for: 'year-to' }, 'to'),
        this.yearTo,
      ),
    );
  }

  /** `strongest`: the most reviews a link on the map shares (null when not known yet). */
  update(
    filters: Filters,
    links: LinkSettings,
    facets: FacetSlices | null,
    strongest: number | null = null,
  ): void {
    this.filters = filters;
    this.settings = links;
    if (facets) this.facets = facets;
    this.clearButton.hidden =
      !hasActiveFilters(filters) && links.minShared === null && links.linkLevel === 'significant';
    this.links.update(links, strongest);
    const f = this.facets;
    this.renderList('harmTypes', f ? plain(f.harmTypes.harmTypes) : [], filters.harmTypes);
    this.renderList('agencies', f ? plain(f.agencies.agencies) : [], filters.agencies);
    this.renderList(
      'outcome',
      f ? enums(f.outcomes.outcomes, 'outcome', OUTCOME_LABELS) : [],
      filters.outcome,
    );
    this.renderList(
      'ageBands',
      f ? enums(f.ageBands.ageBands, 'ageBands', AGE_BAND_LABELS) : [],
      filters.ageBands,
    );
    this.renderList(
      'reviewTypes',
      f ? enums(f.reviewTypes.reviewTypes, 'reviewTypes', REVIEW_TYPE_LABELS) : [],
      filters.reviewTypes,
    );
    const sample = sampleSourceIds(this.events.sources?.() ?? []);
    this.renderList(
      'sources',
      f ? plain(f.sources.sources).map((o) => (sample.has(o.value) ? { ...o, sample: true } : o)) : [],
      filters.sources,
    );
    this.renderYears(filters, f?.years.years ?? []);
  }

  private renderList(field: ListField, options: Option[], selected: readonly string[]): void {
    const list = this.lists.get(field)!;
    const focused =
      document.activeElement instanceof HTMLInputElement ? document.activeElement.dataset.key : undefined;
    // Selected values stay listed even when the other filters leave them with no reviews.
    for (const value of selected) {
      if (!options.some((o) => o.value === value)) options.push({ value, label: value, count: 0 });
    }
    const sorted = [...options].sort(
      (a, b) =>
        Number(selected.includes(b.value)) - Number(selected.includes(a.value)) ||
        b.count - a.count ||
        a.label.localeCompare(b.label),
    );
    const ordered = field === 'harmTypes' || field === 'agencies' || field === 'sources' ? sorted : options;
    const long = ordered.length > COLLAPSED_ROWS + 2;
    const open = this.expanded.has(field);
    const shown = long && !open ? ordered.slice(0, COLLAPSED_ROWS) : ordered;
    const rows = shown.map((o) => this.option(field, o, selected.includes(o.value)));
    if (options.length === 0) rows.push(h('p', { class: 'hint' }, 'Loading…'));
    const more = long
      ? h(
          'button',
          {
            type: 'button',
            class: 'button-link more',
            'aria-expanded': String(open),
            onclick: () => {
              if (open) this.expanded.delete(field);
              else this.expanded.add(field);
              if (this.filters && this.settings) this.update(this.filters, this.settings, null);
            },
          },
          open ? 'Show fewer' : `Show all ${ordered.length}`,
        )
      : null;
    replaceChildren(list, rows, more);
    if (focused) list.querySelector<HTMLInputElement>(`input[data-key="${CSS.escape(focused)}"]`)?.focus();
  }

  private option(field: ListField, o: Option, checked: boolean): HTMLElement {
    const id = `f-${field}-${o.value}`.replace(/[^A-Za-z0-9_-]/g, '_');
    const input = h('input', {
      type: 'checkbox',
      id,
      checked,
      'data-key': `${field}:${o.value}`,
      onchange: () => {
        const current = (this.filters?.[field] ?? []) as string[];
        this.events.change({ [field]: toggleValue(current, o.value) } as Partial<Filters>);
      },
    });
    return h(
      'div',
      {
        class: `facet-option${o.count === 0 && !checked ? ' empty' : ''}`,
        'data-sample': o.sample ? 'true' : null,
      },
      input,
      h(
        'label',
        { for: id },
        h(
          'span',
          { class: 'facet-label' },
          o.label,
          o.sample
            ? [
                h(
                  'span',
                  {
                    class: 'sample-tag',
                    'aria-hidden': 'true',
                    title: 'Fictional sample: every review in this document is invented',
                  },
                  'sample',
                ),
                h('span', { class: 'visually-hidden' }, ' (fictional sample document)'),
              ]
            : null,
        ),
        h('span', { class: 'count' }, String(o.count)),
      ),
    );
  }

  private renderYears(filters: Filters, years: FacetValue[]): void {
    const known = years.map((y) => Number(y.id)).filter(Number.isFinite);
    const all = [
      ...new Set([...known, ...[filters.yearFrom, filters.yearTo].filter((y): y is number => y !== null)]),
    ].sort((a, b) => a - b);
    const option = (value: string, label: string, selected: boolean) =>
      h('option', { value, selected }, label);
    replaceChildren(
      this.yearFrom,
      option('', 'earliest', filters.yearFrom === null),
      all.map((y) => option(String(y), String(y), filters.yearFrom === y)),
    );
    replaceChildren(
      this.yearTo,
      option('', 'latest', filters.yearTo === null),
      all.map((y) => option(String(y), String(y), filters.yearTo === y)),
    );
    const max = Math.max(1, ...years.map((y) => y.count));
    replaceChildren(
      this.yearBars,
      years.map((y) => {
        const n = Number(y.id);
        const inside =
          (filters.yearFrom === null || n >= filters.yearFrom) &&
          (filters.yearTo === null || n <= filters.yearTo);
        return h('span', {
          class: inside ? 'bar' : 'bar out',
          style: `height:${Math.max(6, Math.round((y.count / max) * 100))}%`,
          title: `${y.id}: ${y.count}`,
        });
      }),
    );
  }

  private emitYears(): void {
    const read = (s: HTMLSelectElement) => (s.value ? Number(s.value) : null);
    let from = read(this.yearFrom);
    let to = read(this.yearTo);
    if (from !== null && to !== null && from > to) [from, to] = [to, from];
    this.events.change({ yearFrom: from, yearTo: to });
  }
}

function plain(values: FacetValue[]): Option[] {
  return values.map((v) => ({ value: v.id, label: v.label, count: v.count }));
}

function enums<T extends Outcome | AgeBand | ReviewType>(
  values: FacetValue[],
  field: 'outcome' | 'ageBands' | 'reviewTypes',
  labels: Record<T, string>,
): Option[] {
  const out: Option[] = [];
  for (const v of values) {
    const value = facetEnum(field as 'outcome', v.id) as T | null;
    if (value) out.push({ value, label: labels[value] ?? v.label, count: v.count });
  }
  return out;
}
