/**
 * Reads result rows into the store's record types. The driver is opened with disableLosslessIntegers, so
 * integers arrive as JS numbers; an Integer that still slips through (e.g. inside a map) is converted here.
 * A value of the wrong shape is a StoreError naming the query and column, never a silent undefined.
 */
import { isInt } from 'neo4j-driver';
import { StoreError } from '../errors.ts';
import type { CaseReviewRecord, Evidence } from '../records.ts';
import { CASE_REVIEW_PROPERTIES } from '../schema/model.ts';
import { SECTORS, valuesOf } from '../schema/vocabulary.ts';
import type { SourceSummary } from '../store.ts';
import type { Row } from './session.ts';

export { SECTORS };

/** A cursor over one row that knows which query it came from, for messages. */
export class RowReader {
  constructor(
    private readonly row: Row,
    private readonly query: string,
  ) {}

  private fail(column: string, expected: string, value: unknown): never {
    const got = value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value;
    throw new StoreError(
      'query',
      `cypher/queries/${this.query}.cypher: column ${column} is ${got}, expected ${expected}`,
    );
  }

  private value(column: string): unknown {
    const value = this.row[column];
    return isInt(value) ? value.toNumber() : value;
  }

  str(column: string): string {
    const value = this.value(column);
    return typeof value === 'string' ? value : this.fail(column, 'text', value);
  }

  strOrNull(column: string): string | null {
    const value = this.value(column);
    if (value === null || value === undefined) return null;
    return typeof value === 'string' ? value : this.fail(column, 'text or null', value);
  }

  num(column: string): number {
    const value = this.value(column);
    return typeof value === 'number' ? value : this.fail(column, 'a number', value);
  }

  numOrNull(column: string): number | null {
    const value = this.value(column);
    if (value === null || value === undefined) return null;
    return typeof value === 'number' ? value : this.fail(column, 'a number or null', value);
  }

  bool(column: string): boolean {
    const value = this.value(column);
    return typeof value === 'boolean' ? value : this.fail(column, 'true or false', value);
  }

  strList(column: string): string[] {
    const value = this.value(column);
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
      return this.fail(column, 'a list of text', value);
    return value;
  }

  /** A list of maps, each read with its own RowReader. */
  rows(column: string): RowReader[] {
    const value = this.value(column);
    if (
      !Array.isArray(value) ||
      !value.every((v) => typeof v === 'object' && v !== null && !Array.isArray(v))
    ) {
      return this.fail(column, 'a list of maps', value);
    }
    return value.map((v) => new RowReader(v as Row, this.query));
  }

  oneOf<T extends string>(column: string, allowed: readonly T[]): T {
    const value = this.str(column);
    return (allowed as readonly string[]).includes(value)
      ? (value as T)
      : this.fail(column, allowed.join(' | '), value);
  }

  oneOfOrNull<T extends string>(column: string, allowed: readonly T[]): T | null {
    return this.strOrNull(column) === null ? null : this.oneOf(column, allowed);
  }
}

export function readerOf(query: string): (row: Row) => RowReader {
  return (row) => new RowReader(row, query);
}

export function evidenceOf(r: RowReader): Evidence {
  return { sourceId: r.str('sourceId'), quote: r.str('quote'), start: r.num('start'), end: r.num('end') };
}

/** A case review row, field by field as graph/schema/model.ts declares them; vocabulary values are checked. */
export function caseReviewOf(r: RowReader): CaseReviewRecord {
  const fields = CASE_REVIEW_PROPERTIES.map((p) => {
    const required = 'required' in p;
    if (p.type === 'INT64') return [p.name, r.numOrNull(p.name)];
    if ('values' in p) {
      const allowed = valuesOf(p.values);
      return [p.name, required ? r.oneOf(p.name, allowed) : r.oneOfOrNull(p.name, allowed)];
    }
    return [p.name, required ? r.str(p.name) : r.strOrNull(p.name)];
  });
  return Object.fromEntries(fields) as CaseReviewRecord;
}

export function sourceSummaryOf(r: RowReader): SourceSummary {
  return {
    id: r.str('id'),
    // A source stored before content hashes were has its content hash as its id.
    sha256: r.strOrNull('sha256') ?? r.str('id'),
    title: r.str('title'),
    publisher: r.strOrNull('publisher'),
    published: r.strOrNull('published'),
    path: r.str('path'),
    format: r.str('format'),
    kind: r.str('kind'),
    ingestedAt: r.str('ingestedAt'),
    caseCount: r.num('caseCount'),
  };
}
