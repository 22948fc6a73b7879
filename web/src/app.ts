/**
 * The explorer: wires state (mirrored in the URL), data loading, the theme map, the case graph, the
 * panels and the menus. Components render; this file decides when.
 */
import { NodeList } from './a11y/node-list.ts';
import type { Api } from './api/client.ts';
import type { CaseName } from './api/queries.ts';
import { GraphController } from './case-graph/graph-controller.ts';
import { GraphView } from './case-graph/graph-view.ts';
import { ExportActions } from './export/export-actions.ts';
import { describeFilters } from './filters/filter-model.ts';
import { FilterPanel } from './filters/filter-panel.ts';
import { SearchBox } from './filters/search-box.ts';
import { searchHitEvents } from './filters/search-hits.ts';
import { MapData } from './loading/map-data.ts';
import { mapKeyHandler, stepFrom } from './map/map-keys.ts';
import { stepOrder } from './map/map-model.ts';
import { MapView } from './map/map-view.ts';
import { ThemeMap } from './map/theme-map.ts';
import { PanelHost } from './panels/panel-host.ts';
import { PanelLoader } from './panels/panel-loader.ts';
import { Presentation } from './presentation/presentation.ts';
import { type StepQuote, stepCaption } from './presentation/steps.ts';
import { ShareActions } from './share/share-actions.ts';
import { queryToState, stateToQuery } from './share/url-state.ts';
import { renderDrawerToggle, toggleDrawer } from './shell/drawer.ts';
import { type Skeleton, skeleton } from './shell/layout.ts';
import { presentMenu, settingsMenu } from './shell/menus.ts';
import { type StageState, StageStatus } from './shell/status.ts';
import { Toasts } from './shell/toast.ts';
import { TokenPrompt } from './shell/token-prompt.ts';
import { graphToolbar, toolbar, uploadButton } from './shell/toolbar.ts';
import { showTooltip } from './shell/tooltip.ts';
import { mapStateChange } from './state/map-state-change.ts';
import { Store } from './state/store.ts';
import {
  EMPTY_FILTERS,
  presentationDefaults,
  type Selection,
  sameSelection,
  type ViewState,
} from './state/view-state.ts';
import { sceneCaption } from './storyboard/scene-caption.ts';
import { whenSettled } from './storyboard/settled.ts';
import { StoryboardPanel } from './storyboard/storyboard-panel.ts';
import { SampleNotice } from './upload/sample-notice.ts';
import { UploadDialog } from './upload/upload-dialog.ts';
import { AnalysisViews, isAnalysisView } from './views/analysis-views.ts';

export class App {
  readonly store: Store<ViewState>;
  private readonly ui: Skeleton;
  private readonly data: MapData;
  private history: Array<{ selection: Selection; label: string }> = [];
  private readonly caseMeta = new Map<string, CaseName>();

  private readonly map: ThemeMap;
  private readonly mapView: MapView;
  private readonly graph: GraphController;
  private readonly graphView: GraphView;
  private readonly filters: FilterPanel;
  private readonly search: SearchBox;
  private readonly panel: PanelHost;
  private readonly panels: PanelLoader;
  private readonly nodeList: NodeList;
  private readonly status = new StageStatus();
  private readonly presentation: Presentation;
  private readonly toasts = new Toasts();
  private readonly tokenPrompt = new TokenPrompt();
  private readonly exporter: ExportActions;
  private readonly share: ShareActions;
  private readonly storyboard: StoryboardPanel;
  private readonly analysis: AnalysisViews;
  private readonly sample: SampleNotice;
  private readonly mapMenus: HTMLElement[] = [];
  private upload: UploadDialog | null = null;
  private readonly uploadButton: HTMLButtonElement;
  private readonly weightingButtons: HTMLButtonElement[] = [];
  private stepQuote: StepQuote | null = null;

  constructor(
    private readonly api: Api,
    mount: HTMLElement,
  ) {
    this.store = new Store(queryToState(location.search), presentationDefaults);
    this.ui = skeleton();
    mount.replaceChildren(this.ui.root);

    this.data = new MapData({
      api,
      state: () => this.store.get(),
      stage: (state) => this.setStage(state),
      busy: (busy) => {
        if (busy) this.ui.stage.setAttribute('aria-busy', 'true');
        else this.ui.stage.removeAttribute('aria-busy');
      },
      drawn: () => this.mapView.drawn,
      askToken: (retry, refused) => this.tokenPrompt.ask(retry, refused),
      booted: (capabilities) => {
        this.uploadButton.hidden = !capabilities.writable;
        this.sample.update(this.data.boot?.sources.values() ?? [], capabilities.writable);
        // The trends and comparison views need the bootstrap only, not the map.
        this.analysis.sync(this.store.get(), null);
      },
      networkLoaded: () => this.mapView.redraw(),
      facetsLoaded: () => {
        const s = this.store.get();
        this.filters.update(s.filters, s, this.data.facets, strongestLink(this.data.network));
        this.mapView.renderChips(s);
        this.mapView.renderSummary(s);
      },
      ready: (state) => {
        this.panels.load();
        if (state.view === 'graph') void this.graphView.show();
      },
    });
    this.map = new ThemeMap(
      this.ui.mapCanvas,
      {
        theme: (id) => this.select({ kind: 'theme', id }),
        link: (source, target) => this.select({ kind: 'link', source, target }),
        background: () => this.select(null),
        hover: (text, at) => showTooltip(this.ui.tooltip, this.store.get().presenting ? null : text, at),
      },
      this.store.get().webgl,
    );
    this.graph = new GraphController({
      api,
      state: () => this.store.get(),
      update: (patch) => this.store.update(patch),
      maxHops: () => this.data.boot?.capabilities.maxHops ?? 4,
      caseMeta: this.caseMeta,
      nodeSelected: (node) => this.graphView.nodeSelected(node),
      background: () => this.select(null),
      changed: () => this.graphView.changed(),
      error: (message) => this.toasts.say(message),
    });
    this.graphView = new GraphView({
      state: () => this.store.get(),
      update: (patch) => this.store.update(patch),
      controller: this.graph,
      canvas: this.ui.graphCanvas,
      themeOrder: () => stepOrder(this.mapView.model.nodes),
      select: (selection) => this.select(selection),
      forgetHistory: () => {
        this.history = [];
      },
      loadPanel: () => this.panels.load(),
      nodesChanged: () => this.renderDrawerToggle(),
    });
    this.filters = new FilterPanel({
      change: (patch) => this.store.update((s) => ({ filters: { ...s.filters, ...patch } })),
      minShared: (value) => this.store.update({ minShared: value }),
      linkLevel: (linkLevel) => this.store.update({ linkLevel, minShared: null }),
      clear: () => this.clearFilters(),
      sources: () => this.data.boot?.sources.values() ?? [],
    });
    this.search = new SearchBox(
      api,
      searchHitEvents({
        state: () => this.store.get(),
        update: (patch) => this.store.update(patch),
        caseMeta: this.caseMeta,
        select: (selection) => this.select(selection),
        focusTheme: (id) => this.map.focus(id),
        openGraphAround: (ref) => {
          this.graphView.openAround(ref);
          this.graph.selected = ref;
        },
      }),
    );
    this.panel = new PanelHost({
      close: () => this.select(null),
      back: () => this.back(),
      toggled: () => {
        if (!this.store.get().presenting) requestAnimationFrame(() => this.map.refit());
      },
    });
    this.panels = new PanelLoader({
      api,
      panel: this.panel,
      state: () => this.store.get(),
      boot: () => this.data.boot,
      network: () => this.data.network,
      caseMeta: this.caseMeta,
      graph: this.graph,
      graphPanelContext: () => this.graphView.panelContext(),
      select: (selection, from) => this.select(selection, from),
      openGraph: (ref) => this.graphView.openAround(ref),
      backLabel: () => this.history.at(-1)?.label ?? null,
      caseThemes: (ids) => this.map.lightThemes(ids),
      quoted: (quote) => {
        this.stepQuote = quote;
        this.presentationStep();
      },
    });
    this.nodeList = new NodeList((id) => {
      this.select({ kind: 'theme', id });
      this.panel.focus();
    });
    this.mapView = new MapView({
      state: () => this.store.get(),
      data: this.data,
      map: this.map,
      nodeList: this.nodeList,
      summary: this.ui.summary,
      chips: this.ui.chips,
      filter: (patch) => this.store.update((s) => ({ filters: { ...s.filters, ...patch } })),
      nodesChanged: () => this.renderDrawerToggle(),
      presentationHeader: (caption) => this.presentation.setHeader('Threadline · theme map', caption),
      presentationStep: () => this.presentationStep(),
      stage: (state) => this.setStage(state),
      clearFilters: () => this.clearFilters(),
      update: (patch) => this.store.update(patch),
      selectTheme: (id) => this.select({ kind: 'theme', id }),
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
      model: () => this.mapView.model,
      caption: () => this.mapView.caption(),
      legend: () => {
        const state = this.store.get();
        return state.view === 'graph' ? this.graphView.exportLegend() : this.mapView.exportLegend(state);
      },
      toast: (m) => this.toasts.say(m),
    });
    this.share = new ShareActions({ state: () => this.store.get(), toast: (m) => this.toasts.say(m) });
    this.storyboard = new StoryboardPanel({
      root: this.ui.root,
      state: () => this.store.get(),
      apply: (state) => {
        this.store.set(state);
        const sel = state.selection;
        if (state.view !== 'map' || sel?.kind !== 'theme') return;
        whenSettled(this.ui.stage, () => {
          if (!sameSelection(this.store.get().selection, sel)) return;
          this.map.resize();
          this.map.focus(sel.id);
        });
      },
      caption: (state) =>
        sceneCaption(state, {
          ...this.data.labels,
          theme: (id) => this.data.network?.nodes.find((n) => n.id === id)?.label ?? null,
        }),
      toast: (m) => this.toasts.say(m),
    });
    this.uploadButton = uploadButton(() => this.openUpload());
    this.analysis = new AnalysisViews(this.ui.viewsRegion, {
      api,
      state: () => this.store.get(),
      setParams: (patch) => this.store.update((s) => ({ views: { ...s.views, ...patch } })),
      filterCaption: () => describeFilters(this.store.get().filters, this.data.labels),
      yearMax: () => this.data.boot?.stats.yearMax ?? null,
      openReview: (id) => {
        this.select({ kind: 'case', id });
        this.panel.focus();
      },
      toast: (m) => this.toasts.say(m),
    });
    this.sample = new SampleNotice({
      removed: () => void this.refresh('The fictional sample is no longer counted.'),
      toast: (m) => this.toasts.say(m),
    });
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
    ui.mapRegion.append(this.status.root, this.mapView.legend.root);
    ui.graphRegion.append(this.graphView.legend.root);
    ui.root.append(this.presentation.overlay, this.toasts.root);
    ui.viewMap.addEventListener('click', () => this.store.update({ view: 'map' }));
    ui.viewGraph.addEventListener('click', () => this.graphView.open());
    ui.viewTrends.addEventListener('click', () => this.store.update({ view: 'trends' }));
    ui.viewCompare.addEventListener('click', () => this.store.update({ view: 'compare' }));
    ui.viewRecommendations.addEventListener('click', () => this.store.update({ view: 'recommendations' }));
    ui.notice.append(this.sample.badge);
    ui.drawerToggle.addEventListener('click', () => toggleDrawer(ui.drawerToggle, ui.drawer));
    ui.drawerBody.append(this.nodeList.root, this.graphView.list);
    // The trends and comparison views carry their own Export and Share menus, and are not presented.
    this.mapMenus.push(presentMenu(this.store), this.exporter.menu(), this.share.menu());
    ui.actions.append(...this.mapMenus, this.storyboard.button, this.uploadButton, settingsMenu(this.store));
    const controls = toolbar({
      weighting: (value) => this.store.update({ weighting: value }),
      zoom: (factor) => this.activeZoom(factor),
      fit: () => (this.store.get().view === 'graph' ? this.graph.graph?.fit() : this.map.fit()),
    });
    this.weightingButtons.push(...controls.weightingButtons);
    ui.toolbar.append(...controls.controls, this.mapView.controls.root);
    ui.graphToolbar.append(
      ...graphToolbar({
        backToMap: () => this.store.update({ view: 'map' }),
        clear: () => this.graph.clear(),
      }),
    );
    ui.mapCanvas.addEventListener(
      'keydown',
      mapKeyHandler({
        presenting: () => this.store.get().presenting,
        step: (direction) => this.step(direction),
        zoomBy: (factor) => this.map.zoomBy(factor),
        fit: () => this.map.fit(),
        clear: () => this.select(null),
        openPanel: () => this.panel.focus(),
      }),
    );
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

  /** For notebooks, debugging and the browser tests: the live Cytoscape instances. */
  readonly debug = {
    mapCy: () => this.map.cy,
    graphCy: () => this.graph.graph?.cy ?? null,
    model: () => this.mapView.model,
  };

  // ---------- start ----------

  async start(): Promise<void> {
    this.store.subscribe((next, prev) => this.onState(next, prev));
    this.syncChrome(this.store.get());
    if (this.store.get().presenting)
      void this.presentation.enter().then(() => this.map.setPresentation(true));
    await this.data.bootstrap();
  }

  private setStage(state: StageState): void {
    this.status.set(state);
    document.body.dataset.map = state.kind;
  }

  // ---------- the drawer ----------

  private renderDrawerToggle(): void {
    const graphView = this.store.get().view === 'graph';
    const count = graphView ? (this.graph.graph?.data.nodes.size ?? 0) : this.mapView.model.nodes.length;
    renderDrawerToggle(this.ui.drawerToggle, graphView, count);
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
    const change = mapStateChange(next, prev);
    if (change.reload) {
      this.filters.update(next.filters, next, null);
      void this.data.loadNetwork(next);
    }
    if (filtersChanged) void this.data.loadFacets(next);
    if (
      !filtersChanged &&
      (change.redraw ||
        next.weighting !== prev.weighting ||
        next.roomSafe !== prev.roomSafe ||
        next.safeMinShared !== prev.safeMinShared ||
        next.presenting !== prev.presenting)
    ) {
      this.mapView.redraw();
    }
    if (next.presenting !== prev.presenting && next.presenting && next.selection?.kind === 'theme') {
      this.map.focus(next.selection.id);
    }
    const selectionChanged = !sameSelection(next.selection, prev.selection);
    if (selectionChanged) {
      this.map.highlight(next.selection);
      this.nodeList.render(this.mapView.model, next.selection?.kind === 'theme' ? next.selection.id : null);
      if (next.selection?.kind === 'theme') this.nodeList.reveal(next.selection.id);
      this.presentationStep();
    }
    if (
      selectionChanged ||
      next.roomSafe !== prev.roomSafe ||
      (filtersChanged && next.selection?.kind !== 'case')
    ) {
      this.panels.load();
    }
    if (next.roomSafe !== prev.roomSafe) {
      this.graph.refreshCaptions();
      this.graphView.renderList();
    }
    if (next.view !== prev.view) this.syncChrome(next);
    if (this.data.boot) this.analysis.sync(next, prev);
    if (
      next.view === 'graph' &&
      (next.view !== prev.view || next.graphRoots !== prev.graphRoots || next.graphPath !== prev.graphPath)
    ) {
      void this.graphView.show();
    }
  }

  private syncChrome(state: ViewState): void {
    const graph = state.view === 'graph';
    const analysis = isAnalysisView(state.view);
    this.ui.viewMap.setAttribute('aria-pressed', String(state.view === 'map'));
    this.ui.viewGraph.setAttribute('aria-pressed', String(graph));
    this.ui.viewTrends.setAttribute('aria-pressed', String(state.view === 'trends'));
    this.ui.viewCompare.setAttribute('aria-pressed', String(state.view === 'compare'));
    this.ui.viewRecommendations.setAttribute('aria-pressed', String(state.view === 'recommendations'));
    this.ui.mapRegion.hidden = graph || analysis;
    this.ui.graphRegion.hidden = !graph;
    this.ui.viewsRegion.hidden = !analysis;
    this.ui.toolbar.hidden = analysis;
    this.ui.drawer.hidden = analysis;
    this.ui.stage.classList.toggle('analysis', analysis);
    this.ui.skipLink.href = analysis ? `#${state.view}-view` : graph ? '#graph-canvas' : '#map-canvas';
    this.ui.skipLink.textContent = analysis
      ? 'Skip to the view'
      : graph
        ? 'Skip to the case graph'
        : 'Skip to the map';
    for (const menu of this.mapMenus) menu.hidden = analysis;
    this.nodeList.root.hidden = graph;
    this.graphView.list.hidden = !graph;
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
    if (this.store.get().view === 'graph' && selection && selection.kind !== 'link')
      this.graphView.follow(selection);
    this.store.update({ selection });
    if (sameSelection(selection, current)) this.panels.load();
  }

  private back(): void {
    const last = this.history.pop();
    if (last) this.store.update({ selection: last.selection });
  }

  private clearFilters(): void {
    this.store.update({ filters: EMPTY_FILTERS, minShared: null, linkLevel: 'significant' });
  }

  private step(direction: 1 | -1): void {
    const sel = this.store.get().selection;
    const id = stepFrom(
      stepOrder(this.mapView.model.nodes),
      sel?.kind === 'theme' ? sel.id : null,
      direction,
    );
    if (id === undefined) return;
    this.select({ kind: 'theme', id });
    this.map.focus(id);
  }

  private activeZoom(factor: number): void {
    if (this.store.get().view === 'graph') this.graph.graph?.zoomBy(factor);
    else this.map.zoomBy(factor);
  }

  // ---------- presentation ----------

  private presentationStep(): void {
    if (!this.store.get().presenting) return;
    const sel = this.store.get().selection;
    this.presentation.showStep(
      sel?.kind === 'theme' ? stepCaption(this.mapView.model, sel.id, this.stepQuote) : null,
    );
    this.map.refreshLabels();
  }

  // ---------- uploads ----------

  private openUpload(): void {
    this.upload ??= new UploadDialog(this.api, () => void this.refresh());
    this.upload.open();
  }

  private async refresh(message = 'The map now includes the new documents.'): Promise<void> {
    await this.data.bootstrap();
    this.analysis.reload();
    this.toasts.say(message);
  }
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return (
    !!el &&
    (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable)
  );
}

/** The most reviews any link on the map shares, so the minimum-shared slider reaches every link. */
function strongestLink(network: { edges: ReadonlyArray<{ weight: number }> } | null): number | null {
  return network ? Math.max(0, ...network.edges.map((e) => e.weight)) : null;
}
