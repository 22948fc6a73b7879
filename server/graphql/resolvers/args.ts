/** Argument checks shared by resolvers and the HTTP exports: each failure names the argument and the fix. */

import type { NodeLabel } from '../../../graph/schema/model.ts';
import { type CaseFilter, type NormalizedFilter, normalizeFilter } from '../../analytics/filter.ts';
import type { AnalyticsIndex } from '../../analytics/index.ts';
import { badInput } from '../errors.ts';
import { plainIdsOf } from '../node-id.ts';

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
  const plain = plainFilter(filter, argument);
  const unknown = index.unknownIds(plain);
  if (unknown.length > 0) throw badInput(unknown.join('; ').replaceAll('filter.', `${argument}.`), argument);
  return normalizeFilter(plain);
}

/** The fields of a filter that take nodes, and the kind of node each takes. */
const NODE_FIELDS = {
  harmTypes: 'HarmType',
  themes: 'Theme',
  themesAll: 'Theme',
  agencies: 'Agency',
  sources: 'Source',
} as const satisfies Record<string, NodeLabel>;

/**
 * The filter with every node id plain: a filter takes the ids queries return in either spelling
 * ('neglect' or 'HarmType:neglect'), as every argument that takes a node does.
 */
export function plainFilter<F extends CaseFilter>(
  filter: F | null | undefined,
  argument = 'filter',
): F | null {
  if (filter === null || filter === undefined) return null;
  const out: CaseFilter = { ...filter };
  for (const [field, label] of Object.entries(NODE_FIELDS) as [keyof typeof NODE_FIELDS, NodeLabel][]) {
    const ids = plainIdsOf(filter[field], label, `${argument}.${field}`);
    if (ids !== null) out[field] = ids;
  }
  if (filter.not) {
    const not = { ...filter.not };
    for (const field of ['harmTypes', 'themes', 'agencies', 'sources'] as const) {
      const ids = plainIdsOf(filter.not[field], NODE_FIELDS[field], `${argument}.not.${field}`);
      if (ids !== null) not[field] = ids;
    }
    out.not = not;
  }
  return out as F;
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
