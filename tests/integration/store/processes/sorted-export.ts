/**
 * A database's whole graph, sorted, for telling whether two runs stored the same thing: every node (its label
 * and declared properties) and every relationship (its type, both ends' ids and its properties), exported by
 * the engine as CSV, one file per label and type, whose lines are sorted and hashed. The time a source was
 * ingested is left out: it differs between any two runs. Compared by digest; the counts per label and type
 * make a failure readable.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, openSession } from '../../../../graph/embedded/database.ts';
import { NODES, RELATIONSHIPS } from '../../../../graph/schema/model.ts';

export interface SortedExport {
  digest: string;
  /** Rows per node label and relationship type. */
  counts: Record<string, number>;
}

/** Properties that differ between two runs storing the same documents. */
const RUN_PROPERTIES = new Set(['ingestedAt']);

/** Each label's and type's MATCH and columns; labels, types and properties come from the schema's own declaration. */
function exports(): Array<{ kind: string; match: string; columns: string[] }> {
  const nodes = NODES.map((node) => ({
    kind: node.label,
    match: `MATCH (n:${node.label})`,
    columns: node.properties.filter((p) => !RUN_PROPERTIES.has(p.name)).map((p) => `n.\`${p.name}\``),
  }));
  const relationships = RELATIONSHIPS.map((rel) => ({
    kind: rel.type,
    match: `MATCH (a:${rel.from})-[r:${rel.type}]->(b:${rel.to})`,
    columns: ['a.id', 'b.id', ...rel.properties.map((p) => `r.\`${p.name}\``)],
  }));
  return [...nodes, ...relationships];
}

/** Call on a database a store has opened and closed since any kill, so that its journal is settled. */
export async function sortedExport(path: string): Promise<SortedExport> {
  const scratch = await mkdtemp(join(tmpdir(), 'threadline-export-'));
  const database = await openDatabase(path, { maxDbBytes: 2 ** 36, bufferPoolBytes: 2 ** 27 });
  const hash = createHash('sha256');
  const counts: Record<string, number> = {};
  try {
    const session = await openSession(database);
    try {
      for (const { kind, match, columns } of exports()) {
        const file = join(scratch, `${kind}.csv`);
        await session.run(`COPY (${match} RETURN ${columns.join(', ')}) TO '${file}'`);
        const [counted] = await session.rows(`${match} RETURN count(*) AS rows`);
        counts[kind] = Number(counted?.rows);
        // Physical lines: a text with line breaks spans several, which sort and hash as well as whole rows.
        const lines = (await readFile(file, 'utf8')).split('\n').sort();
        hash.update(`${kind}\n`);
        for (const line of lines) hash.update(line).update('\n');
      }
    } finally {
      await session.close();
    }
  } finally {
    await database.close();
    await rm(scratch, { recursive: true, force: true });
  }
  return { digest: hash.digest('hex'), counts };
}
