/**
 * `npm start`: read the configuration, open the store, make sure schema and taxonomy are in place, load the
 * sample corpus into an empty database, and serve at once, building the analytics index in the background
 * (/healthz says "warming" meanwhile). Problems a person can fix (configuration, a locked database, an
 * unreachable Neo4j, a port in use) print one line and exit 2.
 */
import './production.ts';
import { readStoreConfig } from '../graph/config.ts';
import { loadEnvFileIfPresent } from '../graph/env-file.ts';
import { firstLine, isStoreError } from '../graph/errors.ts';
import { openStore } from '../graph/open.ts';
import type { GraphStore } from '../graph/store.ts';
import type { RunningServer } from './http/app.ts';

const EXIT_FIXABLE = 2;

loadEnvFileIfPresent();

function fail(message: string): number {
  process.stderr.write(`threadline: ${message}\n`);
  return EXIT_FIXABLE;
}

function isErrno(e: unknown, code: string): boolean {
  return e instanceof Error && (e as NodeJS.ErrnoException).code === code;
}

/** Files kept beside an embedded database so that the next start is quick (none beside Neo4j). */
interface Beside {
  savedIndex: string | null;
  savedSearch: string | null;
  savedTaxonomy: string | null;
}

/**
 * The modules that serve requests. Loading them is most of a start's CPU, so they are imported while the
 * store opens, which the embedded engine does on a thread of its own.
 */
function importServing() {
  return Promise.all([
    import('../ingest/index.ts'),
    import('./analytics/persisted-index.ts'),
    import('./config.ts'),
    import('./http/app.ts'),
    import('./start-taxonomy.ts'),
    import('./search/saved-search.ts'),
  ]).then(([ingest, persisted, config, app, taxonomy, search]) => ({
    ingest,
    persisted,
    config,
    app,
    taxonomy,
    search,
  }));
}

type Serving = Awaited<ReturnType<typeof importServing>>;

async function serve(store: GraphStore, beside: Beside, serving: Serving): Promise<RunningServer> {
  const { exposureWarning, readServerConfig } = serving.config;
  const { loadSampleCorpusIfEmpty, loadTaxonomy, taxonomyInPlace } = serving.ingest;
  const { startTaxonomy } = serving.taxonomy;
  const { startServer } = serving.app;
  const config = readServerConfig(process.env);
  await store.ensureSchema();
  // The taxonomy is parsed only when it changed or the sample corpus is loaded; else uploads parse it.
  const wanted = startTaxonomy(beside.savedTaxonomy);
  await taxonomyInPlace(store, wanted.records);
  const empty = (await store.counts()).nodes.CaseReview === 0;
  const taxonomy = wanted.parsed ?? (empty ? loadTaxonomy() : undefined);
  const sample = empty ? await loadSampleCorpusIfEmpty(store, taxonomy) : null;
  const server = await startServer({
    store,
    config,
    taxonomy,
    indexInBackground: true,
    savedIndex: beside.savedIndex,
    savedSearch: beside.savedSearch,
  });
  const note = sample
    ? `; loaded the sample corpus: ${sample.reviews} reviews from ${sample.documents} documents`
    : '';
  process.stdout.write(`Threadline listening on ${server.url} (${store.description})${note}\n`);
  const warning = exposureWarning(config);
  if (warning) process.stderr.write(`threadline: warning: ${warning}\n`);
  return server;
}

/** Longest a shutdown may take before the process exits anyway. */
const SHUTDOWN_LIMIT_MS = 5000;

function closeOnSignals(server: RunningServer, store: GraphStore): void {
  let closing = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (closing) process.exit(1);
    closing = true;
    process.stderr.write(`threadline: ${signal} received, closing\n`);
    // Closing stops the reading threads and drops connections; whatever still hangs does not hold us.
    setTimeout(() => {
      process.stderr.write(`threadline: not closed within ${SHUTDOWN_LIMIT_MS / 1000} s; exiting\n`);
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS - 500).unref();
    // The store closes after the request in flight: an upload being loaded finishes first (a load cut off
    // by the limit above or a second signal is put back by its journal when the database is next opened).
    try {
      try {
        await server.close();
      } finally {
        await store.close();
      }
    } catch (e) {
      process.stderr.write(`threadline: closing failed: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    }
    process.stderr.write('threadline: closed\n');
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

async function main(): Promise<number | null> {
  let storeConfig: ReturnType<typeof readStoreConfig>;
  try {
    const { readServerConfig } = await import('./config.ts');
    readServerConfig(process.env);
    storeConfig = readStoreConfig(process.env);
  } catch (e) {
    // Both readers throw only configuration errors, whose messages name the variable to fix.
    return fail(e instanceof Error ? e.message : String(e));
  }
  const opening = openStore(storeConfig);
  const importing = importServing();
  // Awaited once the store is open; this only keeps a failed open from leaving the import unobserved.
  importing.catch(() => undefined);
  let store: GraphStore;
  try {
    store = await opening;
  } catch (e) {
    if (isStoreError(e)) return fail(firstLine(e.message));
    throw e;
  }
  try {
    const serving = await importing;
    const embedded = storeConfig.engine === 'embedded' ? storeConfig.path : null;
    const beside = {
      savedIndex: embedded && serving.persisted.savedIndexPath(embedded),
      savedSearch: embedded && serving.search.savedSearchPath(embedded),
      savedTaxonomy: embedded && serving.taxonomy.savedTaxonomyPath(embedded),
    };
    closeOnSignals(await serve(store, beside, serving), store);
    return null;
  } catch (e) {
    await store.close().catch(() => undefined);
    if (isStoreError(e)) return fail(firstLine(e.message));
    if (isErrno(e, 'EADDRINUSE'))
      return fail(`port ${process.env.PORT ?? 4000} is already in use; set PORT to another one`);
    if (isErrno(e, 'EACCES'))
      return fail(`not allowed to listen on port ${process.env.PORT ?? 4000}; set PORT above 1023`);
    throw e;
  }
}

const code = await main();
if (code !== null) process.exit(code);
