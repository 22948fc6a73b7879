/** Short confirmations ("Link copied"), announced politely to screen readers. */
import { h } from './dom.ts';

export class Toasts {
  readonly root: HTMLElement = h('div', { class: 'toasts', role: 'status', 'aria-live': 'polite' });

  say(message: string): void {
    const toast = h('div', { class: 'toast' }, message);
    this.root.append(toast);
    window.setTimeout(() => toast.classList.add('leaving'), 2600);
    window.setTimeout(() => toast.remove(), 3000);
  }
}
