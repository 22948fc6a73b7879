import { createRequire } from 'node:module';
import type { GraphQLNamedType, GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../../../server/graphql/schema.ts';

// The copy of graphql that @graphql-tools built the schema with (CommonJS), so its type checks recognise
// the schema's types.
const graphql = createRequire(import.meta.url)('graphql') as typeof import('graphql');

function undescribed(description: string | null | undefined): boolean {
  return description === null || description === undefined || description.trim() === '';
}

/** Every type, field, argument, input field and enum value of one named type that a reader would find bare. */
function missingIn(type: GraphQLNamedType): string[] {
  const missing: string[] = [];
  if (undescribed(type.description)) missing.push(`type ${type.name}`);
  if (graphql.isEnumType(type)) {
    for (const value of type.getValues()) {
      if (undescribed(value.description)) missing.push(`enum value ${type.name}.${value.name}`);
    }
  }
  if (graphql.isInputObjectType(type)) {
    for (const field of Object.values(type.getFields())) {
      if (undescribed(field.description)) missing.push(`input field ${type.name}.${field.name}`);
    }
  }
  if (graphql.isObjectType(type) || graphql.isInterfaceType(type)) {
    for (const field of Object.values(type.getFields())) {
      if (undescribed(field.description)) missing.push(`field ${type.name}.${field.name}`);
      for (const arg of field.args) {
        if (undescribed(arg.description)) missing.push(`argument ${type.name}.${field.name}(${arg.name})`);
      }
    }
  }
  return missing;
}

/** Scalars describe themselves by name; the introspection types belong to GraphQL, not to this schema. */
function isOwnDescribableType(type: GraphQLNamedType): boolean {
  return !graphql.isScalarType(type) && !graphql.isIntrospectionType(type);
}

function undescribedParts(schema: GraphQLSchema): string[] {
  return Object.values(schema.getTypeMap()).filter(isOwnDescribableType).flatMap(missingIn).sort();
}

describe('the schema read by a stranger', () => {
  const schema = buildSchema();

  it('describes every type, field, argument, input field and enum value', () => {
    // One line per bare part, so the failure lists all of them rather than a truncated diff.
    expect(undescribedParts(schema).join('\n')).toBe('');
  });

  it('would name a field, an argument and an enum value left without a description', () => {
    const bare = graphql.buildSchema(`
      "A query root."
      type Query { "A described field." shelf(size: Int): Shelf }
      "A shelf."
      type Shelf { height: Int }
      "A colour."
      enum Colour { "Red." RED BLUE }
    `);
    expect(undescribedParts(bare)).toEqual([
      'argument Query.shelf(size)',
      'enum value Colour.BLUE',
      'field Shelf.height',
    ]);
  });
});
