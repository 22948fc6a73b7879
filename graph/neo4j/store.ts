/**
 * The Neo4j engine of the GraphStore port, over Bolt with neo4j-driver. bolt:// reaches one server;
 * neo4j:// and neo4j+s:// go through the routing driver (clusters, Aura), with reads sent to readers.
 * Queries are the named files in cypher/queries; none is built from input.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { StoreError } from '../errors.ts';
import { assertBatchesValid } from '../load-plan.ts';
import type { SourceBatch, TaxonomyRecords } from '../records.ts';
import { neo4jSchemaStatements } from '../schema/neo4j.ts';
import type { GraphStore, LoadOutcome, NodeRef, StatementQuery } from '../store.ts';
import { type ConnectionTarget, displayUri, storeErrorFromDriver } from './errors.ts';
import {
  loadSourceIn,
  removeContributions,
  sourceExists,
  transactionGroups,
  upsertTaxonomyIn,
} from './load.ts';
import { loadQueries, type QueryCatalogue } from './queries.ts';
import {
  caseDetailIn,
  caseFacetsIn,
  caseLinksIn,
  casesByIdsIn,
  recommendationRowsIn,
  statementsIn,
  themeEvidenceIn,
} from './read-cases.ts';
import { countsIn, listSourcesIn, sourceReadingsIn, sourceTextIn, taxonomyIn } from './read-catalogue.ts';
import { connectionsIn, neighbourhoodIn, searchIn } from './read-graph.ts';
import { Neo4jSessions } from './session.ts';

export interface Neo4jStoreOptions {
  uri: string;
  user: string;
  password: string;
  /** Defaults to "neo4j". */
  database?: string;
}

const DEFAULT_DATABASE = 'neo4j';

function createDriver(opts: Neo4jStoreOptions, target: ConnectionTarget): Driver {
  try {
    return neo4j.driver(opts.uri, neo4j.auth.basic(opts.user, opts.password), {
      disableLosslessIntegers: true,
      connectionTimeout: 15_000,
    });
  } catch (e) {
    throw new StoreError(
      'invalid-input',
      `cannot use NEO4J_URI ${displayUri(target.uri)}: ${(e as Error).message}`,
      {
        cause: e,
      },
    );
  }
}

function loadCatalogue(target: ConnectionTarget): QueryCatalogue {
  try {
    return loadQueries();
  } catch (e) {
    throw storeErrorFromDriver(e, target, 'loading the queries');
  }
}

/** Connects, proves the server, the credentials and the database all answer, and loads the queries. */
export async function openNeo4jStore(opts: Neo4jStoreOptions): Promise<GraphStore> {
  const target: ConnectionTarget = {
    uri: opts.uri,
    user: opts.user,
    database: opts.database || DEFAULT_DATABASE,
  };
  const catalogue = loadCatalogue(target);
  const driver = createDriver(opts, target);
  try {
    const info = await driver.getServerInfo({ database: target.database });
    const sessions = new Neo4jSessions(driver, target, catalogue);
    await sessions.read('checking the database', (q) => q.run('ping'));
    const agent = (info.agent ?? 'Neo4j').replace('/', ' ');
    return new Neo4jStore(
      driver,
      sessions,
      `${agent} at ${displayUri(target.uri)}, database ${target.database}`,
    );
  } catch (e) {
    await driver.close();
    throw storeErrorFromDriver(e, target, 'connecting');
  }
}

class Neo4jStore implements GraphStore {
  readonly engine = 'neo4j' as const;

  constructor(
    private readonly driver: Driver,
    private readonly sessions: Neo4jSessions,
    readonly description: string,
  ) {}

  async ensureSchema(): Promise<void> {
    await this.sessions.applySchema(neo4jSchemaStatements());
  }

  async ping(): Promise<void> {
    await this.sessions.read('answering a ping', (q) => q.run('ping'));
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  upsertTaxonomy(taxonomy: TaxonomyRecords): Promise<void> {
    return this.sessions.write('loading the taxonomy', (q) => upsertTaxonomyIn(q, taxonomy));
  }

  async loadSource(batch: SourceBatch): Promise<LoadOutcome> {
    const [outcome] = await this.loadSources([batch]);
    if (!outcome) throw new StoreError('query', `${batch.source.path}: loading produced no outcome`);
    return outcome;
  }

  /**
   * Batches in order, each as if loaded on its own (a later one may replace an earlier one). Every batch is
   * checked before anything is written; one transaction holds them all unless they exceed TRANSACTION_ROWS.
   */
  async loadSources(batches: SourceBatch[]): Promise<LoadOutcome[]> {
    assertBatchesValid(batches);
    const outcomes: LoadOutcome[] = [];
    for (const group of transactionGroups(batches)) {
      const doing =
        group.length === 1 ? `loading ${group[0]?.source.path}` : `loading ${group.length} documents`;
      const done = await this.sessions.write(doing, async (q) => {
        const results: LoadOutcome[] = [];
        for (const batch of group) results.push(await loadSourceIn(q, batch));
        return results;
      });
      outcomes.push(...done);
    }
    return outcomes;
  }

  removeSource(sourceId: string): Promise<boolean> {
    return this.sessions.write(`removing source ${sourceId}`, async (q) => {
      if (!(await sourceExists(q, sourceId))) return false;
      await removeContributions(q, sourceId);
      return true;
    });
  }

  sourceReadings(ids: readonly string[]) {
    return this.sessions.read('looking up sources', (q) => sourceReadingsIn(q, ids));
  }

  counts() {
    return this.sessions.read('counting nodes and relationships', countsIn);
  }

  listSources() {
    return this.sessions.read('listing sources', listSourcesIn);
  }

  sourceText(sourceId: string) {
    return this.sessions.read(`reading the text of source ${sourceId}`, (q) => sourceTextIn(q, sourceId));
  }

  taxonomy() {
    return this.sessions.read('reading the taxonomy', taxonomyIn);
  }

  caseFacets() {
    return this.sessions.read('reading case facets', caseFacetsIn);
  }

  casesByIds(ids: string[]) {
    return this.sessions.read('reading case reviews', (q) => casesByIdsIn(q, ids));
  }

  caseDetail(id: string) {
    return this.sessions.read(`reading case review ${id}`, (q) => caseDetailIn(q, id));
  }

  statements(query: StatementQuery) {
    return this.sessions.read(`reading ${query.kind} statements`, (q) => statementsIn(q, query));
  }

  recommendationRows() {
    return this.sessions.read('reading recommendations', recommendationRowsIn);
  }

  themeEvidence(caseIds: string[], themeIds: string[]) {
    return this.sessions.read('reading theme evidence', (q) => themeEvidenceIn(q, caseIds, themeIds));
  }

  caseLinks(caseIds: readonly string[] | null) {
    return this.sessions.read('reading case links', (q) => caseLinksIn(q, caseIds));
  }

  neighbourhood(start: NodeRef, depth: number, limit: number) {
    return this.sessions.read(`reading the neighbourhood of ${start.label}:${start.id}`, (q) =>
      neighbourhoodIn(q, start, depth, limit),
    );
  }

  connections(from: NodeRef, to: NodeRef, maxHops: number, limit: number) {
    return this.sessions.read('finding connections', (q) => connectionsIn(q, from, to, maxHops, limit));
  }

  search(text: string, limit: number) {
    return this.sessions.read('searching', (q) => searchIn(q, text, limit));
  }
}
