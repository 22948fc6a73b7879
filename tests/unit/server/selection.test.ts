import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { CASE_DETAIL_FIELDS, type SelectionInfo, selectsAny } from '../../../server/graphql/selection.ts';

const { parse } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

/** The resolve info of the first top-level field of `query`, as graphql-js would hand it over. */
function infoOf(query: string): SelectionInfo {
  const document = parse(query);
  const operation = document.definitions.find((d) => d.kind === 'OperationDefinition');
  const fragments = Object.fromEntries(
    document.definitions.flatMap((d) => (d.kind === 'FragmentDefinition' ? [[d.name.value, d]] : [])),
  );
  const field = operation && 'selectionSet' in operation ? operation.selectionSet.selections[0] : undefined;
  return { fieldNodes: field ? [field as never] : [], fragments } as SelectionInfo;
}

describe('selectsAny', () => {
  it('sees a detail field selected directly', () => {
    expect(selectsAny(infoOf('{ case(id: "a") { id learning { text } } }'), CASE_DETAIL_FIELDS)).toBe(true);
    expect(selectsAny(infoOf('{ case(id: "a") { id title reportYear } }'), CASE_DETAIL_FIELDS)).toBe(false);
  });

  it('looks inside inline fragments and named fragments, even ones that spread each other', () => {
    expect(
      selectsAny(
        infoOf('{ case(id: "a") { ... on CaseReview { themes { theme { id } } } } }'),
        CASE_DETAIL_FIELDS,
      ),
    ).toBe(true);
    const named = `{ case(id: "a") { ...Names } }
      fragment Names on CaseReview { id title ...More }
      fragment More on CaseReview { sources { id } }`;
    expect(selectsAny(infoOf(named), CASE_DETAIL_FIELDS)).toBe(true);
    const plain = `{ case(id: "a") { ...Names } } fragment Names on CaseReview { id title }`;
    expect(selectsAny(infoOf(plain), CASE_DETAIL_FIELDS)).toBe(false);
  });
});
