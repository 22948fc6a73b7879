import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { LINK_QUERIES, parseQueryFile, QUERY_DIR, QUERY_NAMES } from '../../../graph/neo4j/queries.ts';
import { MAX_HOPS } from '../../../graph/neo4j/read-graph.ts';
import { LINT_CYPHER_VERSIONS } from '../../../graph/schema/lint-schema.ts';
import { NODE_LABELS, REL_TYPES, relDecl } from '../../../graph/schema/model.ts';
import { renderCypherSchema } from '../../../graph/schema/neo4j.ts';
import { formatFindings, lintCypher, splitStatements } from './cypher-lint.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const schemaFile = join(repoRoot, 'cypher/schema.cypher');
const queryFiles = readdirSync(QUERY_DIR)
  .filter((f) => f.endsWith('.cypher'))
  .sort();
const queryText = (name: string) => readFileSync(join(QUERY_DIR, `${name}.cypher`), 'utf8');

/** Every finding for one query file, as the report a failing test prints; empty when the file is clean. */
function lintFile(dir: string, file: string, version: (typeof LINT_CYPHER_VERSIONS)[number]): string {
  const text = readFileSync(join(dir, file), 'utf8');
  const query = parseQueryFile(file, file, text);
  return formatFindings(file, version, lintCypher(text, query.params, version));
}

describe('the named Neo4j queries in cypher/queries', () => {
  it('are exactly the queries the Neo4j engine loads', () => {
    expect(queryFiles).toEqual([...QUERY_NAMES].map((name) => `${name}.cypher`).sort());
  });

  describe.each(LINT_CYPHER_VERSIONS)('linted as %s against the model', (version) => {
    it.each(queryFiles)('%s has no errors or warnings', (file) => {
      expect(lintFile(QUERY_DIR, file, version)).toBe('');
    });
  });

  it('leave no Cypher in graph/neo4j/*.ts: every query the engine sends is a linted file', () => {
    const dir = join(repoRoot, 'graph/neo4j');
    const inline = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .filter((f) =>
        /['"`]\s*(MATCH|MERGE|CREATE|UNWIND|RETURN|CALL|OPTIONAL MATCH)\s/.test(
          readFileSync(join(dir, f), 'utf8'),
        ),
      );
    expect(inline).toEqual([]);
  });
});

describe('what the queries cover', () => {
  it('count every label and every relationship type of the model', () => {
    for (const label of NODE_LABELS)
      expect(queryText('count-nodes')).toContain(`(n:${label}) RETURN '${label}' AS name`);
    for (const type of REL_TYPES) {
      expect(queryText('count-relationships')).toContain(`()-[r:${type}]->() RETURN '${type}' AS name`);
    }
  });

  it('find nodes of every label by reference', () => {
    for (const label of NODE_LABELS) {
      expect(queryText('nodes-by-ref')).toContain(
        `MATCH (n:${label}) WHERE ref.label = '${label}' AND n.id = ref.id`,
      );
    }
  });

  it('remove a source’s links of every relationship type', () => {
    for (const type of REL_TYPES)
      expect(queryText('delete-source-links')).toContain(`MATCH ()-[r:${type}]->()`);
  });

  it('create each relationship type between the labels the model declares, with every evidence property', () => {
    for (const type of REL_TYPES) {
      const { from, to, properties } = relDecl(type);
      const text = queryText(LINK_QUERIES[type]);
      expect(text).toContain(`MATCH (a:${from})`);
      expect(text).toContain(`MATCH (b:${to})`);
      expect(text).toContain(`CREATE (a)-[r:${type}]->(b)`);
      for (const p of properties) expect(text).toMatch(new RegExp(`\\br\\.${p.name} = `));
    }
  });

  it('bound shortest paths at the hop limit the engine clamps to', () => {
    expect(queryText('connections')).toContain(`allShortestPaths((a)-[*..${MAX_HOPS}]-(b))`);
  });
});

describe('cypher/schema.cypher', () => {
  it('is what graph/schema/model.ts generates (tsx graph/schema/write-cypher-schema.ts)', () => {
    expect(readFileSync(schemaFile, 'utf8')).toBe(renderCypherSchema());
  });

  it('keys every label on id and indexes the sourceId of every relationship type', () => {
    const text = readFileSync(schemaFile, 'utf8');
    for (const label of NODE_LABELS)
      expect(text).toMatch(new RegExp(`FOR \\(n:${label}\\) REQUIRE n\\.id IS UNIQUE;`));
    for (const type of REL_TYPES) expect(text).toContain(`FOR ()-[r:${type}]-() ON (r.sourceId);`);
  });

  it.each(LINT_CYPHER_VERSIONS)('passes the linter statement by statement as %s', (version) => {
    const statements = splitStatements(readFileSync(schemaFile, 'utf8'));
    expect(statements.length).toBeGreaterThan(NODE_LABELS.length);
    const report = statements
      .map((statement) => formatFindings(statement, version, lintCypher(statement, [], version)))
      .filter(Boolean)
      .join('\n');
    expect(report).toBe('');
  });
});

describe('the lint step', () => {
  const dir = mkdtempSync(join(tmpdir(), 'threadline-lint-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The findings for a query written to a temporary file, after proving the file check would fail on them. */
  function lintTempFile(name: string, text: string): string[] {
    writeFileSync(join(dir, `${name}.cypher`), text);
    expect(lintFile(dir, `${name}.cypher`, 'CYPHER 5')).not.toBe('');
    const query = parseQueryFile(name, name, text);
    return lintCypher(query.text, query.params, 'CYPHER 5').map((f) => f.message);
  }

  it('reports a syntax error in a query file', () => {
    const messages = lintTempFile(
      'broken-syntax',
      '// A query with a dangling WHERE.\n// params: $id\nMATCH (t:Theme) WHERE RETURN t.id AS id\n',
    );
    expect(messages.some((m) => m.startsWith('error:'))).toBe(true);
  });

  it('fails on an unknown label, relationship type and property, which the linter itself only warns about', () => {
    const messages = lintTempFile(
      'unknown-names',
      [
        '// Names the model does not have.',
        '// params: $id',
        'MATCH (c:CaseRevue)-[:HAS_THEMES]->(t:Theme)',
        'WHERE t.id = $id',
        'RETURN c.titel AS title',
      ].join('\n'),
    );
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^warning: Label CaseRevue is not present in the database/),
        expect.stringMatching(/^warning: Relationship type HAS_THEMES is not present in the database/),
        expect.stringMatching(/^warning: titel is not present in the database/),
      ]),
    );
  });

  it('fails on an undeclared parameter, an unused declared one and a RETURN column without AS', () => {
    const messages = lintTempFile(
      'house-rules',
      '// Breaks the house rules.\n// params: $id, $unused\nMATCH (t:Theme) WHERE t.id = $other RETURN t.label\n',
    );
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^error: Parameter \$other is not defined/),
        expect.stringMatching(/^\$id is declared in the header but not used/),
        expect.stringMatching(/^RETURN column "t.label" has no AS alias/),
      ]),
    );
  });

  it('fails on a property the label lacks, a misspelt written property, and a link between the wrong labels', () => {
    const messages = lintTempFile(
      'model-rules',
      [
        '// Breaks the model.',
        '// params: $rows',
        'UNWIND $rows AS row',
        'MATCH (a:CaseReview) WHERE a.id = row.from',
        'MATCH (b:Agency) WHERE b.id = row.to',
        'CREATE (a)-[r:HAS_THEME]->(b)',
        'SET r.quote = row.quote, a.topik = row.topic',
        'RETURN b.title AS title',
      ].join('\n'),
    );
    expect(messages).toEqual(
      expect.arrayContaining([
        'HAS_THEME joins CaseReview to Theme, not CaseReview to Agency',
        expect.stringMatching(/^a\.topik: .*has no property "topik"/),
        'b.title: Agency has no property "title" in the model',
      ]),
    );
  });

  it('fails on a function that is not built in', () => {
    const messages = lintTempFile(
      'plugin',
      '// Needs a plugin.\n// params: none\nRETURN apoc.text.clean("a") AS x\n',
    );
    expect(messages.some((m) => /^error: Function apoc\.text\.clean is not present/.test(m))).toBe(true);
  });
});
