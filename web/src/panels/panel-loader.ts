/**
 * Fills the side panel for the current selection: a theme, a link between two themes, a review, or (with
 * nothing selected) the case graph's chosen node. Each load is numbered; an answer to an older one is dropped.
 */
import type { Api } from '../api/client.ts';
import type { AnalyticNetwork } from '../api/network-queries.ts';
import { CASE_DETAIL, CASES, type CaseName, THEME_DETAIL } from '../api/queries.ts';
import type { GraphController } from '../case-graph/graph-controller.ts';
import { type GraphPanelContext, graphActions, graphNodePanel } from '../case-graph/graph-panel.ts';
import { KINDS } from '../case-graph/kinds.ts';
import { hasActiveFilters, toCaseFilter } from '../filters/filter-model.ts';
import type { Boot } from '../loading/map-data.ts';
import { linkId } from '../map/map-model.ts';
import { type StepQuote, stepQuote } from '../presentation/steps.ts';
import { countFloor } from '../state/thresholds.ts';
import type { Selection, ViewState } from '../state/view-state.ts';
import type { PanelContext } from './evidence.ts';
import { linkPanel } from './link-panel.ts';
import { rarerFirst, reviewsSharing } from './link-reviews.ts';
import type { PanelHost } from './panel-host.ts';
import { rankRelated } from './related.ts';
import { reviewPanel } from './review-panel.ts';
import { type ThemePanelData, themePanel } from './theme-panel.ts';

const PAGE = 20;

export interface PanelLoaderHost {
  api: Api;
  panel: PanelHost;
  state(): ViewState;
  boot(): Boot | null;
  network(): AnalyticNetwork | null;
  /** A review is open: its themes light up on the map (empty when it closes or is unknown). */
  caseThemes?(ids: string[]): void;
  caseMeta: Map<string, CaseName>;
  graph: Pick<GraphController, 'selected' | 'panelInput'>;
  graphPanelContext(): GraphPanelContext;
  select(selection: Selection, from?: string): void;
  openGraph(ref: string): void;
  /** Where the panel's back button goes, if anywhere. */
  backLabel(): string | null;
  /** A theme's panel found the quote that captions it when presenting. */
  quoted(quote: StepQuote | null): void;
}

export class PanelLoader {
  private seq = 0;

  constructor(private readonly host: PanelLoaderHost) {}

  load(): void {
    const state = this.host.state();
    const sel = state.selection;
    const seq = ++this.seq;
    const graph = this.host.graph;
    if (!sel) {
      const node = state.view === 'graph' && graph.selected ? graph.panelInput(graph.selected) : null;
      if (node)
        this.host.panel.show(
          KINDS[node.node.kind].label,
          graphNodePanel(node, this.host.graphPanelContext()),
          null,
        );
      else this.host.panel.hide();
      return;
    }
    if (sel.kind === 'theme') void this.loadTheme(sel.id, seq);
    else if (sel.kind === 'link') void this.loadLink(sel.source, sel.target, seq);
    else void this.loadReview(sel.id, seq);
  }

  private context(): PanelContext {
    return {
      roomSafe: this.host.state().roomSafe,
      sourceTitle: (id) => this.host.boot()?.sources.get(id)?.title ?? 'Source document',
      select: (selection, from) => this.host.select(selection, from),
      openGraph: (ref) => this.host.openGraph(ref),
    };
  }

  private withGraphActions(content: HTMLElement): HTMLElement {
    const state = this.host.state();
    const id = this.host.graph.selected;
    if (state.view !== 'graph' || !id) return content;
    const input = this.host.graph.panelInput(id);
    if (!input) return content;
    content.insertBefore(
      graphActions(input, this.host.graphPanelContext()),
      content.querySelector('h2')?.nextSibling ?? null,
    );
    return content;
  }

  private async loadTheme(id: string, seq: number): Promise<void> {
    const { api, panel } = this.host;
    const known = this.host.boot()?.themes;
    if (known && !known.has(id)) {
      panel.notFound(
        'Theme',
        `There is no theme "${id}" in this collection. The link may be mistyped, or the theme renamed.`,
      );
      return;
    }
    const label = known?.get(id)?.label ?? 'theme';
    panel.loading('Theme', label);
    const state = this.host.state();
    const filter = toCaseFilter(state.filters);
    const result = await api.request(THEME_DETAIL, {
      id,
      filter,
      cases: { ...filter, themes: [id] },
      first: PAGE,
      after: null,
    });
    if (seq !== this.seq) return;
    if (!result.ok) return panel.error('Theme', result.error, () => this.load());
    const theme = result.data.theme;
    if (!theme) {
      panel.notFound(
        'Theme',
        `There is no theme "${id}" in this collection. The link may be mistyped, or the theme renamed.`,
      );
      return;
    }
    for (const e of result.data.cases.edges) this.host.caseMeta.set(e.node.id, e.node);
    const data: ThemePanelData = {
      theme,
      related: rankRelated(id, theme.related, this.host.network()?.edges ?? [], countFloor(state)),
      filteredCount: this.host.network()?.nodes.find((n) => n.id === id)?.weight ?? null,
      cases: result.data.cases,
      filtered: hasActiveFilters(state.filters),
    };
    const render = () => {
      const more = async (after: string) => {
        const page = await api.request(CASES, {
          cases: { ...filter, themes: [id] },
          first: PAGE,
          after,
        });
        if (seq !== this.seq || !page.ok) return;
        data.cases = { ...page.data.cases, edges: [...data.cases.edges, ...page.data.cases.edges] };
        render();
      };
      panel.show(
        'Theme',
        this.withGraphActions(themePanel(data, this.context(), (after) => void more(after))),
        this.host.backLabel(),
      );
    };
    render();
    this.host.quoted(
      stepQuote(
        id,
        result.data.cases.edges.map((e) => e.node),
        state.roomSafe,
      ),
    );
  }

  private async loadLink(a: string, b: string, seq: number): Promise<void> {
    const { panel } = this.host;
    const boot = this.host.boot();
    const network = this.host.network();
    const themes = boot?.themes;
    const unknown = themes ? [a, b].filter((t) => !themes.has(t)) : [];
    if (unknown.length > 0) {
      panel.notFound(
        'Link',
        `There is no theme ${unknown.map((t) => `"${t}"`).join(' or ')} in this collection, so this link cannot be shown. The link may be mistyped.`,
      );
      return;
    }
    const la = { id: a, label: themes?.get(a)?.label ?? a };
    const lb = { id: b, label: themes?.get(b)?.label ?? b };
    panel.loading('Link', `${la.label} and ${lb.label}`);
    const edge = network?.edges.find((e) => linkId(e.source, e.target) === linkId(a, b)) ?? null;
    const weights = new Map(network?.nodes.map((n) => [n.id, n.weight]) ?? []);
    const result = await reviewsSharing(
      this.host.api,
      toCaseFilter(this.host.state().filters),
      rarerFirst(weights, a, b),
      {
        expected: edge?.weight ?? null,
        pageSize: Math.min(100, boot?.capabilities.maxFirst ?? 100),
        stale: () => seq !== this.seq,
      },
    );
    if (!result) return;
    if (!result.ok) return panel.error('Link', result.error, () => this.load());
    const { cases, truncated } = result.data;
    for (const c of cases) this.host.caseMeta.set(c.id, c);
    panel.show(
      'Link',
      linkPanel(
        { a: la, b: lb, shared: edge?.weight ?? null, lift: edge?.lift ?? null, cases, truncated },
        this.context(),
      ),
      this.host.backLabel(),
    );
  }

  private async loadReview(id: string, seq: number): Promise<void> {
    const { panel } = this.host;
    panel.loading('Review', 'the review');
    const result = await this.host.api.request(CASE_DETAIL, { id });
    if (seq !== this.seq) return;
    if (!result.ok) return panel.error('Review', result.error, () => this.load());
    const review = result.data.case;
    if (!review) {
      this.host.caseThemes?.([]);
      panel.notFound(
        'Review',
        `There is no review "${id}" in this collection. It may have been removed, or the link is mistyped.`,
      );
      return;
    }
    this.host.caseMeta.set(review.id, review);
    this.host.caseThemes?.(review.themes.map((t) => t.theme.id));
    panel.show('Review', this.withGraphActions(reviewPanel(review, this.context())), this.host.backLabel());
  }
}
