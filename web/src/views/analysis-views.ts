/**
 * The trends, comparison and recommendations views together: which one is on show, and when each redraws.
 * A view refetches only when its question changed (filters or its own settings); room-safe changes redraw
 * without a fetch.
 */
import type { ViewState } from '../state/view-state.ts';
import type { ViewHost } from './common/view-host.ts';
import { CompareView } from './compare/compare-view.ts';
import { RecommendationsView } from './recommendations/rec-view.ts';
import { TrendsView } from './trends/trends-view.ts';

export type AnalysisView = 'trends' | 'compare' | 'recommendations';

export function isAnalysisView(view: ViewState['view']): view is AnalysisView {
  return view === 'trends' || view === 'compare' || view === 'recommendations';
}

export class AnalysisViews {
  readonly trends: TrendsView;
  readonly compare: CompareView;
  readonly recommendations: RecommendationsView;

  constructor(
    region: HTMLElement,
    private readonly host: ViewHost,
  ) {
    this.trends = new TrendsView(host);
    this.compare = new CompareView(host);
    this.recommendations = new RecommendationsView(host);
    region.append(this.trends.root, this.compare.root, this.recommendations.root);
  }

  /** Shows the view the state names (or none), loading it if needed. */
  sync(next: ViewState, prev: ViewState | null): void {
    this.trends.root.hidden = next.view !== 'trends';
    this.compare.root.hidden = next.view !== 'compare';
    this.recommendations.root.hidden = next.view !== 'recommendations';
    if (!isAnalysisView(next.view)) return;
    const changed =
      !prev ||
      next.view !== prev.view ||
      next.views !== prev.views ||
      JSON.stringify(next.filters) !== JSON.stringify(prev.filters) ||
      next.roomSafe !== prev.roomSafe ||
      next.safeMinShared !== prev.safeMinShared;
    if (!changed) return;
    void this[next.view].show();
  }

  /** The data on the server changed (documents added or removed): fetch again. */
  reload(): void {
    this.trends.forget();
    this.compare.forget();
    this.recommendations.forget();
    this.sync(this.host.state(), null);
  }
}
