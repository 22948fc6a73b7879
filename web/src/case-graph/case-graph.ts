/**
 * The case graph: the typed graph (reviews, themes, harm types, agencies, statements) around a selection.
 * It grows as nodes are expanded; what is drawn stays put and new nodes settle around the one expanded.
 */
import type { Core, ElementDefinition, NodeSingular, StylesheetJson } from 'cytoscape';
import type { GraphNode, GraphPath, NodeKind, Subgraph } from '../api/types.ts';
import { createCytoscape, FONT_STACK } from '../map/cytoscape-setup.ts';
import { type LabelCandidate, placeLabels } from '../map/label-placement.ts';
import { forceLayout, type Point } from '../map/layout.ts';
import { edgeKey, emptyGraph, type GraphData, merge } from './graph-model.ts';
import { KINDS, shortCaption } from './kinds.ts';

export interface CaseGraphEvents {
  select(node: GraphNode): void;
  background(): void;
}

export class CaseGraph {
  cy: Core;
  readonly data: GraphData = emptyGraph();
  readonly expanded = new Set<string>();
  private captioner: (node: GraphNode) => string = (n) => n.caption;
  private large = false;

  constructor(
    private readonly container: HTMLElement,
    private readonly events: CaseGraphEvents,
    private webgl: boolean,
  ) {
    this.cy = this.create();
    for (const type of ['wheel', 'pointerdown']) {
      container.addEventListener(
        type,
        () => {
          this.userMoved = true;
        },
        { passive: true },
      );
    }
  }

  private create(): Core {
    const cy = createCytoscape({
      container: this.container,
      style: caseGraphStyle(),
      webgl: this.webgl,
      large: this.large,
    });
    cy.on('tap', 'node', (e) => {
      const node = this.data.nodes.get((e.target as NodeSingular).id());
      if (node) this.events.select(node);
    });
    cy.on('tap', (e) => {
      if (e.target === cy) this.events.background();
    });
    cy.on('viewport add remove', () => this.scheduleLabels());
    cy.on('mouseover', 'node', (e) => (e.target as NodeSingular).addClass('hover'));
    cy.on('mouseout', 'node', (e) => (e.target as NodeSingular).removeClass('hover'));
    return cy;
  }

  private labelTimer: number | undefined;

  private scheduleLabels(): void {
    window.clearTimeout(this.labelTimer);
    this.labelTimer = window.setTimeout(() => this.placeLabels(), 60);
  }

  /** Same rule as the theme map: only labels that fit without overlapping, most important first. */
  private placeLabels(): void {
    const cy = this.cy;
    const zoom = cy.zoom();
    const candidates: LabelCandidate[] = cy.nodes().map((n) => {
      const p = n.renderedPosition();
      const kind = n.data('kind') as NodeKind;
      const priority =
        n.hasClass('selected') || n.hasClass('on-path')
          ? Number.POSITIVE_INFINITY
          : (this.expanded.has(n.id()) ? 100 : 0) + KIND_PRIORITY[kind];
      return {
        id: n.id(),
        x: p.x,
        y: p.y,
        diameter: (n.data('size') as number) * zoom,
        fontSize: LABEL_FONT * zoom,
        maxWidth: LABEL_WIDTH * zoom,
        text: n.data('short') as string,
        priority,
      };
    });
    const shown = placeLabels(candidates, { width: cy.width(), height: cy.height() }, 8);
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        const quiet = !shown.has(n.id());
        if (quiet !== n.hasClass('quiet')) n.toggleClass('quiet', quiet);
      });
    });
  }

  setWebgl(on: boolean): void {
    if (on === this.webgl) return;
    this.webgl = on;
    const positions = new Map(this.cy.nodes().map((n) => [n.id(), { ...n.position() }]));
    this.cy.destroy();
    this.cy = this.create();
    this.cy.add(this.elements(positions));
    this.cy.fit(undefined, 40);
  }

  /** How a node is captioned (pseudonyms may be hidden); refreshes what is drawn. */
  setCaptioner(captioner: (node: GraphNode) => string): void {
    this.captioner = captioner;
    this.cy.batch(() => {
      this.cy.nodes().forEach((el) => {
        const node = this.data.nodes.get(el.id());
        if (node) el.data('short', shortCaption(captioner(node)));
      });
    });
  }

  caption(node: GraphNode): string {
    return this.captioner(node);
  }

  clear(): void {
    this.cy.elements().remove();
    this.data.nodes.clear();
    this.data.edges.clear();
    this.expanded.clear();
  }

  /** Adds a neighbourhood or path; returns the ids of the nodes it added. */
  add(sub: Subgraph, around: string | null): string[] {
    const added = merge(this.data, sub);
    if (added.nodes.length === 0 && added.edges.length === 0) return [];
    const pinned = new Map(this.cy.nodes().map((n) => [n.id(), { ...n.position() }]));
    const hints = new Map<string, Point>();
    const anchor = around ? pinned.get(around) : undefined;
    if (anchor) for (const id of added.nodes) hints.set(id, anchor);
    const positions = forceLayout(
      [...this.data.nodes.values()].map((n) => ({ id: n.id, radius: KINDS[n.kind].size / 2 })),
      [...this.data.edges.values()].map((e) => ({ source: e.source, target: e.target, strength: 0.6 })),
      { pinned, hints, labelRoom: 26, spread: 2, iterations: pinned.size ? 220 : 320 },
    );
    const newNodes = new Set(added.nodes);
    const newEdges = new Set(added.edges);
    this.cy.batch(() => {
      this.cy.add(
        this.elements(positions).filter(
          (el) => newNodes.has(el.data.id ?? '') || newEdges.has(el.data.id ?? ''),
        ),
      );
    });
    return added.nodes;
  }

  private elements(positions: ReadonlyMap<string, Point>): ElementDefinition[] {
    const nodes: ElementDefinition[] = [...this.data.nodes.values()].map((n) => ({
      group: 'nodes',
      data: {
        id: n.id,
        kind: n.kind,
        short: shortCaption(this.captioner(n)),
        colour: KINDS[n.kind].colour,
        shape: KINDS[n.kind].shape,
        size: this.expanded.has(n.id) ? KINDS[n.kind].size * 1.35 : KINDS[n.kind].size,
      },
      position: { ...(positions.get(n.id) ?? { x: 0, y: 0 }) },
    }));
    const edges: ElementDefinition[] = [...this.data.edges.values()].map((e) => ({
      group: 'edges',
      data: { id: e.id, source: e.source, target: e.target, type: e.type.replace(/_/g, ' ').toLowerCase() },
    }));
    return [...nodes, ...edges];
  }

  markExpanded(id: string): void {
    this.expanded.add(id);
    this.cy.getElementById(id).addClass('expanded');
    this.scheduleLabels();
  }

  select(id: string | null): void {
    this.cy.batch(() => {
      this.cy.nodes('.selected').removeClass('selected');
      if (id) this.cy.getElementById(id).addClass('selected');
    });
    this.scheduleLabels();
  }

  highlightPaths(paths: GraphPath[]): void {
    this.cy.batch(() => {
      this.cy.elements().removeClass('on-path off-path');
      if (paths.length === 0) return;
      const ids = new Set<string>();
      for (const p of paths) {
        for (const n of p.nodes) ids.add(n.id);
        for (const e of p.edges) ids.add(edgeKey(e));
      }
      this.cy.elements().forEach((el) => {
        el.addClass(ids.has(el.id()) ? 'on-path' : 'off-path');
      });
    });
  }

  focus(ids: string[]): void {
    let eles = this.cy.collection();
    for (const id of ids) eles = eles.union(this.cy.getElementById(id));
    if (eles.nonempty()) this.cy.animate({ fit: { eles, padding: 70 }, duration: 300 });
  }

  fit(): void {
    this.cy.animate({ fit: { eles: this.cy.elements(), padding: 40 }, duration: 250 });
  }

  zoomBy(factor: number): void {
    const level = Math.min(this.cy.maxZoom(), Math.max(this.cy.minZoom(), this.cy.zoom() * factor));
    this.cy.zoom({ level, renderedPosition: { x: this.cy.width() / 2, y: this.cy.height() / 2 } });
  }

  /** Until someone pans or zooms, the graph keeps fitting its frame. */
  private userMoved = false;

  resize(): void {
    this.cy.resize();
    if (!this.userMoved && this.cy.nodes().nonempty()) this.cy.fit(undefined, 50);
  }

  kinds(): Set<NodeKind> {
    return new Set([...this.data.nodes.values()].map((n) => n.kind));
  }
}

const LABEL_FONT = 12;
const LABEL_WIDTH = 150;

/** Which labels win when space is short: the taxonomy (themes, harm types, agencies) before statements. */
const KIND_PRIORITY: Record<NodeKind, number> = {
  THEME: 6,
  HARM_TYPE: 5,
  AGENCY: 4,
  CASE_REVIEW: 3,
  SOURCE: 2,
  RECOMMENDATION: 1,
  LEARNING: 0,
};

function caseGraphStyle(): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        shape: 'data(shape)' as never,
        width: 'data(size)',
        height: 'data(size)',
        'background-color': 'data(colour)',
        'border-width': 2,
        'border-color': '#ffffff',
        label: 'data(short)',
        'font-family': FONT_STACK,
        'font-size': LABEL_FONT,
        color: '#1b2126',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': `${LABEL_WIDTH}px`,
        'text-outline-color': '#ffffff',
        'text-outline-width': 2.5,
        'min-zoomed-font-size': 7,
        'overlay-opacity': 0,
      },
    },
    { selector: 'node.quiet', style: { 'text-opacity': 0 } },
    {
      selector: 'node.hover',
      style: { 'text-opacity': 1, 'border-color': '#0b0c0c', 'border-width': 3, 'z-index': 20 },
    },
    {
      selector: 'node.expanded',
      style: { 'border-color': '#1b2126', 'border-width': 2.5, 'border-style': 'double' },
    },
    { selector: 'node.selected', style: { 'border-color': '#0b0c0c', 'border-width': 5, 'z-index': 10 } },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'line-color': '#9aa5ae',
        'curve-style': 'bezier',
        'target-arrow-shape': 'triangle',
        'target-arrow-color': '#9aa5ae',
        'arrow-scale': 0.8,
        label: 'data(type)',
        'font-size': 9,
        color: '#4b5660',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'min-zoomed-font-size': 10,
        'overlay-opacity': 0,
      },
    },
    { selector: '.off-path', style: { opacity: 0.18 } },
    {
      selector: 'edge.on-path',
      style: { width: 4, 'line-color': '#d4351c', 'target-arrow-color': '#d4351c', 'z-index': 9 },
    },
    { selector: 'node.on-path', style: { 'border-color': '#d4351c', 'border-width': 4 } },
  ];
}
