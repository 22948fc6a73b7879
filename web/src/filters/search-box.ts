/** Search (themes, reviews, agencies, partnerships…) as an ARIA 1.2 combobox: type, arrow, Enter. */
import type { Api } from '../api/client.ts';
import { SEARCH } from '../api/queries.ts';
import type { SearchHit } from '../api/types.ts';
import { h, ICONS, icon, replaceChildren } from '../shell/dom.ts';

export interface SearchEvents {
  pick(hit: SearchHit): void;
  /** Display text for a hit (pseudonyms may be hidden). */
  caption(hit: SearchHit): string;
}

const KIND_LABELS: Record<string, string> = {
  theme: 'Theme',
  case: 'Review',
  agency: 'Agency',
  harmType: 'Harm type',
  partnership: 'Partnership',
  learning: 'Learning',
  recommendation: 'Recommendation',
};

export class SearchBox {
  readonly root: HTMLElement;
  private readonly input: HTMLInputElement;
  private readonly listbox: HTMLUListElement;
  private readonly status: HTMLElement;
  private hits: SearchHit[] = [];
  private active = -1;
  private timer: number | undefined;
  private seq = 0;

  constructor(
    private readonly api: Api,
    private readonly events: SearchEvents,
  ) {
    this.input = h('input', {
      type: 'search',
      id: 'search',
      class: 'search-input',
      role: 'combobox',
      placeholder: 'Search themes, reviews, places…',
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': 'search-results',
      oninput: () => this.schedule(),
      onkeydown: (e: KeyboardEvent) => this.key(e),
      onblur: () => window.setTimeout(() => this.close(), 150),
      onfocus: () => {
        if (this.hits.length) this.open();
      },
    });
    this.listbox = h('ul', {
      id: 'search-results',
      role: 'listbox',
      class: 'search-results',
      'aria-label': 'Search results',
      hidden: true,
    });
    this.status = h('span', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
    this.root = h(
      'div',
      { class: 'search', role: 'search' },
      h('label', { for: 'search', class: 'visually-hidden' }, 'Search'),
      icon(ICONS.search, 18),
      this.input,
      this.listbox,
      this.status,
    );
  }

  focus(): void {
    this.input.focus();
    this.input.select();
  }

  private schedule(): void {
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.run(), 180);
  }

  private async run(): Promise<void> {
    const text = this.input.value.trim();
    const seq = ++this.seq;
    if (text.length < 2) {
      this.show([]);
      return;
    }
    const result = await this.api.request(SEARCH, { text, first: 12 });
    if (seq !== this.seq) return;
    if (!result.ok) {
      this.status.textContent = `Search failed: ${result.error.message}`;
      this.show([]);
      return;
    }
    this.show(result.data.search);
    this.status.textContent = result.data.search.length
      ? `${result.data.search.length} results. Use the arrow keys to choose one.`
      : 'No results.';
  }

  private show(hits: SearchHit[]): void {
    this.hits = hits;
    this.active = -1;
    replaceChildren(
      this.listbox,
      hits.length
        ? hits.map((hit, i) =>
            h(
              'li',
              {
                id: `search-hit-${i}`,
                role: 'option',
                class: 'search-hit',
                'aria-selected': 'false',
                onmousedown: (e: MouseEvent) => {
                  e.preventDefault();
                  this.choose(i);
                },
              },
              h('span', { class: `kind-tag kind-${hit.kind}` }, KIND_LABELS[hit.kind] ?? hit.kind),
              h('span', { class: 'hit-caption' }, this.events.caption(hit)),
            ),
          )
        : this.input.value.trim().length >= 2
          ? h('li', { class: 'search-empty', role: 'presentation' }, 'Nothing found')
          : null,
    );
    if (hits.length || this.input.value.trim().length >= 2) this.open();
    else this.close();
  }

  private open(): void {
    this.listbox.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
  }

  private close(): void {
    this.listbox.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  }

  private key(e: KeyboardEvent): void {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!this.hits.length) return;
      e.preventDefault();
      this.open();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      this.active = (this.active + step + this.hits.length) % this.hits.length;
      this.listbox.querySelectorAll('[role="option"]').forEach((el, i) => {
        el.setAttribute('aria-selected', String(i === this.active));
        if (i === this.active) el.scrollIntoView({ block: 'nearest' });
      });
      this.input.setAttribute('aria-activedescendant', `search-hit-${this.active}`);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (this.hits.length) this.choose(Math.max(0, this.active));
    } else if (e.key === 'Escape') {
      if (!this.listbox.hidden) {
        e.stopPropagation();
        this.close();
      }
    }
  }

  private choose(i: number): void {
    const hit = this.hits[i];
    if (!hit) return;
    this.close();
    this.input.value = this.events.caption(hit);
    this.events.pick(hit);
  }
}
