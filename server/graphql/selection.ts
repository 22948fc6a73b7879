/**
 * Which fields a resolver's caller selected below it, read from the query document (fragments included),
 * so a resolver can skip a store call whose results nobody asked for.
 */

/** The parts of GraphQLResolveInfo this needs (plain AST reads, no graphql runtime). */
export interface SelectionInfo {
  fieldNodes: readonly { selectionSet?: SelectionSetLike }[];
  fragments: Record<string, { selectionSet: SelectionSetLike }>;
}

interface SelectionSetLike {
  selections: readonly SelectionLike[];
}

type SelectionLike =
  | { kind: 'Field'; name: { value: string } }
  | { kind: 'InlineFragment'; selectionSet: SelectionSetLike }
  | { kind: 'FragmentSpread'; name: { value: string } };

/** CaseReview fields that need store.caseDetail (links with evidence, statements, sources). */
export const CASE_DETAIL_FIELDS: ReadonlySet<string> = new Set([
  'harmTypes',
  'agencies',
  'themes',
  'learning',
  'recommendations',
  'sources',
]);

export function selectsAny(info: SelectionInfo, names: ReadonlySet<string>): boolean {
  const seen = new Set<string>();
  const visit = (set: SelectionSetLike | undefined): boolean =>
    (set?.selections ?? []).some((s) => {
      if (s.kind === 'Field') return names.has(s.name.value);
      if (s.kind === 'InlineFragment') return visit(s.selectionSet);
      if (seen.has(s.name.value)) return false;
      seen.add(s.name.value);
      return visit(info.fragments[s.name.value]?.selectionSet);
    });
  return info.fieldNodes.some((node) => visit(node.selectionSet));
}
