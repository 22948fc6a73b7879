/**
 * Runs named queries inside managed transactions: reads in executeRead (routed to readers on a cluster or
 * Aura), writes in executeWrite. Every failure leaves as a StoreError.
 */
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { type ConnectionTarget, storeErrorFromDriver } from './errors.ts';
import { bindParams, type QueryCatalogue, QueryFileError, type QueryName } from './queries.ts';

export type Row = Readonly<Record<string, unknown>>;

export interface QueryRunner {
  run(name: QueryName, params?: Readonly<Record<string, unknown>>): Promise<Row[]>;
}

export class Neo4jSessions {
  constructor(
    private readonly driver: Driver,
    private readonly target: ConnectionTarget,
    private readonly catalogue: QueryCatalogue,
  ) {}

  read<T>(doing: string, work: (q: QueryRunner) => Promise<T>): Promise<T> {
    return this.inSession(neo4j.session.READ, doing, (session) =>
      session.executeRead((tx) => work(this.runner(tx))),
    );
  }

  write<T>(doing: string, work: (q: QueryRunner) => Promise<T>): Promise<T> {
    return this.inSession(neo4j.session.WRITE, doing, (session) =>
      session.executeWrite((tx) => work(this.runner(tx))),
    );
  }

  /** Schema commands may not share a transaction with data writes: each runs in its own. */
  async applySchema(statements: readonly string[]): Promise<void> {
    for (const statement of statements) {
      await this.inSession(neo4j.session.WRITE, 'applying the schema', (session) =>
        session.executeWrite(async (tx) => {
          await tx.run(statement);
        }),
      );
    }
  }

  private async inSession<T>(
    mode: typeof neo4j.session.READ | typeof neo4j.session.WRITE,
    doing: string,
    work: (session: ReturnType<Driver['session']>) => Promise<T>,
  ): Promise<T> {
    const session = this.driver.session({ database: this.target.database, defaultAccessMode: mode });
    try {
      return await work(session);
    } catch (e) {
      throw storeErrorFromDriver(e, this.target, doing);
    } finally {
      await session.close();
    }
  }

  private runner(tx: ManagedTransaction): QueryRunner {
    return {
      run: async (name, params = {}) => {
        const query = this.catalogue.get(name);
        if (!query) throw new QueryFileError(`cypher/queries/${name}.cypher was not loaded`);
        const result = await tx.run(query.text, bindParams(query, params));
        return result.records.map((record) => record.toObject() as Row);
      },
    };
  }
}
