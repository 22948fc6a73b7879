/** The Present and Settings menus: switches bound to the view state. */
import type { Store } from '../state/store.ts';
import type { ViewState } from '../state/view-state.ts';
import { h, ICONS } from './dom.ts';
import { disclosure } from './menu.ts';

export function presentMenu(store: Store<ViewState>): HTMLElement {
  const safe = h('input', {
    type: 'checkbox',
    id: 'room-safe',
    'data-testid': 'room-safe',
    onchange: () => store.update({ roomSafe: safe.checked }),
  });
  const min = h('input', {
    type: 'number',
    id: 'safe-min',
    min: 1,
    max: 99,
    class: 'small-number',
    onchange: () => store.update({ safeMinShared: Math.max(1, Number(min.value) || 1) }),
  });
  const sync = (s: ViewState) => {
    safe.checked = s.roomSafe;
    min.value = String(s.safeMinShared);
  };
  store.subscribe(sync);
  sync(store.get());
  return disclosure(
    'Present',
    ICONS.present,
    'present-menu',
    [
      h(
        'button',
        {
          type: 'button',
          class: 'button full',
          'data-testid': 'present',
          'data-closes-menu': '',
          onclick: () => store.update({ presenting: true }),
        },
        'Start presentation',
      ),
      h(
        'div',
        { class: 'switch-row' },
        safe,
        h(
          'label',
          { for: 'room-safe' },
          h('strong', {}, 'Room-safe'),
          h(
            'span',
            { class: 'hint' },
            'Hide child pseudonyms, and links shared by fewer than the number below.',
          ),
        ),
      ),
      h(
        'div',
        { class: 'field inline' },
        h('label', { for: 'safe-min' }, 'Fewest shared reviews for a link'),
        min,
      ),
      h(
        'p',
        { class: 'hint' },
        'In presentation: ← → step through themes, + − zoom, 0 whole map, Esc leaves.',
      ),
    ],
    { testid: 'present-menu' },
  ).root;
}

export function settingsMenu(store: Store<ViewState>): HTMLElement {
  const webgl = h('input', {
    type: 'checkbox',
    id: 'webgl',
    onchange: () => store.update({ webgl: webgl.checked }),
  });
  const sync = (s: ViewState) => {
    webgl.checked = s.webgl;
  };
  store.subscribe(sync);
  sync(store.get());
  return disclosure(
    'Settings',
    ICONS.settings,
    'settings-menu',
    [
      h(
        'div',
        { class: 'switch-row' },
        webgl,
        h(
          'label',
          { for: 'webgl' },
          h('strong', {}, 'WebGL renderer'),
          h('span', { class: 'hint' }, 'Experimental; faster on very large maps.'),
        ),
      ),
      h('p', { class: 'hint' }, 'Press / to search from anywhere.'),
    ],
    { testid: 'settings-menu' },
  ).root;
}
