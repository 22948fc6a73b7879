/**
 * Draws the theme map from the loaded network and the view state: the model, the theme list, the map, its
 * legend, the summary line and the filter chips, and the one-line caption used by exports and presenting.
 */
import type { NodeList } from '../a11y/node-list.ts';
import { describeFilters, hasActiveFilters } from '../filters/filter-model.ts';
import type { MapData } from '../loading/map-data.ts';
import { replaceChildren } from '../shell/dom.ts';
import type { StageState } from '../shell/status.ts';
import { filterChips, summaryLine } from '../shell/summary.ts';
import type { Filters, ViewState } from '../state/view-state.ts';
import { Legend } from './legend.ts';
import { type LegendModel, themeLegend } from './legend-model.ts';
import { buildMapModel, type MapModel } from './map-model.ts';
import { groupColours } from './palette.ts';
import type { ThemeMap } from './theme-map.ts';

export interface MapViewHost {
  state(): ViewState;
  data: Pick<MapData, 'boot' | 'network' | 'labels' | 'geography' | 'baseWeights'>;
  map: ThemeMap;
  nodeList: NodeList;
  summary: HTMLElement;
  chips: HTMLElement;
  /** A filter chip was removed. */
  filter(patch: Partial<Filters>): void;
  /** The number of themes changed: the drawer's count follows. */
  nodesChanged(): void;
  presentationHeader(caption: string): void;
  presentationStep(): void;
  stage(state: StageState): void;
  clearFilters(): void;
}

export class MapView {
  model: MapModel = { nodes: [], edges: [] };
  /** How many times the map has been drawn. */
  drawn = 0;
  readonly legend = new Legend('map-legend');

  constructor(private readonly host: MapViewHost) {}

  redraw(): void {
    const { data, map, nodeList } = this.host;
    const network = data.network;
    if (!network) return;
    const state = this.host.state();
    const groups = [...(data.boot?.themes.values() ?? [])].map((t) => t.group);
    const colours = groupColours(
      [...groups, ...network.nodes.map((n) => n.group)],
      state.presenting ? 'presentation' : 'desk',
    );
    const t0 = performance.now();
    const positions = data.geography.place(network);
    this.model = buildMapModel(network, {
      weighting: state.weighting,
      colours,
      hideLinksBelow: state.roomSafe ? Math.max(state.safeMinShared, state.minShared) : state.minShared,
      labelScale: state.presenting ? 1.6 : 1,
      labelWeights: data.baseWeights,
    });
    // The list first: it sets the height left for the map, so the map is fitted once, to its final frame.
    const t1 = performance.now();
    nodeList.render(this.model, state.selection?.kind === 'theme' ? state.selection.id : null);
    this.host.nodesChanged();
    const t2 = performance.now();
    map.render(this.model, positions);
    map.highlight(state.selection);
    performance.measure('threadline:model', { start: t0, end: t1 });
    performance.measure('threadline:list', { start: t1, end: t2 });
    performance.measure('threadline:draw', { start: t2, end: performance.now() });
    const legend = themeLegend(colours, new Set(this.model.nodes.map((n) => n.group)), state.weighting);
    this.legend.render(legend.title, legend.entries, legend.notes);
    this.renderSummary(state);
    this.renderChips(state);
    this.host.nodesChanged();
    this.host.presentationHeader(this.caption());
    this.host.presentationStep();
    if (network.nodes.length === 0) {
      this.host.stage({
        kind: 'empty',
        clear: () => this.host.clearFilters(),
        filtered: hasActiveFilters(state.filters) || state.minShared > 1,
      });
    } else this.host.stage({ kind: 'ready' });
    this.drawn++;
    document.body.dataset.mapVersion = String(this.drawn);
    if (this.drawn === 1) {
      // Cytoscape paints on its next animation frame; the frame after that has the map on screen.
      requestAnimationFrame(() => requestAnimationFrame(() => performance.mark('threadline:first-draw')));
      if (state.selection?.kind === 'theme') map.focus(state.selection.id, false);
    }
  }

  /** The theme map's legend, for exports. */
  exportLegend(state: ViewState): LegendModel {
    const colours = groupColours(
      [...(this.host.data.boot?.themes.values() ?? [])].map((t) => t.group),
      state.presenting ? 'presentation' : 'desk',
    );
    return themeLegend(colours, new Set(this.model.nodes.map((n) => n.group)), state.weighting);
  }

  /** One line naming what is on show, for the summary, captions and exports. */
  caption(): string {
    const state = this.host.state();
    const base = describeFilters(state.filters, this.host.data.labels, state.minShared);
    const hidden = state.roomSafe ? ` · links under ${state.safeMinShared} reviews hidden` : '';
    const n = this.host.data.network;
    const counts = n
      ? ` · ${n.caseCount} reviews, ${this.model.nodes.length} themes, ${this.model.edges.length} links`
      : '';
    return `${base}${counts}${hidden}`;
  }

  renderSummary(state: ViewState): void {
    const n = this.host.data.network;
    const stats = this.host.data.boot?.stats;
    if (!n || !stats) return;
    const shown = { reviews: n.caseCount, themes: this.model.nodes.length, links: this.model.edges.length };
    replaceChildren(this.host.summary, summaryLine(state.filters, stats, shown));
  }

  renderChips(state: ViewState): void {
    replaceChildren(
      this.host.chips,
      filterChips(state.filters, this.host.data.labels, (patch) => this.host.filter(patch)),
    );
  }
}
