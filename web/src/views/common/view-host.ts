/** What the trends and comparison views need from the explorer around them. */
import type { Api } from '../../api/client.ts';
import type { ViewState } from '../../state/view-state.ts';
import type { ViewParams } from '../view-params.ts';

export interface ViewHost {
  api: Api;
  state(): ViewState;
  /** Changes the view's own settings (they are kept in the address). */
  setParams(patch: Partial<ViewParams>): void;
  /** The filters in words, for captions. */
  filterCaption(): string;
  /** The latest year with reviews in the collection, if known. */
  yearMax(): number | null;
  /** Opens a review's card with its evidence. */
  openReview(id: string): void;
  toast(message: string): void;
}

/** Counts below this are hidden while room-safe is on; null when nothing is hidden. */
export function hideBelow(state: ViewState): number | null {
  return state.roomSafe && state.safeMinShared > 1 ? state.safeMinShared : null;
}
