/**
 * Presenting a storyboard: each scene's view is applied to the explorer as a shared link would be, with
 * room-safe forced on, under a strip that tells the room the scene's title and what it shows. The speaker
 * notes stay hidden unless the presenter opens them (N). → / Space / Page Down next, ← / Page Up previous,
 * Home / End first and last, Esc leaves and puts back the view from before.
 */
import { graphqlSnippet, viewQuery } from '../share/snippets.ts';
import { queryToState, stateToQuery } from '../share/url-state.ts';
import { copyText } from '../shell/clipboard.ts';
import { h, replaceChildren } from '../shell/dom.ts';
import type { ViewState } from '../state/view-state.ts';
import { isAnalysisView } from '../views/analysis-views.ts';
import type { SceneCaption } from './scene-caption.ts';
import type { Scene } from './storyboard-model.ts';

export interface PresenterHost {
  /** The explorer's root element: presenting lays it out for the room. */
  root: HTMLElement;
  state(): ViewState;
  /** Shows a view, the way the explorer follows a link. */
  apply(state: ViewState): void;
  caption(state: ViewState): SceneCaption;
  toast(message: string): void;
  /** Told when presenting stops, to hand focus back. */
  left(): void;
}

/** A scene's view as the room sees it: never in the map's own presentation mode, always room-safe. */
export function roomState(scene: Pick<Scene, 'state'>): ViewState {
  return { ...queryToState(scene.state), presenting: false, roomSafe: true };
}

export class StoryPresenter {
  readonly strip: HTMLElement;
  private readonly room: HTMLElement;
  private readonly notes: HTMLElement;
  private readonly notesToggle: HTMLButtonElement;
  private readonly copyQueryButton: HTMLButtonElement;
  private scenes: readonly Scene[] = [];
  private index = 0;
  private before: ViewState | null = null;
  private readonly onKey = (e: KeyboardEvent) => this.key(e);
  private wasFullscreen = false;
  /** Leaving full screen the browser's way (its own Esc) leaves the storyboard too. */
  private readonly onFullscreen = () => {
    if (document.fullscreenElement) this.wasFullscreen = true;
    else if (this.wasFullscreen) this.leave();
  };
  /** The back and forward buttons may bring a view that is not room-safe: the room still never sees one. */
  private readonly onHistory = () => {
    const state = this.host.state();
    if (!state.roomSafe) this.host.apply({ ...state, roomSafe: true });
  };

  constructor(private readonly host: PresenterHost) {
    this.room = h('div', { class: 'story-room', 'aria-live': 'polite', 'data-testid': 'story-room' });
    this.notes = h('aside', {
      class: 'story-notes',
      'aria-label': 'Speaker notes',
      'data-testid': 'story-notes',
      hidden: true,
    });
    const button = (label: string, action: () => void, testid: string) =>
      h(
        'button',
        { type: 'button', class: 'button secondary small', onclick: action, 'data-testid': testid },
        label,
      );
    this.notesToggle = h(
      'button',
      {
        type: 'button',
        class: 'button secondary small',
        'aria-pressed': 'false',
        onclick: () => this.toggleNotes(),
        'data-testid': 'story-notes-toggle',
      },
      'Notes',
    );
    // The trends and comparison views carry their own Share menu, with their own queries.
    this.copyQueryButton = button('Copy query', () => void this.copyQuery(), 'story-copy-query');
    this.strip = h(
      'div',
      { class: 'story-strip', 'data-testid': 'story-stage', hidden: true },
      this.room,
      h(
        'div',
        { class: 'story-controls', role: 'toolbar', 'aria-label': 'Storyboard' },
        button('Previous', () => this.go(this.index - 1), 'story-previous'),
        button('Next', () => this.go(this.index + 1), 'story-next'),
        this.notesToggle,
        button('Copy link', () => void this.copyLink(), 'story-copy-link'),
        this.copyQueryButton,
        button('Leave', () => this.leave(), 'story-leave'),
        h('span', { class: 'story-keys' }, '→ next · ← previous · N notes · Esc leaves'),
      ),
      this.notes,
    );
  }

  get active(): boolean {
    return this.before !== null;
  }

  start(scenes: readonly Scene[], from = 0): void {
    if (scenes.length === 0) return;
    this.scenes = scenes;
    if (!this.before) {
      this.before = this.host.state();
      this.host.root.classList.add('storyboarding');
      this.strip.hidden = false;
      window.addEventListener('keydown', this.onKey, true);
      window.addEventListener('popstate', this.onHistory);
      document.addEventListener('fullscreenchange', this.onFullscreen);
      this.wasFullscreen = false;
      void document.documentElement.requestFullscreen?.({ navigationUI: 'hide' }).catch(() => undefined);
    }
    this.go(from);
  }

  leave(): void {
    const before = this.before;
    if (!before) return;
    this.before = null;
    window.removeEventListener('keydown', this.onKey, true);
    window.removeEventListener('popstate', this.onHistory);
    document.removeEventListener('fullscreenchange', this.onFullscreen);
    this.host.root.classList.remove('storyboarding');
    this.strip.hidden = true;
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    this.host.apply(before);
    this.host.left();
  }

  private go(index: number): void {
    const scene = this.scenes[index];
    if (!scene) {
      this.host.toast(index < 0 ? 'This is the first scene.' : 'This is the last scene. Esc leaves.');
      return;
    }
    this.index = index;
    const state = roomState(scene);
    this.host.apply(state);
    this.copyQueryButton.hidden = isAnalysisView(state.view);
    const words = this.host.caption(state);
    replaceChildren(
      this.room,
      h('p', { class: 'story-count' }, `Scene ${index + 1} of ${this.scenes.length} · ${words.view}`),
      h('h2', { class: 'story-title', 'data-testid': 'story-title' }, scene.title),
      h('p', { class: 'story-caption', 'data-testid': 'story-caption' }, words.caption),
    );
    replaceChildren(this.notes, scene.notes ? scene.notes : h('em', {}, 'No notes for this scene.'));
  }

  private toggleNotes(): void {
    this.notes.hidden = !this.notes.hidden;
    this.notesToggle.setAttribute('aria-pressed', String(!this.notes.hidden));
  }

  /** The scene as the room sees it: the link and the query both carry room-safe. */
  private async copyLink(): Promise<void> {
    const link = `${location.origin}${location.pathname}${stateToQuery(this.host.state())}`;
    const ok = await copyText(link);
    this.host.toast(ok ? 'Room-safe link copied.' : 'The clipboard refused the link.');
  }

  private async copyQuery(): Promise<void> {
    const endpoint = new URL('graphql', new URL('/', location.href)).href;
    const ok = await copyText(graphqlSnippet(viewQuery(this.host.state()), endpoint));
    this.host.toast(ok ? 'Room-safe query copied.' : 'The clipboard refused the query.');
  }

  private key(e: KeyboardEvent): void {
    const target = e.target as HTMLElement | null;
    if (
      target &&
      (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA')
    )
      return;
    if (document.querySelector('dialog[open]:modal')) return;
    const actions: Record<string, () => void> = {
      ArrowRight: () => this.go(this.index + 1),
      PageDown: () => this.go(this.index + 1),
      ' ': () => this.go(this.index + 1),
      ArrowLeft: () => this.go(this.index - 1),
      PageUp: () => this.go(this.index - 1),
      Home: () => this.go(0),
      End: () => this.go(this.scenes.length - 1),
      n: () => this.toggleNotes(),
      N: () => this.toggleNotes(),
      Escape: () => this.leave(),
    };
    const action = actions[e.key];
    if (!action) return;
    // Ahead of the map's and the panels' own keys, which would otherwise also act on the arrows.
    e.preventDefault();
    e.stopImmediatePropagation();
    action();
  }
}
