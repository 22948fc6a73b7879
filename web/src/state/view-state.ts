/** Everything that defines what the explorer shows. It round-trips through the URL (share/url-state.ts). */
import type { AgeBand, Outcome, ReviewType } from '../api/types.ts';
import { DEFAULT_VIEW_PARAMS, type ViewParams } from '../views/view-params.ts';

export type View = 'map' | 'graph' | 'trends' | 'compare';
export type Weighting = 'shared' | 'lift';

export type Selection =
  | { kind: 'theme'; id: string }
  | { kind: 'link'; source: string; target: string }
  | { kind: 'case'; id: string }
  | null;

export interface Filters {
  harmTypes: string[];
  agencies: string[];
  outcome: Outcome[];
  ageBands: AgeBand[];
  reviewTypes: ReviewType[];
  sources: string[];
  yearFrom: number | null;
  yearTo: number | null;
}

export interface ViewState {
  view: View;
  filters: Filters;
  minShared: number;
  weighting: Weighting;
  selection: Selection;
  /** Case graph: the NodeRef ids whose neighbourhoods are shown ('Theme:…', 'CaseReview:…'). */
  graphRoots: string[];
  /** Case graph: a "how are these connected?" pair. */
  graphPath: { from: string; to: string } | null;
  presenting: boolean;
  /** The room-safe switch: child pseudonyms hidden, and links shared by fewer than safeMinShared reviews hidden. */
  roomSafe: boolean;
  safeMinShared: number;
  webgl: boolean;
  /** The trends and comparison views' own settings. */
  views: ViewParams;
}

export const EMPTY_FILTERS: Filters = {
  harmTypes: [],
  agencies: [],
  outcome: [],
  ageBands: [],
  reviewTypes: [],
  sources: [],
  yearFrom: null,
  yearTo: null,
};

export const DEFAULT_STATE: ViewState = {
  view: 'map',
  filters: EMPTY_FILTERS,
  minShared: 1,
  weighting: 'shared',
  selection: null,
  graphRoots: [],
  graphPath: null,
  presenting: false,
  roomSafe: false,
  safeMinShared: 2,
  webgl: false,
  views: DEFAULT_VIEW_PARAMS,
};

export function sameSelection(a: Selection, b: Selection): boolean {
  if (a === null || b === null) return a === b;
  if (a.kind === 'link' && b.kind === 'link') return a.source === b.source && a.target === b.target;
  if (a.kind === 'link' || b.kind === 'link') return false;
  return a.kind === b.kind && a.id === b.id;
}
