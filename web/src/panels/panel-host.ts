/** The evidence column: one panel at a time, with a back link, loading and error states. */
import type { ApiError } from '../api/client.ts';
import { h, ICONS, icon, replaceChildren } from '../shell/dom.ts';

export interface PanelHostEvents {
  close(): void;
  back(): void;
  /** The panel opened or closed: the map beside it has a new frame to fit. */
  toggled?(open: boolean): void;
}

export class PanelHost {
  readonly root: HTMLElement;
  private readonly body: HTMLElement;
  private readonly backButton: HTMLButtonElement;
  private readonly heading: HTMLElement;

  constructor(private readonly events: PanelHostEvents) {
    this.backButton = h(
      'button',
      { type: 'button', class: 'button-link back', onclick: () => this.events.back(), hidden: true },
      icon(ICONS.back, 16),
      h('span', {}, 'Back'),
    );
    this.heading = h('span', { class: 'panel-kicker', id: 'panel-kicker' });
    this.body = h('div', { class: 'panel-body' });
    this.root = h(
      'aside',
      {
        class: 'panel',
        id: 'panel',
        'aria-labelledby': 'panel-kicker',
        'data-testid': 'panel',
        tabindex: '-1',
      },
      h(
        'div',
        { class: 'panel-bar' },
        this.backButton,
        this.heading,
        h(
          'button',
          {
            type: 'button',
            class: 'icon-button',
            'aria-label': 'Close panel',
            onclick: () => this.events.close(),
          },
          icon(ICONS.close, 18),
        ),
      ),
      this.body,
    );
    // Esc closes the panel from anywhere, unless a dialog or menu is open (they close first).
    document.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape' || this.root.hidden || e.defaultPrevented) return;
      if (document.querySelector('dialog[open], .menu-panel:not([hidden])')) return;
      e.preventDefault();
      this.events.close();
    });
  }

  private open(): void {
    if (!this.root.hidden) return;
    this.root.hidden = false;
    this.events.toggled?.(true);
  }

  /** `backTo` names what Back returns to, or null when there is nothing to go back to. */
  show(kicker: string, content: Node, backTo: string | null): void {
    this.open();
    this.heading.textContent = kicker;
    this.backButton.hidden = backTo === null;
    this.backButton.querySelector('span')!.textContent = backTo ? `Back to ${backTo}` : 'Back';
    replaceChildren(this.body, content);
    this.body.scrollTop = 0;
    this.root.dataset.state = 'ready';
  }

  loading(kicker: string, what: string): void {
    this.open();
    this.heading.textContent = kicker;
    this.root.dataset.state = 'loading';
    replaceChildren(
      this.body,
      h(
        'div',
        { class: 'panel-loading', role: 'status' },
        h('span', { class: 'spinner', 'aria-hidden': 'true' }),
        `Loading ${what}…`,
      ),
    );
  }

  /** An id that names nothing (a mistyped or outdated link): said plainly, with the way back to the map. */
  notFound(kicker: string, message: string): void {
    this.open();
    this.heading.textContent = kicker;
    this.root.dataset.state = 'not-found';
    replaceChildren(
      this.body,
      h(
        'div',
        { class: 'panel-error', role: 'status', 'data-testid': 'not-found' },
        h('p', {}, message),
        h(
          'button',
          { type: 'button', class: 'button', onclick: () => this.events.close() },
          'Back to the whole map',
        ),
      ),
    );
  }

  error(kicker: string, error: ApiError, retry: () => void): void {
    this.open();
    this.heading.textContent = kicker;
    this.root.dataset.state = 'error';
    replaceChildren(
      this.body,
      h(
        'div',
        { class: 'panel-error', role: 'alert' },
        h('p', {}, error.message),
        h('button', { type: 'button', class: 'button', onclick: retry }, icon(ICONS.retry, 16), 'Try again'),
      ),
    );
  }

  hide(): void {
    const was = !this.root.hidden;
    this.root.hidden = true;
    if (was) this.events.toggled?.(false);
    this.root.dataset.state = 'closed';
    replaceChildren(this.body);
  }

  focus(): void {
    const heading = this.body.querySelector<HTMLElement>('h2');
    (heading ?? this.root).focus({ preventScroll: false });
  }
}
