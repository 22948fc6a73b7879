/**
 * The taxonomy of harm types, agencies and learning themes, loaded from YAML and validated once.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TaxonomyRecords } from '../../graph/records.ts';
import { TaxonomyError } from './errors.ts';
import { parseTaxonomy } from './parse.ts';
import type { Taxonomy } from './types.ts';

export { TaxonomyError, type TaxonomyErrorKind, type TaxonomyProblem } from './errors.ts';
export { parseTaxonomy, type TaxonomyResult } from './parse.ts';
export {
  type AgencyEntry,
  type HarmTypeEntry,
  SECTORS,
  type TaxonEntry,
  type TaxonKind,
  type Taxonomy,
  THEME_GROUPS,
  type ThemeEntry,
  type ThemeGroup,
} from './types.ts';

export const DEFAULT_TAXONOMY_PATH = fileURLToPath(new URL('./taxonomy.yaml', import.meta.url));

/** Reads and validates a taxonomy file; throws a TaxonomyError naming the file and each bad entry. */
export function loadTaxonomy(path: string = DEFAULT_TAXONOMY_PATH): Taxonomy {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TaxonomyError('unreadable', path, [
      {
        entry: 'file',
        message: `cannot be read (${reason}); check the path, or omit it to use the bundled taxonomy`,
      },
    ]);
  }
  const result = parseTaxonomy(text, path);
  if (!result.ok) throw result.error;
  return result.taxonomy;
}

/** The taxonomy as graph records: one HarmType, Agency and Theme node per entry. */
export function taxonomyRecords(t: Taxonomy): TaxonomyRecords {
  return {
    harmTypes: t.harmTypes.map(({ id, label, description }) => ({ id, label, description })),
    agencies: t.agencies.map(({ id, label, description, sector }) => ({ id, label, description, sector })),
    themes: t.themes.map(({ id, label, description, group }) => ({ id, label, description, group })),
  };
}
