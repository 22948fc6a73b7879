/**
 * The map's states other than "drawn": loading, nothing matches, server unreachable, token needed; and,
 * over every view, a note while requests wait for a server that is still preparing its analysis.
 */
import type { ApiError } from '../api/client.ts';
import { h, ICONS, icon, replaceChildren } from './dom.ts';

export type StageState =
  | { kind: 'ready' }
  | { kind: 'loading'; what: string }
  | { kind: 'empty'; clear: () => void; filtered: boolean }
  | { kind: 'error'; error: ApiError; retry: () => void };

export class StageStatus {
  readonly root: HTMLElement;

  constructor() {
    this.root = h('div', { class: 'stage-status', 'data-testid': 'stage-status', hidden: true });
  }

  set(state: StageState): void {
    this.root.dataset.state = state.kind;
    if (state.kind === 'ready') {
      this.root.hidden = true;
      replaceChildren(this.root);
      return;
    }
    this.root.hidden = false;
    if (state.kind === 'loading') {
      replaceChildren(
        this.root,
        h(
          'div',
          { class: 'status-card quiet', role: 'status' },
          h('span', { class: 'spinner', 'aria-hidden': 'true' }),
          h('span', {}, `Loading ${state.what}…`),
        ),
      );
    } else if (state.kind === 'empty') {
      replaceChildren(
        this.root,
        h(
          'div',
          { class: 'status-card', role: 'status' },
          h('h2', {}, state.filtered ? 'No reviews match these filters' : 'No reviews loaded yet'),
          h(
            'p',
            {},
            state.filtered
              ? 'Try removing a filter or widening the year range.'
              : 'Add documents (or run npm run ingest) and the theme map appears here.',
          ),
          state.filtered
            ? h(
                'button',
                { type: 'button', class: 'button', onclick: state.clear, 'data-testid': 'empty-clear' },
                'Clear filters',
              )
            : null,
        ),
      );
    } else {
      const warming = state.error.warming === true;
      const unreachable = state.error.kind === 'unreachable' && !warming;
      replaceChildren(
        this.root,
        h(
          'div',
          { class: 'status-card', role: 'alert' },
          h(
            'h2',
            {},
            warming
              ? 'The analysis is not ready yet'
              : unreachable
                ? 'Cannot reach the Threadline server'
                : 'Something went wrong',
          ),
          h('p', {}, state.error.message),
          unreachable
            ? h('p', { class: 'hint' }, 'Check that the server is running (npm start), then try again.')
            : null,
          h(
            'button',
            { type: 'button', class: 'button', onclick: state.retry, 'data-testid': 'retry' },
            icon(ICONS.retry, 16),
            'Retry',
          ),
        ),
      );
    }
  }
}

/**
 * "Preparing the analysis… (n s)" while any request waits for a server that has just started, gone once
 * none waits. Shown with the toasts; the count of seconds is left out of what is announced.
 */
export class PreparingNotice {
  private readonly waiting = new Map<object, number>();
  private note: HTMLElement | null = null;
  private seconds: HTMLElement | null = null;

  update(request: object, waitedMs: number | null): void {
    if (waitedMs === null) this.waiting.delete(request);
    else this.waiting.set(request, waitedMs);
    if (this.waiting.size === 0) {
      this.note?.remove();
      this.note = null;
      this.seconds = null;
      return;
    }
    if (!this.note?.isConnected) {
      this.seconds = h('span', { 'aria-hidden': 'true' });
      this.note = h(
        'div',
        { class: 'toast', 'data-testid': 'preparing' },
        'Preparing the analysis…',
        this.seconds,
      );
      toastArea().append(this.note);
    }
    const waited = Math.floor(Math.max(...this.waiting.values()) / 1000);
    if (this.seconds) this.seconds.textContent = ` (${waited} s)`;
  }
}

/** The page's toast area, or one of its own on a page without it. */
function toastArea(): HTMLElement {
  const existing = document.querySelector<HTMLElement>('.toasts');
  if (existing) return existing;
  const area = h('div', { class: 'toasts', role: 'status', 'aria-live': 'polite' });
  document.body.append(area);
  return area;
}

export const preparingNotice = new PreparingNotice();
