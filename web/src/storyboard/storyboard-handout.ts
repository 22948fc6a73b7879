/**
 * The handout: one printed page per scene with its title, the presenter's notes and what the view shows
 * (caption and legend, room-safe stated), laid out by the print stylesheet for Chromium's "Save as PDF".
 */
import { h } from '../shell/dom.ts';
import type { ViewState } from '../state/view-state.ts';
import type { SceneCaption } from './scene-caption.ts';
import type { Scene } from './storyboard-model.ts';
import { roomState } from './storyboard-presenter.ts';

const PRINTING = 'printing-story';

export function handoutSheet(
  scenes: readonly Scene[],
  caption: (state: ViewState) => SceneCaption,
): HTMLElement {
  return h(
    'div',
    { class: 'story-handout', 'data-testid': 'story-handout' },
    scenes.map((scene, i) => {
      const words = caption(roomState(scene));
      return h(
        'section',
        { class: 'story-page' },
        h('p', { class: 'story-page-count' }, `Scene ${i + 1} of ${scenes.length} · ${words.view}`),
        h('h1', {}, scene.title),
        h('h2', {}, 'Speaker notes'),
        scene.notes
          ? h('p', { class: 'story-page-notes' }, scene.notes)
          : h('p', {}, h('em', {}, 'No notes.')),
        h('h2', {}, 'What the view shows'),
        h('p', { class: 'story-page-caption' }, words.caption),
        h('p', { class: 'story-page-legend' }, words.legend),
      );
    }),
  );
}

/** Opens the browser's print dialog on the handout; the page returns to the explorer once it closes. */
export function printHandout(scenes: readonly Scene[], caption: (state: ViewState) => SceneCaption): void {
  document.querySelector('.story-handout')?.remove();
  const sheet = handoutSheet(scenes, caption);
  document.body.append(sheet);
  document.body.classList.add(PRINTING);
  window.addEventListener(
    'afterprint',
    () => {
      sheet.remove();
      document.body.classList.remove(PRINTING);
    },
    { once: true },
  );
  window.print();
}
