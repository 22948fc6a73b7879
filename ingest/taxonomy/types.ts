/**
 * The taxonomy is data (taxonomy.yaml): harm types, agencies and learning themes, each with the words
 * that signal it in a review. These types describe the validated file.
 */
import type { Sector } from '../../graph/records.ts';

export { SECTORS } from '../../graph/schema/vocabulary.ts';

/** How themes are grouped on the map and in reports. */
export const THEME_GROUPS = [
  'practice',
  'multi-agency',
  'systems',
  'family context',
  'child',
  'risk',
] as const;
export type ThemeGroup = (typeof THEME_GROUPS)[number];

export interface TaxonEntry {
  /** Slug, stable across versions: the graph key. */
  id: string;
  label: string;
  description: string;
  /** Plain phrases, matched as whole words, case-insensitively, with British/American spellings and plurals. */
  synonyms: string[];
  /** Regular expressions (case-insensitive) for what a phrase list cannot say. */
  patterns: string[];
  /** Regular expressions for longer phrases that contain a match but mean something else. */
  exclusions?: string[];
  /**
   * Plain phrases too common to signal the entry alone ("plan", "training"): they count only in a sentence
   * that also has one of the `context` phrases.
   */
  weak?: string[];
  /** Plain phrases that make a weak phrase in the same sentence mean this entry. */
  context?: string[];
}

export type HarmTypeEntry = TaxonEntry;

export interface AgencyEntry extends TaxonEntry {
  sector: Sector;
  /**
   * A body that commissions, publishes or is notified of reviews (the local partnership, the national
   * panel, the inspectorate): it is named on every review's title page, in every chair's statement or in
   * the review's own process, so it counts as an agency of the case only where a learning statement,
   * recommendation or action names it.
   */
  commissioner: boolean;
}

export interface ThemeEntry extends TaxonEntry {
  group: ThemeGroup;
  /**
   * A cross-cutting theme that can describe any topic (training, policy, multi-agency working): it is
   * tagged only from a sentence that names no specific theme.
   */
  generic: boolean;
}

export interface Taxonomy {
  version: string;
  harmTypes: HarmTypeEntry[];
  agencies: AgencyEntry[];
  themes: ThemeEntry[];
}

export type TaxonKind = 'harmTypes' | 'agencies' | 'themes';
export const TAXON_KINDS: readonly TaxonKind[] = ['harmTypes', 'agencies', 'themes'];
