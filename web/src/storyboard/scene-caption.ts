/**
 * What a scene shows, in words, for the room's caption and the printed handout. It names no review (a
 * review's card is "a review's card"), since a review's id or title may carry a child's pseudonym.
 */
import { describeFilters, type FilterLabels } from '../filters/filter-model.ts';
import { describeThresholds, LEVELS, linkThresholds, roomSafeNote } from '../state/thresholds.ts';
import type { ViewState } from '../state/view-state.ts';

export interface SceneCaption {
  /** "Theme map", "Trends", …, with what is selected: "Theme map · focused on Neglect". */
  view: string;
  /** The slice shown and, always in a storyboard, the room-safe rule. */
  caption: string;
  /** How to read the picture (the view's legend, in words). */
  legend: string;
}

export interface CaptionLabels extends FilterLabels {
  theme(id: string): string | null;
}

const VIEW_NAMES: Readonly<Record<ViewState['view'], string>> = {
  map: 'Theme map',
  graph: 'Case graph',
  trends: 'Trends',
  compare: 'Compare',
  recommendations: 'Recommendations',
};

export function sceneCaption(state: ViewState, labels: CaptionLabels): SceneCaption {
  const parts = [
    describeFilters(state.filters, labels),
    state.view === 'map' || state.view === 'graph'
      ? `${LEVELS[state.linkLevel].label}: ${describeThresholds(linkThresholds(state)).toLowerCase()}`
      : null,
    roomSafeNote(state),
  ];
  return {
    view: [VIEW_NAMES[state.view], focus(state, labels)].filter(Boolean).join(' · '),
    caption: parts.filter(Boolean).join(' · '),
    legend: legend(state),
  };
}

function focus(state: ViewState, labels: CaptionLabels): string | null {
  const sel = state.selection;
  if (!sel) return null;
  const theme = (id: string) => labels.theme(id) ?? id;
  if (sel.kind === 'theme') return `focused on ${theme(sel.id)} and its neighbours`;
  if (sel.kind === 'link') return `the link between ${theme(sel.source)} and ${theme(sel.target)}`;
  return "a review's card";
}

const SIZE_MEANS: Readonly<Record<ViewState['sizeBy'], string>> = {
  reviews: 'how many reviews carry a theme',
  weightedDegree: "the total weight of a theme's links",
  betweenness: 'how much a theme bridges communities',
  pageRank: "a theme's centrality (PageRank)",
};

function legend(state: ViewState): string {
  if (state.view === 'trends') return "Each card is a theme's share of the reviews published each year.";
  if (state.view === 'compare')
    return 'Each row compares how often a feature occurs in group A and group B, with the ratio and its range.';
  if (state.view === 'recommendations')
    return 'Each cell counts the reviews whose recommendations ask an agency about a theme; darker means more.';
  if (state.view === 'graph')
    return 'Nodes are reviews, themes, agencies and harms; lines are the links between them.';
  const width =
    state.weighting === 'lift'
      ? 'line width shows how much more often than chance two themes occur together'
      : 'line width shows how many reviews carry both themes';
  return `Circle size shows ${SIZE_MEANS[state.sizeBy]}; colour is its community; ${width}.`;
}
