import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { COHORT_HEADER } from '../../../server/exports/cohorts-csv.ts';
import { ANALYTICS_OPERATIONS, REMOVE_SOURCE } from '../../../web/src/api/analytics-queries.ts';
import { analyticsPython } from '../../../web/src/views/common/snippets.ts';
import { COMPARE_CSV_HEADER, compareQuery } from '../../../web/src/views/compare/compare-export.ts';
import { trendsCsv, trendsQuery } from '../../../web/src/views/trends/trend-export.ts';

const schemaDir = resolve(import.meta.dirname, '../../../server/schema');
const schema = buildSchema(
  readdirSync(schemaDir)
    .filter((f) => f.endsWith('.graphql'))
    .map((f) => readFileSync(join(schemaDir, f), 'utf8'))
    .join('\n'),
);
const errorsOf = (query: string) => validate(schema, parse(query)).map((e) => e.message);

describe('the trends and comparison views speak the published GraphQL contract', () => {
  for (const op of [...ANALYTICS_OPERATIONS, REMOVE_SOURCE]) {
    it(`sends a ${op.name} document that validates against server/schema`, () => {
      expect(errorsOf(op.query)).toEqual([]);
    });
  }

  it('copies the trends and the comparison as queries with their variables', () => {
    const trends = trendsQuery({ harmTypes: ['neglect'] }, 'INCIDENT');
    expect(errorsOf(trends.query)).toEqual([]);
    expect(trends.variables).toEqual({ filter: { harmTypes: ['neglect'] }, by: 'INCIDENT' });
    const cohorts = {
      a: { ageBands: ['UNDER_1' as const] },
      b: null,
      aLabel: 'Infants',
      bLabel: 'Rest',
      notes: [],
    };
    const compare = compareQuery(cohorts, 50);
    expect(errorsOf(compare.query)).toEqual([]);
    expect(compare.variables).toEqual({ a: { ageBands: ['UNDER_1'] }, b: null, first: 50 });
    const python = analyticsPython(compare, 'http://127.0.0.1:4000/graphql');
    expect(python).toContain(
      'VARIABLES = {\n    "a": {\n        "ageBands": ["UNDER_1"],\n    },\n    "b": None,',
    );
    expect(python).toContain('comparison = data["compareCohorts"]');
  });

  it('exports the comparison with the same columns as /export/compare-cohorts.csv', () => {
    expect([...COMPARE_CSV_HEADER]).toEqual(COHORT_HEADER);
  });

  it('leaves counts hidden by room-safe out of the trends CSV', () => {
    const csv = trendsCsv(
      [
        {
          theme: { id: 't', label: 'T' },
          reviews: 1,
          years: [{ year: 2020, reviews: 1, total: 6, share: 1 / 6 }],
          firstYear: 2020,
          lastYear: 2020,
          slope: null,
          slopeLow: null,
          slopeHigh: null,
          kendallS: 0,
          pValue: null,
          direction: 'TOO_FEW_YEARS',
        },
      ],
      2,
    );
    expect(csv.split('\r\n')[1]).toBe('t,T,2020,,,,TOO_FEW_YEARS,,,,');
  });
});
