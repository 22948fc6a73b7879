/** Reading typed fields out of LadybugDB rows (INT64 may arrive as a bigint when it does not fit a double). */
import type { LbugValue } from '@ladybugdb/core';
import type { Row } from '../database.ts';

export function text(row: Row, key: string): string {
  const value = row[key];
  return value === null || value === undefined ? '' : String(value);
}

export function textOrNull(row: Row, key: string): string | null {
  const value = row[key];
  return value === null || value === undefined ? null : String(value);
}

export function intOrNull(row: Row, key: string): number | null {
  const value: LbugValue | undefined = row[key];
  if (value === null || value === undefined) return null;
  return typeof value === 'bigint' ? Number(value) : Number(value);
}

export function int(row: Row, key: string): number {
  return intOrNull(row, key) ?? 0;
}

export function textList(row: Row, key: string): string[] {
  const value = row[key];
  return Array.isArray(value) ? value.filter((v) => v !== null && v !== undefined).map(String) : [];
}

/** Distinct and sorted by code unit. */
export function distinctSorted(values: Iterable<string>): string[] {
  return [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
