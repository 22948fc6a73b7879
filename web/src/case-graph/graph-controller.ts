/**
 * Drives the case graph: restores it from the URL (roots, connection question), expands nodes on click via
 * `neighbourhood`, answers "how are these two connected?" via `connections`, and keeps captions room-safe.
 */
import type { Api } from '../api/client.ts';
import { type CaseName, CONNECTIONS, caseNames, NEIGHBOURHOOD } from '../api/queries.ts';
import type { GraphNode, GraphPath } from '../api/types.ts';
import { anonymise, pseudonymsOf, reviewCaption } from '../presentation/pseudonyms.ts';
import type { ViewState } from '../state/view-state.ts';
import { CaseGraph } from './case-graph.ts';
import { edgeKey } from './graph-model.ts';
import type { GraphPanelInput } from './graph-panel.ts';
import { keyOfRef } from './kinds.ts';

export interface GraphHost {
  api: Api;
  state(): ViewState;
  update(patch: Partial<ViewState>): void;
  maxHops(): number;
  caseMeta: Map<string, CaseName>;
  /** A node was clicked (or chosen in a list): the host shows its panel. */
  nodeSelected(node: GraphNode): void;
  background(): void;
  changed(): void;
  error(message: string): void;
}

const NEIGHBOURS = 40;
const NAME_BATCH = 25;

export class GraphController {
  graph: CaseGraph | null = null;
  selected: string | null = null;
  paths: GraphPath[] | null = null;
  pathError: string | null = null;
  private pathKey: string | null = null;
  private inflight = new Map<string, Promise<void>>();

  constructor(private readonly host: GraphHost) {}

  mount(container: HTMLElement, webgl: boolean): CaseGraph {
    if (!this.graph) {
      this.graph = new CaseGraph(
        container,
        {
          select: (node) => this.choose(node.id),
          background: () => {
            this.selected = null;
            this.graph?.select(null);
            this.host.background();
          },
        },
        webgl,
      );
      this.graph.setCaptioner((n) => this.caption(n));
    }
    return this.graph;
  }

  /** Brings the graph in line with the state: every root expanded, the connection question answered. */
  async sync(state: ViewState): Promise<void> {
    if (!this.graph) return;
    for (const root of state.graphRoots) await this.expand(root, false);
    const key = state.graphPath ? `${state.graphPath.from}|${state.graphPath.to}` : null;
    if (key !== this.pathKey) {
      this.pathKey = key;
      if (state.graphPath) await this.findPaths(state.graphPath.from, state.graphPath.to);
      else {
        this.paths = null;
        this.graph.highlightPaths([]);
      }
    }
  }

  choose(id: string): void {
    const node = this.graph?.data.nodes.get(id);
    if (!node || !this.graph) return;
    this.selected = id;
    this.graph.select(id);
    this.host.nodeSelected(node);
    if (!this.graph.expanded.has(id)) void this.expand(id, true);
  }

  async expand(ref: string, record: boolean): Promise<void> {
    const graph = this.graph;
    if (!graph || graph.expanded.has(ref)) return this.inflight.get(ref);
    graph.markExpanded(ref);
    const work = (async () => {
      const result = await this.host.api.request(NEIGHBOURHOOD, { id: ref, depth: 1, limit: NEIGHBOURS });
      if (!result.ok) {
        graph.expanded.delete(ref);
        this.host.error(`Could not expand: ${result.error.message}`);
        return;
      }
      const first = graph.data.nodes.size === 0;
      graph.add(result.data.neighbourhood, ref);
      await this.loadNames();
      if (first) graph.cy.fit(undefined, 50);
      else
        graph.focus([
          ref,
          ...graph.cy
            .getElementById(ref)
            .neighborhood()
            .nodes()
            .map((n) => n.id()),
        ]);
      graph.markExpanded(ref);
      if (record && !this.host.state().graphRoots.includes(ref)) {
        this.host.update({ graphRoots: [...this.host.state().graphRoots, ref] });
      }
      this.host.changed();
    })();
    this.inflight.set(ref, work);
    await work;
    this.inflight.delete(ref);
  }

  connect(from: string, to: string): void {
    this.host.update({ graphPath: { from, to } });
  }

  private async findPaths(from: string, to: string): Promise<void> {
    const graph = this.graph;
    if (!graph) return;
    this.pathError = null;
    const result = await this.host.api.request(CONNECTIONS, {
      from,
      to,
      maxHops: Math.min(4, this.host.maxHops()),
      first: 5,
    });
    if (!result.ok) {
      this.paths = [];
      this.pathError = `Could not find connections: ${result.error.message}`;
      this.host.changed();
      return;
    }
    this.paths = result.data.connections;
    for (const c of this.paths.flatMap((p) => p.cases)) this.host.caseMeta.set(c.id, c);
    for (const p of this.paths) graph.add({ nodes: p.nodes, edges: p.edges }, from);
    await this.loadNames();
    graph.highlightPaths(this.paths);
    const ids = this.paths.flatMap((p) => [...p.nodes.map((n) => n.id), ...p.edges.map(edgeKey)]);
    if (ids.length) graph.focus(ids);
    this.host.changed();
  }

  /** Fetches title, pseudonym, type and year of reviews in the graph not yet known, for room-safe captions. */
  private async loadNames(): Promise<void> {
    const graph = this.graph;
    if (!graph) return;
    const missing = [...graph.data.nodes.values()]
      .filter((n) => n.kind === 'CASE_REVIEW' && !this.host.caseMeta.has(n.key))
      .map((n) => n.key);
    for (let i = 0; i < missing.length; i += NAME_BATCH) {
      const { op, variables } = caseNames(missing.slice(i, i + NAME_BATCH));
      const result = await this.host.api.request(op, variables);
      if (!result.ok) return;
      for (const value of Object.values(result.data)) if (value) this.host.caseMeta.set(value.id, value);
    }
    graph.setCaptioner((n) => this.caption(n));
  }

  refreshCaptions(): void {
    this.graph?.setCaptioner((n) => this.caption(n));
  }

  caption(node: GraphNode): string {
    const safe = this.host.state().roomSafe;
    if (!safe) return node.caption;
    if (node.kind === 'CASE_REVIEW') {
      const meta = this.host.caseMeta.get(node.key);
      return meta ? reviewCaption(meta, true) : 'A review';
    }
    if (node.kind === 'LEARNING' || node.kind === 'RECOMMENDATION') {
      const names = [...this.host.caseMeta.values()].flatMap((c) => pseudonymsOf(c.child));
      return anonymise(node.caption, names);
    }
    return node.caption;
  }

  panelInput(id: string): GraphPanelInput | null {
    const graph = this.graph;
    const node = graph?.data.nodes.get(id);
    if (!graph || !node) return null;
    const neighbours = graph.cy
      .getElementById(id)
      .neighborhood()
      .nodes()
      .map((n) => graph.data.nodes.get(n.id()))
      .filter((n): n is GraphNode => n !== undefined);
    const path = this.host.state().graphPath;
    return {
      node,
      expanded: graph.expanded.has(id),
      others: [...graph.data.nodes.values()]
        .filter((n) => n.id !== id)
        .sort((a, b) => a.kind.localeCompare(b.kind) || a.caption.localeCompare(b.caption)),
      neighbours,
      paths: path && path.from === id ? this.paths : null,
      pathTarget: path && path.from === id ? path.to : null,
      pathError: path && path.from === id ? this.pathError : null,
    };
  }

  /** The graph node matching the app's selection, if it is drawn. */
  nodeFor(kind: 'theme' | 'case', key: string): string | null {
    const id = `${kind === 'theme' ? 'Theme' : 'CaseReview'}:${key}`;
    return this.graph?.data.nodes.has(id) ? id : null;
  }

  clear(): void {
    this.graph?.clear();
    this.selected = null;
    this.paths = null;
    this.pathKey = null;
    this.host.update({ graphRoots: [], graphPath: null });
  }

  keyOf(id: string): string {
    return keyOfRef(id);
  }
}
