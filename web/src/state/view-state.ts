/** Everything that defines what the explorer shows. It round-trips through the URL (share/url-state.ts). */
import type { AgeBand, Outcome, ReviewType } from '../api/types.ts';
import { DEFAULT_VIEW_PARAMS, type ViewParams } from '../views/view-params.ts';

export type View = 'map' | 'graph' | 'trends' | 'compare' | 'recommendations';
export type Weighting = 'shared' | 'lift';
/** How many of the co-occurring theme pairs the map links, from the strongest only to every pair. */
export type LinkLevel = 'strongest' | 'significant' | 'suggestive' | 'all';
/** What a theme's circle size measures. */
export type SizeBy = 'reviews' | 'weightedDegree' | 'betweenness' | 'pageRank';

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
  /** Least shared reviews for a link; null takes the link level's own (see state/thresholds.ts). */
  minShared: number | null;
  linkLevel: LinkLevel;
  sizeBy: SizeBy;
  /** Bridging themes (high betweenness, linking several communities) stand out on the map. */
  bridges: boolean;
  weighting: Weighting;
  selection: Selection;
  /** Case graph: the NodeRef ids whose neighbourhoods are shown ('Theme:…', 'CaseReview:…'). */
  graphRoots: string[];
  /** Case graph: a "how are these connected?" pair. */
  graphPath: { from: string; to: string } | null;
  presenting: boolean;
  /**
   * The room-safe switch: child pseudonyms hidden, and themes and links counted in fewer than safeMinShared
   * reviews left out. On by default when presenting (see presentationDefaults).
   */
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
  minShared: null,
  linkLevel: 'significant',
  sizeBy: 'reviews',
  bridges: false,
  weighting: 'shared',
  selection: null,
  graphRoots: [],
  graphPath: null,
  presenting: false,
  roomSafe: false,
  safeMinShared: 3,
  webgl: false,
  views: DEFAULT_VIEW_PARAMS,
};

export function sameSelection(a: Selection, b: Selection): boolean {
  if (a === null || b === null) return a === b;
  if (a.kind === 'link' && b.kind === 'link') return a.source === b.source && a.target === b.target;
  if (a.kind === 'link' || b.kind === 'link') return false;
  return a.kind === b.kind && a.id === b.id;
}

/**
 * Rules that hold whatever changed the state: starting a presentation turns room-safe on (the presenter may
 * turn it off again once presenting), so a room never sees a pseudonym by default.
 */
export function presentationDefaults(next: ViewState, prev: ViewState): ViewState {
  if (next.presenting && !prev.presenting && !next.roomSafe) return { ...next, roomSafe: true };
  return next;
}
