import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ALL_OPERATIONS } from '../../../web/src/api/queries.ts';
import { viewQuery } from '../../../web/src/share/snippets.ts';
import { DEFAULT_STATE, type ViewState } from '../../../web/src/state/view-state.ts';

const schemaDir = resolve(import.meta.dirname, '../../../server/schema');
const sdl = readdirSync(schemaDir)
  .filter((f) => f.endsWith('.graphql'))
  .map((f) => readFileSync(join(schemaDir, f), 'utf8'))
  .join('\n');
const schema = buildSchema(sdl);

function errorsOf(query: string): string[] {
  return validate(schema, parse(query)).map((e) => e.message);
}

describe('the explorer speaks the published GraphQL contract', () => {
  for (const op of ALL_OPERATIONS) {
    it(`sends a ${op.name} document that validates against server/schema`, () => {
      expect(errorsOf(op.query)).toEqual([]);
    });
  }

  const views: Array<[string, Partial<ViewState>]> = [
    ['the plain theme map', {}],
    ['a selected theme', { selection: { kind: 'theme', id: 'information-sharing' } }],
    ['a selected link', { selection: { kind: 'link', source: 'a', target: 'b' } }],
    ['a selected review', { selection: { kind: 'case', id: 'c1' } }],
    [
      'a case graph with a connection question',
      { view: 'graph', graphRoots: ['Theme:a', 'Agency:b'], graphPath: { from: 'Theme:a', to: 'Agency:b' } },
    ],
  ];
  for (const [name, patch] of views) {
    it(`offers a "copy as GraphQL" query for ${name} that validates`, () => {
      const q = viewQuery({ ...DEFAULT_STATE, ...patch });
      expect(errorsOf(q.query)).toEqual([]);
    });
  }
});
