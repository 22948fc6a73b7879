import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  bindParams,
  loadQueries,
  parseQueryFile,
  QUERY_NAMES,
  QueryFileError,
} from '../../../graph/neo4j/queries.ts';

describe('a query file header', () => {
  it('names the parameters the query takes', () => {
    const q = parseQueryFile(
      'x.cypher',
      'x',
      '// Finds a theme.\n// params: $id, $limit\nMATCH (t:Theme) RETURN t.id AS id\n',
    );
    expect(q.params).toEqual(['id', 'limit']);
  });

  it('may say the query takes none', () => {
    expect(parseQueryFile('x.cypher', 'x', '// Pings.\n// params: none\nRETURN 1 AS ok\n').params).toEqual(
      [],
    );
  });

  it('is required, and the error names the file', () => {
    expect(() => parseQueryFile('cypher/queries/bare.cypher', 'bare', 'RETURN 1 AS ok\n')).toThrow(
      /cypher\/queries\/bare\.cypher: expected comment lines/,
    );
  });

  it('must have exactly one params line', () => {
    expect(() => parseQueryFile('a.cypher', 'a', '// Pings.\nRETURN 1 AS ok\n')).toThrow(
      /a\.cypher: .*params/,
    );
    expect(() => parseQueryFile('b.cypher', 'b', '// params: $a\n// params: $b\nRETURN $a AS a\n')).toThrow(
      /b\.cypher: .*exactly one/,
    );
  });

  it('refuses a parameter written without its $', () => {
    expect(() => parseQueryFile('c.cypher', 'c', '// Finds.\n// params: id\nRETURN $id AS id\n')).toThrow(
      /c\.cypher: "id" in the params line is not a \$name/,
    );
  });
});

describe('loading the catalogue', () => {
  const dir = mkdtempSync(join(tmpdir(), 'threadline-queries-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads every named query from cypher/queries', () => {
    const catalogue = loadQueries();
    expect([...catalogue.keys()]).toEqual([...QUERY_NAMES]);
    expect(catalogue.get('search')?.params).toEqual(['text', 'limit']);
  });

  it('names the missing file when a query is absent', () => {
    writeFileSync(join(dir, 'ping.cypher'), '// Pings.\n// params: none\nRETURN 1 AS ok\n');
    expect(() => loadQueries(dir)).toThrow(QueryFileError);
    expect(() => loadQueries(dir)).toThrow(/count-nodes\.cypher: cannot read the query file/);
  });
});

describe('binding parameters', () => {
  const query = parseQueryFile(
    'q.cypher',
    'source-text',
    '// Reads.\n// params: $sourceId\nRETURN $sourceId AS id\n',
  );

  it('passes exactly the declared parameters through', () => {
    expect(bindParams(query, { sourceId: 'abc' })).toEqual({ sourceId: 'abc' });
  });

  it('refuses missing and unexpected parameters, naming the query file', () => {
    expect(() => bindParams(query, {})).toThrow(
      'cypher/queries/source-text.cypher was called with missing $sourceId',
    );
    expect(() => bindParams(query, { sourceId: 'a', id: 'b' })).toThrow(/unexpected \$id/);
  });

  it('refuses undefined, which the driver would not send as null', () => {
    expect(() => bindParams(query, { sourceId: undefined })).toThrow(/\$sourceId is undefined/);
  });
});
