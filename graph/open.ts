/**
 * Opens the configured engine. Each engine is imported only when chosen, so the embedded database's native
 * package is not loaded when Neo4j is used, and the Neo4j driver not when the embedded engine is.
 */
import type { StoreConfig } from './config.ts';
import type { GraphStore } from './store.ts';

export async function openStore(config: StoreConfig): Promise<GraphStore> {
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
  return openEmbeddedStore({ path: config.path });
}
