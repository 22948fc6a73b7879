/** The stage toolbars: link weighting and zoom above the map, and the case graph's own buttons. */
import type { ViewState } from '../state/view-state.ts';
import { h, ICONS, icon } from './dom.ts';

export interface ToolbarActions {
  weighting(value: ViewState['weighting']): void;
  zoom(factor: number): void;
  fit(): void;
}

export interface Toolbar {
  controls: HTMLElement[];
  /** The link-weight segments, each with `data-weighting`, for showing which is pressed. */
  weightingButtons: HTMLButtonElement[];
}

export function toolbar(actions: ToolbarActions): Toolbar {
  const weightingButtons: HTMLButtonElement[] = [];
  const weighting = (value: 'shared' | 'lift', label: string, title: string) => {
    const b = h(
      'button',
      {
        type: 'button',
        class: 'segment',
        'aria-pressed': 'false',
        title,
        'data-weighting': value,
        onclick: () => actions.weighting(value),
      },
      label,
    );
    weightingButtons.push(b);
    return b;
  };
  const zoom = (label: string, path: string, action: () => void) =>
    h(
      'button',
      { type: 'button', class: 'icon-button', 'aria-label': label, title: label, onclick: action },
      icon(path, 18),
    );
  const controls = [
    h(
      'div',
      { class: 'segmented', role: 'group', 'aria-label': 'Link weight' },
      h('span', { class: 'segmented-label' }, 'Link weight'),
      weighting('shared', 'Shared reviews', 'Line width shows how many reviews carry both themes'),
      weighting(
        'lift',
        'Lift',
        'Line width shows how much more often than chance the two themes occur together',
      ),
    ),
    h('span', { class: 'toolbar-spacer' }),
    zoom('Zoom out', ICONS.minus, () => actions.zoom(0.8)),
    zoom('Zoom in', ICONS.plus, () => actions.zoom(1.25)),
    zoom('Show everything', ICONS.fit, () => actions.fit()),
  ];
  return { controls, weightingButtons };
}

export function graphToolbar(actions: { backToMap(): void; clear(): void }): HTMLElement[] {
  return [
    h(
      'button',
      { type: 'button', class: 'button secondary small', onclick: () => actions.backToMap() },
      icon(ICONS.back, 16),
      'Back to the map',
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'button secondary small',
        onclick: () => actions.clear(),
        'data-testid': 'graph-clear',
      },
      'Clear graph',
    ),
  ];
}

/** Shown only when the server can take new documents. */
export function uploadButton(open: () => void): HTMLButtonElement {
  return h(
    'button',
    {
      type: 'button',
      class: 'toolbar-button',
      hidden: true,
      'data-testid': 'add-documents',
      onclick: () => open(),
    },
    icon(ICONS.upload, 18),
    h('span', { class: 'label' }, 'Add documents'),
  );
}
