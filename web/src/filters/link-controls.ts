/**
 * "Links on the map": how much of the network to draw, from the strongest links only to every pair of
 * themes that shares a review, and the least shared reviews for a link (any number, the slider reaching
 * the strongest link on the map).
 */
import { h } from '../shell/dom.ts';
import { LEVEL_ORDER, LEVELS, linkThresholds } from '../state/thresholds.ts';
import type { LinkLevel, ViewState } from '../state/view-state.ts';

export type LinkSettings = Pick<ViewState, 'linkLevel' | 'minShared' | 'roomSafe' | 'safeMinShared'>;

export interface LinkControlEvents {
  level(level: LinkLevel): void;
  minShared(value: number): void;
}

export class LinkControls {
  readonly root: HTMLElement;
  private readonly level: HTMLInputElement;
  private readonly levelName: HTMLOutputElement;
  private readonly levelHint: HTMLElement;
  private readonly slider: HTMLInputElement;
  private readonly number: HTMLInputElement;
  private strongest = 10;

  constructor(private readonly events: LinkControlEvents) {
    this.level = h('input', {
      type: 'range',
      id: 'link-level',
      min: 0,
      max: LEVEL_ORDER.length - 1,
      step: 1,
      'data-testid': 'link-level',
      'aria-describedby': 'link-level-hint',
      list: 'link-level-stops',
      oninput: () => this.showLevel(this.levelAt()),
      onchange: () => this.events.level(this.levelAt()),
    });
    this.levelName = h('output', { for: 'link-level', class: 'range-value' });
    this.levelHint = h('p', { id: 'link-level-hint', class: 'hint' });
    this.slider = h('input', {
      type: 'range',
      id: 'min-shared',
      min: 1,
      step: 1,
      'data-testid': 'min-shared',
      'aria-label': 'Minimum shared reviews (slider)',
      oninput: () => {
        this.number.value = this.slider.value;
      },
      onchange: () => this.events.minShared(Number(this.slider.value)),
    });
    this.number = h('input', {
      type: 'number',
      id: 'min-shared-value',
      min: 1,
      step: 1,
      class: 'small-number',
      'data-testid': 'min-shared-value',
      onchange: () => {
        const value = Math.max(1, Math.round(Number(this.number.value) || 1));
        this.events.minShared(value);
      },
    });
    this.root = h(
      'fieldset',
      { class: 'facet links' },
      h('legend', {}, 'Links on the map'),
      h('label', { for: 'link-level', class: 'range-label' }, 'Show', this.levelName),
      this.level,
      h(
        'div',
        { class: 'range-ends', 'aria-hidden': 'true' },
        h('span', {}, 'Strongest only'),
        h('span', {}, 'All'),
      ),
      this.levelHint,
      h(
        'div',
        { class: 'field inline' },
        h('label', { for: 'min-shared-value' }, 'Minimum shared reviews'),
        this.number,
      ),
      this.slider,
    );
  }

  private levelAt(): LinkLevel {
    return LEVEL_ORDER[Number(this.level.value)] ?? 'significant';
  }

  private showLevel(level: LinkLevel): void {
    this.levelName.value = LEVELS[level].label;
    this.levelHint.textContent = `${LEVELS[level].means}.`;
  }

  /** `strongest`: the most reviews any link on the map shares, so the slider reaches every link. */
  update(settings: LinkSettings, strongest: number | null): void {
    if (strongest !== null) this.strongest = Math.max(10, strongest);
    const t = linkThresholds(settings);
    this.level.value = String(LEVEL_ORDER.indexOf(settings.linkLevel));
    this.showLevel(settings.linkLevel);
    this.slider.max = String(Math.max(this.strongest, t.minShared));
    this.slider.value = String(t.minShared);
    this.number.value = String(t.minShared);
    const floor = settings.roomSafe ? settings.safeMinShared : 1;
    this.number.min = String(floor);
    this.slider.min = String(floor);
  }
}
