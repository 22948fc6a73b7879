/**
 * The link thresholds a view asks the API for, and the room-safe floor. One function decides them, so the
 * map, its caption, the exports and the copied queries always agree on what is shown.
 */
import type { LinkLevel, ViewState } from './view-state.ts';

export interface LinkThresholds {
  /** Least shared reviews for a link. */
  minShared: number;
  /** Least lift (observed / expected shared reviews). */
  minLift: number;
  /** Largest one-sided Fisher exact p-value. */
  maxP: number;
}

export interface LevelSpec extends LinkThresholds {
  label: string;
  /** What the level keeps, in a phrase for the caption and the control's hint. */
  means: string;
}

/** From "strongest only" to "all": the significant backbone (the API's defaults) is the default. */
export const LEVELS: Readonly<Record<LinkLevel, LevelSpec>> = {
  strongest: {
    label: 'Strongest only',
    minShared: 3,
    minLift: 2,
    maxP: 0.01,
    means: 'links at least twice as common as chance, p ≤ 0.01',
  },
  significant: {
    label: 'Significant',
    minShared: 2,
    minLift: 1.2,
    maxP: 0.05,
    means: 'significant links (lift ≥ 1.2, p ≤ 0.05)',
  },
  suggestive: {
    label: 'Suggestive',
    minShared: 2,
    minLift: 1,
    maxP: 0.2,
    means: 'links more common than chance (p ≤ 0.2)',
  },
  all: {
    label: 'All',
    minShared: 1,
    minLift: 0,
    maxP: 1,
    means: 'every pair of themes sharing a review',
  },
};

export const LEVEL_ORDER: readonly LinkLevel[] = ['strongest', 'significant', 'suggestive', 'all'];

/** The floor under every count shown: 1 normally, the room-safe threshold when room-safe is on. */
export function countFloor(state: Pick<ViewState, 'roomSafe' | 'safeMinShared'>): number {
  return state.roomSafe ? Math.max(1, state.safeMinShared) : 1;
}

/** What the view asks for: the level's thresholds, the chosen minimum shared reviews, the room-safe floor. */
export function linkThresholds(
  state: Pick<ViewState, 'linkLevel' | 'minShared' | 'roomSafe' | 'safeMinShared'>,
): LinkThresholds {
  const level = LEVELS[state.linkLevel];
  return {
    minShared: Math.max(state.minShared ?? level.minShared, countFloor(state)),
    minLift: level.minLift,
    maxP: level.maxP,
  };
}

/** "Significant links (lift ≥ 1.2, p ≤ 0.05), shared by 2+ reviews" */
export function describeThresholds(t: LinkThresholds): string {
  const parts = [`shared by ${t.minShared}+ ${t.minShared === 1 ? 'review' : 'reviews'}`];
  if (t.minLift > 0) parts.push(`lift ≥ ${t.minLift}`);
  if (t.maxP < 1) parts.push(`p ≤ ${t.maxP}`);
  return `Links ${parts.join(', ')}`;
}

/** Room-safe, in words, for every caption that carries it. */
export function roomSafeNote(state: Pick<ViewState, 'roomSafe' | 'safeMinShared'>): string | null {
  if (!state.roomSafe) return null;
  const n = countFloor(state);
  return `Room-safe: pseudonyms hidden; themes and links in fewer than ${n} reviews left out`;
}
