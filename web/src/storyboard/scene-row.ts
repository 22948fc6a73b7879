/** One scene in the Storyboard panel: its title and notes edited in place, and its own buttons. */
import { h } from '../shell/dom.ts';
import type { Scene } from './storyboard-model.ts';

export interface SceneRowActions {
  rename(title: string): void;
  setNotes(notes: string): void;
  show(): void;
  presentFrom(): void;
  move(direction: 1 | -1): void;
  remove(): void;
}

/** `view` says what the scene shows ("Trends"); buttons are named with the scene's number for screen readers. */
export function sceneRow(
  scene: Scene,
  at: { index: number; total: number },
  view: string,
  actions: SceneRowActions,
): HTMLLIElement {
  const n = at.index + 1;
  const title = h('input', {
    type: 'text',
    class: 'story-scene-title',
    value: scene.title,
    'aria-label': `Title of scene ${n}`,
    'data-testid': 'story-scene-title',
    oninput: () => actions.rename(title.value),
  });
  const notes = h('textarea', {
    class: 'story-scene-notes',
    rows: 2,
    'aria-label': `Speaker notes for scene ${n}`,
    placeholder: 'Speaker notes (not shown to the room)',
    'data-testid': 'story-scene-notes',
    oninput: () => actions.setNotes(notes.value),
  });
  notes.value = scene.notes;
  const button = (label: string, name: string, testid: string, run: () => void, disabled = false) =>
    h(
      'button',
      {
        type: 'button',
        class: 'button secondary small',
        'aria-label': name,
        'data-testid': testid,
        disabled,
        onclick: run,
      },
      label,
    );
  return h(
    'li',
    { class: 'story-scene', 'data-scene': scene.id, 'data-testid': 'story-scene' },
    h('p', { class: 'story-scene-view' }, `${n}. ${view}`),
    title,
    notes,
    h(
      'div',
      { class: 'story-scene-buttons' },
      button('Show', `Show scene ${n}`, 'story-show', actions.show),
      button('Present from here', `Present from scene ${n}`, 'story-present-from', actions.presentFrom),
      button('Up', `Move scene ${n} up`, 'story-up', () => actions.move(-1), at.index === 0),
      button('Down', `Move scene ${n} down`, 'story-down', () => actions.move(1), at.index === at.total - 1),
      button('Delete', `Delete scene ${n}`, 'story-delete', actions.remove),
    ),
  );
}
