/**
 * Child process for the refresh kill tests: ingests the paths argv[5..] into the embedded database at
 * argv[2] the way `npm run ingest` does, in chunks of argv[3] documents, with the taxonomy's version
 * suffixed by argv[4] when it is not empty: a new extractor version, whose reading of every file no longer
 * finds its first review. Every chunk goes through the COPY bulk path unless the environment says
 * THREADLINE_TEST_VIA=unwind. It prints one line per load step ("step commit"), "closing" before it closes
 * the store and "done" when the whole run finished.
 */
import { openEmbeddedStore } from '../../../../graph/embedded/store.ts';
import { type Extractor, inlineExtractor } from '../../../../ingest/load/extract-pool.ts';
import { ingestPaths } from '../../../../ingest/load/ingest-files.ts';
import { loadTaxonomy, type Taxonomy } from '../../../../ingest/taxonomy/index.ts';

const [path, chunk, suffix, ...paths] = process.argv.slice(2);
if (!path || !chunk || suffix === undefined || paths.length === 0) {
  throw new Error('usage: refresh-and-report.ts DB_PATH CHUNK VERSION_SUFFIX PATH...');
}
const say = (line: string) => process.stdout.write(`${line}\n`);

/** The newer reading: the same documents, without the first review of each. */
function newerReading(taxonomy: Taxonomy): Extractor {
  const inner = inlineExtractor(taxonomy);
  return {
    ...inner,
    extract: async (file) => {
      const result = await inner.extract(file);
      return result.ok ? { ok: true, doc: { ...result.doc, cases: result.doc.cases.slice(1) } } : result;
    },
  };
}

const base = loadTaxonomy();
const taxonomy = suffix === '' ? base : { ...base, version: `${base.version}${suffix}` };
const store = await openEmbeddedStore({
  path,
  bulkMinRows: process.env.THREADLINE_TEST_VIA === 'unwind' ? Number.MAX_SAFE_INTEGER : 0,
  maxDbBytes: 2 ** 36,
  bufferPoolBytes: 2 ** 27,
  onBulkStep: (step) => {
    say(`step ${step}`);
  },
});
say('opened');
await store.ensureSchema();
await ingestPaths(store, paths, {
  taxonomy,
  chunkSize: Number(chunk),
  threads: 0,
  ...(suffix === '' ? {} : { extractor: newerReading(taxonomy) }),
});
say('closing');
await store.close();
say('done');
