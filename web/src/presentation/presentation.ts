/**
 * Presentation mode for a room: full screen (or a maximised layout where the Fullscreen API is refused),
 * controls hidden, large labels, Okabe–Ito colours, and the keyboard in charge:
 * → / ↓ / Space next theme, ← / ↑ previous, + / − zoom, 0 whole map, Esc leave.
 */
import { h, replaceChildren } from '../shell/dom.ts';

export interface PresentationKeys {
  step(direction: 1 | -1): void;
  zoom(factor: number): void;
  overview(): void;
  leave(): void;
}

export interface StepCaption {
  label: string;
  group: string | null;
  colour: string;
  reviews: number;
  position: number;
  total: number;
  related: Array<{ label: string; shared: number }>;
  quote: { text: string; review: string } | null;
}

export class Presentation {
  readonly overlay: HTMLElement;
  private readonly caption: HTMLElement;
  private readonly header: HTMLElement;
  private active = false;
  private readonly onKey = (e: KeyboardEvent) => this.key(e);
  private readonly onFullscreen = () => {
    if (this.active && !document.fullscreenElement && this.wasFullscreen) this.keys.leave();
  };
  private wasFullscreen = false;

  constructor(
    private readonly app: HTMLElement,
    private readonly keys: PresentationKeys,
  ) {
    this.header = h('div', { class: 'present-header' });
    this.caption = h('div', {
      class: 'present-caption',
      'aria-live': 'polite',
      'data-testid': 'present-caption',
    });
    this.overlay = h(
      'div',
      { class: 'present-overlay', 'data-testid': 'presentation', hidden: true },
      this.header,
      this.caption,
      h(
        'p',
        { class: 'present-keys' },
        h('kbd', {}, '←'),
        h('kbd', {}, '→'),
        ' themes  ',
        h('kbd', {}, '+'),
        h('kbd', {}, '−'),
        ' zoom  ',
        h('kbd', {}, '0'),
        ' whole map  ',
        h('kbd', {}, 'Esc'),
        ' leave',
      ),
      h(
        'button',
        { type: 'button', class: 'present-exit', onclick: () => this.keys.leave() },
        'Leave presentation',
      ),
    );
  }

  get isActive(): boolean {
    return this.active;
  }

  async enter(): Promise<void> {
    if (this.active) return;
    this.active = true;
    this.app.classList.add('presenting');
    this.overlay.hidden = false;
    document.addEventListener('keydown', this.onKey, true);
    document.addEventListener('fullscreenchange', this.onFullscreen);
    this.wasFullscreen = false;
    try {
      if (document.fullscreenEnabled && !document.fullscreenElement) {
        await document.documentElement.requestFullscreen({ navigationUI: 'hide' });
        this.wasFullscreen = true;
      }
    } catch {
      // Refused (no user gesture, iframe, headless): the maximised layout stands in for full screen.
    }
    this.app.classList.toggle('maximised', !this.wasFullscreen);
    this.overlay.focus?.();
  }

  leave(): void {
    if (!this.active) return;
    this.active = false;
    this.app.classList.remove('presenting', 'maximised');
    this.overlay.hidden = true;
    document.removeEventListener('keydown', this.onKey, true);
    document.removeEventListener('fullscreenchange', this.onFullscreen);
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  }

  /** Boxes of the title, caption card and key hints, relative to `frame`, for label placement to avoid. */
  coveredAreas(frame: HTMLElement): Array<{ x1: number; y1: number; x2: number; y2: number }> {
    const origin = frame.getBoundingClientRect();
    return [this.header, this.caption, ...this.overlay.querySelectorAll('.present-keys, .present-exit')]
      .filter((el): el is HTMLElement => el instanceof HTMLElement && el.offsetParent !== null)
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0)
      .map((r) => ({
        x1: r.left - origin.left,
        y1: r.top - origin.top,
        x2: r.right - origin.left,
        y2: r.bottom - origin.top,
      }));
  }

  setHeader(title: string, caption: string): void {
    replaceChildren(
      this.header,
      h('p', { class: 'present-title' }, title),
      h('p', { class: 'present-filter' }, caption),
    );
  }

  showStep(step: StepCaption | null): void {
    if (!step) {
      replaceChildren(
        this.caption,
        h('p', { class: 'present-hint' }, 'Press → to step through the themes, heaviest first.'),
      );
      return;
    }
    replaceChildren(
      this.caption,
      h(
        'p',
        { class: 'present-count' },
        `${step.position} of ${step.total}`,
        step.group ? ` · ${step.group}` : '',
      ),
      h(
        'h2',
        { class: 'present-theme' },
        h('span', { class: 'present-dot', style: `background:${step.colour}`, 'aria-hidden': 'true' }),
        step.label,
      ),
      h('p', { class: 'present-reviews' }, `${step.reviews} ${step.reviews === 1 ? 'review' : 'reviews'}`),
      step.related.length
        ? h(
            'p',
            { class: 'present-related' },
            'Most often with: ',
            step.related.map((r, i) => [i > 0 ? ', ' : null, h('strong', {}, r.label), ` (${r.shared})`]),
          )
        : null,
      step.quote
        ? h(
            'figure',
            { class: 'present-quote' },
            h('blockquote', {}, step.quote.text),
            h('figcaption', {}, step.quote.review),
          )
        : null,
    );
  }

  private key(e: KeyboardEvent): void {
    const target = e.target as HTMLElement | null;
    if (
      target &&
      (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA')
    )
      return;
    const actions: Record<string, () => void> = {
      ArrowRight: () => this.keys.step(1),
      ArrowDown: () => this.keys.step(1),
      PageDown: () => this.keys.step(1),
      ' ': () => this.keys.step(1),
      ArrowLeft: () => this.keys.step(-1),
      ArrowUp: () => this.keys.step(-1),
      PageUp: () => this.keys.step(-1),
      '+': () => this.keys.zoom(1.25),
      '=': () => this.keys.zoom(1.25),
      '-': () => this.keys.zoom(0.8),
      _: () => this.keys.zoom(0.8),
      '0': () => this.keys.overview(),
      Home: () => this.keys.overview(),
      Escape: () => this.keys.leave(),
    };
    const action = actions[e.key];
    if (!action) return;
    e.preventDefault();
    e.stopPropagation();
    action();
  }
}
