/**
 * A start reads the taxonomy's graph records from the copy kept beside the database while taxonomy.yaml is
 * unchanged, and parses the YAML (checking it) when it changed or the copy is missing or damaged.
 */
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_TAXONOMY_PATH,
  loadTaxonomy,
  TaxonomyError,
  taxonomyRecords,
} from '../../../ingest/taxonomy/index.ts';
import { savedTaxonomyPath, startTaxonomy } from '../../../server/start-taxonomy.ts';

describe('the taxonomy at start', () => {
  let dir: string;
  let yaml: string;
  let saved: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'threadline-start-taxonomy-'));
    yaml = join(dir, 'taxonomy.yaml');
    saved = savedTaxonomyPath(join(dir, 'db'));
    await copyFile(DEFAULT_TAXONOMY_PATH, yaml);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('parses taxonomy.yaml at the first start and reads the saved records at the next, unparsed', () => {
    const wanted = taxonomyRecords(loadTaxonomy(yaml));
    const first = startTaxonomy(saved, yaml);
    expect(first.parsed).not.toBeNull();
    expect(first.records).toEqual(wanted);
    const next = startTaxonomy(saved, yaml);
    expect(next.parsed).toBeNull();
    expect(next.records).toEqual(wanted);
  });

  it('parses taxonomy.yaml again once it changed, and saves the new records', async () => {
    startTaxonomy(saved, yaml);
    const text = await readFile(yaml, 'utf8');
    await writeFile(yaml, text.replace(/label: (\S+)/, 'label: Renamed $1'));
    const changed = startTaxonomy(saved, yaml);
    expect(changed.parsed).not.toBeNull();
    expect(changed.records).toEqual(taxonomyRecords(loadTaxonomy(yaml)));
    expect(JSON.stringify(changed.records)).toContain('Renamed');
    expect(startTaxonomy(saved, yaml).parsed).toBeNull();
    await writeFile(yaml, text);
  });

  it('parses taxonomy.yaml when the saved records are damaged', async () => {
    await writeFile(saved, '{"format": 1, "sha2');
    const result = startTaxonomy(saved, yaml);
    expect(result.parsed).not.toBeNull();
    expect(result.records).toEqual(taxonomyRecords(loadTaxonomy(yaml)));
  });

  it('reports a broken taxonomy.yaml as loading it does, whatever was saved', async () => {
    startTaxonomy(saved, yaml);
    const text = await readFile(yaml, 'utf8');
    await writeFile(yaml, `${text}\n  - [unclosed`);
    try {
      expect(() => startTaxonomy(saved, yaml)).toThrow(TaxonomyError);
    } finally {
      await writeFile(yaml, text);
    }
  });
});
