/** What a change of view state means for the theme map: ask the API again, or only draw again. */
import type { ViewState } from './view-state.ts';

export interface MapChange {
  /** Filters or link thresholds changed: the network must be loaded again. */
  reload: boolean;
  /** Only how it is drawn changed (size measure, bridging themes). */
  redraw: boolean;
}

export function mapStateChange(next: ViewState, prev: ViewState): MapChange {
  const reload =
    JSON.stringify(next.filters) !== JSON.stringify(prev.filters) ||
    next.minShared !== prev.minShared ||
    next.linkLevel !== prev.linkLevel ||
    next.roomSafe !== prev.roomSafe ||
    next.safeMinShared !== prev.safeMinShared;
  const redraw = !reload && (next.sizeBy !== prev.sizeBy || next.bridges !== prev.bridges);
  return { reload, redraw };
}
