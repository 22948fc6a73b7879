import { readFileSync } from 'node:fs';
import type { GraphQLEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  AGE_BAND_VOCABULARY,
  labelByName,
  namesOf,
  OUTCOME_VOCABULARY,
  REVIEW_TYPE_VOCABULARY,
  SECTOR_VOCABULARY,
  SECTORS,
  type Vocabulary,
  valueByName,
  valuesOf,
} from '../../../graph/schema/vocabulary.ts';
import { loadTaxonomy } from '../../../ingest/index.ts';
import { buildSchema } from '../../../server/graphql/schema.ts';

const VOCABULARIES: Record<string, Vocabulary> = {
  ReviewType: REVIEW_TYPE_VOCABULARY,
  Outcome: OUTCOME_VOCABULARY,
  AgeBand: AGE_BAND_VOCABULARY,
  Sector: SECTOR_VOCABULARY,
};

describe('the vocabularies', () => {
  it.each(Object.entries(VOCABULARIES))(
    'gives every %s entry its own name, value and label',
    (_, vocabulary) => {
      for (const field of ['name', 'value', 'label'] as const) {
        const seen = vocabulary.map((entry) => entry[field]);
        expect(new Set(seen).size).toBe(seen.length);
      }
    },
  );

  it.each(['ReviewType', 'Outcome', 'AgeBand'])(
    'is what the GraphQL enum %s lists, in order, each name mapped to its stored value',
    (typeName) => {
      const vocabulary = VOCABULARIES[typeName] ?? [];
      const type = buildSchema().getType(typeName);
      // By shape: graphql may be loaded twice (ESM and CommonJS), so instanceof is not reliable.
      expect(type?.constructor.name).toBe('GraphQLEnumType');
      const values = (type as GraphQLEnumType).getValues();
      expect(values.map((v) => v.name)).toEqual(namesOf(vocabulary));
      expect(values.map((v) => v.value)).toEqual(valuesOf(vocabulary));
    },
  );

  it('maps names to values and labels for the API and the web app', () => {
    expect(valueByName(OUTCOME_VOCABULARY).SERIOUS_HARM).toBe('serious-harm');
    expect(valueByName(AGE_BAND_VOCABULARY).UNDER_1).toBe('under 1');
    expect(labelByName(REVIEW_TYPE_VOCABULARY).LCSPR).toBe('Local practice review');
  });

  it('covers every sector the bundled taxonomy gives an agency', () => {
    const used = new Set(loadTaxonomy().agencies.map((a) => a.sector));
    for (const sector of used) expect(SECTORS).toContain(sector);
  });

  it('is plain data that imports nothing, so the web app can use it', () => {
    const source = readFileSync(new URL('../../../graph/schema/vocabulary.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/^\s*import\b/m);
  });
});
