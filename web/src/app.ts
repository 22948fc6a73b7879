/**
 * The explorer: wires state (mirrored in the URL), data loading, the theme map, the case graph, the
 * panels and the menus. Components render; this file decides when.
 */
import { NodeList } from './a11y/node-list.ts';
import type { Api, ApiError } from './api/client.ts';
import {
  BOOTSTRAP,
  CASE_DETAIL,
  CASES,
  type CaseName,
  FACETS,
  type FacetSlices,
  THEME_DETAIL,
  THEME_NETWORK,
} from './api/queries.ts';
import { sessionTokens } from './api/tokens.ts';
import type {
  Capabilities,
  GraphNode,
  SearchHit,
  SourceSummary,
  Stats,
  ThemeNetwork,
  ThemeSummary,
} from './api/types.ts';
import { GraphController } from './case-graph/graph-controller.ts';
import { graphNodeList } from './case-graph/graph-list.ts';
import { graphActions, graphNodePanel } from './case-graph/graph-panel.ts';
import { KINDS } from './case-graph/kinds.ts';
import { ExportActions } from './export/export-actions.ts';
import {
  describeFilters,
  type FilterLabels,
  facetVariables,
  hasActiveFilters,
  toCaseFilter,
} from './filters/filter-model.ts';
import { FilterPanel } from './filters/filter-panel.ts';
import { SearchBox } from './filters/search-box.ts';
import { Geography } from './map/geography.ts';
import { Legend } from './map/legend.ts';
import { kindLegend, type LegendModel, themeLegend } from './map/legend-model.ts';
import { buildMapModel, linkId, type MapModel, stepOrder } from './map/map-model.ts';
import { groupColours } from './map/palette.ts';
import { ThemeMap } from './map/theme-map.ts';
import type { PanelContext } from './panels/evidence.ts';
import { linkPanel } from './panels/link-panel.ts';
import { rarerFirst, reviewsSharing } from './panels/link-reviews.ts';
import { PanelHost } from './panels/panel-host.ts';
import { reviewPanel } from './panels/review-panel.ts';
import { type ThemePanelData, themePanel } from './panels/theme-panel.ts';
import { Presentation } from './presentation/presentation.ts';
import { reviewCaption } from './presentation/pseudonyms.ts';
import { type StepQuote, stepCaption, stepQuote } from './presentation/steps.ts';
import { ShareActions } from './share/share-actions.ts';
import { queryToState, stateToQuery } from './share/url-state.ts';
import { h, ICONS, icon, replaceChildren } from './shell/dom.ts';
import { type Skeleton, skeleton } from './shell/layout.ts';
import { presentMenu, settingsMenu } from './shell/menus.ts';
import { StageStatus } from './shell/status.ts';
import { filterChips, summaryLine } from './shell/summary.ts';
import { Toasts } from './shell/toast.ts';
import { TokenPrompt } from './shell/token-prompt.ts';
import { Store } from './state/store.ts';
import { EMPTY_FILTERS, type Selection, sameSelection, type ViewState } from './state/view-state.ts';
import { UploadDialog } from './upload/upload-dialog.ts';

interface Boot {
  stats: Stats;
  capabilities: Capabilities;
  themes: Map<string, ThemeSummary>;
  sources: Map<string, SourceSummary>;
}

const PAGE = 20;

export class App {
  readonly store: Store<ViewState>;
  private readonly ui: Skeleton;
  private boot: Boot | null = null;
  private labels: FilterLabels = { harmTypes: new Map(), agencies: new Map(), sources: new Map() };
  private readonly geography = new Geography();
  private network: ThemeNetwork | null = null;
  private model: MapModel = { nodes: [], edges: [] };
  private facets: FacetSlices | null = null;
  private baseWeights = new Map<string, number>();
  private readonly seq = { network: 0, facets: 0, panel: 0 };
  private history: Array<{ selection: Selection; label: string }> = [];
  private readonly caseMeta = new Map<string, CaseName>();
  private drawn = 0;

  private readonly map: ThemeMap;
  private readonly graph: GraphController;
  private readonly filters: FilterPanel;
  private readonly search: SearchBox;
  private readonly panel: PanelHost;
  private readonly nodeList: NodeList;
  private readonly status = new StageStatus();
  private readonly legend = new Legend('map-legend');
  private readonly graphLegend = new Legend('graph-legend');
  private readonly presentation: Presentation;
  private readonly toasts = new Toasts();
  private readonly tokenPrompt = new TokenPrompt();
  private readonly exporter: ExportActions;
  private readonly share: ShareActions;
  private upload: UploadDialog | null = null;
  private readonly uploadButton: HTMLButtonElement;
  private readonly weightingButtons: HTMLButtonElement[];
  private readonly graphList: HTMLElement = h('div', { class: 'graph-list' });
  private stepQuote: StepQuote | null = null;

  constructor(
    private readonly api: Api,
    mount: HTMLElement,
  ) {
    this.store = new Store(queryToState(location.search));
    this.ui = skeleton();
    mount.replaceChildren(this.ui.root);

    this.map = new ThemeMap(
      this.ui.mapCanvas,
      {
        theme: (id) => this.select({ kind: 'theme', id }),
        link: (source, target) => this.select({ kind: 'link', source, target }),
        background: () => this.select(null),
        hover: (text, at) => this.tooltip(text, at),
      },
      this.store.get().webgl,
    );
    this.graph = new GraphController({
      api,
      state: () => this.store.get(),
      update: (patch) => this.store.update(patch),
      maxHops: () => this.boot?.capabilities.maxHops ?? 4,
      caseMeta: this.caseMeta,
      nodeSelected: (node) => this.graphNodeSelected(node),
      background: () => this.select(null),
      changed: () => this.graphChanged(),
      error: (message) => this.toasts.say(message),
    });
    this.filters = new FilterPanel({
      change: (patch) => this.store.update((s) => ({ filters: { ...s.filters, ...patch } })),
      minShared: (value) => this.store.update({ minShared: value }),
      clear: () => this.clearFilters(),
    });
    this.search = new SearchBox(api, {
      pick: (hit) => this.pickSearchHit(hit),
      caption: (hit) => this.hitCaption(hit),
    });
    this.panel = new PanelHost({ close: () => this.select(null), back: () => this.back() });
    this.nodeList = new NodeList((id) => {
      this.select({ kind: 'theme', id });
      this.panel.focus();
    });
    this.presentation = new Presentation(this.ui.root, {
      step: (dir) => this.step(dir),
      zoom: (factor) => this.map.zoomBy(factor),
      overview: () => {
        this.select(null);
        this.map.fit();
      },
      leave: () => this.store.update({ presenting: false }),
    });
    this.exporter = new ExportActions({
      state: () => this.store.get(),
      cy: () => (this.store.get().view === 'graph' && this.graph.graph ? this.graph.graph.cy : this.map.cy),
      model: () => this.model,
      caption: () => this.caption(),
      legend: () => this.exportLegend(),
      toast: (m) => this.toasts.say(m),
    });
    this.share = new ShareActions({ state: () => this.store.get(), toast: (m) => this.toasts.say(m) });
    this.uploadButton = h(
      'button',
      {
        type: 'button',
        class: 'toolbar-button',
        hidden: true,
        'data-testid': 'add-documents',
        onclick: () => this.openUpload(),
      },
      icon(ICONS.upload, 18),
      h('span', { class: 'label' }, 'Add documents'),
    );
    this.weightingButtons = [];
    this.map.reserved = () =>
      this.store.get().presenting ? this.presentation.coveredAreas(this.ui.mapCanvas) : [];
    this.assemble();
  }

  // ---------- building the page ----------

  private assemble(): void {
    const ui = this.ui;
    ui.searchSlot.append(this.search.root);
    ui.sidebar.append(this.filters.root);
    ui.panelSlot.append(this.panel.root);
    this.panel.hide();
    ui.mapRegion.append(this.status.root, this.legend.root);
    ui.graphRegion.append(this.graphLegend.root);
    ui.root.append(this.presentation.overlay, this.toasts.root);
    ui.viewMap.addEventListener('click', () => this.store.update({ view: 'map' }));
    ui.viewGraph.addEventListener('click', () => this.openGraphView());
    ui.drawerToggle.addEventListener('click', () => this.toggleDrawer());
    ui.drawerBody.append(this.nodeList.root, this.graphList);
    ui.actions.append(
      presentMenu(this.store),
      this.exporter.menu(),
      this.share.menu(),
      this.uploadButton,
      settingsMenu(this.store),
    );
    ui.toolbar.append(...this.toolbarControls());
    ui.graphToolbar.append(
      h(
        'button',
        {
          type: 'button',
          class: 'button secondary small',
          onclick: () => this.store.update({ view: 'map' }),
        },
        icon(ICONS.back, 16),
        'Back to the map',
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'button secondary small',
          onclick: () => this.graph.clear(),
          'data-testid': 'graph-clear',
        },
        'Clear graph',
      ),
    );
    ui.mapCanvas.addEventListener('keydown', (e) => this.mapKey(e));
    const resized = new ResizeObserver(() => {
      this.map.resize();
      this.graph.graph?.resize();
    });
    resized.observe(ui.mapRegion);
    resized.observe(ui.graphRegion);
    window.addEventListener('popstate', () => this.store.set(queryToState(location.search)));
    document.addEventListener('keydown', (e) => {
      if (e.key === '/' && !isTyping(e.target)) {
        e.preventDefault();
        this.search.focus();
      }
    });
  }

  private toolbarControls(): HTMLElement[] {
    const weighting = (value: 'shared' | 'lift', label: string, title: string) => {
      const b = h(
        'button',
        {
          type: 'button',
          class: 'segment',
          'aria-pressed': 'false',
          title,
          'data-weighting': value,
          onclick: () => this.store.update({ weighting: value }),
        },
        label,
      );
      this.weightingButtons.push(b);
      return b;
    };
    const zoom = (label: string, path: string, action: () => void) =>
      h(
        'button',
        { type: 'button', class: 'icon-button', 'aria-label': label, title: label, onclick: action },
        icon(path, 18),
      );
    return [
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
      zoom('Zoom out', ICONS.minus, () => this.activeZoom(0.8)),
      zoom('Zoom in', ICONS.plus, () => this.activeZoom(1.25)),
      zoom('Show everything', ICONS.fit, () =>
        this.store.get().view === 'graph' ? this.graph.graph?.fit() : this.map.fit(),
      ),
    ];
  }

  /** For notebooks, debugging and the browser tests: the live Cytoscape instances. */
  readonly debug = {
    mapCy: () => this.map.cy,
    graphCy: () => this.graph.graph?.cy ?? null,
    model: () => this.model,
  };

  // ---------- start and data ----------

  async start(): Promise<void> {
    this.store.subscribe((next, prev) => this.onState(next, prev));
    this.syncChrome(this.store.get());
    if (this.store.get().presenting)
      void this.presentation.enter().then(() => this.map.setPresentation(true));
    await this.bootstrap();
  }

  private async bootstrap(): Promise<void> {
    this.setStage({ kind: 'loading', what: 'the theme map' });
    const result = await this.api.request(BOOTSTRAP, {});
    if (!result.ok) return this.failed(result.error, () => void this.bootstrap());
    const data = result.data;
    this.boot = {
      stats: data.stats,
      capabilities: data.capabilities,
      themes: new Map(data.themes.map((t) => [t.id, t])),
      sources: new Map(data.sources.map((s) => [s.id, s])),
    };
    this.labels = { ...this.labels, sources: new Map(data.sources.map((s) => [s.id, s.title])) };
    this.uploadButton.hidden = !data.capabilities.writable;
    const base = await this.loadBase();
    if (!base) return;
    const state = this.store.get();
    await Promise.all([this.loadNetwork(state, base), this.loadFacets(state)]);
    this.loadPanel();
    if (state.view === 'graph') void this.showGraph();
  }

  /** The unfiltered network fixes the map's geography; filtered views reuse its positions. */
  private async loadBase(): Promise<ThemeNetwork | null> {
    const result = await this.api.request(THEME_NETWORK, { filter: {}, minShared: 1 });
    if (!result.ok) {
      this.failed(result.error, () => void this.bootstrap());
      return null;
    }
    const t0 = performance.now();
    this.geography.place(result.data.themeNetwork);
    this.baseWeights = new Map(result.data.themeNetwork.nodes.map((n) => [n.id, n.weight]));
    performance.measure('threadline:layout', { start: t0, end: performance.now() });
    return result.data.themeNetwork;
  }

  private async loadNetwork(state: ViewState, base?: ThemeNetwork): Promise<void> {
    const seq = ++this.seq.network;
    if (this.drawn === 0) this.setStage({ kind: 'loading', what: 'the theme map' });
    this.ui.stage.setAttribute('aria-busy', 'true');
    let network: ThemeNetwork;
    if (base && !hasActiveFilters(state.filters) && state.minShared === 1) network = base;
    else {
      const result = await this.api.request(THEME_NETWORK, {
        filter: toCaseFilter(state.filters),
        minShared: state.minShared,
      });
      if (seq !== this.seq.network) return;
      if (!result.ok) return this.failed(result.error, () => void this.loadNetwork(this.store.get()));
      network = result.data.themeNetwork;
    }
    this.ui.stage.removeAttribute('aria-busy');
    this.network = network;
    this.redraw();
  }

  private async loadFacets(state: ViewState): Promise<void> {
    const seq = ++this.seq.facets;
    const result = await this.api.request(FACETS, facetVariables(state.filters));
    if (seq !== this.seq.facets) return;
    if (!result.ok) {
      if (result.error.kind === 'unauthorised')
        this.failed(result.error, () => void this.loadFacets(this.store.get()));
      return;
    }
    this.facets = result.data;
    this.labels = {
      harmTypes: new Map(result.data.harmTypes.harmTypes.map((v) => [v.id, v.label])),
      agencies: new Map(result.data.agencies.agencies.map((v) => [v.id, v.label])),
      sources: this.labels.sources,
    };
    const s = this.store.get();
    this.filters.update(s.filters, s.minShared, this.facets);
    this.renderChips(s);
    this.renderSummary(s);
  }

  private failed(error: ApiError, retry: () => void): void {
    if (error.kind === 'aborted') return;
    if (error.kind === 'unauthorised') {
      this.setStage({ kind: 'loading', what: 'the theme map (waiting for the API token)' });
      // A token already stored and still refused was wrong: say so, and forget it.
      const refused = sessionTokens.apiToken() !== null;
      if (refused) sessionTokens.setApiToken(null);
      this.tokenPrompt.ask(retry, refused);
      return;
    }
    this.setStage({ kind: 'error', error, retry });
  }

  private setStage(state: Parameters<StageStatus['set']>[0]): void {
    this.status.set(state);
    document.body.dataset.map = state.kind;
  }

  // ---------- drawing ----------

  private redraw(): void {
    const network = this.network;
    if (!network) return;
    const state = this.store.get();
    const groups = [...(this.boot?.themes.values() ?? [])].map((t) => t.group);
    const colours = groupColours(
      [...groups, ...network.nodes.map((n) => n.group)],
      state.presenting ? 'presentation' : 'desk',
    );
    const t0 = performance.now();
    const positions = this.geography.place(network);
    this.model = buildMapModel(network, {
      weighting: state.weighting,
      colours,
      hideLinksBelow: state.roomSafe ? Math.max(state.safeMinShared, state.minShared) : state.minShared,
      labelScale: state.presenting ? 1.6 : 1,
      labelWeights: this.baseWeights,
    });
    // The list first: it sets the height left for the map, so the map is fitted once, to its final frame.
    const t1 = performance.now();
    this.nodeList.render(this.model, state.selection?.kind === 'theme' ? state.selection.id : null);
    this.renderDrawerToggle();
    const t2 = performance.now();
    this.map.render(this.model, positions);
    this.map.highlight(state.selection);
    performance.measure('threadline:model', { start: t0, end: t1 });
    performance.measure('threadline:list', { start: t1, end: t2 });
    performance.measure('threadline:draw', { start: t2, end: performance.now() });
    const legend = themeLegend(colours, new Set(this.model.nodes.map((n) => n.group)), state.weighting);
    this.legend.render(legend.title, legend.entries, legend.notes);
    this.renderSummary(state);
    this.renderChips(state);
    this.renderDrawerToggle();
    this.presentation.setHeader('Threadline · theme map', this.caption());
    this.presentationStep();
    if (network.nodes.length === 0) {
      this.setStage({
        kind: 'empty',
        clear: () => this.clearFilters(),
        filtered: hasActiveFilters(state.filters) || state.minShared > 1,
      });
    } else this.setStage({ kind: 'ready' });
    this.drawn++;
    document.body.dataset.mapVersion = String(this.drawn);
    if (this.drawn === 1) {
      // Cytoscape paints on its next animation frame; the frame after that has the map on screen.
      requestAnimationFrame(() => requestAnimationFrame(() => performance.mark('threadline:first-draw')));
      if (state.selection?.kind === 'theme') this.map.focus(state.selection.id, false);
    }
  }

  private exportLegend(): LegendModel {
    const state = this.store.get();
    if (state.view === 'graph') {
      return kindLegend(
        this.graph.graph?.kinds() ?? new Set(),
        'Arrows point from a review to what it concerns, involves, learns or recommends.',
      );
    }
    const colours = groupColours(
      [...(this.boot?.themes.values() ?? [])].map((t) => t.group),
      state.presenting ? 'presentation' : 'desk',
    );
    return themeLegend(colours, new Set(this.model.nodes.map((n) => n.group)), state.weighting);
  }

  /** One line naming what is on show, for the summary, captions and exports. */
  private caption(): string {
    const state = this.store.get();
    const base = describeFilters(state.filters, this.labels, state.minShared);
    const hidden = state.roomSafe ? ` · links under ${state.safeMinShared} reviews hidden` : '';
    const n = this.network;
    const counts = n
      ? ` · ${n.caseCount} reviews, ${this.model.nodes.length} themes, ${this.model.edges.length} links`
      : '';
    return `${base}${counts}${hidden}`;
  }

  private renderSummary(state: ViewState): void {
    const n = this.network;
    const stats = this.boot?.stats;
    if (!n || !stats) return;
    const shown = { reviews: n.caseCount, themes: this.model.nodes.length, links: this.model.edges.length };
    replaceChildren(this.ui.summary, summaryLine(state.filters, stats, shown));
  }

  private renderChips(state: ViewState): void {
    replaceChildren(
      this.ui.chips,
      filterChips(state.filters, this.labels, (patch) =>
        this.store.update((s) => ({ filters: { ...s.filters, ...patch } })),
      ),
    );
  }

  private renderDrawerToggle(): void {
    const graphView = this.store.get().view === 'graph';
    const count = graphView ? (this.graph.graph?.data.nodes.size ?? 0) : this.model.nodes.length;
    replaceChildren(
      this.ui.drawerToggle,
      icon(ICONS.list, 16),
      graphView ? `Nodes in the case graph (${count})` : `Themes on this map (${count})`,
      icon(ICONS.chevron, 14),
    );
  }

  private toggleDrawer(): void {
    const open = this.ui.drawerToggle.getAttribute('aria-expanded') !== 'true';
    this.ui.drawerToggle.setAttribute('aria-expanded', String(open));
    this.ui.drawer.classList.toggle('collapsed', !open);
  }

  private tooltip(text: string | null, at: { x: number; y: number } | null): void {
    const tip = this.ui.tooltip;
    if (!text || !at || this.store.get().presenting) {
      tip.hidden = true;
      return;
    }
    const [title, detail] = text.split('\n');
    replaceChildren(tip, h('strong', {}, title ?? ''), detail ? h('span', {}, detail) : null);
    tip.hidden = false;
    tip.style.transform = `translate(${Math.round(at.x + 14)}px, ${Math.round(at.y + 14)}px)`;
  }

  // ---------- state changes ----------

  private onState(next: ViewState, prev: ViewState): void {
    const query = stateToQuery(next);
    if (query !== location.search) history.replaceState(null, '', `${location.pathname}${query}`);
    const filtersChanged = JSON.stringify(next.filters) !== JSON.stringify(prev.filters);
    if (next.presenting !== prev.presenting) {
      if (next.presenting) void this.presentation.enter();
      else this.presentation.leave();
      this.map.setPresentation(next.presenting);
      window.setTimeout(() => this.map.resize(), 50);
    }
    if (next.webgl !== prev.webgl) {
      this.map.setWebgl(next.webgl);
      this.graph.graph?.setWebgl(next.webgl);
    }
    if (filtersChanged || next.minShared !== prev.minShared) {
      this.filters.update(next.filters, next.minShared, null);
      void this.loadNetwork(next);
    }
    if (filtersChanged) void this.loadFacets(next);
    if (
      !filtersChanged &&
      (next.weighting !== prev.weighting ||
        next.roomSafe !== prev.roomSafe ||
        next.safeMinShared !== prev.safeMinShared ||
        next.presenting !== prev.presenting)
    ) {
      this.redraw();
    }
    if (next.presenting !== prev.presenting && next.presenting && next.selection?.kind === 'theme') {
      this.map.focus(next.selection.id);
    }
    const selectionChanged = !sameSelection(next.selection, prev.selection);
    if (selectionChanged) {
      this.map.highlight(next.selection);
      this.nodeList.render(this.model, next.selection?.kind === 'theme' ? next.selection.id : null);
      if (next.selection?.kind === 'theme') this.nodeList.reveal(next.selection.id);
      this.presentationStep();
    }
    if (
      selectionChanged ||
      next.roomSafe !== prev.roomSafe ||
      (filtersChanged && next.selection?.kind !== 'case')
    ) {
      this.loadPanel();
    }
    if (next.roomSafe !== prev.roomSafe) {
      this.graph.refreshCaptions();
      this.renderGraphList();
    }
    if (next.view !== prev.view) this.syncChrome(next);
    if (
      next.view === 'graph' &&
      (next.view !== prev.view || next.graphRoots !== prev.graphRoots || next.graphPath !== prev.graphPath)
    ) {
      void this.showGraph();
    }
  }

  private syncChrome(state: ViewState): void {
    const graph = state.view === 'graph';
    this.ui.viewMap.setAttribute('aria-pressed', String(!graph));
    this.ui.viewGraph.setAttribute('aria-pressed', String(graph));
    this.ui.mapRegion.hidden = graph;
    this.ui.graphRegion.hidden = !graph;
    this.nodeList.root.hidden = graph;
    this.graphList.hidden = !graph;
    this.ui.toolbar.querySelector<HTMLElement>('.segmented')!.hidden = graph;
    for (const b of this.weightingButtons)
      b.setAttribute('aria-pressed', String(b.dataset.weighting === state.weighting));
    this.renderDrawerToggle();
    if (!graph) window.setTimeout(() => this.map.resize(), 0);
  }

  private select(selection: Selection, from?: string): void {
    const current = this.store.get().selection;
    if (from && current) this.history.push({ selection: current, label: from });
    else if (!from) this.history = [];
    if (this.store.get().view === 'graph' && selection && selection.kind !== 'link') {
      const node = this.graph.nodeFor(selection.kind, selection.id);
      this.graph.selected = node;
      this.graph.graph?.select(node);
    }
    this.store.update({ selection });
    if (sameSelection(selection, current)) this.loadPanel();
  }

  private back(): void {
    const last = this.history.pop();
    if (last) this.store.update({ selection: last.selection });
  }

  private clearFilters(): void {
    this.store.update({ filters: EMPTY_FILTERS, minShared: 1 });
  }

  private step(direction: 1 | -1): void {
    const order = stepOrder(this.model.nodes);
    if (order.length === 0) return;
    const sel = this.store.get().selection;
    const at = sel?.kind === 'theme' ? order.indexOf(sel.id) : -1;
    const next =
      at === -1 ? (direction === 1 ? 0 : order.length - 1) : (at + direction + order.length) % order.length;
    const id = order[next]!;
    this.select({ kind: 'theme', id });
    this.map.focus(id);
  }

  private mapKey(e: KeyboardEvent): void {
    if (this.store.get().presenting) return;
    const keys: Record<string, () => void> = {
      ArrowRight: () => this.step(1),
      ArrowDown: () => this.step(1),
      ArrowLeft: () => this.step(-1),
      ArrowUp: () => this.step(-1),
      '+': () => this.map.zoomBy(1.25),
      '=': () => this.map.zoomBy(1.25),
      '-': () => this.map.zoomBy(0.8),
      '0': () => this.map.fit(),
      Escape: () => this.select(null),
      Enter: () => this.panel.focus(),
    };
    const action = keys[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  }

  private activeZoom(factor: number): void {
    if (this.store.get().view === 'graph') this.graph.graph?.zoomBy(factor);
    else this.map.zoomBy(factor);
  }

  // ---------- panels ----------

  private panelContext(): PanelContext {
    return {
      roomSafe: this.store.get().roomSafe,
      sourceTitle: (id) => this.boot?.sources.get(id)?.title ?? 'Source document',
      select: (selection, from) => this.select(selection, from),
      openGraph: (ref) => this.openGraphAround(ref),
    };
  }

  private backLabel(): string | null {
    return this.history.at(-1)?.label ?? null;
  }

  private loadPanel(): void {
    const state = this.store.get();
    const sel = state.selection;
    const seq = ++this.seq.panel;
    if (!sel) {
      const node =
        state.view === 'graph' && this.graph.selected ? this.graph.panelInput(this.graph.selected) : null;
      if (node)
        this.panel.show(KINDS[node.node.kind].label, graphNodePanel(node, this.graphPanelContext()), null);
      else this.panel.hide();
      return;
    }
    if (sel.kind === 'theme') void this.loadThemePanel(sel.id, seq);
    else if (sel.kind === 'link') void this.loadLinkPanel(sel.source, sel.target, seq);
    else void this.loadReviewPanel(sel.id, seq);
  }

  private withGraphActions(content: HTMLElement): HTMLElement {
    const state = this.store.get();
    const id = this.graph.selected;
    if (state.view !== 'graph' || !id) return content;
    const input = this.graph.panelInput(id);
    if (!input) return content;
    content.insertBefore(
      graphActions(input, this.graphPanelContext()),
      content.querySelector('h2')?.nextSibling ?? null,
    );
    return content;
  }

  private async loadThemePanel(id: string, seq: number): Promise<void> {
    const label = this.boot?.themes.get(id)?.label ?? 'theme';
    this.panel.loading('Theme', label);
    const state = this.store.get();
    const filter = toCaseFilter(state.filters);
    const result = await this.api.request(THEME_DETAIL, {
      id,
      filter,
      cases: { ...filter, themes: [id] },
      first: PAGE,
      after: null,
    });
    if (seq !== this.seq.panel) return;
    if (!result.ok) return this.panel.error('Theme', result.error, () => this.loadPanel());
    const theme = result.data.theme;
    if (!theme) {
      this.panel.error('Theme', { kind: 'graphql', message: `No theme "${id}" in this collection.` }, () =>
        this.select(null),
      );
      return;
    }
    for (const e of result.data.cases.edges) this.caseMeta.set(e.node.id, e.node);
    const data: ThemePanelData = {
      theme,
      filteredCount: this.network?.nodes.find((n) => n.id === id)?.weight ?? null,
      cases: result.data.cases,
      filtered: hasActiveFilters(state.filters),
    };
    const render = () => {
      const more = async (after: string) => {
        const page = await this.api.request(CASES, {
          cases: { ...filter, themes: [id] },
          first: PAGE,
          after,
        });
        if (seq !== this.seq.panel || !page.ok) return;
        data.cases = { ...page.data.cases, edges: [...data.cases.edges, ...page.data.cases.edges] };
        render();
      };
      this.panel.show(
        'Theme',
        this.withGraphActions(themePanel(data, this.panelContext(), (after) => void more(after))),
        this.backLabel(),
      );
    };
    render();
    this.stepQuote = stepQuote(
      id,
      result.data.cases.edges.map((e) => e.node),
      state.roomSafe,
    );
    this.presentationStep();
  }

  private async loadLinkPanel(a: string, b: string, seq: number): Promise<void> {
    const themes = this.boot?.themes;
    const la = { id: a, label: themes?.get(a)?.label ?? a };
    const lb = { id: b, label: themes?.get(b)?.label ?? b };
    this.panel.loading('Link', `${la.label} and ${lb.label}`);
    const edge = this.network?.edges.find((e) => linkId(e.source, e.target) === linkId(a, b)) ?? null;
    const weights = new Map(this.network?.nodes.map((n) => [n.id, n.weight]) ?? []);
    const result = await reviewsSharing(
      this.api,
      toCaseFilter(this.store.get().filters),
      rarerFirst(weights, a, b),
      {
        expected: edge?.weight ?? null,
        pageSize: Math.min(100, this.boot?.capabilities.maxFirst ?? 100),
        stale: () => seq !== this.seq.panel,
      },
    );
    if (!result) return;
    if (!result.ok) return this.panel.error('Link', result.error, () => this.loadPanel());
    const { cases, truncated } = result.data;
    for (const c of cases) this.caseMeta.set(c.id, c);
    this.panel.show(
      'Link',
      linkPanel(
        { a: la, b: lb, shared: edge?.weight ?? null, lift: edge?.lift ?? null, cases, truncated },
        this.panelContext(),
      ),
      this.backLabel(),
    );
  }

  private async loadReviewPanel(id: string, seq: number): Promise<void> {
    this.panel.loading('Review', 'the review');
    const result = await this.api.request(CASE_DETAIL, { id });
    if (seq !== this.seq.panel) return;
    if (!result.ok) return this.panel.error('Review', result.error, () => this.loadPanel());
    const review = result.data.case;
    if (!review) {
      this.panel.error(
        'Review',
        { kind: 'graphql', message: 'This review is no longer in the collection.' },
        () => this.select(null),
      );
      return;
    }
    this.caseMeta.set(review.id, review);
    this.panel.show(
      'Review',
      this.withGraphActions(reviewPanel(review, this.panelContext())),
      this.backLabel(),
    );
  }

  // ---------- presentation ----------

  private presentationStep(): void {
    if (!this.store.get().presenting) return;
    const sel = this.store.get().selection;
    this.presentation.showStep(
      sel?.kind === 'theme' ? stepCaption(this.model, sel.id, this.stepQuote) : null,
    );
    this.map.refreshLabels();
  }

  // ---------- case graph ----------

  private openGraphView(): void {
    const state = this.store.get();
    if (state.graphRoots.length) {
      this.store.update({ view: 'graph' });
      return;
    }
    const sel = state.selection;
    const roots =
      sel?.kind === 'theme'
        ? [`Theme:${sel.id}`]
        : sel?.kind === 'case'
          ? [`CaseReview:${sel.id}`]
          : sel?.kind === 'link'
            ? [`Theme:${sel.source}`, `Theme:${sel.target}`]
            : stepOrder(this.model.nodes)
                .slice(0, 1)
                .map((id) => `Theme:${id}`);
    this.store.update({ view: 'graph', graphRoots: roots });
  }

  private openGraphAround(ref: string): void {
    const roots = this.store.get().graphRoots;
    this.graph.selected = ref;
    this.store.update({ view: 'graph', graphRoots: roots.includes(ref) ? roots : [...roots, ref] });
  }

  private async showGraph(): Promise<void> {
    const graph = this.graph.mount(this.ui.graphCanvas, this.store.get().webgl);
    graph.resize();
    await this.graph.sync(this.store.get());
    if (this.graph.selected) graph.select(this.graph.selected);
    this.graphChanged();
  }

  private graphNodeSelected(node: GraphNode): void {
    if (node.kind === 'CASE_REVIEW') this.select({ kind: 'case', id: node.key });
    else if (node.kind === 'THEME') this.select({ kind: 'theme', id: node.key });
    else {
      this.history = [];
      if (this.store.get().selection) this.store.update({ selection: null });
      else this.loadPanel();
    }
  }

  private graphChanged(): void {
    const graph = this.graph.graph;
    if (!graph) return;
    const kinds = graph.kinds();
    const legend = kindLegend(kinds, 'Click a node to show its neighbours.');
    this.graphLegend.render(legend.title, legend.entries, legend.notes);
    this.renderGraphList();
    this.renderDrawerToggle();
    if (this.graph.selected) this.loadPanel();
  }

  private renderGraphList(): void {
    const graph = this.graph.graph;
    if (!graph) return;
    replaceChildren(
      this.graphList,
      graphNodeList(
        graph,
        (n) => this.graph.caption(n),
        (id) => this.graph.choose(id),
      ),
    );
  }

  private graphPanelContext() {
    return {
      roomSafe: this.store.get().roomSafe,
      caption: (n: GraphNode) => this.graph.caption(n),
      expand: (id: string) => void this.graph.expand(id, true),
      connect: (from: string, to: string) => this.graph.connect(from, to),
      selectNode: (id: string) => this.graph.choose(id),
      openCase: (id: string) => this.select({ kind: 'case', id }),
    };
  }

  // ---------- search and uploads ----------

  private hitCaption(hit: SearchHit): string {
    const meta = hit.caseId ? this.caseMeta.get(hit.caseId) : undefined;
    if (!this.store.get().roomSafe) return hit.caption;
    if (hit.kind === 'case' || hit.kind === 'partnership')
      return meta ? reviewCaption(meta, true) : 'A review';
    return hit.caption;
  }

  private pickSearchHit(hit: SearchHit): void {
    const caseId = hit.caseId ?? (hit.kind === 'case' ? hit.key : null);
    if (hit.kind === 'theme') {
      if (this.store.get().view !== 'map') this.store.update({ view: 'map' });
      this.select({ kind: 'theme', id: hit.key });
      this.map.focus(hit.key);
    } else if (caseId) {
      this.select({ kind: 'case', id: caseId });
    } else {
      this.openGraphAround(hit.id);
      this.graph.selected = hit.id;
    }
  }

  private openUpload(): void {
    this.upload ??= new UploadDialog(this.api, () => void this.refresh());
    this.upload.open();
  }

  private async refresh(): Promise<void> {
    await this.bootstrap();
    this.toasts.say('The map now includes the new documents.');
  }
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return (
    !!el &&
    (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable)
  );
}
