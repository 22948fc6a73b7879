/**
 * Map controls beside the weighting switch: what sizes the circles, and the bridging-themes switch with
 * the list of those themes (each one opens its panel).
 */
import './map-controls.css';
import { h, replaceChildren } from '../shell/dom.ts';
import type { SizeBy, ViewState } from '../state/view-state.ts';
import type { MapModel } from './map-model.ts';

export interface MapControlEvents {
  sizeBy(measure: SizeBy): void;
  bridges(on: boolean): void;
  theme(id: string): void;
}

const MEASURES: ReadonlyArray<[SizeBy, string]> = [
  ['reviews', 'Reviews'],
  ['weightedDegree', 'Weighted degree'],
  ['betweenness', 'Betweenness'],
  ['pageRank', 'PageRank'],
];

export class MapControls {
  readonly root: HTMLElement;
  /** The bridging themes, listed when the switch is on. */
  readonly list: HTMLElement;
  private readonly select: HTMLSelectElement;
  private readonly toggle: HTMLButtonElement;

  constructor(private readonly events: MapControlEvents) {
    this.select = h(
      'select',
      {
        id: 'size-by',
        'data-testid': 'size-by',
        onchange: () => this.events.sizeBy(this.select.value as SizeBy),
      },
      MEASURES.map(([value, label]) => h('option', { value }, label)),
    );
    this.toggle = h(
      'button',
      {
        type: 'button',
        class: 'button secondary small',
        'aria-pressed': 'false',
        'data-testid': 'bridges',
        title: 'Themes that link communities and lie between many others (high betweenness)',
        onclick: () => this.events.bridges(this.toggle.getAttribute('aria-pressed') !== 'true'),
      },
      'Bridging themes',
    );
    this.list = h('p', { class: 'map-note bridges-list', 'data-testid': 'bridges-list', hidden: true });
    this.root = h(
      'div',
      { class: 'map-controls' },
      h('label', { for: 'size-by' }, 'Size by'),
      this.select,
      this.toggle,
    );
  }

  update(state: Pick<ViewState, 'sizeBy' | 'bridges'>, model: MapModel): void {
    this.select.value = state.sizeBy;
    this.toggle.setAttribute('aria-pressed', String(state.bridges));
    const bridges = model.nodes
      .filter((n) => n.bridge)
      .sort((a, b) => b.betweenness - a.betweenness || a.label.localeCompare(b.label));
    this.list.hidden = !state.bridges;
    if (!state.bridges) return;
    replaceChildren(
      this.list,
      bridges.length === 0
        ? 'No theme links two communities here.'
        : [
            h('strong', {}, 'Bridging themes: '),
            bridges.map((n, i) => [
              i > 0 ? ', ' : null,
              h(
                'button',
                { type: 'button', class: 'button-link', onclick: () => this.events.theme(n.id) },
                n.label,
              ),
            ]),
          ],
    );
  }
}
