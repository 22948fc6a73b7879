/**
 * The taxonomy a start needs, without parsing taxonomy.yaml when it has not changed. A start needs only
 * the taxonomy's graph records, to see whether the stored taxonomy is current; parsing the YAML and checking
 * every pattern in it costs about half a second of CPU before the server can listen. So the records are kept
 * in a file beside the database, keyed by the YAML's sha256: while it matches they are read from there, and
 * the full taxonomy is parsed only when something asks for it (the sample corpus, the first upload).
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { TaxonomyRecords } from '../graph/records.ts';
import { DEFAULT_TAXONOMY_PATH, parseTaxonomy, type Taxonomy, taxonomyRecords } from '../ingest/index.ts';

/** Raised when what the records hold, or how they are derived, changes: older files are then ignored. */
const FORMAT = 1;

export interface StartTaxonomy {
  records: TaxonomyRecords;
  /** The parsed taxonomy when this start had to parse it; else null (parse it when it is needed). */
  parsed: Taxonomy | null;
}

interface SavedRecords {
  format: number;
  sha256: string;
  records: TaxonomyRecords;
}

/** The file the taxonomy records of the embedded database at `dbPath` are kept in. */
export function savedTaxonomyPath(dbPath: string): string {
  return `${dbPath}.taxonomy.json`;
}

/**
 * The records of the taxonomy at `yamlPath`: from `savedPath` when it was written for the same YAML, else
 * parsed (a broken taxonomy throws its TaxonomyError, as loadTaxonomy does) and saved there for next time.
 */
export function startTaxonomy(savedPath: string | null, yamlPath = DEFAULT_TAXONOMY_PATH): StartTaxonomy {
  const text = readFileSync(yamlPath, 'utf8');
  const sha256 = createHash('sha256').update(text).digest('hex');
  const saved = savedPath === null ? null : readSaved(savedPath);
  if (saved !== null && saved.format === FORMAT && saved.sha256 === sha256) {
    return { records: saved.records, parsed: null };
  }
  const result = parseTaxonomy(text, yamlPath);
  if (!result.ok) throw result.error;
  const records = taxonomyRecords(result.taxonomy);
  if (savedPath !== null) save(savedPath, { format: FORMAT, sha256, records });
  return { records, parsed: result.taxonomy };
}

function readSaved(path: string): SavedRecords | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as SavedRecords;
  } catch {
    // Missing or unreadable: the YAML is parsed instead, and the file written afresh.
    return null;
  }
}

/** Written to a temporary file and renamed, so a reader finds the old file or the new one whole. */
function save(path: string, saved: SavedRecords): void {
  const temporary = `${path}.tmp`;
  try {
    writeFileSync(temporary, JSON.stringify(saved));
    renameSync(temporary, path);
  } catch {
    // Not saved (a read-only folder, say): the next start parses the YAML again, as it would without it.
    rmSync(temporary, { force: true });
  }
}
