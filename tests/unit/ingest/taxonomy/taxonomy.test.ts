import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileTaxonomy, matchTaxonomy } from '../../../../ingest/taxonomy/compile.ts';
import {
  loadTaxonomy,
  parseTaxonomy,
  SECTORS,
  TaxonomyError,
  THEME_GROUPS,
  taxonomyRecords,
} from '../../../../ingest/taxonomy/index.ts';

const taxonomy = loadTaxonomy();

describe('the bundled taxonomy', () => {
  it('has a version and about twenty harm types, forty agencies and fifty themes', () => {
    expect(taxonomy.version).toMatch(/^\d{4}\.\d+$/);
    expect(taxonomy.harmTypes.length).toBeGreaterThanOrEqual(20);
    expect(taxonomy.agencies.length).toBeGreaterThanOrEqual(40);
    expect(taxonomy.themes.length).toBeGreaterThanOrEqual(50);
  });

  it('covers the harm types reviews are categorised by', () => {
    const harm = taxonomy.harmTypes.map((h) => h.id);
    expect(harm).toEqual(
      expect.arrayContaining([
        'neglect',
        'physical-abuse',
        'non-accidental-head-injury',
        'sexual-abuse',
        'child-sexual-exploitation',
        'child-criminal-exploitation',
        'harmful-sexual-behaviour',
        'domestic-abuse',
        'emotional-abuse',
        'suicide',
        'self-harm',
        'sudden-unexpected-death-in-infancy',
        'drowning',
        'radicalisation',
        'online-abuse',
        'fabricated-or-induced-illness',
        'female-genital-mutilation',
        'honour-based-abuse',
        'homicide',
        'trafficking-modern-slavery',
      ]),
    );
  });

  it('gives every agency a known sector and every theme a known group', () => {
    for (const a of taxonomy.agencies) expect(SECTORS, a.id).toContain(a.sector);
    for (const t of taxonomy.themes) expect(THEME_GROUPS, t.id).toContain(t.group);
    const sectors = new Set(taxonomy.agencies.map((a) => a.sector));
    expect([...sectors].sort()).toEqual([...SECTORS].sort());
  });

  it('describes every entry in words of its own', () => {
    for (const e of [...taxonomy.harmTypes, ...taxonomy.agencies, ...taxonomy.themes]) {
      expect(e.label.length, e.id).toBeGreaterThan(1);
      expect(e.description.length, e.id).toBeGreaterThan(20);
    }
  });

  it('finds every synonym of every entry in a sentence that uses it', () => {
    const compiled = compileTaxonomy(taxonomy);
    const misses: string[] = [];
    for (const entry of compiled.all) {
      const source = [...taxonomy.harmTypes, ...taxonomy.agencies, ...taxonomy.themes].find(
        (e) => e.id === entry.id,
      );
      for (const phrase of source?.synonyms ?? []) {
        const found = matchTaxonomy(compiled, `The review found ${phrase} here.`);
        if (!found.has(entry)) misses.push(`${entry.id}: ${phrase}`);
      }
    }
    expect(misses).toEqual([]);
  });

  it('becomes graph records with labels, descriptions, sectors and groups', () => {
    const records = taxonomyRecords(taxonomy);
    expect(records.harmTypes).toHaveLength(taxonomy.harmTypes.length);
    expect(records.agencies.find((a) => a.id === 'police')).toEqual({
      id: 'police',
      label: 'Police',
      description: expect.any(String),
      sector: 'police',
    });
    expect(records.themes.find((t) => t.id === 'information-sharing')?.group).toBe('multi-agency');
    expect(Object.keys(records.themes[0] ?? {}).sort()).toEqual(['description', 'group', 'id', 'label']);
  });
});

const VALID = `
version: "1.0"
harmTypes:
  - id: neglect
    label: Neglect
    description: Needs not met.
    synonyms: [neglect]
agencies:
  - id: police
    label: Police
    sector: police
    description: The police.
    synonyms: [police]
themes:
  - id: information-sharing
    label: Information sharing
    group: multi-agency
    description: Sharing information.
    synonyms: [information sharing]
`;

function problems(yaml: string): string {
  const result = parseTaxonomy(yaml, 'custom/taxonomy.yaml');
  if (result.ok) throw new Error('expected the taxonomy to be rejected');
  return result.error.message;
}

describe('taxonomy validation', () => {
  it('accepts a minimal valid file', () => {
    const result = parseTaxonomy(VALID, 'custom/taxonomy.yaml');
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.taxonomy.themes[0]?.exclusions).toEqual([]);
  });

  it('names the file and the entry whose id is used twice', () => {
    const yaml = VALID.replace(
      'themes:\n',
      'themes:\n  - id: information-sharing\n    label: Sharing\n    group: practice\n    description: Twice.\n    synonyms: [sharing]\n',
    );
    const message = problems(yaml);
    expect(message).toContain('custom/taxonomy.yaml');
    expect(message).toContain('themes[1] "information-sharing"');
    expect(message).toContain('already used by themes[0]');
  });

  it('rejects an id that is not a slug and says what a slug looks like', () => {
    expect(problems(VALID.replace('id: police', 'id: Police Force'))).toMatch(
      /agencies\[0\] "Police Force": id "Police Force" is not a slug; use lower-case words joined by hyphens/,
    );
  });

  it('rejects an unknown sector and lists the known ones', () => {
    expect(problems(VALID.replace('sector: police', 'sector: policing'))).toContain(
      'agencies[0] "police": sector "policing" is not known; use one of police, health, social care',
    );
  });

  it('rejects an unknown theme group', () => {
    expect(problems(VALID.replace('group: multi-agency', 'group: partnership'))).toContain(
      'themes[0] "information-sharing": group "partnership" is not known',
    );
  });

  it('names the entry and the pattern that does not compile', () => {
    const yaml = VALID.replace('synonyms: [neglect]', "synonyms: [neglect]\n    patterns: ['\\bneglect(']");
    expect(problems(yaml)).toMatch(/harmTypes\[0\] "neglect" pattern 1: "\\\\bneglect\(" does not compile/);
  });

  it('rejects a pattern that matches empty text', () => {
    const yaml = VALID.replace('synonyms: [police]', "synonyms: [police]\n    patterns: ['(?:officer)?']");
    expect(problems(yaml)).toContain('agencies[0] "police" pattern 1: "(?:officer)?" matches empty text');
  });

  it('rejects a misspelt key instead of ignoring it', () => {
    expect(problems(VALID.replace('synonyms: [police]', 'synonym: [police]'))).toContain(
      'agencies[0] "police": unknown key "synonym"',
    );
  });

  it('rejects an entry that can never match', () => {
    expect(problems(VALID.replace('    synonyms: [neglect]\n', ''))).toContain(
      'harmTypes[0] "neglect": has no synonyms or patterns',
    );
  });

  it('requires a version', () => {
    expect(problems(VALID.replace('version: "1.0"\n', ''))).toContain('version: missing');
  });

  it('reports broken YAML with the file name', () => {
    const result = parseTaxonomy('themes: [a, b\nagencies: {', 'broken.yaml');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe('syntax');
      expect(result.error.message).toContain('broken.yaml');
    }
  });

  it('throws a TaxonomyError naming a file that cannot be read', () => {
    const missing = path.join(tmpdir(), 'no-such-dir', 'taxonomy.yaml');
    expect(() => loadTaxonomy(missing)).toThrow(TaxonomyError);
    expect(() => loadTaxonomy(missing)).toThrow(missing);
  });

  it('loads a taxonomy from another path', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'taxonomy-'));
    const file = path.join(dir, 'mine.yaml');
    writeFileSync(file, VALID);
    expect(loadTaxonomy(file).themes.map((t) => t.id)).toEqual(['information-sharing']);
  });
});
