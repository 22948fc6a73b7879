/**
 * Regenerates cypher/schema.cypher from graph/schema/model.ts.
 *   tsx graph/schema/write-cypher-schema.ts          writes the file
 *   tsx graph/schema/write-cypher-schema.ts --check  exits 1 when the file is out of date
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderCypherSchema } from './neo4j.ts';

export const CYPHER_SCHEMA_FILE = fileURLToPath(new URL('../../cypher/schema.cypher', import.meta.url));

function readCurrent(): string | null {
  try {
    return readFileSync(CYPHER_SCHEMA_FILE, 'utf8');
  } catch {
    return null;
  }
}

function main(args: string[]): number {
  const wanted = renderCypherSchema();
  const current = readCurrent();
  if (args.includes('--check')) {
    if (current === wanted) return 0;
    console.error(`${CYPHER_SCHEMA_FILE} is out of date; run: tsx graph/schema/write-cypher-schema.ts`);
    return 1;
  }
  if (current === wanted) {
    console.log(`${CYPHER_SCHEMA_FILE} is up to date`);
    return 0;
  }
  writeFileSync(CYPHER_SCHEMA_FILE, wanted);
  console.log(`wrote ${CYPHER_SCHEMA_FILE}`);
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
