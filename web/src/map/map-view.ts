/**
 * Draws the theme map from the loaded network and the view state: the model, the theme list, the map, its
 * legend (communities), the note on links left out, the summary line and the filter chips, and the caption
 * used by exports and presenting.
 */
import type { NodeList } from '../a11y/node-list.ts';
import { describeFilters, hasActiveFilters } from '../filters/filter-model.ts';
import type { MapData } from '../loading/map-data.ts';
import { h, replaceChildren } from '../shell/dom.ts';
import type { StageState } from '../shell/status.ts';
import { filterChips, summaryLine } from '../shell/summary.ts';
import { countFloor, describeThresholds, LEVELS, roomSafeNote } from '../state/thresholds.ts';
import type { Filters, ViewState } from '../state/view-state.ts';
import { Legend } from './legend.ts';
import type { LegendModel } from './legend-model.ts';
import { MapControls } from './map-controls.ts';
import {
  buildMapModel,
  EMPTY_MODEL,
  type MapModel,
  MEASURE_LABELS,
  NO_COMMUNITY_COLOUR,
} from './map-model.ts';
import { omittedNote } from './omitted.ts';
import { regionColours } from './palette.ts';
import type { ThemeMap } from './theme-map.ts';

export interface MapViewHost {
  state(): ViewState;
  data: Pick<MapData, 'boot' | 'network' | 'labels' | 'geography' | 'thresholds'>;
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
  /** The map's own settings changed (size measure, bridging themes). */
  update(patch: Partial<ViewState>): void;
  selectTheme(id: string): void;
}

export class MapView {
  model: MapModel = EMPTY_MODEL;
  /** How many times the map has been drawn. */
  drawn = 0;
  readonly legend = new Legend('map-legend');
  /** Says on the map how many links are shown, how many were left out and why. */
  readonly note: HTMLElement = h('p', {
    class: 'map-note',
    'data-testid': 'omitted-links',
    'aria-live': 'polite',
  });

  readonly controls: MapControls;

  constructor(private readonly host: MapViewHost) {
    this.controls = new MapControls({
      sizeBy: (sizeBy) => host.update({ sizeBy }),
      bridges: (bridges) => host.update({ bridges }),
      theme: (id) => host.selectTheme(id),
    });
    // Said in the legend band, which stays clear of the map's labels.
    this.legend.root.append(this.note, this.controls.list);
    host.map.overlays = () => [
      this.legend.root,
      ...(this.legend.root.closest('.stage')?.querySelectorAll('.stage-toolbar > *') ?? []),
    ];
  }

  redraw(): void {
    const { data, map, nodeList } = this.host;
    const network = data.network;
    if (!network) return;
    const state = this.host.state();
    const t0 = performance.now();
    const regions = data.geography.regions;
    const colours = regionColours(
      new Set(regions.of.values()),
      state.presenting ? 'presentation' : 'desk',
      NO_COMMUNITY_COLOUR,
    );
    this.model = buildMapModel(network, {
      weighting: state.weighting,
      sizeBy: state.sizeBy,
      regions: { ...regions, colours },
      floor: countFloor(state),
      labelScale: state.presenting ? 1.3 : 1,
    });
    // The list first: it sets the height left for the map, so the map is fitted once, to its final frame.
    const t1 = performance.now();
    nodeList.render(this.model, state.selection?.kind === 'theme' ? state.selection.id : null);
    this.host.nodesChanged();
    // The legend band first: it covers the map's lower edge, so the map is fitted above it at once.
    const legend = this.legendModel(state);
    this.legend.render(legend.title, legend.entries, legend.notes);
    // In the room the regions carry their names and the header the caption; the legend band would sit
    // under the caption card.
    this.legend.root.hidden = state.presenting;
    this.controls.update(state, this.model);
    replaceChildren(
      this.note,
      omittedNote(network, this.model.edges.length, data.thresholds, countFloor(state)),
    );
    const t2 = performance.now();
    map.render(this.model, data.geography.all);
    map.highlight(state.selection);
    map.setBridges(state.bridges);
    performance.measure('threadline:model', { start: t0, end: t1 });
    performance.measure('threadline:list', { start: t1, end: t2 });
    performance.measure('threadline:draw', { start: t2, end: performance.now() });
    this.renderSummary(state);
    this.renderChips(state);
    this.host.nodesChanged();
    this.host.presentationHeader(this.caption());
    this.host.presentationStep();
    if (network.nodes.length === 0) {
      this.host.stage({
        kind: 'empty',
        clear: () => this.host.clearFilters(),
        filtered: hasActiveFilters(state.filters) || state.minShared !== null,
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

  /** Communities as drawn (colour and name), what sizes circles and what widens lines. */
  private legendModel(state: ViewState): LegendModel {
    const notes = [
      `Circle size: ${MEASURE_LABELS[state.sizeBy]}`,
      state.weighting === 'lift' ? 'Line width: lift over chance' : 'Line width: reviews sharing both',
      'Regions: communities of themes that recur together (Louvain, whole collection)',
    ];
    if (state.bridges) notes.push('Double ring: bridging theme (links communities)');
    return {
      title: 'Communities',
      entries: this.model.regions.map((r) => ({ label: r.name, fill: r.colour, shape: 'ellipse' })),
      notes,
    };
  }

  /** The theme map's legend, for exports. */
  exportLegend(state: ViewState): LegendModel {
    return this.legendModel(state);
  }

  /** One line naming what is on show (filters, thresholds, counts, room-safe), for captions and exports. */
  caption(): string {
    const state = this.host.state();
    const base = describeFilters(state.filters, this.host.data.labels);
    const t = this.host.data.thresholds;
    const n = this.host.data.network;
    const level = LEVELS[state.linkLevel].label;
    const counts = n
      ? ` · ${n.caseCount} reviews, ${this.model.nodes.length} themes, ${this.model.edges.length} links`
      : '';
    const safe = roomSafeNote(state);
    return `${base}${counts} · ${level}: ${describeThresholds(t).toLowerCase()}${safe ? ` · ${safe}` : ''}`;
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
