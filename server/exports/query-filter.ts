/**
 * Export URLs take the CaseFilter as query parameters: lists comma-separated or repeated
 * (?harmTypes=neglect,physical-abuse&themes=information-sharing&yearFrom=2015&minShared=2), exclusions as
 * not.<field> (?not.themes=housing&not.reviewTypes=NATIONAL), unknownYear=INCLUDE|EXCLUDE|ONLY. The theme
 * network's link thresholds minShared, minLift and maxP default as in the API. Enum values are accepted by
 * their GraphQL name (SERIOUS_HARM, UNDER_1) or as stored ('serious-harm', 'under 1'). A comma inside a
 * value (a partnership's name may hold one) is written with a backslash before it: "Northby\, Eastwold".
 */
import type { CaseExclusion, CaseFilter, UnknownYear } from '../analytics/filter.ts';
import { AGE_BAND_VALUES, type EnumValues, OUTCOME_VALUES, REVIEW_TYPE_VALUES } from '../graphql/enums.ts';

export class QueryArgumentError extends Error {
  override readonly name = 'QueryArgumentError';
}

const LISTS = ['harmTypes', 'themes', 'themesAll', 'agencies', 'sources', 'partnerships'] as const;
const EXCLUSION_LISTS = ['harmTypes', 'themes', 'agencies', 'sources', 'partnerships'] as const;
const UNKNOWN_YEAR: readonly UnknownYear[] = ['INCLUDE', 'EXCLUDE', 'ONLY'];
const ENUM_LISTS = {
  outcome: OUTCOME_VALUES,
  ageBands: AGE_BAND_VALUES,
  reviewTypes: REVIEW_TYPE_VALUES,
} as const;
const NUMBERS = ['yearFrom', 'yearTo', 'minShared'] as const;
const DECIMALS = ['minLift', 'maxP'] as const;
export const EXPORT_PARAMETERS = [
  ...LISTS,
  ...Object.keys(ENUM_LISTS),
  ...NUMBERS,
  ...DECIMALS,
  'text',
  'unknownYear',
  ...[...EXCLUSION_LISTS, ...Object.keys(ENUM_LISTS)].map((name) => `not.${name}`),
];

export interface ExportQuery {
  filter: CaseFilter;
  minShared: number;
}

/** Link thresholds of the theme network as given (null = the API's default; checked by readLinkOptions). */
export interface LinkParams {
  minShared: number | null;
  minLift: number | null;
  maxP: number | null;
}

export function readLinkParams(params: URLSearchParams): LinkParams {
  return {
    minShared: intParam(params, 'minShared'),
    minLift: numberParam(params, 'minLift'),
    maxP: numberParam(params, 'maxP'),
  };
}

export function readExportQuery(params: URLSearchParams): ExportQuery {
  for (const name of new Set(params.keys())) {
    if (!EXPORT_PARAMETERS.includes(name)) {
      throw new QueryArgumentError(`unknown parameter "${name}"; use any of ${EXPORT_PARAMETERS.join(', ')}`);
    }
  }
  const filter: CaseFilter = {};
  for (const name of LISTS) {
    const values = listParam(params, name);
    if (values.length > 0) filter[name] = values;
  }
  for (const [name, values] of Object.entries(ENUM_LISTS)) {
    const given = listParam(params, name);
    if (given.length > 0)
      filter[name as keyof typeof ENUM_LISTS] = given.map((v) => enumValue(name, values, v));
  }
  const yearFrom = intParam(params, 'yearFrom');
  const yearTo = intParam(params, 'yearTo');
  if (yearFrom !== null) filter.yearFrom = yearFrom;
  if (yearTo !== null) filter.yearTo = yearTo;
  const unknownYear = params.get('unknownYear');
  if (unknownYear !== null && unknownYear.trim() !== '') {
    const choice = unknownYear.trim().toUpperCase() as UnknownYear;
    if (!UNKNOWN_YEAR.includes(choice))
      throw new QueryArgumentError(`unknownYear: "${unknownYear}" is not one of ${UNKNOWN_YEAR.join(', ')}`);
    filter.unknownYear = choice;
  }
  const not = readExclusion(params);
  if (Object.keys(not).length > 0) filter.not = not;
  const text = params.get('text');
  if (text !== null && text.trim() !== '') filter.text = text;
  const minShared = intParam(params, 'minShared') ?? 1;
  if (minShared < 1) throw new QueryArgumentError('minShared must be 1 or more');
  return { filter, minShared };
}

function readExclusion(params: URLSearchParams): CaseExclusion {
  const not: CaseExclusion = {};
  for (const name of EXCLUSION_LISTS) {
    const values = listParam(params, `not.${name}`);
    if (values.length > 0) not[name] = values;
  }
  for (const [name, values] of Object.entries(ENUM_LISTS)) {
    const given = listParam(params, `not.${name}`);
    if (given.length > 0)
      not[name as keyof typeof ENUM_LISTS] = given.map((v) => enumValue(`not.${name}`, values, v));
  }
  return not;
}

/** Values split at commas, except a comma escaped with a backslash (partnership names may hold one). */
function listParam(params: URLSearchParams, name: string): string[] {
  return params
    .getAll(name)
    .flatMap((v) => v.split(/(?<!\\),/))
    .map((v) => v.replaceAll('\\,', ',').trim())
    .filter((v) => v.length > 0);
}

function intParam(params: URLSearchParams, name: string): number | null {
  const raw = params.get(name);
  if (raw === null || raw.trim() === '') return null;
  if (!/^-?\d{1,9}$/.test(raw.trim()))
    throw new QueryArgumentError(`${name} must be a whole number (got "${raw}")`);
  return Number(raw.trim());
}

function numberParam(params: URLSearchParams, name: string): number | null {
  const raw = params.get(name);
  if (raw === null || raw.trim() === '') return null;
  if (!/^\d{1,9}(\.\d{1,12})?$|^\.\d{1,12}$|^\d(\.\d+)?e-\d{1,3}$/.test(raw.trim()))
    throw new QueryArgumentError(`${name} must be a number such as 1.2 or 0.05 (got "${raw}")`);
  return Number(raw.trim());
}

function enumValue(name: string, values: EnumValues, given: string): string {
  const byName = values[given.toUpperCase()];
  if (byName !== undefined) return byName;
  if (Object.values(values).includes(given)) return given;
  throw new QueryArgumentError(`${name}: "${given}" is not one of ${Object.keys(values).join(', ')}`);
}
