/**
 * The case-graph view: opening it on what is selected, showing it, following its node choices, and keeping
 * its legend and node list in step with what it holds.
 */
import type { GraphNode } from '../api/types.ts';
import { Legend } from '../map/legend.ts';
import { kindLegend, type LegendModel } from '../map/legend-model.ts';
import { h, replaceChildren } from '../shell/dom.ts';
import type { Store } from '../state/store.ts';
import type { Selection, ViewState } from '../state/view-state.ts';
import type { GraphController } from './graph-controller.ts';
import { graphNodeList } from './graph-list.ts';
import type { GraphPanelContext } from './graph-panel.ts';

export interface GraphViewHost {
  state(): ViewState;
  update: Store<ViewState>['update'];
  controller: GraphController;
  canvas: HTMLElement;
  /** The map's themes in stepping order: the graph opens on the first when nothing is selected. */
  themeOrder(): string[];
  select(selection: Selection): void;
  forgetHistory(): void;
  loadPanel(): void;
  /** The graph's nodes changed: the drawer's count follows. */
  nodesChanged(): void;
}

export class GraphView {
  readonly list: HTMLElement = h('div', { class: 'graph-list' });
  readonly legend = new Legend('graph-legend');

  constructor(private readonly host: GraphViewHost) {}

  open(): void {
    const state = this.host.state();
    if (state.graphRoots.length) {
      this.host.update({ view: 'graph' });
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
            : this.host
                .themeOrder()
                .slice(0, 1)
                .map((id) => `Theme:${id}`);
    this.host.update({ view: 'graph', graphRoots: roots });
  }

  openAround(ref: string): void {
    const roots = this.host.state().graphRoots;
    this.host.controller.selected = ref;
    this.host.update({ view: 'graph', graphRoots: roots.includes(ref) ? roots : [...roots, ref] });
  }

  async show(): Promise<void> {
    const controller = this.host.controller;
    const graph = controller.mount(this.host.canvas, this.host.state().webgl);
    graph.resize();
    await controller.sync(this.host.state());
    if (controller.selected) graph.select(controller.selected);
    this.changed();
  }

  nodeSelected(node: GraphNode): void {
    if (node.kind === 'CASE_REVIEW') this.host.select({ kind: 'case', id: node.key });
    else if (node.kind === 'THEME') this.host.select({ kind: 'theme', id: node.key });
    else {
      this.host.forgetHistory();
      if (this.host.state().selection) this.host.update({ selection: null });
      else this.host.loadPanel();
    }
  }

  changed(): void {
    const graph = this.host.controller.graph;
    if (!graph) return;
    const kinds = graph.kinds();
    const legend = kindLegend(kinds, 'Click a node to show its neighbours.');
    this.legend.render(legend.title, legend.entries, legend.notes);
    this.renderList();
    this.host.nodesChanged();
    if (this.host.controller.selected) this.host.loadPanel();
  }

  renderList(): void {
    const controller = this.host.controller;
    const graph = controller.graph;
    if (!graph) return;
    replaceChildren(
      this.list,
      graphNodeList(
        graph,
        (n) => controller.caption(n),
        (id) => controller.choose(id),
      ),
    );
  }

  /** A theme or review chosen elsewhere (the map, a panel, search) is chosen in the graph too. */
  follow(selection: { kind: 'theme' | 'case'; id: string }): void {
    const node = this.host.controller.nodeFor(selection.kind, selection.id);
    this.host.controller.selected = node;
    this.host.controller.graph?.select(node);
  }

  /** The graph's legend, for exports. */
  exportLegend(): LegendModel {
    return kindLegend(
      this.host.controller.graph?.kinds() ?? new Set(),
      'Arrows point from a review to what it concerns, involves, learns or recommends.',
    );
  }

  panelContext(): GraphPanelContext {
    const controller = this.host.controller;
    return {
      roomSafe: this.host.state().roomSafe,
      caption: (n: GraphNode) => controller.caption(n),
      expand: (id: string) => void controller.expand(id, true),
      connect: (from: string, to: string) => controller.connect(from, to),
      selectNode: (id: string) => controller.choose(id),
      openCase: (id: string) => this.host.select({ kind: 'case', id }),
    };
  }
}
