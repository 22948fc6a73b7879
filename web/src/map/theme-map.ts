/**
 * The theme map: Cytoscape drawing of the theme network. Communities are compound regions with their
 * names; themes keep the positions of the geography (never a fresh layout per filter); labels are placed so
 * none overlaps another label, a circle or a region name; a click on a line selects the nearest link.
 */
import type { Core, ElementDefinition, EventObject, NodeSingular } from 'cytoscape';
import type { Selection } from '../state/view-state.ts';
import { createCytoscape } from './cytoscape-setup.ts';
import { nearestEdge } from './edge-hits.ts';
import { LABEL_WIDTH_EMS } from './geography.ts';
import {
  type Box,
  type Circle,
  type MeasuredLabel,
  placeMeasuredLabels,
  sideBoxes,
} from './label-placement.ts';
import type { Point } from './layout.ts';
import { EMPTY_MODEL, linkId, type MapEdge, type MapModel } from './map-model.ts';
import { MIN_LABEL_PX, themeMapStyle } from './map-style.ts';

export interface ThemeMapEvents {
  theme(id: string): void;
  link(source: string, target: string): void;
  background(): void;
  hover(text: string | null, at: { x: number; y: number } | null): void;
}

const LARGE = 1500;
const FIT_PADDING = 36;
/** The regions' padding around their themes (the stylesheet's, in model units). */
const REGION_PADDING = 18;
/**
 * Where labels go on screen, in order of preference. Not above: Cytoscape caches a node's drawing with
 * room for a label below or beside it, and a label moved above would be drawn cut off.
 */
const SCREEN_SIDES = ['below', 'right', 'left'] as const;

function screenSides(boxes: Box[]): Box[] {
  return [boxes[0]!, boxes[2]!, boxes[3]!];
}

/** Model-space gap between a circle and its label (the stylesheet's text margins). */
export const LABEL_GAP = 3;
/** How far (screen pixels) from a line a click still selects it. */
const HIT_TOLERANCE = 6;
/** Rendered label sizes at the fitted zoom: the smallest label in presentation is at least 18 px. */
const TOP_LABEL_PX = { desk: 16, presentation: 28 };

export const regionId = (id: number): string => `region:${id}`;

export class ThemeMap {
  cy: Core;
  private model: MapModel = EMPTY_MODEL;
  private positions: ReadonlyMap<string, Point> = new Map();
  private edgesById = new Map<string, MapEdge>();
  private presentation = false;
  private bridges = false;
  private fitted = false;
  /** Until someone pans or zooms, the map keeps fitting itself to its frame. */
  private autoFit = true;
  private labelScale = 1;
  private selection: Selection = null;
  private lit = new Set<string>();
  private fitZoom = 1;
  private hoverEdge: string | null = null;
  /** A theme was brought into view (search, stepping): panels opening keep it in view, not refit. */
  private focused = false;
  /** Label boxes in model coordinates, measured by Cytoscape once per drawing. */
  private labelBoxes = new Map<string, Box>();

  constructor(
    private readonly container: HTMLElement,
    private readonly events: ThemeMapEvents,
    private webgl: boolean,
  ) {
    this.cy = this.create(false);
    // Labels are placed when a drag ends, not during it: placing restyles nodes, which costs frames.
    container.addEventListener('pointerdown', () => {
      this.dragging = true;
    });
    window.addEventListener('pointerup', () => {
      if (!this.dragging) return;
      this.dragging = false;
      this.scheduleLabels();
    });
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
    cy.autoungrabify(true);
    cy.on('tap', 'node.theme', (e) => this.events.theme((e.target as NodeSingular).id()));
    // Lines and regions take no events of their own: a tap that is not on a theme is matched to the
    // nearest line here, so the link selected is exactly the one under the pointer.
    cy.on('tap', (e) => {
      if (e.target !== cy) return;
      const edge = this.edgeAt(e);
      if (edge) this.events.link(edge.source, edge.target);
      else this.events.background();
    });
    cy.on('mousemove', (e) => {
      // While dragging the map, nothing is hovered (and no time goes on looking).
      if (e.target !== cy || ((e.originalEvent as MouseEvent | undefined)?.buttons ?? 0) !== 0) return;
      this.hover(this.edgeAt(e), e);
    });
    cy.on('mouseover', 'node.theme', (e) => {
      const el = e.target as NodeSingular;
      this.hover(null, null);
      el.addClass('hover');
      this.events.hover(el.data('tip') as string, e.renderedPosition ?? null);
    });
    cy.on('mouseout', 'node.theme', (e) => {
      (e.target as NodeSingular).removeClass('hover');
      this.events.hover(null, null);
    });
    cy.on('viewport', () => {
      this.events.hover(null, null);
      this.scheduleLabels();
    });
    return cy;
  }

  private edgeAt(e: EventObject): MapEdge | null {
    const zoom = this.cy.zoom();
    const visible = this.model.edges.filter((edge) => !this.cy.getElementById(edge.id).hasClass('faded'));
    const hit = nearestEdge(
      e.position,
      visible.map((edge) => ({ ...edge, width: edge.width })),
      this.positions,
      HIT_TOLERANCE / zoom,
    );
    return hit ? (this.edgesById.get(hit.id) ?? null) : null;
  }

  private hover(edge: MapEdge | null, e: EventObject | null): void {
    const id = edge?.id ?? null;
    if (id === this.hoverEdge) return;
    if (this.hoverEdge) this.cy.getElementById(this.hoverEdge).removeClass('hover');
    this.hoverEdge = id;
    this.container.style.cursor = id ? 'pointer' : '';
    if (!id || !e) {
      this.events.hover(null, null);
      return;
    }
    const el = this.cy.getElementById(id);
    el.addClass('hover');
    this.events.hover(el.data('tip') as string, e.renderedPosition ?? null);
  }

  /** Recreates the renderer (WebGL switch, or crossing the large-graph threshold). */
  private rebuild(large: boolean): void {
    const viewport = { zoom: this.cy.zoom(), pan: this.cy.pan() };
    this.cy.destroy();
    this.cy = this.create(large);
    this.draw();
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

  /** Bridging themes stand out (a dark ring, labelled first). */
  setBridges(on: boolean): void {
    this.bridges = on;
    this.cy.batch(() => {
      this.cy.nodes('.theme').forEach((n) => {
        n.toggleClass('bridge', on && n.data('bridge') === true);
      });
    });
    this.scheduleLabels();
  }

  /** Draws the model; themes keep the geography's positions so no filter ever moves one. */
  render(model: MapModel, positions: ReadonlyMap<string, Point>): void {
    const large = model.edges.length > LARGE;
    const wasLarge = this.model.edges.length > LARGE;
    this.model = model;
    this.positions = positions;
    this.edgesById = new Map(model.edges.map((e) => [e.id, e]));
    if (!this.fitted) this.labelScale = this.labelScaleFor(this.estimateFitZoom());
    if (large !== wasLarge) this.rebuild(large);
    else this.draw();
    this.setBridges(this.bridges);
    if (!this.fitted && model.nodes.length > 0) {
      this.fitAndCalibrate();
      this.fitted = true;
    } else if (this.autoFit && model.nodes.length > 0) this.fitAndCalibrate();
    this.placeLabels();
  }

  /** Elements are replaced wholesale: Cytoscape keeps stale label boxes when fonts change in place. */
  private draw(): void {
    const cy = this.cy;
    const model = this.model;
    const labels = new Map(model.nodes.map((n) => [n.id, n.label]));
    const at = (id: string) => ({ ...(this.positions.get(id) ?? { x: 0, y: 0 }) });
    // Region names read like the middle of the theme labels, and wrap at sixteen characters or so.
    const regionFont = (this.presentation ? 15 : 14) * this.labelScale;
    const elements: ElementDefinition[] = [
      ...model.regions.map(
        (r): ElementDefinition => ({
          group: 'nodes',
          classes: 'region',
          data: {
            id: regionId(r.id),
            label: r.name,
            colour: r.colour,
            fontSize: regionFont,
            labelWidth: regionFont * 10,
          },
        }),
      ),
      ...model.nodes.map(
        (n): ElementDefinition => ({
          group: 'nodes',
          classes: 'theme',
          data: {
            id: n.id,
            parent: regionId(n.region),
            label: n.label,
            size: n.size,
            fontSize: n.fontSize * this.labelScale,
            labelWidth: Math.round(n.fontSize * this.labelScale * LABEL_WIDTH_EMS),
            colour: n.colour,
            weight: n.weight,
            measure: n.measure,
            bridge: n.bridge,
            // More important themes draw on top, so their labels are not hidden under others' circles.
            z: Math.round(n.size),
            tip: `${n.label}\n${plural(n.weight, 'review')} · ${plural(n.degree, 'link')}${n.bridge ? ' · bridging theme' : ''}\n${n.regionName}`,
          },
          position: at(n.id),
        }),
      ),
      ...model.edges.map(
        (e): ElementDefinition => ({
          group: 'edges',
          data: {
            id: e.id,
            source: e.source,
            target: e.target,
            weight: e.weight,
            width: e.width,
            focusWidth: Math.max(e.width * 1.6, 4),
            opacity: e.opacity,
            tip: `${labels.get(e.source) ?? e.source} ↔ ${labels.get(e.target) ?? e.target}\n${plural(e.weight, 'shared review')} · lift ${e.lift.toFixed(2)} · p ${formatP(e.pValue)}`,
          },
        }),
      ),
    ];
    cy.batch(() => {
      cy.elements().remove();
      cy.add(elements);
    });
    // A region's name wraps within its region (at least ten characters wide).
    cy.nodes('.region').forEach((r) => {
      r.data('labelWidth', Math.max(r.width(), regionFont * 16));
    });
    this.hoverEdge = null;
    this.measureLabels();
    this.applyHighlight();
  }

  /** Label boxes in model coordinates: fixed by the font sizes, so measured once per drawing. */
  private measureLabels(): void {
    this.labelBoxes = new Map();
    this.cy.nodes().forEach((n) => {
      const bb = n.boundingBox({
        includeNodes: false,
        includeEdges: false,
        includeLabels: true,
        includeOverlays: false,
      });
      if (bb.w > 0 && bb.h > 0) this.labelBoxes.set(n.id(), { x1: bb.x1, y1: bb.y1, x2: bb.x2, y2: bb.y2 });
    });
  }

  /** Screen areas (relative to the map) that labels must keep clear of; set by whoever overlays the map. */
  reserved: () => Box[] = () => [];
  /** Controls drawn over the map (toolbar, legend): labels keep clear of them and fitting leaves them room. */
  overlays: () => Element[] = () => [];

  private covered(): Box[] {
    const origin = this.container.getBoundingClientRect();
    return this.overlays()
      .filter((el) => el instanceof HTMLElement && el.offsetParent !== null)
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0)
      .map((r) => ({
        x1: r.left - origin.left,
        y1: r.top - origin.top,
        x2: r.right - origin.left,
        y2: r.bottom - origin.top,
      }));
  }

  /** The part of the map's box not under the toolbar (top) or the legend (bottom). */
  private frame(): Box {
    const w = this.cy.width();
    const h = this.cy.height();
    let top = 0;
    let bottom = h;
    for (const r of this.covered()) {
      if (r.y2 <= h / 2) top = Math.max(top, r.y2);
      else if (r.y1 >= h / 2) bottom = Math.min(bottom, r.y1);
    }
    return bottom - top < h / 3 ? { x1: 0, y1: 0, x2: w, y2: h } : { x1: 0, y1: top, x2: w, y2: bottom };
  }

  private drawingBox(): { x1: number; y1: number; x2: number; y2: number; w: number; h: number } {
    let x1 = Number.POSITIVE_INFINITY;
    let y1 = Number.POSITIVE_INFINITY;
    let x2 = Number.NEGATIVE_INFINITY;
    let y2 = Number.NEGATIVE_INFINITY;
    for (const n of this.model.nodes) {
      const p = this.positions.get(n.id) ?? { x: 0, y: 0 };
      const r = n.size / 2 + REGION_PADDING;
      x1 = Math.min(x1, p.x - r);
      x2 = Math.max(x2, p.x + r);
      y1 = Math.min(y1, p.y - r);
      y2 = Math.max(y2, p.y + r);
    }
    if (!Number.isFinite(x1)) return { x1: 0, y1: 0, x2: 1, y2: 1, w: 1, h: 1 };
    return { x1, y1, x2, y2, w: x2 - x1, h: y2 - y1 };
  }

  /** The viewport that shows the whole map inside the free frame. */
  private fitViewport(): { zoom: number; pan: Point } {
    const f = this.frame();
    // From the positions and circle sizes, plus the regions' padding: asking Cytoscape to measure takes
    // half a second at thousands of lines. Labels come and go with the zoom; names have the padding's room.
    const bb = this.drawingBox();
    const fw = Math.max(1, f.x2 - f.x1 - 2 * FIT_PADDING);
    const fh = Math.max(1, f.y2 - f.y1 - 2 * FIT_PADDING);
    const zoom = Math.min(
      this.cy.maxZoom(),
      Math.max(this.cy.minZoom(), Math.min(fw / Math.max(bb.w, 1), fh / Math.max(bb.h, 1))),
    );
    const cx = (bb.x1 + bb.x2) / 2;
    const cy = (bb.y1 + bb.y2) / 2;
    return { zoom, pan: { x: (f.x1 + f.x2) / 2 - cx * zoom, y: (f.y1 + f.y2) / 2 - cy * zoom } };
  }

  private labelTimer: number | undefined;

  private dragging = false;

  private scheduleLabels(): void {
    window.clearTimeout(this.labelTimer);
    if (this.dragging) return;
    this.labelTimer = window.setTimeout(() => this.placeLabels(), 60);
  }

  /** Re-runs label placement soon (an overlay moved or changed size). */
  refreshLabels(): void {
    this.scheduleLabels();
  }

  /** Shows the labels that fit at this zoom without overlapping: region names, then the most important themes. */
  placeLabels(): void {
    const cy = this.cy;
    const zoom = cy.zoom();
    const pan = cy.pan();
    const toScreen = (b: Box): Box => ({
      x1: b.x1 * zoom + pan.x,
      y1: b.y1 * zoom + pan.y,
      x2: b.x2 * zoom + pan.x,
      y2: b.y2 * zoom + pan.y,
    });
    const minFont = this.presentation ? MIN_LABEL_PX.presentation : MIN_LABEL_PX.desk;
    const themes = cy.nodes('.theme');
    // While a selection is in focus, faded circles are background: labels of the focus may lie over them.
    const circles: Circle[] = themes.toArray().flatMap((n) => {
      if (n.hasClass('faded')) return [];
      const p = n.renderedPosition();
      return [{ id: n.id(), x: p.x, y: p.y, r: ((n.data('size') as number) * zoom) / 2 + 1 }];
    });
    const fontOf = (n: NodeSingular) => (n.data('fontSize') as number) * zoom;
    // The most important themes are labelled first, then the region names, then the rest.
    const top = Math.max(Number.MIN_VALUE, ...themes.map((n) => (n.data('measure') as number) || 0));
    const regions = cy
      .nodes('.region')
      .map((n): MeasuredLabel | null => {
        const box = this.labelBoxes.get(n.id());
        return box ? { id: n.id(), boxes: [toScreen(box)], fontSize: fontOf(n), priority: top * 0.5 } : null;
      })
      .filter((c): c is MeasuredLabel => c !== null);
    const candidate = (n: NodeSingular, priority: number): MeasuredLabel | null => {
      const box = this.labelBoxes.get(n.id());
      if (!box) return null;
      const p = n.renderedPosition();
      const r = ((n.data('size') as number) * zoom) / 2;
      const w = (box.x2 - box.x1) * zoom;
      const h = (box.y2 - box.y1) * zoom;
      return {
        id: n.id(),
        // A highlighted theme keeps its label below: Cytoscape draws a label moved aside on a restyled
        // node cut off at the old label's box.
        boxes: n.is('.near, .focus, .lit')
          ? screenSides(sideBoxes(p.x, p.y, r, w, h, LABEL_GAP * zoom)).slice(0, 1)
          : screenSides(sideBoxes(p.x, p.y, r, w, h, LABEL_GAP * zoom)),
        fontSize: fontOf(n),
        priority,
      };
    };
    const focus = this.focusIds();
    const labels = themes
      .map((n) => {
        const base = (n.data('measure') as number) || 0;
        const priority = focus.has(n.id())
          ? n.hasClass('focus')
            ? Number.POSITIVE_INFINITY
            : 1e9 + base
          : n.hasClass('faded')
            ? -1
            : n.hasClass('bridge')
              ? 1e6 + base
              : base;
        return candidate(n, priority);
      })
      .filter((c): c is MeasuredLabel => c !== null && c.priority >= 0);
    const shown = placeMeasuredLabels(
      [...regions, ...labels],
      circles,
      { width: cy.width(), height: cy.height() },
      minFont,
      [...this.reserved(), ...this.covered()],
    );
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        const side = shown.get(n.id());
        const quiet = side === undefined;
        if (quiet !== n.hasClass('quiet')) n.toggleClass('quiet', quiet);
        SCREEN_SIDES.forEach((name, i) => {
          const on = i > 0 && side === i;
          if (on !== n.hasClass(`label-${name}`)) n.toggleClass(`label-${name}`, on);
        });
      });
    });
  }

  private focusIds(): Set<string> {
    const ids = new Set<string>();
    this.cy.nodes('.focus, .near, .lit').forEach((n) => {
      ids.add(n.id());
    });
    return ids;
  }

  /** Highlights the selected theme (and its neighbours) or link; everything else fades. */
  highlight(selection: Selection): void {
    this.selection = selection;
    if (selection?.kind !== 'case') this.lit = new Set();
    this.applyHighlight();
    this.placeLabels();
  }

  /** The themes of a selected review light up; the rest fade. */
  lightThemes(ids: Iterable<string>): void {
    this.lit = new Set(ids);
    this.applyHighlight();
    this.placeLabels();
  }

  private applyHighlight(): void {
    const cy = this.cy;
    const selection = this.selection;
    cy.batch(() => {
      cy.elements().removeClass('faded near focus lit');
      if (selection?.kind === 'case') {
        if (this.lit.size === 0) return;
        const lit = cy.nodes('.theme').filter((n) => this.lit.has(n.id()));
        cy.elements('.theme, edge')
          .not(lit.union(lit.edgesWith(lit)))
          .addClass('faded');
        lit.addClass('lit');
        lit.edgesWith(lit).addClass('near');
        return;
      }
      if (!selection) return;
      if (selection.kind === 'theme') {
        const node = cy.getElementById(selection.id);
        if (node.empty()) return;
        const hood = node.closedNeighborhood();
        cy.elements('.theme, edge').not(hood).addClass('faded');
        hood.addClass('near');
        node.addClass('focus');
        return;
      }
      const edge = cy.getElementById(linkId(selection.source, selection.target));
      if (edge.empty()) return;
      const ends = edge.connectedNodes();
      cy.elements('.theme, edge').not(ends.union(edge)).addClass('faded');
      edge.addClass('focus');
      ends.addClass('focus');
    });
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
    const dense = hood.length > Math.max(12, cy.nodes('.theme').length * 0.3);
    let zoom: number;
    let centre: { x: number; y: number };
    if (dense) {
      zoom = Math.min(2.5, this.fitZoom * (this.presentation ? 1.15 : 1.7));
      centre = node.position();
    } else {
      const bb = hood.boundingBox({});
      zoom = Math.max(this.fitZoom, Math.min(2.2, bw / Math.max(bb.w, 1), bh / Math.max(bb.h, 1)));
      centre = { x: (bb.x1 + bb.x2) / 2, y: (bb.y1 + bb.y2) / 2 };
    }
    // Labels grow with the zoom: beyond half again their fitted size they would no longer find room beside
    // their circles. On a projector they are already large, so presenting moves the map and keeps its zoom.
    zoom = Math.min(zoom, this.fitZoom * (this.presentation ? 1 : 1.5));
    const pan = { x: box.x1 + bw / 2 - centre.x * zoom, y: box.y1 + bh / 2 - centre.y * zoom };
    this.autoFit = false;
    this.focused = true;
    if (animate && !prefersReducedMotion())
      cy.animate({ zoom, pan, duration: 350, easing: 'ease-in-out-cubic' });
    else cy.viewport({ zoom, pan });
  }

  fit(animate = true): void {
    this.autoFit = true;
    this.focused = false;
    const viewport = this.fitViewport();
    if (animate && !prefersReducedMotion()) this.cy.animate({ ...viewport, duration: 300 });
    else this.cy.viewport(viewport);
  }

  /**
   * Sizes labels for the zoom at which the map fits its frame, then fits. Label sizes are fixed when the
   * elements are added, so a new scale means the elements are drawn afresh, positions unchanged.
   */
  private fitAndCalibrate(): void {
    const scale = this.labelScaleFor(this.estimateFitZoom());
    if (Math.abs(scale - this.labelScale) / this.labelScale > 0.2) {
      this.labelScale = scale;
      this.draw();
      this.setBridges(this.bridges);
    }
    this.cy.viewport(this.fitViewport());
    this.fitZoom = this.cy.zoom();
    this.placeLabels();
  }

  private labelScaleFor(zoom: number): number {
    const maxFont = Math.max(1, ...this.model.nodes.map((n) => n.fontSize));
    const target = this.presentation ? TOP_LABEL_PX.presentation : TOP_LABEL_PX.desk;
    return Math.min(8, Math.max(0.3, target / (maxFont * zoom)));
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
    // Region padding and names, and labels under the lowest circles, take roughly a fifth more room.
    const w = (x2 - x1) * 1.2;
    const h = (y2 - y1) * 1.2;
    const f = this.frame();
    return Math.min(
      (f.x2 - f.x1 - 2 * FIT_PADDING) / Math.max(w, 1),
      (f.y2 - f.y1 - 2 * FIT_PADDING) / Math.max(h, 1),
    );
  }

  zoomBy(factor: number): void {
    const level = Math.min(this.cy.maxZoom(), Math.max(this.cy.minZoom(), this.cy.zoom() * factor));
    this.cy.zoom({ level, renderedPosition: { x: this.cy.width() / 2, y: this.cy.height() / 2 } });
  }

  /** The frame changed size (window, panel, presentation): refit unless someone has panned or zoomed. */
  resize(): void {
    this.cy.resize();
    if (this.autoFit && this.fitted) this.fitAndCalibrate();
    else this.placeLabels();
  }

  /**
   * A panel opened or closed beside the map: the map refits to the frame it has left, or, when a theme
   * was brought into view, keeps that theme's view centred in the new frame.
   */
  refit(): void {
    const before = { w: this.cy.width(), h: this.cy.height() };
    this.cy.resize();
    if (!this.fitted) return;
    if (this.focused) {
      const pan = this.cy.pan();
      this.cy.pan({
        x: pan.x + (this.cy.width() - before.w) / 2,
        y: pan.y + (this.cy.height() - before.h) / 2,
      });
      return;
    }
    this.autoFit = true;
    this.fitAndCalibrate();
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

function formatP(p: number): string {
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}

function prefersReducedMotion(): boolean {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}
