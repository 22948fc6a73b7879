/**
 * LadybugDB DDL, derived from graph/schema/model.ts. LadybugDB needs typed tables: one NODE TABLE per label
 * keyed by `id`, one REL TABLE per relationship type carrying the evidence properties. It has no secondary
 * range indexes (only the primary-key hash index), so `indexed`/`fullText` in the model have no DDL here.
 *
 * One storage convention on top of the model: a link from or to a statement whose evidence quote is the
 * statement's whole text (HAS_LEARNING, MAKES, ABOUT, TARGETS, ADDRESSES, as ingest writes them) keeps NULL in
 * `quote`, and the embedded engine reads the statement's text back in its place — the same bytes, stored once.
 */
import {
  NODES,
  type NodeDecl,
  type NodeLabel,
  nodeDecl,
  type PropertyDecl,
  RELATIONSHIPS,
  type RelDecl,
  type RelType,
  relDecl,
} from './model.ts';

/** Backticks keep property names such as `end` and `group` from clashing with Cypher keywords. */
export function quoteIdent(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`not a plain identifier: ${name}`);
  return `\`${name}\``;
}

function columnDef(p: PropertyDecl): string {
  return `${quoteIdent(p.name)} ${p.type}`;
}

export function nodeTableDdl(decl: NodeDecl): string {
  const columns = decl.properties.map(columnDef).join(', ');
  return `CREATE NODE TABLE IF NOT EXISTS ${decl.label}(${columns}, PRIMARY KEY(${quoteIdent(decl.key)}))`;
}

export function relTableDdl(decl: RelDecl): string {
  const columns = decl.properties.map((p) => `, ${columnDef(p)}`).join('');
  return `CREATE REL TABLE IF NOT EXISTS ${decl.type}(FROM ${decl.from} TO ${decl.to}${columns})`;
}

/** Node tables first: a REL TABLE can only name tables that exist. */
export function ladybugDdl(): string[] {
  return [...NODES.map(nodeTableDdl), ...RELATIONSHIPS.map(relTableDdl)];
}

/** Columns a table should have, for adding the ones a database created by an older model lacks. */
export function tableColumns(table: NodeLabel | RelType): readonly PropertyDecl[] {
  return (NODES.some((n) => n.label === table) ? nodeDecl(table as NodeLabel) : relDecl(table as RelType))
    .properties;
}

export function addColumnDdl(table: NodeLabel | RelType, p: PropertyDecl): string {
  return `ALTER TABLE ${table} ADD IF NOT EXISTS ${columnDef(p)}`;
}
