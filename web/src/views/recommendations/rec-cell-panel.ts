/**
 * The recommendations of one matrix cell: each with the review that makes it and its words quoted from the
 * source, with the document and the characters they stand at. Room-safe names no review and replaces the
 * children's pseudonyms in the quotes. Pages of the list are kept, so room-safe redraws without a fetch.
 */
import type { AskedRecommendation } from '../../api/analytics-queries.ts';
import { RECOMMENDATIONS_FOR } from '../../api/analytics-queries.ts';
import type { CaseFilter } from '../../api/types.ts';
import { type PanelContext, quote } from '../../panels/evidence.ts';
import { h, ICONS, icon, replaceChildren } from '../../shell/dom.ts';
import type { ViewHost } from '../common/view-host.ts';
import { markDrawn } from '../common/view-shell.ts';
import { type CellView, cellQueryVars, countWords, reviewName } from './rec-model.ts';

const PAGE = 50;

interface Listing {
  items: AskedRecommendation[];
  total: number;
  next: string | null;
}

export class CellPanel {
  readonly root: HTMLElement;
  private readonly title = h('h3', { id: 'rec-cell-title', tabindex: '-1' });
  private readonly counts = h('p', { class: 'hint', 'data-testid': 'rec-cell-counts' });
  private readonly body = h('div', { class: 'rec-cell-body', 'aria-live': 'polite' });
  private readonly listings = new Map<string, Listing>();
  private shownKey = '';
  private request: AbortController | null = null;

  constructor(
    private readonly host: ViewHost,
    close: () => void,
  ) {
    this.root = h(
      'section',
      {
        class: 'rec-cell-panel',
        id: 'rec-cell-panel',
        'aria-labelledby': 'rec-cell-title',
        'data-testid': 'rec-cell-panel',
        hidden: true,
        onkeydown: (e: KeyboardEvent) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            close();
          }
        },
      },
      h(
        'header',
        { class: 'rec-cell-head' },
        this.title,
        h(
          'button',
          {
            type: 'button',
            class: 'icon-button',
            'aria-label': 'Close the recommendations',
            'data-testid': 'rec-cell-close',
            onclick: close,
          },
          icon(ICONS.close, 18),
        ),
      ),
      this.counts,
      this.body,
    );
  }

  hide(): void {
    this.request?.abort();
    this.root.hidden = true;
    this.shownKey = '';
  }

  /** Forgets the lists loaded, as the collection changed. */
  forget(): void {
    this.listings.clear();
  }

  /**
   * Shows a cell's recommendations (cell null: the address names a cell with none under these filters).
   * `heading` names the agency and the theme.
   */
  async show(
    key: string,
    cell: CellView | null,
    heading: string,
    filter: CaseFilter,
    hide: number | null,
    focus: boolean,
  ): Promise<void> {
    const state = this.host.state();
    this.root.hidden = false;
    this.title.textContent = heading;
    if (focus) this.title.focus();
    if (!cell) {
      this.counts.textContent = '';
      replaceChildren(this.body, h('p', {}, 'No recommendation under these filters asks this.'));
      this.root.dataset.state = 'empty';
      return;
    }
    this.counts.textContent = countWords(cell.reviews, cell.recommendations, hide);
    if (cell.hidden) {
      this.request?.abort();
      replaceChildren(this.body, h('p', {}, `Fewer than ${hide} reviews: hidden in room-safe mode.`));
      this.root.dataset.state = 'hidden';
      return;
    }
    const listKey = JSON.stringify([key, filter]);
    const known = this.listings.get(listKey);
    if (known) {
      this.shownKey = listKey;
      this.draw(known, key, filter, state.roomSafe);
      return;
    }
    if (this.shownKey === listKey) return;
    this.shownKey = listKey;
    this.root.dataset.state = 'loading';
    replaceChildren(this.body, h('p', { class: 'hint' }, 'Finding the recommendations…'));
    const listing = await this.fetch(key, filter, null);
    if (this.shownKey !== listKey) return;
    if (typeof listing === 'string') {
      this.shownKey = '';
      replaceChildren(this.body, h('p', {}, `The recommendations could not be loaded: ${listing}`));
      this.root.dataset.state = 'error';
      return;
    }
    this.listings.set(listKey, listing);
    this.draw(listing, key, filter, this.host.state().roomSafe);
  }

  private async fetch(key: string, filter: CaseFilter, after: string | null): Promise<Listing | string> {
    const vars = cellQueryVars(key, filter, PAGE, after);
    if (!vars) return 'the cell is not known';
    this.request?.abort();
    const request = new AbortController();
    this.request = request;
    const r = await this.host.api.request(RECOMMENDATIONS_FOR, vars, request.signal);
    if (!r.ok) return r.error.message;
    const page = r.data.recommendationsFor;
    return {
      items: page.edges.map((e) => e.node),
      total: page.totalCount,
      next: page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null,
    };
  }

  private draw(listing: Listing, key: string, filter: CaseFilter, roomSafe: boolean): void {
    const more = listing.next
      ? h(
          'button',
          {
            type: 'button',
            class: 'button secondary',
            'data-testid': 'rec-cell-more',
            onclick: async (e: Event) => {
              const button = e.currentTarget as HTMLButtonElement;
              button.disabled = true;
              const page = await this.fetch(key, filter, listing.next);
              if (typeof page === 'string') {
                button.disabled = false;
                this.host.toast(`More recommendations could not be loaded: ${page}`);
                return;
              }
              const merged = { items: [...listing.items, ...page.items], total: page.total, next: page.next };
              this.listings.set(JSON.stringify([key, filter]), merged);
              this.draw(merged, key, filter, this.host.state().roomSafe);
            },
          },
          `Show ${Math.min(PAGE, listing.total - listing.items.length)} more`,
        )
      : null;
    replaceChildren(
      this.body,
      h(
        'ol',
        { class: 'rec-list', 'data-testid': 'rec-list' },
        listing.items.map((r) => this.item(r, roomSafe)),
      ),
      listing.total > listing.items.length
        ? h('p', { class: 'hint' }, `The first ${listing.items.length} of ${listing.total}.`)
        : null,
      more,
    );
    this.root.dataset.state = 'ready';
    markDrawn(this.root);
  }

  private item(r: AskedRecommendation, roomSafe: boolean): HTMLElement {
    const sources = r.review.case?.sources ?? [];
    const ctx: PanelContext = {
      roomSafe,
      sourceTitle: (id) => sources.find((s) => s.id === id)?.title ?? 'Source document',
      select: () => undefined,
      openGraph: () => undefined,
    };
    const year = r.review.year;
    const whom = r.agencies.map((a) => a.label).join(', ') || 'no agency named';
    const about = r.themes.map((t) => t.label).join(', ') || 'no theme named';
    return h(
      'li',
      { class: 'rec-item', 'data-testid': 'rec-item' },
      h(
        'p',
        { class: 'rec-review' },
        h(
          'button',
          {
            type: 'button',
            class: 'link-button',
            'data-testid': 'rec-review',
            onclick: () => this.host.openReview(r.review.id),
          },
          reviewName(r.review, roomSafe),
        ),
        !roomSafe && year !== null ? h('span', { class: 'hint' }, ` · ${year}`) : null,
      ),
      quote(r.evidence, ctx, r.review.case?.child ?? null),
      h('p', { class: 'rec-targets' }, `Asks ${whom}; about ${about}.`),
    );
  }
}
