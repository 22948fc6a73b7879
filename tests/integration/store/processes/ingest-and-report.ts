/**
 * Child process for the kill tests: ingests the folder argv[3] into the embedded database at argv[2] the way
 * `npm run ingest` does (ingestPaths), in chunks of argv[4] documents, every chunk through the COPY bulk path
 * unless argv[5] is "unwind". It prints one line per bulk step ("step copy HAS_THEME"), so a test can kill it
 * at a known moment, "closing" before it closes the store and "done" when the whole run finished.
 */
import { openEmbeddedStore } from '../../../../graph/embedded/store.ts';
import { ingestPaths } from '../../../../ingest/load/ingest-files.ts';
import { loadTaxonomy } from '../../../../ingest/taxonomy/index.ts';

const [path, corpus, chunk, mode] = process.argv.slice(2);
if (!path || !corpus || !chunk) throw new Error('usage: ingest-and-report.ts DB_PATH CORPUS CHUNK [unwind]');
const say = (line: string) => process.stdout.write(`${line}\n`);
const store = await openEmbeddedStore({
  path,
  bulkMinRows: mode === 'unwind' ? Number.MAX_SAFE_INTEGER : 0,
  maxDbBytes: 2 ** 36,
  bufferPoolBytes: 2 ** 27,
  onBulkStep: (step) => {
    say(`step ${step}`);
  },
});
say('opened');
await store.ensureSchema();
await ingestPaths(store, [corpus], {
  taxonomy: loadTaxonomy(),
  chunkSize: Number(chunk),
  threads: 0,
});
say('closing');
await store.close();
say('done');
