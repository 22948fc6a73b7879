/**
 * Neo4j constraints and indexes, derived from the model. cypher/schema.cypher is this text written out
 * (graph/schema/write-cypher-schema.ts); the Neo4j engine applies the same statements in ensureSchema.
 */
import { NODES, type NodeDecl, RELATIONSHIPS, type RelDecl } from './model.ts';

export interface SchemaSection {
  /** Why these statements exist; becomes a comment line above them. */
  readonly purpose: string;
  readonly statements: readonly string[];
}

/** Index and constraint names: lower snake case of the label/type and property, e.g. case_review_report_year. */
export function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toLowerCase();
}

function keyConstraint(node: NodeDecl): string {
  const name = `${snakeCase(node.label)}_${snakeCase(node.key)}_unique`;
  return `CREATE CONSTRAINT ${name} IF NOT EXISTS FOR (n:${node.label}) REQUIRE n.${node.key} IS UNIQUE`;
}

function propertyIndexes(node: NodeDecl): string[] {
  return node.indexed.map((property) => {
    const name = `${snakeCase(node.label)}_${snakeCase(property)}`;
    return `CREATE INDEX ${name} IF NOT EXISTS FOR (n:${node.label}) ON (n.${property})`;
  });
}

/** Evidence is removed source by source, so every relationship type that carries a sourceId is indexed on it. */
function sourceIndex(rel: RelDecl): string[] {
  if (!rel.properties.some((p) => p.name === 'sourceId')) return [];
  const name = `${snakeCase(rel.type)}_source_id`;
  return [`CREATE INDEX ${name} IF NOT EXISTS FOR ()-[r:${rel.type}]-() ON (r.sourceId)`];
}

function fullTextIndex(node: NodeDecl): string[] {
  if (node.fullText.length === 0) return [];
  const name = `${snakeCase(node.label)}_full_text`;
  const properties = node.fullText.map((p) => `n.${p}`).join(', ');
  return [`CREATE FULLTEXT INDEX ${name} IF NOT EXISTS FOR (n:${node.label}) ON EACH [${properties}]`];
}

export function neo4jSchemaSections(): SchemaSection[] {
  return [
    { purpose: 'Keys: one node per id.', statements: NODES.map(keyConstraint) },
    { purpose: 'Properties the filters and removals look up.', statements: NODES.flatMap(propertyIndexes) },
    {
      purpose: 'Relationship evidence, looked up by source.',
      statements: RELATIONSHIPS.flatMap(sourceIndex),
    },
    { purpose: 'Full-text search.', statements: NODES.flatMap(fullTextIndex) },
  ];
}

/** The statements in the order ensureSchema applies them (constraints first: MERGE relies on them). */
export function neo4jSchemaStatements(): string[] {
  return neo4jSchemaSections().flatMap((section) => section.statements);
}

/** The text of cypher/schema.cypher: one statement per line, each ended by a semicolon. */
export function renderCypherSchema(): string {
  const header = [
    '// Neo4j constraints and indexes for the Threadline graph.',
    '// Generated from graph/schema/model.ts by graph/schema/write-cypher-schema.ts: edit the model, not this file.',
    '// Every statement is idempotent (IF NOT EXISTS).',
  ];
  const body = neo4jSchemaSections()
    .filter((section) => section.statements.length > 0)
    .flatMap((section) => ['', `// ${section.purpose}`, ...section.statements.map((s) => `${s};`)]);
  return `${[...header, ...body].join('\n')}\n`;
}
