/** The map's states other than "drawn": loading, nothing matches, server unreachable, token needed. */
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
      const unreachable = state.error.kind === 'unreachable';
      replaceChildren(
        this.root,
        h(
          'div',
          { class: 'status-card', role: 'alert' },
          h('h2', {}, unreachable ? 'Cannot reach the Threadline server' : 'Something went wrong'),
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
