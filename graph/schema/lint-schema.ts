/**
 * The schema the Cypher linter (@neo4j-cypher/language-support) checks Neo4j-dialect queries against, derived
 * from the model: labels, relationship types, property keys and which labels each relationship type joins.
 * Built-in functions come from the linter package's own registry (only those marked built-in, so a query that
 * needs a plugin such as APOC is reported); no procedures are declared, so any CALL of one is reported.
 * Used by tests only.
 */
import { type DbSchema, type Neo4jFunction, testData } from '@neo4j-cypher/language-support';
import { NODES, type NodeLabel, RELATIONSHIPS } from './model.ts';

export type LintCypherVersion = 'CYPHER 5' | 'CYPHER 25';
export const LINT_CYPHER_VERSIONS: readonly LintCypherVersion[] = ['CYPHER 5', 'CYPHER 25'];

export function modelPropertyKeys(): string[] {
  const names = [...NODES, ...RELATIONSHIPS].flatMap((decl) => decl.properties.map((p) => p.name));
  return [...new Set(names)].sort();
}

/** Properties a node of this label may carry. */
export function labelPropertyKeys(label: NodeLabel): string[] {
  return NODES.find((n) => n.label === label)?.properties.map((p) => p.name) ?? [];
}

function builtInFunctions(version: LintCypherVersion): Record<string, Neo4jFunction> {
  const registry = testData.mockSchema.functions?.[version] ?? {};
  return Object.fromEntries(Object.entries(registry).filter(([, fn]) => fn.isBuiltIn));
}

/**
 * A DbSchema for one query: the model plus the parameters the query declares in its header (the linter
 * reports any other parameter as an error).
 */
export function cypherLintSchema(parameters: readonly string[], version: LintCypherVersion): DbSchema {
  return {
    labels: NODES.map((n) => n.label),
    relationshipTypes: RELATIONSHIPS.map((r) => r.type),
    propertyKeys: modelPropertyKeys(),
    graphSchema: RELATIONSHIPS.map((r) => ({ from: r.from, to: r.to, relType: r.type })),
    parameters: Object.fromEntries(parameters.map((name) => [name, null])),
    functions: { [version]: builtInFunctions(version) },
    procedures: { [version]: {} },
    defaultLanguage: version,
  };
}
