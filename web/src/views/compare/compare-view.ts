/**
 * The comparison view: what is different about one group of reviews. Two cohorts from a preset that
 * answers a question analysts ask (or from the filters), and for every theme, harm type and agency the
 * share in each, the ratio with its 95% interval (table and forest plot), the p-value and small-count
 * warnings; each row opens the reviews behind it.
 */
import type {
  CohortComparison,
  CohortFeature,
  CohortFilter,
  CohortReview,
} from '../../api/analytics-queries.ts';
import { COHORT_REVIEWS, COMPARE_COHORTS, PARTNERSHIPS } from '../../api/analytics-queries.ts';
import { reviewCaption } from '../../presentation/pseudonyms.ts';
import { h, replaceChildren } from '../../shell/dom.ts';
import { viewActions } from '../common/view-actions.ts';
import { hideBelow, type ViewHost } from '../common/view-host.ts';
import { exportFooter, markDrawn, roomSafeNote, viewPage } from '../common/view-shell.ts';
import { COMPARE_PRESETS, type ComparePreset } from '../view-params.ts';
import { type Cohorts, cohortsFor, PRESET_LABELS, splitYear } from './cohorts.ts';
import { compareCsv, comparePicture, compareQuery } from './compare-export.ts';
import {
  exportParams,
  featureFilter,
  forestScale,
  KIND_LABELS,
  keepWithin,
  restReviews,
  rowSentence,
  rowText,
} from './compare-model.ts';
import { forestAxisSvg, forestRowSvg } from './forest-plot.ts';

const FIRST = 50;
const MAX_FIRST = 100;
const PLOT = { width: 220, height: 22 };

export class CompareView {
  readonly root: HTMLElement;
  private readonly preset: HTMLSelectElement;
  private readonly area: HTMLSelectElement;
  private readonly areaField: HTMLElement;
  private readonly split: HTMLInputElement;
  private readonly splitField: HTMLElement;
  private readonly cohortsLine = h('p', {
    class: 'view-status',
    'aria-live': 'polite',
    'data-testid': 'compare-status',
  });
  private readonly notes = h('ul', { class: 'view-notes' });
  // Focusable so that a keyboard can scroll the table sideways when the window is narrow.
  private readonly table = h('div', {
    class: 'compare-table-wrap',
    tabindex: '0',
    role: 'region',
    'aria-label': 'Comparison table',
  });
  private readonly more = h('button', { type: 'button', class: 'button secondary', hidden: true });
  private cohorts: Cohorts | null = null;
  private result: CohortComparison | null = null;
  private loadedKey = '';
  private first = FIRST;
  private request: AbortController | null = null;
  private areasLoaded = false;
  private areas: Array<{ id: string; count: number }> = [];

  constructor(private readonly host: ViewHost) {
    this.preset = h(
      'select',
      {
        id: 'compare-preset',
        'data-testid': 'compare-preset',
        onchange: () => this.host.setParams({ preset: this.presetValue() }),
      },
      COMPARE_PRESETS.map((p) => h('option', { value: p }, PRESET_LABELS[p])),
    );
    this.area = h('select', {
      id: 'compare-area',
      'data-testid': 'compare-area',
      onchange: () => this.host.setParams({ area: this.area.value }),
    });
    this.areaField = h(
      'span',
      { class: 'view-field' },
      h('label', { for: 'compare-area' }, 'Area'),
      this.area,
    );
    this.split = h('input', {
      id: 'compare-split',
      type: 'number',
      min: '1900',
      max: '2100',
      inputmode: 'numeric',
      'data-testid': 'compare-split',
      onchange: () => {
        const y = Number(this.split.value);
        this.host.setParams({ split: Number.isInteger(y) && y >= 1900 && y <= 2100 ? y : null });
      },
    });
    this.splitField = h(
      'span',
      { class: 'view-field' },
      h('label', { for: 'compare-split' }, 'Recent from'),
      this.split,
    );
    this.more.addEventListener('click', () => {
      this.first = MAX_FIRST;
      this.loadedKey = '';
      void this.show();
    });
    this.root = viewPage(
      'compare',
      'What is different about a group of reviews',
      [
        h('label', { for: 'compare-preset' }, 'Compare'),
        this.preset,
        this.areaField,
        this.splitField,
        viewActions('compare', {
          stem: () => 'cohort-comparison',
          picture: () => this.picture(),
          csv: () =>
            this.result ? compareCsv(this.result, this.result.features, hideBelow(this.host.state())) : null,
          query: () =>
            compareQuery(this.cohorts ?? { a: {}, b: null, aLabel: '', bLabel: '', notes: [] }, this.first),
          toast: (m) => this.host.toast(m),
        }),
      ],
      h(
        'p',
        { class: 'view-intro' },
        'For every theme, harm type and agency: the share of reviews with it in cohort A and in cohort B, the ratio of the shares with its 95% interval, and a two-sided Fisher exact p-value. Strongest evidence first. The p-values are not adjusted for the number of rows: read them as a screen.',
      ),
      this.cohortsLine,
      this.notes,
      this.table,
      this.more,
    );
  }

  /** Drops what was loaded, so the next show fetches again. */
  forget(): void {
    this.loadedKey = '';
  }

  async show(): Promise<void> {
    const state = this.host.state();
    const params = state.views;
    this.preset.value = params.preset;
    this.showArea(params.area);
    this.areaField.hidden = params.preset !== 'area';
    this.splitField.hidden = params.preset !== 'recent';
    this.split.value = String(splitYear(params, this.host.yearMax()) ?? '');
    if (params.preset === 'area') void this.loadAreas();
    const chosen = cohortsFor(params, state.filters, this.host.yearMax());
    if (!chosen.ok) {
      this.cohorts = null;
      this.result = null;
      this.loadedKey = '';
      this.cohortsLine.textContent = chosen.message;
      replaceChildren(this.notes);
      replaceChildren(this.table);
      this.more.hidden = true;
      return;
    }
    const key = JSON.stringify([chosen.cohorts.a, chosen.cohorts.b, this.first]);
    this.cohorts = chosen.cohorts;
    if (key === this.loadedKey && this.result) return this.render();
    this.request?.abort();
    const request = new AbortController();
    this.request = request;
    this.root.setAttribute('aria-busy', 'true');
    this.cohortsLine.textContent = 'Comparing the cohorts…';
    const result = await this.host.api.request(
      COMPARE_COHORTS,
      { a: chosen.cohorts.a, b: chosen.cohorts.b, first: this.first },
      request.signal,
    );
    if (request.signal.aborted) return;
    this.root.removeAttribute('aria-busy');
    if (!result.ok) {
      this.cohortsLine.textContent = `The comparison could not be made: ${result.error.message}`;
      return;
    }
    this.result = result.data.compareCohorts;
    this.loadedKey = key;
    this.render();
  }

  render(): void {
    const result = this.result;
    const cohorts = this.cohorts;
    if (!result || !cohorts) return;
    const hide = hideBelow(this.host.state());
    const overlap = result.overlap
      ? ` ${result.overlap} reviews are in both, which the test does not allow for.`
      : '';
    this.cohortsLine.textContent =
      `A: ${cohorts.aLabel}, ${result.a.reviews} reviews. B: ${cohorts.bLabel}, ${result.b.reviews} reviews. ` +
      `Within: ${this.host.filterCaption()}.${overlap}` +
      roomSafeNote(hide);
    replaceChildren(
      this.notes,
      cohorts.notes.map((n) => h('li', {}, n)),
    );
    const rows = result.features;
    const scale = forestScale(rows);
    const head = h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Feature'),
        h(
          'th',
          { scope: 'col', class: 'num' },
          h('abbr', { title: cohorts.aLabel }, 'A'),
          ' reviews (share)',
        ),
        h(
          'th',
          { scope: 'col', class: 'num' },
          h('abbr', { title: cohorts.bLabel }, 'B'),
          ' reviews (share)',
        ),
        h('th', { scope: 'col', class: 'num' }, 'Ratio A/B (95% interval)'),
        h(
          'th',
          { scope: 'col', class: 'plot' },
          h('span', { class: 'visually-hidden' }, 'Forest plot'),
          this.axis(scale),
        ),
        h('th', { scope: 'col', class: 'num' }, 'p'),
        h('th', { scope: 'col' }, 'Reviews'),
      ),
    );
    const body = h('tbody', {});
    rows.forEach((f, i) => {
      body.append(...this.row(f, i, scale, hide, cohorts));
    });
    replaceChildren(
      this.table,
      rows.length
        ? h(
            'table',
            { class: 'compare-table', 'data-testid': 'compare-table' },
            h(
              'caption',
              { class: 'visually-hidden' },
              `${cohorts.aLabel} against ${cohorts.bLabel}, strongest evidence first`,
            ),
            head,
            body,
          )
        : h('p', { class: 'view-empty' }, 'Neither cohort has a theme, harm type or agency to compare.'),
      h(
        'p',
        { class: 'hint' },
        `${rows.length} of ${result.totalCount} rows, strongest evidence first. `,
        result.bIsRest ? this.fullCsvLink(cohorts.a) : null,
      ),
    );
    this.more.hidden = rows.length >= result.totalCount || this.first >= MAX_FIRST;
    this.more.textContent = `Show the first ${Math.min(MAX_FIRST, result.totalCount)} rows`;
    markDrawn(this.root);
  }

  private axis(scale: ReturnType<typeof forestScale>): HTMLElement {
    const span = h('span', { class: 'forest-axis' });
    span.innerHTML = forestAxisSvg(scale, PLOT.width, 30);
    return span;
  }

  private fullCsvLink(a: CohortFilter): HTMLElement {
    return h(
      'a',
      { href: `/export/compare-cohorts.csv?${exportParams(a)}`, download: '' },
      'Every row as CSV (from the server)',
    );
  }

  private row(
    f: CohortFeature,
    i: number,
    scale: ReturnType<typeof forestScale>,
    hide: number | null,
    cohorts: Cohorts,
  ): HTMLElement[] {
    const t = rowText(f, hide);
    const plot = h('td', { class: 'plot' });
    plot.innerHTML = forestRowSvg(f, scale, PLOT.width, PLOT.height);
    const detailId = `compare-reviews-${i}`;
    const detail = h(
      'tr',
      { class: 'compare-reviews', id: detailId, hidden: true },
      h('td', { colspan: '7' }),
    );
    const button = h(
      'button',
      {
        type: 'button',
        class: 'link-button',
        'aria-expanded': 'false',
        'aria-controls': detailId,
        'data-testid': 'compare-open-reviews',
        'aria-label': `Reviews behind ${f.label}`,
      },
      'Show',
    );
    button.addEventListener('click', () => {
      const open = detail.hidden;
      detail.hidden = !open;
      button.setAttribute('aria-expanded', String(open));
      button.textContent = open ? 'Hide' : 'Show';
      if (open) void this.loadReviews(f, cohorts, detail.firstElementChild as HTMLElement);
    });
    const row = h(
      'tr',
      {
        'data-feature': `${f.kind}:${f.id}`,
        class: f.smallCounts ? 'small-counts' : null,
        title: rowSentence(f, cohorts.aLabel, cohorts.bLabel),
      },
      h(
        'th',
        { scope: 'row' },
        h('span', { class: 'kind' }, KIND_LABELS[f.kind]),
        ' ',
        f.label,
        t.warning
          ? h(
              'span',
              {
                class: 'warning',
                'data-testid': 'small-counts',
                title:
                  'An expected count of the 2×2 table is under 5 (and where a cohort has none, 0.5 was added to every cell): the interval and p-value rest on few reviews.',
              },
              `⚠ ${t.warning}`,
            )
          : null,
      ),
      h('td', { class: 'num' }, `${t.a.count} (${t.a.share})`),
      h('td', { class: 'num' }, `${t.b.count} (${t.b.share})`),
      h('td', { class: 'num' }, h('strong', {}, t.ratio), ` (${t.interval})`),
      plot,
      h('td', { class: 'num' }, t.p),
      h('td', {}, button),
    );
    return [row, detail];
  }

  private async loadReviews(f: CohortFeature, cohorts: Cohorts, cell: HTMLElement): Promise<void> {
    cell.textContent = 'Finding the reviews…';
    const fetchList = async (cohort: CohortFilter): Promise<CohortReview[] | string> => {
      const { filter, within } = featureFilter(cohort, f.kind, f.id);
      const r = await this.host.api.request(COHORT_REVIEWS, { cases: filter, first: MAX_FIRST });
      return r.ok
        ? keepWithin(
            r.data.cases.edges.map((e) => e.node),
            within,
          )
        : r.error.message;
    };
    const inA = await fetchList(cohorts.a);
    let inB: CohortReview[] | string;
    if (cohorts.b) inB = await fetchList(cohorts.b);
    else {
      const all = await fetchList({});
      const national = cohorts.a.reviewTypes?.includes('NATIONAL') ?? false;
      inB = typeof all === 'string' || typeof inA === 'string' ? all : restReviews(all, inA, national);
    }
    replaceChildren(
      cell,
      h(
        'div',
        { class: 'compare-review-lists' },
        this.reviewList(`A: ${cohorts.aLabel}`, inA, f.a.count),
        this.reviewList(`B: ${cohorts.bLabel}`, inB, f.b.count),
      ),
    );
  }

  private reviewList(title: string, reviews: CohortReview[] | string, count: number): HTMLElement {
    const hide = hideBelow(this.host.state());
    if (typeof reviews === 'string')
      return h('div', {}, h('h4', {}, title), h('p', {}, `Not loaded: ${reviews}`));
    if (hide !== null && count > 0 && count < hide)
      return h(
        'div',
        {},
        h('h4', {}, title),
        h('p', {}, `Fewer than ${hide} reviews: hidden in room-safe mode.`),
      );
    const safe = this.host.state().roomSafe;
    const more =
      count > reviews.length ? h('p', { class: 'hint' }, `The first ${reviews.length} of ${count}.`) : null;
    return h(
      'div',
      {},
      h('h4', {}, `${title} (${count})`),
      reviews.length
        ? h(
            'ul',
            { class: 'compare-review-list' },
            reviews.map((r) =>
              h(
                'li',
                {},
                h(
                  'button',
                  { type: 'button', class: 'link-button', onclick: () => this.host.openReview(r.id) },
                  reviewCaption(r, safe),
                ),
                r.partnership ? h('span', { class: 'hint' }, ` · ${r.partnership}`) : null,
              ),
            ),
          )
        : h('p', { class: 'hint' }, 'None.'),
      more,
    );
  }

  private async loadAreas(): Promise<void> {
    if (this.areasLoaded) return;
    this.areasLoaded = true;
    const r = await this.host.api.request(PARTNERSHIPS, {});
    if (!r.ok) {
      this.areasLoaded = false;
      return;
    }
    this.areas = r.data.facets.partnerships
      .filter((p) => p.count > 0)
      .sort((x, y) => y.count - x.count || x.id.localeCompare(y.id));
    this.showArea(this.host.state().views.area);
  }

  /** The partnerships as options, most reviews first; a name from the address is kept even if unknown. */
  private showArea(area: string): void {
    const known = this.areas.some((p) => p.id === area);
    replaceChildren(
      this.area,
      h('option', { value: '' }, 'Choose an area…'),
      area && !known ? h('option', { value: area }, area) : null,
      this.areas.map((p) => h('option', { value: p.id }, `${p.id} (${p.count})`)),
    );
    this.area.value = area;
  }

  private picture() {
    if (!this.result || !this.cohorts) return null;
    return comparePicture(
      this.cohorts,
      this.result.features,
      {
        title: `Threadline · ${this.cohorts.aLabel} against ${this.cohorts.bLabel.toLowerCase()}`,
        caption: this.cohortsLine.textContent ?? '',
        footer: exportFooter(),
      },
      hideBelow(this.host.state()),
    );
  }

  private presetValue(): ComparePreset {
    return COMPARE_PRESETS.find((p) => p === this.preset.value) ?? 'infants';
  }
}
