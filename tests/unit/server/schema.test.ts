import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../../../server/graphql/schema.ts';
import { EXAMPLE_QUERIES } from '../../../server/http/examples.ts';

// The copy of graphql that @graphql-tools built the schema with (CommonJS), so validation accepts it.
const graphql = createRequire(import.meta.url)('graphql') as typeof import('graphql');

describe('the executable schema', () => {
  const schema = buildSchema();

  it('builds from the SDL with a resolver for every Query and Mutation field that needs one', () => {
    const query = schema.getQueryType()?.getFields() ?? {};
    expect(Object.keys(query)).toEqual(
      expect.arrayContaining([
        'stats',
        'themeNetwork',
        'cases',
        'case',
        'connections',
        'search',
        'capabilities',
      ]),
    );
    for (const field of [
      ...Object.values(query),
      ...Object.values(schema.getMutationType()?.getFields() ?? {}),
    ]) {
      expect({ field: field.name, resolved: typeof field.resolve }).toEqual({
        field: field.name,
        resolved: 'function',
      });
    }
  });

  it('maps enum values to the stored values', () => {
    const outcome = schema.getType('Outcome') as import('graphql').GraphQLEnumType;
    expect(outcome.getValues().map((v) => [v.name, v.value])).toEqual([
      ['DEATH', 'death'],
      ['SERIOUS_HARM', 'serious-harm'],
      ['OTHER', 'other'],
    ]);
    const ageBand = schema.getType('AgeBand') as import('graphql').GraphQLEnumType;
    expect(ageBand.getValue('AGE_16_PLUS')?.value).toBe('16+');
    const kind = schema.getType('NodeKind') as import('graphql').GraphQLEnumType;
    expect(kind.getValue('CASE_REVIEW')?.value).toBe('CaseReview');
  });

  it('offers GraphiQL examples that are valid queries', () => {
    const document = graphql.parse(EXAMPLE_QUERIES);
    expect(graphql.validate(schema, document).map((e) => e.message)).toEqual([]);
    expect(document.definitions.map((d) => ('name' in d ? d.name?.value : null))).toEqual([
      'ThemeNetwork',
      'CaseWithEvidence',
      'NeglectWithoutPolice',
      'RecommendationsByAgency',
    ]);
  });
});
