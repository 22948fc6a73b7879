/**
 * Opens the configured engine. Each engine is imported only when chosen, so the embedded database's native
 * package is not loaded when Neo4j is used, and the Neo4j driver not when the embedded engine is.
 */
import type { StoreConfig } from './config.ts';
import type { GraphStore } from './store.ts';

export interface OpenOptions {
  /**
   * Hold the graph's adjacency in memory for path reads (embedded engine; default true). A run that only
   * loads documents, such as `npm run ingest`, passes false: it never reads a path, and reading the whole
   * graph beside its load would only cost CPU.
   */
  adjacencyIndex?: boolean;
}

export async function openStore(config: StoreConfig, opts: OpenOptions = {}): Promise<GraphStore> {
  if (config.engine === 'neo4j') {
    const { openNeo4jStore } = await import('./neo4j/store.ts');
    return openNeo4jStore({
      uri: config.uri,
      user: config.user,
      password: config.password,
      database: config.database,
    });
  }
  const { openEmbeddedStore } = await import('./embedded/store.ts');
  return openEmbeddedStore({ path: config.path, adjacencyIndex: opts.adjacencyIndex ?? true });
}
