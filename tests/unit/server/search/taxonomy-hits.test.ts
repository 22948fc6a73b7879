import { describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../../../../ingest/taxonomy/index.ts';
import type { Taxonomy } from '../../../../ingest/taxonomy/types.ts';
import { taxonSearch } from '../../../../server/search/taxonomy-hits.ts';

/** A fictional taxonomy: only the words matter here. */
const TAXONOMY: Taxonomy = {
  version: 'test',
  harmTypes: [
    { id: 'drowning', label: 'Drowning', description: '', synonyms: ['drowned', 'drowning'], patterns: [] },
    { id: 'neglect', label: 'Neglect', description: '', synonyms: ['neglected', 'neglectful'], patterns: [] },
  ],
  agencies: [
    {
      id: 'health-visiting',
      label: 'Health visiting',
      description: '',
      synonyms: ['health visitor', 'family nurse'],
      patterns: [],
      sector: 'health',
      commissioner: false,
    },
    {
      id: 'housing',
      label: 'Housing',
      description: '',
      synonyms: ['housing officer', 'landlord'],
      patterns: [],
      sector: 'partnership',
      commissioner: false,
    },
  ],
  themes: [
    {
      id: 'fathers',
      label: 'Engaging fathers and hidden men',
      description: '',
      synonyms: ['hidden men', 'male carers', 'working with fathers'],
      patterns: [],
      group: 'practice',
      generic: false,
    },
    {
      id: 'neglect-recognition',
      label: 'Neglect recognition',
      description: '',
      synonyms: ['cumulative neglect'],
      patterns: [],
      group: 'practice',
      generic: false,
    },
    {
      id: 'health-needs',
      label: 'Unmet health needs',
      description: '',
      synonyms: ['missed health appointments'],
      patterns: [],
      group: 'child',
      generic: false,
    },
  ],
};

const search = taxonSearch(TAXONOMY);
const found = (text: string) => search.find(text).map((h) => `${h.kind}:${h.id}`);

describe('taxonomy search', () => {
  it('finds the agency Health visiting from "health visitor", one of its synonyms', () => {
    expect(search.find('health visitor')).toEqual([
      { kind: 'agency', id: 'health-visiting', caption: 'Health visiting', caseId: null },
    ]);
  });

  it('finds the harm type Drowning from "drowned" and from "drowns", an inflection no synonym spells', () => {
    expect(found('drowned')).toEqual(['harmType:drowning']);
    expect(found('drowns')).toEqual(['harmType:drowning']);
  });

  it('finds the theme about fathers from "Hidden Men", ignoring case', () => {
    expect(found('Hidden Men')).toEqual(['theme:fathers']);
  });

  it('ranks an exact label before a label prefix: "neglected" is Neglect, then Neglect recognition', () => {
    expect(found('neglected')).toEqual(['harmType:neglect', 'theme:neglect-recognition']);
  });

  it('ranks a label prefix before a synonym, and a synonym before words inside a phrase', () => {
    expect(found('health')).toEqual(['agency:health-visiting', 'theme:health-needs']);
    expect(found('fathers')).toEqual(['theme:fathers']);
  });

  it('takes a half-typed last word as the start of a word in the label', () => {
    expect(found('health visi')).toEqual(['agency:health-visiting']);
    expect(found('hous')).toEqual(['agency:housing']);
  });

  it('takes only the last word as half typed: "heal visiting" is not Health visiting', () => {
    expect(found('heal visiting')).toEqual([]);
  });

  it('strips a suffix before comparing: "neglectfulness" is the synonym "neglectful"', () => {
    expect(found('neglectfulness')).toEqual(['harmType:neglect']);
  });

  it('matches whole words only: "men" is not inside "recognition" or "Engaging"', () => {
    expect(found('men')).toEqual(['theme:fathers']);
    expect(found('gin')).toEqual([]);
  });

  it('finds nothing for a blank query or a lone short word', () => {
    expect(found('   ')).toEqual([]);
    expect(found('a')).toEqual([]);
  });

  it('finds the same entries in the bundled taxonomy', () => {
    const bundled = taxonSearch(loadTaxonomy());
    expect(bundled.find('health visitor')[0]).toMatchObject({ kind: 'agency', id: 'health-visiting' });
    expect(bundled.find('drowned')[0]).toMatchObject({ kind: 'harmType', id: 'drowning' });
    expect(bundled.find('Hidden Men')[0]).toMatchObject({ kind: 'theme', id: 'engaging-fathers' });
    expect(bundled.find('neglected')[0]).toMatchObject({ kind: 'harmType', id: 'neglect' });
  });
});
