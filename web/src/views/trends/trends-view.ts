/**
 * The trends view: which lessons recur, and when. Per theme, its share of reviews by year (small multiples
 * drawn in SVG, counts on hover and in a table), the trend in words with its uncertainty, sortable by the
 * strength of the evidence; the yearly totals and the reviews with no year are stated above.
 */
import type { ThemeTrend, ThemeTrends } from '../../api/analytics-queries.ts';
import { THEME_TRENDS } from '../../api/analytics-queries.ts';
import { toCaseFilter } from '../../filters/filter-model.ts';
import { h, replaceChildren } from '../../shell/dom.ts';
import { formatShare, safeCount } from '../common/format.ts';
import { viewActions } from '../common/view-actions.ts';
import { hideBelow, type ViewHost } from '../common/view-host.ts';
import { exportFooter, markDrawn, nationalNote, roomSafeNote, viewPage } from '../common/view-shell.ts';
import { TREND_SORTS, type TrendSort } from '../view-params.ts';
import { totalsMarkup, trendChartSvg } from './trend-chart.ts';
import { trendsCsv, trendsPicture, trendsQuery, yearTotals } from './trend-export.ts';
import {
  DIRECTION_WORDS,
  describeTrend,
  SORT_LABELS,
  shareCeiling,
  sortTrends,
  span,
  yearPoints,
} from './trend-model.ts';

const FIRST_SHOWN = 24;
const CHART = { width: 320, height: 120 };

export class TrendsView {
  readonly root: HTMLElement;
  private readonly status = h('p', {
    class: 'view-status',
    'aria-live': 'polite',
    'data-testid': 'trends-status',
  });
  private readonly totals = h('figure', { class: 'trend-totals' });
  private readonly list = h('ol', { class: 'trend-grid', 'data-testid': 'trends-list' });
  private readonly more = h('button', { type: 'button', class: 'button secondary', hidden: true });
  private readonly basis: HTMLSelectElement;
  private readonly sort: HTMLSelectElement;
  private data: ThemeTrends | null = null;
  private loadedKey = '';
  private showAll = false;
  private request: AbortController | null = null;

  constructor(private readonly host: ViewHost) {
    this.basis = h(
      'select',
      {
        id: 'trend-basis',
        'data-testid': 'trends-basis',
        onchange: () => this.host.setParams({ basis: this.basisValue() }),
      },
      h('option', { value: 'PUBLICATION' }, 'Year published'),
      h('option', { value: 'INCIDENT' }, 'Year of the incident'),
    );
    this.sort = h(
      'select',
      {
        id: 'trend-sort',
        'data-testid': 'trends-sort',
        onchange: () => this.host.setParams({ trendSort: this.sortValue() }),
      },
      TREND_SORTS.map((s) => h('option', { value: s }, SORT_LABELS[s])),
    );
    this.more.addEventListener('click', () => {
      this.showAll = true;
      this.render();
    });
    this.root = viewPage(
      'trends',
      'Which lessons recur, and when',
      [
        h('label', { for: 'trend-basis' }, 'Place reviews by'),
        this.basis,
        h('label', { for: 'trend-sort' }, 'Order themes by'),
        this.sort,
        viewActions('trends', {
          stem: () => 'theme-trends',
          picture: () => this.picture(),
          csv: () => (this.data ? trendsCsv(this.shown(), hideBelow(this.host.state())) : null),
          query: () => trendsQuery(toCaseFilter(this.host.state().filters), this.host.state().views.basis),
          toast: (m) => this.host.toast(m),
        }),
      ],
      h(
        'p',
        { class: 'view-intro' },
        'Each theme’s share of the reviews published each year. A trend is the Mann–Kendall test on those shares, its size Sen’s slope in percentage points a year with its 95% interval; five or more years with reviews are needed for a test.',
      ),
      this.status,
      this.totals,
      this.list,
      this.more,
    );
  }

  /** Drops what was loaded, so the next show fetches again. */
  forget(): void {
    this.loadedKey = '';
  }

  /** Draws for the current state, fetching only when the filters or the year basis changed. */
  async show(): Promise<void> {
    const state = this.host.state();
    this.basis.value = state.views.basis;
    this.sort.value = state.views.trendSort;
    const filter = toCaseFilter(state.filters);
    const key = JSON.stringify([filter, state.views.basis]);
    if (key === this.loadedKey && this.data) return this.render();
    this.request?.abort();
    const request = new AbortController();
    this.request = request;
    this.root.setAttribute('aria-busy', 'true');
    this.status.textContent = 'Counting themes by year…';
    const result = await this.host.api.request(
      THEME_TRENDS,
      { filter, by: state.views.basis },
      request.signal,
    );
    if (request.signal.aborted) return;
    this.root.removeAttribute('aria-busy');
    if (!result.ok) {
      this.status.textContent = `The trends could not be loaded: ${result.error.message}`;
      return;
    }
    this.data = result.data.themeTrends;
    this.loadedKey = key;
    this.showAll = false;
    this.render();
  }

  render(): void {
    const data = this.data;
    if (!data) return;
    const state = this.host.state();
    const hide = hideBelow(state);
    const year = state.views.basis === 'INCIDENT' ? 'incident year' : 'publication year';
    const { reviews, excluded } = data.population;
    const national = nationalNote(excluded.national);
    this.status.textContent =
      `${reviews} reviews counted (${this.host.filterCaption()}), ${data.themes.length} themes, ` +
      `${data.years.length} years with reviews. ${excluded.unknownYear} ${excluded.unknownYear === 1 ? 'review reports' : 'reviews report'} no ${year} and ${excluded.unknownYear === 1 ? 'is' : 'are'} left out.${national}` +
      roomSafeNote(hide);
    this.totals.innerHTML = `<figcaption>Reviews counted each year</figcaption><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 90" role="img" aria-label="${this.totalsLabel(data, hide)}" font-family="system-ui, sans-serif">${totalsMarkup(yearTotals(data, hide), { width: 640, height: 90 })}</svg>`;
    const shown = this.shown();
    replaceChildren(
      this.list,
      shown.map((t) => this.card(t, data.years, hide)),
    );
    if (data.themes.length === 0)
      this.list.append(
        h('li', { class: 'view-empty' }, 'No theme appears in the reviews under these filters.'),
      );
    this.more.hidden = shown.length >= data.themes.length;
    this.more.textContent = `Show all ${data.themes.length} themes`;
    markDrawn(this.root);
  }

  private totalsLabel(data: ThemeTrends, hide: number | null): string {
    return yearTotals(data, hide)
      .map((t) => `${t.year}: ${t.hidden ? `fewer than ${hide}` : t.total}`)
      .join(', ');
  }

  private shown(): ThemeTrend[] {
    if (!this.data) return [];
    const sorted = sortTrends(this.data.themes, this.host.state().views.trendSort);
    return this.showAll ? sorted : sorted.slice(0, FIRST_SHOWN);
  }

  private card(t: ThemeTrend, years: readonly number[], hide: number | null): HTMLElement {
    const points = yearPoints(t, hide);
    const sentence = describeTrend(t);
    const figure = h('div', { class: 'trend-chart' });
    figure.innerHTML = trendChartSvg(
      points,
      years,
      shareCeiling(points),
      CHART,
      `${t.theme.label}: ${sentence}`,
    );
    const table = h(
      'table',
      { class: 'trend-table' },
      h('caption', { class: 'visually-hidden' }, `${t.theme.label} by year`),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'Year'),
          h('th', { scope: 'col' }, 'With the theme'),
          h('th', { scope: 'col' }, 'All reviews'),
          h('th', { scope: 'col' }, 'Share'),
        ),
      ),
      h(
        'tbody',
        {},
        points.map((p) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, String(p.year)),
            h('td', {}, p.hidden ? `fewer than ${hide}` : safeCount(p.reviews, hide)),
            h('td', {}, p.hidden ? '—' : String(p.total)),
            h('td', {}, p.hidden ? '—' : formatShare(p.share)),
          ),
        ),
      ),
    );
    return h(
      'li',
      { class: 'trend-card', 'data-theme': t.theme.id, 'data-direction': t.direction },
      h('h3', {}, t.theme.label),
      h('p', { class: 'trend-span' }, span(t, hide)),
      figure,
      h(
        'p',
        { class: 'trend-sentence', 'data-testid': 'trend-sentence' },
        h('span', { class: `trend-badge ${t.direction.toLowerCase()}` }, DIRECTION_WORDS[t.direction]),
        sentence.slice(DIRECTION_WORDS[t.direction].length + 1),
      ),
      h('details', { class: 'trend-numbers' }, h('summary', {}, 'Numbers by year'), table),
    );
  }

  private picture() {
    if (!this.data) return null;
    const state = this.host.state();
    return trendsPicture(
      this.data,
      this.shown(),
      {
        title: 'Threadline · which lessons recur, and when',
        caption: this.status.textContent ?? '',
        footer: exportFooter(),
      },
      hideBelow(state),
    );
  }

  private basisValue(): 'PUBLICATION' | 'INCIDENT' {
    return this.basis.value === 'INCIDENT' ? 'INCIDENT' : 'PUBLICATION';
  }

  private sortValue(): TrendSort {
    return TREND_SORTS.find((s) => s === this.sort.value) ?? 'strength';
  }
}
