/**
 * Rows for LadybugDB tables, in the column order of the DDL (graph/schema/ladybug.ts), and the UNWIND
 * statements that write them. Statement texts are built from the model only, never from input; every value
 * travels as a parameter, cast to its column type (a parameter column that is null in every row would
 * otherwise be typed STRING).
 */
import type { LinkRecord } from '../../records.ts';
import { quoteIdent } from '../../schema/ladybug.ts';
import { type NodeLabel, nodeDecl, type PropertyDecl, type RelType, relDecl } from '../../schema/model.ts';
import type { Params } from '../database.ts';
import type { CsvValue } from './csv.ts';

export type NodeRecord = { id: string };
type ParamRow = Record<string, string | number | null>;

type Column = (value: unknown) => CsvValue;

function column(p: PropertyDecl): Column {
  switch (p.type) {
    case 'STRING':
      return (v) => (v === null || v === undefined ? null : typeof v === 'string' ? v : String(v));
    case 'INT64':
    case 'DOUBLE':
      return (v) => (v === null || v === undefined ? null : typeof v === 'number' ? v : Number(v));
    case 'BOOLEAN':
      return (v) => (v === null || v === undefined ? null : v ? 'true' : 'false');
    default:
      throw new Error(`column type ${p.type} of ${p.name} cannot be written by the embedded engine yet`);
  }
}

/** Reads a record's columns in DDL order; built once per table, used per row. */
function rowReader(props: readonly PropertyDecl[]): (record: object) => CsvValue[] {
  const names = props.map((p) => p.name);
  const columns = props.map(column);
  return (record) => {
    const fields = record as Record<string, unknown>;
    const values = new Array<CsvValue>(names.length);
    for (let i = 0; i < names.length; i++) values[i] = (columns[i] as Column)(fields[names[i] as string]);
    return values;
  };
}

const nodeReaders = new Map<NodeLabel, (record: object) => CsvValue[]>();
const linkReaders = new Map<RelType, (record: object) => CsvValue[]>();

/** The row a node record makes in its table. */
export function nodeRow(label: NodeLabel): (record: NodeRecord) => CsvValue[] {
  let reader = nodeReaders.get(label);
  if (!reader) {
    reader = rowReader(nodeDecl(label).properties);
    nodeReaders.set(label, reader);
  }
  return reader;
}

/**
 * Links that quote their statement's whole text (a learning statement's HAS_LEARNING and ABOUT links, a
 * recommendation's MAKES, TARGETS and ADDRESSES) store NULL as their quote, and reads give back the
 * statement's text: the same bytes, stored once instead of up to four times. Keyed by which end is the
 * statement. See graph/schema/ladybug.ts.
 */
export const QUOTES_ITS_STATEMENT: Partial<Record<RelType, { end: 'from' | 'to'; label: StatementLabel }>> = {
  HAS_LEARNING: { end: 'to', label: 'Learning' },
  ABOUT: { end: 'from', label: 'Learning' },
  MAKES: { end: 'to', label: 'Recommendation' },
  TARGETS: { end: 'from', label: 'Recommendation' },
  ADDRESSES: { end: 'from', label: 'Recommendation' },
};

export type StatementLabel = 'Learning' | 'Recommendation';

/** The text of a statement this load writes, by label and id. */
export type StatementText = (label: StatementLabel, id: string) => string | undefined;

export function storedQuote(link: LinkRecord, statementText: StatementText): string | null {
  const statement = QUOTES_ITS_STATEMENT[link.type];
  return statement !== undefined && statementText(statement.label, link[statement.end]) === link.quote
    ? null
    : link.quote;
}

/** The row a link makes in its REL TABLE: start key, end key, then the properties. */
export function linkRow(type: RelType, statementText: StatementText): (link: LinkRecord) => CsvValue[] {
  let reader = linkReaders.get(type);
  if (!reader) {
    reader = rowReader([
      { name: 'from', type: 'STRING' },
      { name: 'to', type: 'STRING' },
      ...relDecl(type).properties,
    ]);
    linkReaders.set(type, reader);
  }
  const read = reader;
  const quoteAt = 2 + relDecl(type).properties.findIndex((p) => p.name === 'quote');
  if (QUOTES_ITS_STATEMENT[type] === undefined) return read;
  return (link) => {
    const values = read(link);
    values[quoteAt] = storedQuote(link, statementText);
    return values;
  };
}

export function nodeValues(label: NodeLabel, record: NodeRecord): CsvValue[] {
  return nodeRow(label)(record);
}

export function nodeParamRow(label: NodeLabel, record: NodeRecord): ParamRow {
  const values = nodeValues(label, record);
  return Object.fromEntries(nodeDecl(label).properties.map((p, i) => [p.name, values[i] ?? null]));
}

export function linkParamRow(link: LinkRecord, statementText: StatementText): ParamRow {
  const [from, to, ...values] = linkRow(link.type, statementText)(link);
  const row: ParamRow = { a: from ?? null, b: to ?? null };
  relDecl(link.type).properties.forEach((p, i) => {
    row[p.name] = values[i] ?? null;
  });
  return row;
}

function cast(p: PropertyDecl): string {
  return `CAST(r.${quoteIdent(p.name)} AS ${p.type})`;
}

function assignments(target: string, props: readonly PropertyDecl[]): string {
  return props.map((p) => `${target}.${quoteIdent(p.name)} = ${cast(p)}`).join(', ');
}

export function createNodesCypher(label: NodeLabel): string {
  const props = nodeDecl(label).properties;
  return `UNWIND $rows AS r CREATE (n:${label} {${props.map((p) => `${quoteIdent(p.name)}: ${cast(p)}`).join(', ')}})`;
}

export function updateNodesCypher(label: NodeLabel): string {
  const props = nodeDecl(label).properties.filter((p) => p.name !== 'id');
  return `UNWIND $rows AS r MATCH (n:${label}) WHERE n.id = r.id SET ${assignments('n', props)}`;
}

export function existingIdsCypher(label: NodeLabel): string {
  return `UNWIND $ids AS i MATCH (n:${label}) WHERE n.id = i RETURN n.id AS id`;
}

/** Creates links whose two ends exist and says how many; a shortfall means an end is missing. */
export function createLinksCypher(type: RelType): string {
  const decl = relDecl(type);
  const props = decl.properties.map((p) => `${quoteIdent(p.name)}: ${cast(p)}`).join(', ');
  return (
    `UNWIND $rows AS r MATCH (a:${decl.from}) WHERE a.id = r.a MATCH (b:${decl.to}) WHERE b.id = r.b ` +
    `CREATE (a)-[:${type} {${props}}]->(b) RETURN count(*) AS created`
  );
}

/** Splits long parameter lists so one statement never carries an unbounded list. */
export function* chunks<T>(items: readonly T[], size = 10_000): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

export function rowsParam(rows: ParamRow[]): Params {
  return { rows };
}
