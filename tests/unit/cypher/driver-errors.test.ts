import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../../graph/errors.ts';
import { displayUri, oneLine, storeErrorFromDriver } from '../../../graph/neo4j/errors.ts';
import { QueryFileError } from '../../../graph/neo4j/queries.ts';

const target = { uri: 'neo4j+s://reviews.example.org', user: 'analyst', database: 'threadline' };

function driverError(code: string, message: string): Neo4jError {
  return new Neo4jError(message, code, '50N42', 'error');
}

function mapped(code: string, message: string): StoreError {
  return storeErrorFromDriver(driverError(code, message), target, 'connecting');
}

describe('errors from the Neo4j driver', () => {
  it('turn an unreachable server into "unreachable", naming the URI and the cause', () => {
    const e = mapped(
      'ServiceUnavailable',
      'Failed to connect to server. Please ensure that your database is listening.\nCaused by: connect ECONNREFUSED 10.0.0.5:7687',
    );
    expect(e.kind).toBe('unreachable');
    expect(e.message).toBe(
      'Neo4j at neo4j+s://reviews.example.org is unreachable (connect ECONNREFUSED 10.0.0.5:7687); ' +
        'check NEO4J_URI and that the server is running',
    );
  });

  it('turn a refused password into "auth", naming the user', () => {
    const e = mapped(
      'Neo.ClientError.Security.Unauthorized',
      'The client is unauthorized due to authentication failure.',
    );
    expect(e.kind).toBe('auth');
    expect(e.message).toMatch(/refused user "analyst" .*check NEO4J_USER and NEO4J_PASSWORD$/);
  });

  it('turn a missing database into "database-missing", naming it', () => {
    const e = mapped(
      'Neo.ClientError.Database.DatabaseNotFound',
      'Database does not exist. Database name: threadline.',
    );
    expect(e.kind).toBe('database-missing');
    expect(e.message).toMatch(/has no database "threadline" .*set NEO4J_DATABASE$/);
  });

  it('turn anything else into "query", saying what the store was doing', () => {
    const e = storeErrorFromDriver(
      driverError('Neo.ClientError.Statement.SyntaxError', 'Invalid input'),
      target,
      'loading a.txt',
    );
    expect(e.kind).toBe('query');
    expect(e.message).toBe(
      'Neo4j failed while loading a.txt [Neo.ClientError.Statement.SyntaxError]: Invalid input',
    );
  });

  it('are always one line', () => {
    const e = mapped('ServiceUnavailable', 'Could not perform discovery.\n  No routing servers available.\n');
    expect(e.message).not.toContain('\n');
    expect(oneLine('x'.repeat(500)).length).toBeLessThanOrEqual(200);
  });

  it('keep StoreErrors as they are and report query-file mistakes as "query"', () => {
    const own = new StoreError('invalid-input', 'a.txt: cannot load');
    expect(storeErrorFromDriver(own, target, 'loading')).toBe(own);
    const file = storeErrorFromDriver(
      new QueryFileError('cypher/queries/x.cypher was called with missing $id'),
      target,
      'x',
    );
    expect(file.kind).toBe('query');
    expect(file.message).toBe('cypher/queries/x.cypher was called with missing $id');
  });
});

describe('a URI in a message', () => {
  it('never shows credentials written into it', () => {
    expect(displayUri('bolt://neo4j:s3cret@db.example.org:7687')).toBe('bolt://db.example.org:7687');
    expect(displayUri('neo4j+s://db.example.org')).toBe('neo4j+s://db.example.org');
  });
});
