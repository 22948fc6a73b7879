/**
 * The bundled taxonomy as analysts need it: harm types and themes that do not repeat each other, no age
 * groups among themes, one-sentence definitions, the themes analysts look for, and weak words kept weak.
 */
import { describe, expect, it } from 'vitest';
import { compileTaxonomy, matchTaxonomy } from '../../../../ingest/taxonomy/compile.ts';
import { loadTaxonomy, parseTaxonomy } from '../../../../ingest/taxonomy/index.ts';

const taxonomy = loadTaxonomy();
const compiled = compileTaxonomy(taxonomy);

function matchedIds(text: string): string[] {
  return [...matchTaxonomy(compiled, text).keys()].map((e) => e.id);
}

describe('the bundled taxonomy, for analysts', () => {
  it('is a newer version than the one that mixed age groups and harms into themes', () => {
    const [year = 0, release = 0] = taxonomy.version.split('.').map(Number);
    expect(year * 100 + release).toBeGreaterThan(2025 * 100 + 1);
  });

  it('never gives a theme a harm type’s own words', () => {
    const harmWords = new Set(
      taxonomy.harmTypes.flatMap((h) => [...h.synonyms, ...(h.weak ?? [])]).map((w) => w.toLowerCase()),
    );
    const shared = taxonomy.themes.flatMap((t) =>
      [...t.synonyms, ...(t.weak ?? [])]
        .filter((w) => harmWords.has(w.toLowerCase()))
        .map((w) => `${t.id}: ${w}`),
    );
    expect(shared).toEqual([]);
  });

  it('does not match a theme from a bare mention of each harm type', () => {
    const mirrored: string[] = [];
    for (const harm of taxonomy.harmTypes) {
      const word = harm.synonyms[0];
      if (!word) continue;
      const themes = matchedIds(`The child experienced ${word}.`).filter((id) =>
        taxonomy.themes.some((t) => t.id === id),
      );
      if (themes.length > 0) mirrored.push(`${harm.id} -> ${themes.join(', ')}`);
    }
    expect(mirrored).toEqual([]);
  });

  it('has no age-group themes: the age band is an attribute of the case', () => {
    const ids = taxonomy.themes.map((t) => t.id);
    for (const gone of ['adolescents', 'babies-and-infants', 'adolescent-neglect'])
      expect(ids).not.toContain(gone);
    expect(matchedIds('The baby was six weeks old; her brother was a teenager.')).toEqual([]);
  });

  it('defines every theme in one sentence', () => {
    for (const t of taxonomy.themes) {
      expect(t.description, t.id).toMatch(/^[A-Z][\s\S]*\.$/);
      expect(t.description.replace(/\b(?:e\.g|i\.e|etc)\./g, ''), t.id).not.toMatch(/\.\s+\S/);
    }
  });

  it('has the themes analysts look for', () => {
    const ids = taxonomy.themes.map((t) => t.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'racism-and-adultification',
        'child-neurodiversity-and-send',
        'housing-instability',
        'youth-violence-prevention',
        'home-safety-and-supervision',
        'private-fostering',
        'crying-babies',
        'toxic-trio',
      ]),
    );
    expect(taxonomy.harmTypes.map((h) => h.id)).toEqual(
      expect.arrayContaining(['serious-youth-violence', 'homicide', 'non-accidental-head-injury']),
    );
  });

  it('keeps the words that mean nothing on their own weak', () => {
    const weakWords = ['marks', 'plan', 'send', 'attendance', 'consent', 'beliefs', 'training', 'agencies'];
    for (const t of taxonomy.themes) {
      // Written in capitals, an acronym (SEND) is not the weak word (send).
      const strong = t.synonyms;
      for (const word of weakWords)
        expect(strong, `${t.id} lists "${word}" as a synonym`).not.toContain(word);
    }
  });

  it('marks the cross-cutting themes generic', () => {
    const generic = taxonomy.themes.filter((t) => t.generic).map((t) => t.id);
    expect(generic).toEqual(
      expect.arrayContaining(['multi-agency-working', 'training', 'policy-and-procedures', 'assessment']),
    );
    expect(generic).not.toContain('escalation');
    // Information not passed on is a finding of its own, the one reviews make most often.
    expect(generic).not.toContain('information-sharing');
  });
});

describe('weak phrases and acronyms', () => {
  const YAML = `
version: "1.0"
harmTypes:
  - id: neglect
    label: Neglect
    description: Needs not met.
    synonyms: [neglect]
agencies:
  - id: mash
    label: MASH
    sector: partnership
    description: The front door.
    synonyms: [MASH]
themes:
  - id: child-neurodiversity-and-send
    label: SEND
    group: child
    description: Special educational needs.
    synonyms: [SEND]
  - id: training
    label: Training
    group: practice
    generic: true
    description: Training for staff.
    weak: [training]
    context: [practitioners, staff]
`;

  function parsed() {
    const result = parseTaxonomy(YAML, 'custom/taxonomy.yaml');
    if (!result.ok) throw result.error;
    return compileTaxonomy(result.taxonomy);
  }

  it('matches an acronym synonym only in capitals', () => {
    const c = parsed();
    const found = (text: string) => [...matchTaxonomy(c, text).keys()].map((e) => e.id);
    expect(found('He has SEND and the MASH knew.').sort()).toEqual(['child-neurodiversity-and-send', 'mash']);
    expect(found('Please send it; mash the food.')).toEqual([]);
  });

  it('counts a weak phrase only beside its context in the same sentence', () => {
    const c = parsed();
    const found = (text: string) => [...matchTaxonomy(c, text).keys()].map((e) => e.id);
    expect(found('Staff had no training on neglect.')).toContain('training');
    expect(found('He was in training. Staff were kind.')).not.toContain('training');
  });

  it('rejects weak phrases without context, and a generic flag that is not true or false', () => {
    const noContext = YAML.replace('    context: [practitioners, staff]\n', '');
    const result = parseTaxonomy(noContext, 'custom/taxonomy.yaml');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/weak phrases but no context/);
    const badFlag = parseTaxonomy(
      YAML.replace('generic: true', 'generic: sometimes'),
      'custom/taxonomy.yaml',
    );
    expect(badFlag.ok).toBe(false);
  });
});
