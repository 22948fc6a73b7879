/**
 * The named Neo4j queries: one file per query in cypher/queries/<name>.cypher, read once when the engine
 * opens. Each file starts with comment lines saying what it does, one of them naming its parameters:
 *   // params: $sourceId, $rows        (or `// params: none`)
 * A query is only ever run with exactly the parameters its header names.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RelType } from '../schema/model.ts';

export const QUERY_DIR = fileURLToPath(new URL('../../cypher/queries/', import.meta.url));

export const LINK_QUERIES = {
  PUBLISHED_IN: 'link-published-in',
  CONCERNS: 'link-concerns',
  INVOLVED: 'link-involved',
  HAS_LEARNING: 'link-has-learning',
  ABOUT: 'link-about',
  HAS_THEME: 'link-has-theme',
  MAKES: 'link-makes',
  TARGETS: 'link-targets',
  ADDRESSES: 'link-addresses',
} as const satisfies Record<RelType, string>;

export const QUERY_NAMES = [
  'ping',
  'count-nodes',
  'count-relationships',
  'list-sources',
  'source-text',
  'source-readings',
  'taxonomy-harm-types',
  'taxonomy-agencies',
  'taxonomy-themes',
  'case-facets',
  'cases-by-ids',
  'case-sources',
  'case-links',
  'case-links-bulk',
  'case-learning',
  'case-recommendations',
  'learning-page',
  'learning-total',
  'recommendation-page',
  'recommendation-total',
  'recommendation-rows',
  'theme-evidence',
  'nodes-by-ref',
  'neighbourhood-step',
  'edges-among',
  'connections',
  'search',
  'upsert-harm-types',
  'upsert-agencies',
  'upsert-themes',
  'source-state',
  'source-exists',
  'source-cases',
  'delete-source-links',
  'delete-source-statements',
  'delete-orphan-cases',
  'delete-source',
  'merge-source',
  'merge-cases',
  'merge-learning',
  'merge-recommendations',
  ...Object.values(LINK_QUERIES),
] as const;

export type QueryName = (typeof QUERY_NAMES)[number];

export interface NamedQuery {
  readonly name: string;
  /** The file as written, header comments included (Cypher accepts // comments). */
  readonly text: string;
  readonly params: readonly string[];
}

export type QueryCatalogue = ReadonlyMap<QueryName, NamedQuery>;

export class QueryFileError extends Error {
  override readonly name = 'QueryFileError';
}

const PARAMS_LINE = /^\/\/\s*params:\s*(.*)$/;
const PARAM_NAME = /^\$([A-Za-z_][A-Za-z0-9_]*)$/;

function headerLines(text: string): string[] {
  const lines = text.split('\n').map((line) => line.trim());
  const end = lines.findIndex((line) => !line.startsWith('//'));
  return end === -1 ? lines : lines.slice(0, end);
}

function parseParamsLine(file: string, value: string): string[] {
  if (value.trim() === 'none') return [];
  return value.split(',').map((item) => {
    const match = PARAM_NAME.exec(item.trim());
    if (!match?.[1]) {
      throw new QueryFileError(
        `${file}: "${item.trim()}" in the params line is not a $name (or write "none")`,
      );
    }
    return match[1];
  });
}

/** Reads the header of one query file; `file` names it in messages. */
export function parseQueryFile(file: string, name: string, text: string): NamedQuery {
  const header = headerLines(text);
  if (header.length === 0 || header.length === text.split('\n').length) {
    throw new QueryFileError(`${file}: expected comment lines describing the query, then the query`);
  }
  const paramsLines = header.map((line) => PARAMS_LINE.exec(line)).filter((m) => m !== null);
  if (paramsLines.length !== 1) {
    throw new QueryFileError(
      `${file}: the header needs exactly one "// params: $a, $b" (or "// params: none") line`,
    );
  }
  const params = parseParamsLine(file, paramsLines[0]?.[1] ?? '');
  return { name, text, params };
}

export function loadQueries(dir: string = QUERY_DIR): QueryCatalogue {
  const catalogue = new Map<QueryName, NamedQuery>();
  for (const name of QUERY_NAMES) {
    const file = join(dir, `${name}.cypher`);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (cause) {
      throw new QueryFileError(`${file}: cannot read the query file (${(cause as Error).message})`);
    }
    catalogue.set(name, parseQueryFile(file, name, text));
  }
  return catalogue;
}

/** The parameters to send, after checking they are exactly the ones the query's header names. */
export function bindParams(
  query: NamedQuery,
  params: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const given = Object.keys(params).sort();
  const wanted = [...query.params].sort();
  const missing = wanted.filter((p) => !given.includes(p));
  const extra = given.filter((p) => !wanted.includes(p));
  if (missing.length > 0 || extra.length > 0) {
    const parts = [
      missing.length > 0 ? `missing ${missing.map((p) => `$${p}`).join(', ')}` : '',
      extra.length > 0 ? `unexpected ${extra.map((p) => `$${p}`).join(', ')}` : '',
    ].filter(Boolean);
    throw new QueryFileError(`cypher/queries/${query.name}.cypher was called with ${parts.join('; ')}`);
  }
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) {
      throw new QueryFileError(
        `cypher/queries/${query.name}.cypher: $${key} is undefined (send null instead)`,
      );
    }
  }
  return { ...params };
}
