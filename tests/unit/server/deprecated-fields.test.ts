import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSchema, NoDeprecatedCustomRule, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_QUERIES } from '../../../server/http/examples.ts';
import { ALL_OPERATIONS } from '../../../web/src/api/queries.ts';
import { viewQuery } from '../../../web/src/share/snippets.ts';
import { DEFAULT_STATE } from '../../../web/src/state/view-state.ts';

const root = resolve(import.meta.dirname, '../../..');
const schemaDir = join(root, 'server/schema');
const schema = buildSchema(
  readdirSync(schemaDir)
    .filter((f) => f.endsWith('.graphql'))
    .map((f) => readFileSync(join(schemaDir, f), 'utf8'))
    .join('\n'),
);

function deprecatedUses(query: string): string[] {
  return validate(schema, parse(query), [NoDeprecatedCustomRule]).map((e) => e.message);
}

/** The GraphQL documents the Python examples send (their QUERY strings). */
function pythonQueries(): Array<[string, string]> {
  const dir = join(root, 'examples/python');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.py'))
    .flatMap((f) =>
      [...readFileSync(join(dir, f), 'utf8').matchAll(/QUERY = """([\s\S]*?)"""/g)].map(
        (m): [string, string] => [f, m[1] ?? ''],
      ),
    );
}

describe('what this project sends asks for no deprecated field', () => {
  it('the GraphiQL examples', () => {
    expect(deprecatedUses(EXAMPLE_QUERIES)).toEqual([]);
  });

  it('the Python examples', () => {
    const queries = pythonQueries();
    expect(queries.length).toBeGreaterThan(0);
    for (const [file, query] of queries) expect(deprecatedUses(query), file).toEqual([]);
  });

  it('the explorer, whose older names are aliases of reviewCount', () => {
    for (const op of ALL_OPERATIONS) expect(deprecatedUses(op.query), op.name).toEqual([]);
    const theme = viewQuery({ ...DEFAULT_STATE, selection: { kind: 'theme', id: 'information-sharing' } });
    expect(deprecatedUses(theme.query)).toEqual([]);
  });

  it('would notice a deprecated field', () => {
    expect(deprecatedUses('{ themes { caseCount } }')).toEqual([
      'The field Theme.caseCount is deprecated. Use reviewCount.',
    ]);
  });
});
