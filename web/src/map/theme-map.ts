/**
 * The theme map: Cytoscape drawing of the theme network with a stable geography (positions come from the
 * layout cache, never from a fresh layout per filter), keyboard stepping and highlight of the selection.
 */
import type { Core, EdgeSingular, ElementDefinition, NodeSingular } from 'cytoscape';
import type { Selection } from '../state/view-state.ts';
import { createCytoscape } from './cytoscape-setup.ts';
import { LABEL_WIDTH_EMS } from './geography.ts';
import { type Box, type LabelCandidate, placeLabels } from './label-placement.ts';
import type { Point } from './layout.ts';
import { linkId, type MapModel } from './map-model.ts';
import { themeMapStyle } from './map-style.ts';

export interface ThemeMapEvents {
  theme(id: string): void;
  link(source: string, target: string): void;
  background(): void;
  hover(text: string | null, at: { x: number; y: number } | null): void;
}

const LARGE = 1500;
const FIT_PADDING = 48;

export class ThemeMap {
  cy: Core;
  private model: MapModel = { nodes: [], edges: [] };
  private positions: ReadonlyMap<string, Point> = new Map();
  private presentation = false;
  private fitted = false;
  /** Until someone pans or zooms, the map keeps fitting itself to its frame (which settles after layout). */
  private autoFit = true;
  /**
   * Label sizes are set so that, at the fitted zoom, the heaviest theme's label reads at LABEL_TARGET px;
   * lighter themes' labels fall under min-zoomed-font-size and appear as one zooms in.
   */
  private labelScale = 1;
  private selection: Selection = null;
  private fitZoom = 1;

  constructor(
    private readonly container: HTMLElement,
    private readonly events: ThemeMapEvents,
    private webgl: boolean,
  ) {
    this.cy = this.create(false);
    for (const type of ['wheel', 'pointerdown', 'keydown']) {
      container.addEventListener(
        type,
        () => {
          this.autoFit = false;
        },
        { passive: true },
      );
    }
  }

  private create(large: boolean): Core {
    const cy = createCytoscape({
      container: this.container,
      style: themeMapStyle(this.presentation),
      webgl: this.webgl,
      large,
    });
    cy.on('tap', 'node', (e) => this.events.theme((e.target as NodeSingular).id()));
    cy.on('tap', 'edge', (e) => {
      const edge = e.target as EdgeSingular;
      this.events.link(edge.data('source') as string, edge.data('target') as string);
    });
    cy.on('tap', (e) => {
      if (e.target === cy) this.events.background();
    });
    cy.on('mouseover', 'node, edge', (e) => {
      const el = e.target as NodeSingular | EdgeSingular;
      el.addClass('hover');
      this.events.hover(el.data('tip') as string, e.renderedPosition ?? null);
    });
    cy.on('mouseout', 'node, edge', (e) => {
      (e.target as NodeSingular | EdgeSingular).removeClass('hover');
      this.events.hover(null, null);
    });
    cy.on('viewport', () => {
      this.events.hover(null, null);
      this.scheduleLabels();
    });
    return cy;
  }

  /** Recreates the renderer (WebGL switch, or crossing the large-graph threshold). */
  private rebuild(large: boolean): void {
    performance.mark('threadline:rebuild');
    const viewport = { zoom: this.cy.zoom(), pan: this.cy.pan() };
    this.cy.destroy();
    this.cy = this.create(large);
    this.draw(this.model, this.positions, true);
    this.cy.viewport(viewport);
  }

  setWebgl(on: boolean): void {
    if (on === this.webgl) return;
    this.webgl = on;
    this.rebuild(this.model.edges.length > LARGE);
  }

  setPresentation(on: boolean): void {
    this.presentation = on;
    this.cy.style(themeMapStyle(on));
    this.autoFit = true;
    // The frame changes size as the controls leave or return; calibrate once it has settled.
    window.setTimeout(() => {
      if (this.fitted) this.fitAndCalibrate();
    }, 120);
  }

  /** Draws the model; nodes keep their cached positions so filter changes never move a theme. */
  render(model: MapModel, positions: ReadonlyMap<string, Point>): void {
    const large = model.edges.length > LARGE;
    const wasLarge = this.model.edges.length > LARGE;
    this.model = model;
    this.positions = positions;
    if (!this.fitted) this.labelScale = this.labelScaleFor(this.estimateFitZoom());
    if (large !== wasLarge) this.rebuild(large);
    else this.draw(model, positions, false);
    if (!this.fitted && model.nodes.length > 0) {
      this.fitAndCalibrate();
      this.fitted = true;
    }
    this.placeLabels();
  }

  private draw(model: MapModel, positions: ReadonlyMap<string, Point>, fresh: boolean): void {
    const cy = this.cy;
    const labels = new Map(model.nodes.map((n) => [n.id, n.label]));
    const nodeData = (n: MapModel['nodes'][number]) => ({
      id: n.id,
      label: n.label,
      size: n.size,
      baseFont: n.fontSize,
      fontSize: n.fontSize * this.labelScale,
      labelWidth: Math.round(n.fontSize * this.labelScale * LABEL_WIDTH_EMS),
      colour: n.colour,
      weight: n.weight,
      // Heavier themes draw on top, so their labels are not hidden under lighter circles.
      z: Math.round(n.weight),
      tip: `${n.label}\n${plural(n.weight, 'review')} · ${plural(n.degree, 'link')}`,
    });
    const edgeData = (e: MapModel['edges'][number]) => ({
      id: e.id,
      source: e.source,
      target: e.target,
      width: e.width,
      focusWidth: Math.max(e.width * 1.6, 4),
      opacity: e.opacity,
      weight: e.weight,
      tip: `${labels.get(e.source) ?? e.source} ↔ ${labels.get(e.target) ?? e.target}\n${plural(e.weight, 'shared review')} · lift ${e.lift.toFixed(2)}`,
    });
    const at = (id: string) => ({ ...(positions.get(id) ?? { x: 0, y: 0 }) });
    // Changing a label's font in place leaves Cytoscape drawing it clipped, so new label sizes mean a fresh draw.
    const fontsChanged = model.nodes.some((n) => {
      const el = cy.getElementById(n.id);
      return el.nonempty() && el.data('baseFont') !== n.fontSize;
    });
    cy.batch(() => {
      if (fresh || fontsChanged || cy.elements().empty()) {
        cy.elements().remove();
        cy.add([
          ...model.nodes.map(
            (n): ElementDefinition => ({ group: 'nodes', data: nodeData(n), position: at(n.id) }),
          ),
          ...model.edges.map((e): ElementDefinition => ({ group: 'edges', data: edgeData(e) })),
        ]);
        return;
      }
      // An update (filter or weighting changed): remove what left in one go, refresh the rest in place.
      const wanted = new Set([...model.nodes.map((n) => n.id), ...model.edges.map((e) => e.id)]);
      cy.elements()
        .filter((el) => !wanted.has(el.id()))
        .remove();
      const present = new Set(cy.elements().map((el) => el.id()));
      const add: ElementDefinition[] = [];
      for (const n of model.nodes) {
        if (present.has(n.id)) cy.getElementById(n.id).data(nodeData(n)).position(at(n.id));
        else add.push({ group: 'nodes', data: nodeData(n), position: at(n.id) });
      }
      for (const e of model.edges) {
        if (present.has(e.id)) cy.getElementById(e.id).data(edgeData(e));
        else add.push({ group: 'edges', data: edgeData(e) });
      }
      if (add.length) cy.add(add);
    });
  }

  /** Screen areas (relative to the map) that labels must keep clear of; set by whoever overlays the map. */
  reserved: () => Box[] = () => [];

  private labelTimer: number | undefined;
  private focusIds = new Set<string>();

  private scheduleLabels(): void {
    window.clearTimeout(this.labelTimer);
    this.labelTimer = window.setTimeout(() => this.placeLabels(), 60);
  }

  /** Shows the labels that fit at this zoom without overlapping (heaviest and selected first). */
  /** Re-runs label placement soon (an overlay moved or changed size). */
  refreshLabels(): void {
    this.scheduleLabels();
  }

  placeLabels(): void {
    const cy = this.cy;
    const zoom = cy.zoom();
    const candidates: LabelCandidate[] = cy.nodes().map((n) => {
      const p = n.renderedPosition();
      const weight = n.data('weight') as number;
      const priority = this.focusIds.has(n.id())
        ? n.hasClass('focus')
          ? Number.POSITIVE_INFINITY
          : 1e6 + weight
        : n.hasClass('faded')
          ? -1
          : weight;
      return {
        id: n.id(),
        x: p.x,
        y: p.y,
        diameter: (n.data('size') as number) * zoom,
        fontSize: (n.data('fontSize') as number) * zoom,
        maxWidth: (n.data('labelWidth') as number) * zoom,
        text: n.data('label') as string,
        priority,
      };
    });
    const shown = placeLabels(
      candidates,
      { width: cy.width(), height: cy.height() },
      this.presentation ? 14 : 9,
    );
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        const quiet = !shown.has(n.id());
        if (quiet !== n.hasClass('quiet')) n.toggleClass('quiet', quiet);
      });
    });
  }

  /** Highlights the selected theme (and its neighbours) or link; everything else fades. */
  highlight(selection: Selection): void {
    this.selection = selection;
    const cy = this.cy;
    this.focusIds = new Set();
    cy.batch(() => {
      cy.elements().removeClass('faded near focus');
      if (!selection || selection.kind === 'case') return;
      if (selection.kind === 'theme') {
        const node = cy.getElementById(selection.id);
        if (node.empty()) return;
        const hood = node.closedNeighborhood();
        cy.elements().not(hood).addClass('faded');
        hood.addClass('near');
        node.addClass('focus');
        this.focusIds = new Set(hood.nodes().map((n) => n.id()));
        return;
      }
      const edge = cy.getElementById(linkId(selection.source, selection.target));
      if (edge.empty()) return;
      const ends = edge.connectedNodes();
      cy.elements().not(ends.union(edge)).addClass('faded');
      ends.addClass('near');
      edge.addClass('focus');
      ends.addClass('focus');
      this.focusIds = new Set(ends.map((n) => n.id()));
    });
    this.placeLabels();
  }

  /**
   * Brings a theme into view: its neighbourhood when that is a small part of the map, otherwise the theme
   * itself, closer. In presentation the caption card covers the lower left, so the theme goes upper right.
   */
  focus(id: string, animate = true): void {
    const cy = this.cy;
    const node = cy.getElementById(id);
    if (node.empty()) return;
    const w = cy.width();
    const h = cy.height();
    const box = this.presentation
      ? { x1: w * 0.4, y1: 90, x2: w - 40, y2: h * 0.62 }
      : { x1: 60, y1: 70, x2: w - 60, y2: h - 40 };
    const bw = box.x2 - box.x1;
    const bh = box.y2 - box.y1;
    const hood = node.closedNeighborhood().nodes();
    const dense = hood.length > Math.max(12, cy.nodes().length * 0.3);
    let zoom: number;
    let centre: { x: number; y: number };
    if (dense) {
      zoom = Math.min(2.5, this.fitZoom * (this.presentation ? 1.15 : 1.7));
      centre = node.position();
    } else {
      const bb = hood.boundingBox({});
      zoom = Math.min(2.2, bw / Math.max(bb.w, 1), bh / Math.max(bb.h, 1));
      centre = { x: (bb.x1 + bb.x2) / 2, y: (bb.y1 + bb.y2) / 2 };
    }
    const pan = { x: box.x1 + bw / 2 - centre.x * zoom, y: box.y1 + bh / 2 - centre.y * zoom };
    this.autoFit = false;
    if (animate && !prefersReducedMotion())
      cy.animate({ zoom, pan, duration: 350, easing: 'ease-in-out-cubic' });
    else cy.viewport({ zoom, pan });
  }

  fit(animate = true): void {
    if (animate && !prefersReducedMotion())
      this.cy.animate({ fit: { eles: this.cy.elements(), padding: 40 }, duration: 300 });
    else this.cy.fit(undefined, 40);
  }

  /**
   * Sizes labels for the zoom at which the map fits its frame, then fits. Label sizes are fixed when the
   * elements are added (Cytoscape renders stale label boxes when font sizes change in place), so a new
   * scale means the elements are drawn afresh, positions unchanged.
   */
  private fitAndCalibrate(): void {
    const scale = this.labelScaleFor(this.estimateFitZoom());
    if (Math.abs(scale - this.labelScale) / this.labelScale > 0.15) {
      this.labelScale = scale;
      performance.mark('threadline:relabel');
      this.cy.elements().remove();
      this.draw(this.model, this.positions, true);
      this.highlight(this.selection);
    }
    this.cy.fit(undefined, FIT_PADDING);
    this.fitZoom = this.cy.zoom();
    this.placeLabels();
  }

  private labelScaleFor(zoom: number): number {
    const maxFont = Math.max(1, ...this.model.nodes.map((n) => n.fontSize));
    const target = this.presentation ? 26 : 17;
    return Math.min(6, Math.max(0.3, target / (maxFont * zoom)));
  }

  /** The zoom cy.fit would choose, from positions and circle sizes alone (labels are not drawn yet). */
  private estimateFitZoom(): number {
    let x1 = Number.POSITIVE_INFINITY;
    let y1 = Number.POSITIVE_INFINITY;
    let x2 = Number.NEGATIVE_INFINITY;
    let y2 = Number.NEGATIVE_INFINITY;
    for (const n of this.model.nodes) {
      const p = this.positions.get(n.id);
      if (!p) continue;
      x1 = Math.min(x1, p.x - n.size / 2);
      x2 = Math.max(x2, p.x + n.size / 2);
      y1 = Math.min(y1, p.y - n.size / 2);
      y2 = Math.max(y2, p.y + n.size / 2);
    }
    if (!Number.isFinite(x1)) return 1;
    // Labels under the lowest circles and beside the outermost ones take roughly a tenth more room.
    const w = (x2 - x1) * 1.1;
    const h = (y2 - y1) * 1.1;
    return Math.min(
      (this.cy.width() - 2 * FIT_PADDING) / Math.max(w, 1),
      (this.cy.height() - 2 * FIT_PADDING) / Math.max(h, 1),
    );
  }

  zoomBy(factor: number): void {
    const level = Math.min(this.cy.maxZoom(), Math.max(this.cy.minZoom(), this.cy.zoom() * factor));
    this.cy.zoom({ level, renderedPosition: { x: this.cy.width() / 2, y: this.cy.height() / 2 } });
  }

  resize(): void {
    this.cy.resize();
    if (this.autoFit && this.fitted) this.fitAndCalibrate();
  }

  /** Rendered (screen) centre of a theme, e.g. for placing a caption. */
  renderedPosition(id: string): { x: number; y: number } | null {
    const node = this.cy.getElementById(id);
    return node.nonempty() ? node.renderedPosition() : null;
  }

  current(): MapModel {
    return this.model;
  }
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function prefersReducedMotion(): boolean {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}
