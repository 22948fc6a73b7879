/**
 * The recommendations view: what reviews ask of whom. A matrix of agencies and themes, each cell shaded by
 * the reviews whose recommendations ask that agency about that theme and opening those recommendations with
 * their evidence; and the recurring asks, near-identical recommendations made in several reviews.
 */
import type {
  RecommendationMatrix,
  RecurringRecommendation,
  RecurringRecommendations,
} from '../../api/analytics-queries.ts';
import { RECOMMENDATIONS_VIEW, RECURRING_RECOMMENDATIONS } from '../../api/analytics-queries.ts';
import { toCaseFilter } from '../../filters/filter-model.ts';
import { h, replaceChildren } from '../../shell/dom.ts';
import { hidden } from '../common/format.ts';
import { viewActions } from '../common/view-actions.ts';
import { hideBelow, type ViewHost } from '../common/view-host.ts';
import {
  downloadCsv,
  exportFooter,
  markDrawn,
  NOTHING_TO_EXPORT,
  nationalNote,
  roomSafeNote,
  viewPage,
} from '../common/view-shell.ts';
import {
  RECOMMENDATION_ROWS,
  RECURRING_MINIMA,
  type RecommendationRows,
  recommendationParams,
} from '../view-params.ts';
import { CellPanel } from './rec-cell-panel.ts';
import {
  matrixCsv,
  REVIEWS_PER_ASK,
  recommendationsPicture,
  recommendationsPython,
  recommendationsQuery,
  recurringCsv,
} from './rec-export.ts';
import { matrixTable, shadeKey } from './rec-matrix.ts';
import {
  findCell,
  type MatrixView,
  NO_AGENCY,
  NO_THEME,
  parseCellKey,
  recurringLine,
  reviewName,
  safeText,
  shapeMatrix,
} from './rec-model.ts';

/** Recurring asks per page. */
const ASKS = 25;
const MAX_FIRST = 100;

const ROW_LABELS: Record<RecommendationRows, string> = {
  themes: 'Themes down the side',
  agencies: 'Agencies down the side',
};

export class RecommendationsView {
  readonly root: HTMLElement;
  private readonly status = h('p', {
    class: 'view-status',
    'aria-live': 'polite',
    'data-testid': 'recommendations-status',
  });
  // Focusable so that a keyboard can scroll the matrix sideways when it is wider than the window.
  private readonly matrix = h('div', {
    class: 'rec-matrix-wrap',
    tabindex: '0',
    role: 'region',
    'aria-label': 'Agencies and themes asked about',
  });
  private readonly key = h('div', {});
  private readonly panel: CellPanel;
  private readonly asksStatus = h('p', { class: 'hint', 'data-testid': 'rec-asks-status' });
  private readonly asks = h('ol', { class: 'rec-asks', 'data-testid': 'rec-asks' });
  private readonly moreAsks = h('button', {
    type: 'button',
    class: 'button secondary',
    hidden: true,
    'data-testid': 'rec-asks-more',
  });
  private readonly rows: HTMLSelectElement;
  private readonly minimum: HTMLSelectElement;
  private data: RecommendationMatrix | null = null;
  private recurring: RecurringRecommendations | null = null;
  private groups: RecurringRecommendation[] = [];
  private shaped: MatrixView | null = null;
  private loadedKey = '';
  private drawnKey = '';
  private focusPanel = false;
  private request: AbortController | null = null;

  constructor(private readonly host: ViewHost) {
    this.rows = h(
      'select',
      {
        id: 'rec-rows',
        'data-testid': 'rec-rows',
        onchange: () =>
          this.host.setParams({
            recRows: RECOMMENDATION_ROWS.find((r) => r === this.rows.value) ?? 'themes',
          }),
      },
      RECOMMENDATION_ROWS.map((r) => h('option', { value: r }, ROW_LABELS[r])),
    );
    this.minimum = h(
      'select',
      {
        id: 'rec-min',
        'data-testid': 'rec-min',
        onchange: () => this.host.setParams({ recMin: Number(this.minimum.value) }),
      },
      RECURRING_MINIMA.map((n) => h('option', { value: String(n) }, `${n} or more reviews`)),
    );
    this.panel = new CellPanel(host, () => this.close());
    this.moreAsks.addEventListener('click', () => void this.loadMoreAsks());
    this.root = viewPage(
      'recommendations',
      'What reviews ask of whom',
      [
        h('label', { for: 'rec-rows' }, 'Matrix'),
        this.rows,
        h('label', { for: 'rec-min' }, 'Recurring asks made in'),
        this.minimum,
        viewActions('recommendations', {
          stem: () => 'recommendations',
          picture: () => this.picture(),
          csv: () =>
            this.shaped && this.data
              ? matrixCsv(this.shaped, {
                  recommendations: this.data.total.recommendationCount,
                  reviews: this.data.total.reviewCount,
                })
              : null,
          query: () => this.query(),
          python: (endpoint) => recommendationsPython(this.query(), endpoint, hideBelow(this.host.state())),
          toast: (m) => this.host.toast(m),
        }),
      ],
      h(
        'p',
        { class: 'view-intro' },
        'Each cell counts the reviews with a recommendation that asks the agency about the theme, and opens those recommendations in the words of the review. A recommendation naming two agencies and three themes counts in six cells, so the totals of a row or column are not the sums of its cells.',
      ),
      this.status,
      h(
        'div',
        { class: 'rec-body' },
        h('div', { class: 'rec-main' }, this.matrix, this.key),
        this.panel.root,
      ),
      h(
        'section',
        { class: 'rec-recurring', 'aria-labelledby': 'rec-asks-title' },
        h('h3', { id: 'rec-asks-title' }, 'Recurring asks'),
        h(
          'p',
          { class: 'view-intro' },
          'Near-identical recommendations made in several reviews: the same content words, give or take a few (a Jaccard similarity of at least 0.6), whatever the wording around them.',
        ),
        this.asksStatus,
        this.asks,
        h(
          'p',
          {},
          this.moreAsks,
          ' ',
          h(
            'button',
            {
              type: 'button',
              class: 'link-button',
              'data-testid': 'rec-asks-csv',
              onclick: () => this.downloadAsks(),
            },
            'These asks as CSV',
          ),
        ),
      ),
    );
  }

  /** Drops what was loaded, so the next show fetches again. */
  forget(): void {
    this.loadedKey = '';
    this.drawnKey = '';
    this.panel.forget();
  }

  /** Draws for the current state, fetching only when the filters or the recurring minimum changed. */
  async show(): Promise<void> {
    const state = this.host.state();
    const params = recommendationParams(state.views);
    this.rows.value = params.recRows;
    this.minimum.value = String(params.recMin);
    const filter = toCaseFilter(state.filters);
    const key = JSON.stringify([filter, params.recMin]);
    if (key === this.loadedKey && this.data) return this.render();
    this.request?.abort();
    const request = new AbortController();
    this.request = request;
    this.root.setAttribute('aria-busy', 'true');
    this.status.textContent = 'Counting recommendations by agency and theme…';
    const result = await this.host.api.request(
      RECOMMENDATIONS_VIEW,
      { filter, minReviews: params.recMin, first: ASKS, reviews: REVIEWS_PER_ASK },
      request.signal,
    );
    if (request.signal.aborted) return;
    this.root.removeAttribute('aria-busy');
    if (!result.ok) {
      this.status.textContent = `The recommendations could not be loaded: ${result.error.message}`;
      return;
    }
    this.data = result.data.recommendationMatrix;
    this.recurring = result.data.recurringRecommendations;
    this.groups = this.recurring.edges.map((e) => e.node);
    this.loadedKey = key;
    this.drawnKey = '';
    this.render();
  }

  render(): void {
    const data = this.data;
    if (!data) return;
    const state = this.host.state();
    const hide = hideBelow(state);
    const rows = recommendationParams(state.views).recRows;
    const drawKey = JSON.stringify([this.loadedKey, rows, hide, state.roomSafe, this.groups.length]);
    if (drawKey !== this.drawnKey) {
      this.drawnKey = drawKey;
      this.draw(data, hide, rows, state.roomSafe);
    }
    this.syncPanel();
  }

  private draw(
    data: RecommendationMatrix,
    hide: number | null,
    rowKind: RecommendationRows,
    roomSafe: boolean,
  ): void {
    const shaped = shapeMatrix(data, rowKind, hide);
    this.shaped = shaped;
    const { population, total } = data;
    const national = nationalNote(population.excluded.national);
    const agencies = (rowKind === 'agencies' ? shaped.rows : shaped.columns).filter((a) => !a.noneNamed);
    const themes = (rowKind === 'agencies' ? shaped.columns : shaped.rows).filter((t) => !t.noneNamed);
    this.status.textContent =
      `${total.recommendationCount} recommendations from ${total.reviewCount} of the ${population.reviews} reviews counted (${this.host.filterCaption()}), ` +
      `asking ${agencies.length} ${agencies.length === 1 ? 'agency' : 'agencies'} about ${themes.length} ${themes.length === 1 ? 'theme' : 'themes'}.${national}` +
      roomSafeNote(hide);
    const open = recommendationParams(this.host.state().views).recCell;
    replaceChildren(
      this.matrix,
      data.cells.length
        ? matrixTable(
            shaped,
            { reviews: total.reviewCount, hidden: hidden(total.reviewCount, hide) },
            open,
            (cell) => this.choose(cell.key),
          )
        : h('p', { class: 'view-empty' }, 'No review under these filters makes a recommendation.'),
    );
    replaceChildren(this.key, data.cells.length ? shadeKey(shaped) : null);
    this.drawAsks(hide, roomSafe);
    markDrawn(this.root);
  }

  private drawAsks(hide: number | null, roomSafe: boolean): void {
    const recurring = this.recurring;
    if (!recurring) return;
    const min = recurring.minReviews;
    this.asksStatus.textContent = recurring.totalCount
      ? `${recurring.totalCount} ${recurring.totalCount === 1 ? 'ask is' : 'asks are'} made in ${min} or more reviews; most reviews first.`
      : `No ask is made in ${min} or more reviews under these filters.`;
    replaceChildren(
      this.asks,
      this.groups.map((g) => this.ask(g, hide, roomSafe)),
    );
    this.moreAsks.hidden = !recurring.pageInfo.hasNextPage;
    this.moreAsks.textContent = `Show ${Math.min(ASKS, recurring.totalCount - this.groups.length)} more asks`;
  }

  private ask(g: RecurringRecommendation, hide: number | null, roomSafe: boolean): HTMLElement {
    const small = hidden(g.reviewCount, hide);
    const targets = [
      g.agencies.length ? `Asks ${g.agencies.map((a) => a.agency.label).join(', ')}` : 'Names no agency',
      g.themes.length ? `about ${g.themes.map((t) => t.theme.label).join(', ')}` : 'and no theme',
    ].join(' ');
    return h(
      'li',
      { class: 'rec-ask', 'data-testid': 'rec-ask', 'data-reviews': small ? null : String(g.reviewCount) },
      h('blockquote', { class: 'rec-ask-text' }, safeText(g.representative ?? '', g.reviews, roomSafe)),
      h('p', { class: 'rec-ask-counts' }, recurringLine(g, hide)),
      h('p', { class: 'hint' }, `${targets}.`),
      small
        ? h('p', { class: 'hint' }, `Fewer than ${hide} reviews: they are not listed in room-safe mode.`)
        : h(
            'details',
            { class: 'rec-ask-reviews' },
            h('summary', {}, `The ${g.reviewCount} reviews`),
            h(
              'ul',
              {},
              g.reviews.map((r) =>
                h(
                  'li',
                  {},
                  h(
                    'button',
                    {
                      type: 'button',
                      class: 'link-button',
                      'data-testid': 'rec-ask-review',
                      onclick: () => this.host.openReview(r.id),
                    },
                    reviewName(r, roomSafe),
                  ),
                  !roomSafe && r.year !== null ? h('span', { class: 'hint' }, ` · ${r.year}`) : null,
                ),
              ),
            ),
            g.reviewCount > g.reviews.length
              ? h('p', { class: 'hint' }, `The first ${g.reviews.length} of ${g.reviewCount}.`)
              : null,
          ),
    );
  }

  private async loadMoreAsks(): Promise<void> {
    const recurring = this.recurring;
    if (!recurring?.pageInfo.endCursor) return;
    const state = this.host.state();
    const loadedKey = this.loadedKey;
    this.moreAsks.disabled = true;
    const r = await this.host.api.request(RECURRING_RECOMMENDATIONS, {
      filter: toCaseFilter(state.filters),
      minReviews: recommendationParams(state.views).recMin,
      first: ASKS,
      after: recurring.pageInfo.endCursor,
      reviews: REVIEWS_PER_ASK,
    });
    this.moreAsks.disabled = false;
    if (loadedKey !== this.loadedKey) return;
    if (!r.ok) {
      this.host.toast(`More asks could not be loaded: ${r.error.message}`);
      return;
    }
    this.recurring = r.data.recurringRecommendations;
    this.groups = [...this.groups, ...this.recurring.edges.map((e) => e.node)];
    this.render();
  }

  /** Opens the cell's recommendations (or closes them if it is open already). */
  private choose(key: string): void {
    const open = recommendationParams(this.host.state().views).recCell;
    this.focusPanel = open !== key;
    this.host.setParams({ recCell: open === key ? null : key });
  }

  private close(): void {
    const open = recommendationParams(this.host.state().views).recCell;
    this.host.setParams({ recCell: null });
    if (open) this.matrix.querySelector<HTMLElement>(`[data-cell="${CSS.escape(open)}"]`)?.focus();
  }

  /** Shows the panel of the cell the address names, and marks that cell as open. */
  private syncPanel(): void {
    const state = this.host.state();
    const key = recommendationParams(state.views).recCell;
    const cells = [...this.matrix.querySelectorAll<HTMLButtonElement>('.rec-cell')];
    const opened = cells.find((b) => b.dataset.cell === key);
    for (const b of cells) {
      b.setAttribute('aria-expanded', String(b === opened));
      // The open cell is where the Tab key stops in the matrix.
      if (opened) b.tabIndex = b === opened ? 0 : -1;
    }
    const parsed = key ? parseCellKey(key) : null;
    if (!key || !parsed || !this.shaped) {
      this.panel.hide();
      return;
    }
    const cell = findCell(this.shaped, key);
    const { rows, columns, rowKind } = this.shaped;
    const [agencies, themes] = rowKind === 'agencies' ? [rows, columns] : [columns, rows];
    const agency = parsed.agency
      ? (agencies.find((a) => a.id === parsed.agency)?.label ?? parsed.agency)
      : NO_AGENCY;
    const theme = parsed.theme
      ? (themes.find((t) => t.id === parsed.theme)?.label ?? parsed.theme)
      : NO_THEME;
    const focus = this.focusPanel;
    this.focusPanel = false;
    void this.panel.show(
      key,
      cell,
      `${agency} · ${theme}`,
      toCaseFilter(state.filters),
      hideBelow(state),
      focus,
    );
  }

  private query() {
    const state = this.host.state();
    return recommendationsQuery(
      toCaseFilter(state.filters),
      recommendationParams(state.views).recMin,
      Math.min(MAX_FIRST, Math.max(ASKS, this.groups.length)),
      state.roomSafe,
      hideBelow(state),
    );
  }

  private picture() {
    if (!this.shaped) return null;
    const state = this.host.state();
    return recommendationsPicture(this.shaped, this.groups, state.roomSafe, {
      title: 'Threadline · what reviews ask of whom',
      caption: this.status.textContent ?? '',
      footer: exportFooter(),
    });
  }

  private downloadAsks(): void {
    if (!this.recurring) {
      this.host.toast(NOTHING_TO_EXPORT);
      return;
    }
    const state = this.host.state();
    const text = recurringCsv(this.groups, state.roomSafe, hideBelow(state));
    downloadCsv('recurring-asks', text);
  }
}
