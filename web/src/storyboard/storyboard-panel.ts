/**
 * The Storyboard panel: the facilitator's list of scenes (saved views with titles and speaker notes), kept in
 * order, saved to and opened from a file or a link, presented to a room and printed as a handout.
 */
import './storyboard.css';
import { stateToQuery } from '../share/url-state.ts';
import { copyText, download } from '../shell/clipboard.ts';
import { h, ICONS, icon, replaceChildren } from '../shell/dom.ts';
import type { ViewState } from '../state/view-state.ts';
import type { SceneCaption } from './scene-caption.ts';
import { sceneRow } from './scene-row.ts';
import { printHandout } from './storyboard-handout.ts';
import {
  addScene,
  decodeStoryParam,
  deleteScene,
  EMPTY_STORY,
  encodeStoryParam,
  FILE_SUFFIX,
  moveScene,
  parseStory,
  renameScene,
  type Scene,
  STORY_PARAM,
  type Storyboard,
  serialiseStory,
  setNotes,
} from './storyboard-model.ts';
import { roomState, StoryPresenter } from './storyboard-presenter.ts';

export interface StoryboardHost {
  /** The explorer's root element: presenting lays it out for the room. */
  root: HTMLElement;
  state(): ViewState;
  /** Shows a view, the way the explorer follows a link. */
  apply(state: ViewState): void;
  caption(state: ViewState): SceneCaption;
  toast(message: string): void;
}

export class StoryboardPanel {
  /** The toolbar button that opens and closes the panel. */
  readonly button: HTMLButtonElement;
  readonly dialog: HTMLDialogElement;
  private story: Storyboard = EMPTY_STORY;
  private readonly list: HTMLOListElement;
  private readonly status: HTMLElement;
  private readonly file: HTMLInputElement;
  private readonly presenter: StoryPresenter;

  constructor(private readonly host: StoryboardHost) {
    this.button = h(
      'button',
      {
        type: 'button',
        class: 'toolbar-button',
        'aria-label': 'Storyboard',
        title: 'Storyboard: scenes to present and print',
        'aria-expanded': 'false',
        'aria-controls': 'storyboard-panel',
        'data-testid': 'storyboard-button',
        onclick: () => (this.dialog.open ? this.close() : this.open()),
      },
      icon(ICONS.list, 18),
      h('span', { class: 'label' }, 'Storyboard'),
    );
    this.list = h('ol', { class: 'story-scenes', 'aria-label': 'Scenes', 'data-testid': 'story-scenes' });
    this.status = h('p', { class: 'story-status', role: 'status', 'data-testid': 'story-status' });
    this.file = h('input', {
      type: 'file',
      accept: `${FILE_SUFFIX},.json,application/json`,
      hidden: true,
      'data-testid': 'story-file',
      onchange: () => void this.openFile(),
    });
    const action = (label: string, run: () => void, testid: string, primary = false) =>
      h(
        'button',
        {
          type: 'button',
          class: primary ? 'button small' : 'button secondary small',
          onclick: run,
          'data-testid': testid,
        },
        label,
      );
    this.dialog = h(
      'dialog',
      {
        class: 'story-panel',
        id: 'storyboard-panel',
        'aria-labelledby': 'storyboard-title',
        'data-testid': 'storyboard-panel',
        onkeydown: (e: KeyboardEvent) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            this.close();
          }
        },
      },
      h(
        'div',
        { class: 'dialog-head' },
        h('h2', { id: 'storyboard-title' }, 'Storyboard'),
        h(
          'button',
          {
            type: 'button',
            class: 'icon-button',
            'aria-label': 'Close the storyboard',
            onclick: () => this.close(),
          },
          icon(ICONS.close, 18),
        ),
      ),
      h(
        'p',
        { class: 'hint' },
        'Save views as scenes, in the order you will show them. The room sees each scene room-safe; your notes stay here.',
      ),
      h(
        'div',
        { class: 'story-actions' },
        action('Add this view', () => this.addCurrent(), 'story-add', true),
        action('Present', () => this.present(), 'story-present', true),
        action('Print handout', () => this.print(), 'story-print'),
        action('Save file', () => this.save(), 'story-save'),
        action('Open file', () => this.file.click(), 'story-open'),
        action('Copy link', () => void this.copyLink(), 'story-link'),
        this.file,
      ),
      this.status,
      this.list,
    );
    document.body.append(this.dialog);
    this.presenter = new StoryPresenter({
      root: host.root,
      state: () => host.state(),
      apply: (state) => host.apply(state),
      caption: (state) => host.caption(state),
      toast: (m) => host.toast(m),
      left: () => this.open(),
    });
    host.root.prepend(this.presenter.strip);
    this.render();
    this.readLink();
  }

  open(): void {
    if (!this.dialog.open) this.dialog.show();
    this.button.setAttribute('aria-expanded', 'true');
    this.dialog.querySelector<HTMLElement>('[data-testid=story-add]')?.focus();
  }

  close(): void {
    this.dialog.close();
    this.button.setAttribute('aria-expanded', 'false');
    this.button.focus();
  }

  // ---------- changes ----------

  private change(story: Storyboard, focus?: { id: string; testid: string }): void {
    this.story = story;
    this.render();
    if (!focus) return;
    const row = this.list.querySelector<HTMLElement>(`[data-scene="${focus.id}"]`);
    const wanted = row?.querySelector<HTMLButtonElement>(`[data-testid=${focus.testid}]`);
    // At either end the moving button is disabled: the scene's title keeps the focus in the row.
    (wanted && !wanted.disabled ? wanted : row?.querySelector<HTMLElement>('input'))?.focus();
  }

  private addCurrent(): void {
    const state = { ...this.host.state(), presenting: false };
    const title = this.host.caption(state).view;
    this.change(addScene(this.story, { title, state: stateToQuery(state) }));
    this.say(`Added scene ${this.story.scenes.length}: ${title}.`);
  }

  private present(from = 0): void {
    if (this.story.scenes.length === 0) {
      this.say('Add a view first: the storyboard has no scenes.');
      return;
    }
    this.dialog.close();
    this.button.setAttribute('aria-expanded', 'false');
    this.presenter.start(this.story.scenes, from);
  }

  private print(): void {
    if (this.story.scenes.length === 0) {
      this.say('Add a view first: the storyboard has no scenes.');
      return;
    }
    printHandout(this.story.scenes, (state) => this.host.caption(state));
  }

  // ---------- files and links ----------

  private save(): void {
    download(
      `storyboard${FILE_SUFFIX}`,
      new Blob([serialiseStory(this.story)], { type: 'application/json' }),
    );
    this.say(`Saved ${this.story.scenes.length} scenes as storyboard${FILE_SUFFIX}.`);
  }

  private async openFile(): Promise<void> {
    const file = this.file.files?.[0];
    this.file.value = '';
    if (!file) return;
    const parsed = parseStory(await file.text());
    if (!parsed.ok) {
      this.say(`${file.name} was not opened. ${parsed.error.message}`);
      return;
    }
    this.change(parsed.value);
    this.say(`Opened ${file.name}: ${parsed.value.scenes.length} scenes.`);
  }

  private async copyLink(): Promise<void> {
    const encoded = encodeStoryParam(this.story);
    if (!encoded.ok) {
      this.say(encoded.error.message);
      this.dialog.querySelector<HTMLElement>('[data-testid=story-save]')?.focus();
      return;
    }
    const link = `${location.origin}${location.pathname}?${STORY_PARAM}=${encoded.value}`;
    const ok = await copyText(link);
    this.say(ok ? 'Link to this storyboard copied.' : `Copy this link: ${link}`);
  }

  /** A link made by Copy link opens with its storyboard in the panel. */
  private readLink(): void {
    const param = new URLSearchParams(location.search).get(STORY_PARAM);
    if (param === null) return;
    const parsed = decodeStoryParam(param);
    if (parsed.ok) {
      this.change(parsed.value);
      this.say(`Opened the storyboard in the link: ${parsed.value.scenes.length} scenes.`);
    } else this.say(`The storyboard in the link was not opened. ${parsed.error.message}`);
    this.open();
  }

  private say(message: string): void {
    this.status.textContent = message;
  }

  // ---------- the list ----------

  private render(): void {
    const scenes = this.story.scenes;
    if (scenes.length === 0) {
      replaceChildren(
        this.list,
        h('li', { class: 'story-empty' }, 'No scenes yet: set up a view, then “Add this view”.'),
      );
      return;
    }
    replaceChildren(
      this.list,
      scenes.map((scene, i) => this.row(scene, i, scenes.length)),
    );
  }

  private row(scene: Scene, index: number, total: number): HTMLElement {
    const view = this.host.caption(roomState(scene)).view;
    return sceneRow(scene, { index, total }, view, {
      rename: (title) => {
        this.story = renameScene(this.story, scene.id, title);
      },
      setNotes: (notes) => {
        this.story = setNotes(this.story, scene.id, notes);
      },
      // Outside a presentation the view keeps the room-safe switch as it is.
      show: () => this.host.apply({ ...roomState(scene), roomSafe: this.host.state().roomSafe }),
      presentFrom: () => this.present(index),
      move: (direction) =>
        this.change(moveScene(this.story, scene.id, direction), {
          id: scene.id,
          testid: direction < 0 ? 'story-up' : 'story-down',
        }),
      remove: () => {
        this.change(deleteScene(this.story, scene.id));
        this.say(`Deleted scene ${index + 1}.`);
        // The focus goes to the scene now in its place, or to "Add this view" when none is left.
        const next = this.list.querySelectorAll<HTMLElement>('[data-testid=story-scene-title]')[
          Math.min(index, this.story.scenes.length - 1)
        ];
        (next ?? this.dialog.querySelector<HTMLElement>('[data-testid=story-add]'))?.focus();
      },
    });
  }
}
