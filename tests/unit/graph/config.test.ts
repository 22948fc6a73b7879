import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ConfigError, describeStoreConfig, NEO4J_SCHEMES, readStoreConfig } from '../../../graph/config.ts';
import { isStoreError } from '../../../graph/errors.ts';
import { openStore } from '../../../graph/open.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    readStoreConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('reading the store configuration', () => {
  it('chooses the embedded engine at data/threadline under the working directory by default', () => {
    expect(readStoreConfig({})).toEqual({
      engine: 'embedded',
      path: resolve(process.cwd(), 'data/threadline'),
    });
  });

  it('takes THREADLINE_DB_PATH relative to the working directory, or as given when absolute', () => {
    expect(readStoreConfig({ THREADLINE_DB_PATH: 'var/graph' })).toEqual({
      engine: 'embedded',
      path: resolve(process.cwd(), 'var/graph'),
    });
    expect(readStoreConfig({ THREADLINE_DB_PATH: '/srv/threadline/db' })).toEqual({
      engine: 'embedded',
      path: '/srv/threadline/db',
    });
  });

  it('treats a blank NEO4J_URI (as copied from .env.example) as not set', () => {
    expect(readStoreConfig({ NEO4J_URI: '  ', NEO4J_PASSWORD: '' }).engine).toBe('embedded');
  });

  it('chooses Neo4j when NEO4J_URI is set, with user and database defaulting to neo4j', () => {
    expect(readStoreConfig({ NEO4J_URI: 'bolt://127.0.0.1:7687', NEO4J_PASSWORD: 'pw' })).toEqual({
      engine: 'neo4j',
      uri: 'bolt://127.0.0.1:7687',
      user: 'neo4j',
      password: 'pw',
      database: 'neo4j',
    });
  });

  it('takes NEO4J_USER and NEO4J_DATABASE when given', () => {
    const config = readStoreConfig({
      NEO4J_URI: 'neo4j+s://abcd1234.databases.neo4j.io',
      NEO4J_USER: 'analyst',
      NEO4J_PASSWORD: 'pw',
      NEO4J_DATABASE: 'reviews',
    });
    expect(config).toMatchObject({ engine: 'neo4j', user: 'analyst', database: 'reviews' });
  });

  it('requires NEO4J_PASSWORD with NEO4J_URI, saying where to put it', () => {
    const e = configError({ NEO4J_URI: 'bolt://127.0.0.1:7687' });
    expect(e.variable).toBe('NEO4J_PASSWORD');
    expect(e.message).toBe('NEO4J_PASSWORD is not set; put it in the environment or .env (see .env.example)');
  });

  it.each(NEO4J_SCHEMES)('accepts the %s scheme', (scheme) => {
    expect(
      readStoreConfig({ NEO4J_URI: `${scheme}://db.example.org:7687`, NEO4J_PASSWORD: 'pw' }).engine,
    ).toBe('neo4j');
  });

  it('refuses another scheme, listing the ones it takes', () => {
    const e = configError({ NEO4J_URI: 'http://127.0.0.1:7474', NEO4J_PASSWORD: 'pw' });
    expect(e.variable).toBe('NEO4J_URI');
    expect(e.message).toBe(
      'NEO4J_URI "http://127.0.0.1:7474" must start with one of bolt://, bolt+s://, bolt+ssc://, neo4j://, ' +
        'neo4j+s://, neo4j+ssc:// (e.g. bolt://127.0.0.1:7687)',
    );
  });

  it('refuses a URI without a host or without a scheme', () => {
    expect(configError({ NEO4J_URI: 'bolt://', NEO4J_PASSWORD: 'pw' }).message).toMatch(/names no host/);
    expect(configError({ NEO4J_URI: 'localhost:7687', NEO4J_PASSWORD: 'pw' }).message).toMatch(
      /must start with/,
    );
  });

  it('never repeats credentials written into the URI', () => {
    const e = configError({ NEO4J_URI: 'http://neo4j:s3cret@db:7474', NEO4J_PASSWORD: 'pw' });
    expect(e.message).not.toContain('s3cret');
  });

  it('describes the configured engine without the password', () => {
    const config = readStoreConfig({ NEO4J_URI: 'bolt://db:7687', NEO4J_PASSWORD: 'hunter2' });
    expect(describeStoreConfig(config)).toBe('Neo4j at bolt://db:7687 as neo4j, database neo4j');
  });
});

/** A local port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise<void>((done) => server.close(() => done()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('opening the configured store', () => {
  it.each(['bolt', 'neo4j'])(
    'reports a Neo4j server that does not answer (%s://) in one line naming the URI',
    async (scheme) => {
      const uri = `${scheme}://127.0.0.1:${await closedPort()}`;
      const opening = openStore({ engine: 'neo4j', uri, user: 'neo4j', password: 'pw', database: 'neo4j' });
      const error = await opening.then(
        () => null,
        (e: unknown) => e,
      );
      expect(isStoreError(error)).toBe(true);
      if (!isStoreError(error)) return;
      expect(error.kind).toBe('unreachable');
      expect(error.message).toContain(`Neo4j at ${uri} is unreachable`);
      expect(error.message).not.toContain('\n');
    },
  );
});

describe('the container setup', () => {
  const read = (file: string) => readFileSync(join(repoRoot, file), 'utf8');
  const compose = parse(read('docker-compose.yml')) as {
    services: Record<string, Record<string, unknown>>;
    volumes: Record<string, unknown>;
  };
  const neo4j = compose.services.neo4j ?? {};
  const app = compose.services.app ?? {};
  const appEnv = (app.environment ?? {}) as Record<string, string>;

  it('runs Neo4j 5 community with its password from the environment and its data in a named volume', () => {
    expect(neo4j.image).toBe('neo4j:5-community');
    expect((neo4j.environment as Record<string, string>).NEO4J_AUTH).toMatch(
      /^neo4j\/\$\{NEO4J_PASSWORD:\?[^}]+\}$/,
    );
    expect(neo4j.volumes).toEqual(['neo4j-data:/data']);
    expect(Object.keys(compose.volumes)).toEqual(['neo4j-data']);
  });

  it('checks Neo4j health with a query and starts the app only once Neo4j is healthy', () => {
    const healthcheck = neo4j.healthcheck as { test: string[] };
    expect(healthcheck.test.join(' ')).toMatch(/cypher-shell .*RETURN 1/);
    expect(app.depends_on).toEqual({ neo4j: { condition: 'service_healthy' } });
  });

  it('builds the app and points it at the neo4j service, listening on all interfaces inside the container', () => {
    expect(app.build).toBe('.');
    expect(appEnv).toMatchObject({ HOST: '0.0.0.0', PORT: '4000', NEO4J_URI: 'bolt://neo4j:7687' });
    expect(appEnv.NEO4J_PASSWORD).toMatch(/^\$\{NEO4J_PASSWORD:\?/);
  });

  it('publishes every port on 127.0.0.1 only', () => {
    const ports = [...(neo4j.ports as string[]), ...(app.ports as string[])];
    expect(ports).toEqual(['127.0.0.1:7687:7687', '127.0.0.1:7474:7474', '127.0.0.1:4000:4000']);
  });

  it('commits no password: every secret comes from the environment', () => {
    const text = read('docker-compose.yml');
    for (const line of text
      .split('\n')
      .filter((l) => /PASSWORD|NEO4J_AUTH|TOKEN/.test(l) && !l.trim().startsWith('#'))) {
      expect(line).toMatch(/\$\{[A-Z0-9_]+(:[?-][^}]*)?\}|NEO4J_AUTH#neo4j\//);
    }
    expect(read('.env.example')).toMatch(/^NEO4J_PASSWORD=$/m);
  });

  it('builds the web app and the compiled server in one stage, and runs them on a Node LTS without dev dependencies', () => {
    const [build = '', run = ''] = read('Dockerfile')
      .split(/^(?=FROM )/m)
      .filter((s) => s.startsWith('FROM'));
    expect(build).toMatch(/^FROM node:(22|24)-slim AS build$/m);
    expect(build).toMatch(/^RUN npm ci\b/m);
    expect(build).toContain('npm run build');
    expect(build).toContain('npm run build:node');
    expect(run).toMatch(/^FROM node:(22|24)-slim$/m);
    expect(run).toMatch(/^RUN npm ci --omit=dev\b/m);
    expect(run).toContain('COPY --from=build /app/dist/node ./dist/node');
    expect(run).toContain('COPY --from=build /app/dist/web ./dist/web');
    expect(run).toMatch(/^USER node$/m);
    expect(run).toMatch(/^CMD \["node", "dist\/node\/server\/main\.js"\]$/m);
    expect(run).not.toMatch(/tsx|npm start/);
  });

  it('keeps secrets and local state out of the image', () => {
    const ignored = read('.dockerignore').split('\n');
    for (const entry of ['.env', 'node_modules', 'data', '.git']) expect(ignored).toContain(entry);
  });

  it('lists every setting in .env.example, with a comment', () => {
    const example = read('.env.example');
    const names = [
      'THREADLINE_DB_PATH',
      'NEO4J_URI',
      'NEO4J_USER',
      'NEO4J_PASSWORD',
      'NEO4J_DATABASE',
      'HOST',
      'PORT',
      'THREADLINE_API_TOKEN',
      'THREADLINE_ADMIN_TOKEN',
      'THREADLINE_CORS_ORIGINS',
    ];
    const lines = example.split('\n');
    for (const name of names) {
      const at = lines.findIndex((l) => l.startsWith(`${name}=`));
      expect(at, name).toBeGreaterThan(0);
      expect(lines[at - 1], `${name} has a comment above it`).toMatch(/^#/);
    }
  });
});
