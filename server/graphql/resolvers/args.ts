/** Argument checks shared by resolvers and the HTTP exports: each failure names the argument and the fix. */

import { type CaseFilter, type NormalizedFilter, normalizeFilter } from '../../analytics/filter.ts';
import type { AnalyticsIndex } from '../../analytics/index.ts';
import { badInput } from '../errors.ts';

const MAX_TEXT_LENGTH = 500;

export function readFilter(
  index: AnalyticsIndex,
  filter: CaseFilter | null | undefined,
  argument = 'filter',
): NormalizedFilter {
  if (filter?.yearFrom != null && filter.yearTo != null && filter.yearFrom > filter.yearTo) {
    throw badInput(`${argument}: yearFrom (${filter.yearFrom}) is after yearTo (${filter.yearTo})`, argument);
  }
  if (filter?.unknownYear === 'ONLY' && (filter.yearFrom != null || filter.yearTo != null)) {
    throw badInput(
      `${argument}: unknownYear ONLY chooses reviews with no year, so it cannot be combined with yearFrom/yearTo; drop one of them`,
      argument,
    );
  }
  if (filter?.text && filter.text.length > MAX_TEXT_LENGTH) {
    throw badInput(`${argument}.text is longer than ${MAX_TEXT_LENGTH} characters`, argument);
  }
  const unknown = index.unknownIds(filter);
  if (unknown.length > 0) throw badInput(unknown.join('; ').replaceAll('filter.', `${argument}.`), argument);
  return normalizeFilter(filter);
}

export function checkRange(
  name: string,
  value: number | null | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < min || v > max) {
    throw badInput(`${name} must be between ${min} and ${max} (got ${v})`, name);
  }
  return v;
}
