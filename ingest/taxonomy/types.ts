/**
 * The taxonomy is data (taxonomy.yaml): harm types, agencies and learning themes, each with the words
 * that signal it in a review. These types describe the validated file.
 */
import type { Sector } from '../../graph/records.ts';

export const SECTORS: readonly Sector[] = [
  'police',
  'health',
  'social care',
  'education',
  'justice',
  'voluntary',
  'partnership',
  'national',
];

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
}

export type HarmTypeEntry = TaxonEntry;

export interface AgencyEntry extends TaxonEntry {
  sector: Sector;
}

export interface ThemeEntry extends TaxonEntry {
  group: ThemeGroup;
}

export interface Taxonomy {
  version: string;
  harmTypes: HarmTypeEntry[];
  agencies: AgencyEntry[];
  themes: ThemeEntry[];
}

export type TaxonKind = 'harmTypes' | 'agencies' | 'themes';
export const TAXON_KINDS: readonly TaxonKind[] = ['harmTypes', 'agencies', 'themes'];
