/**
 * The writes that take a node take its id in either form too: removeSource(id) and ingestDocument(replaces)
 * accept a source's plain id (as sources lists it) and its typed id ('Source:…', as the graph views give
 * it), and refuse an id of another kind naming the argument. Over HTTP, on the bundled sample.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_CORPUS_DIR } from '../../../ingest/index.ts';
import { startLoadedServer, type TestServer } from './running-server.ts';

const ADMIN_TOKEN = 'node-id-writes-admin-token-0123456789';
const asAdmin = { authorization: `Bearer ${ADMIN_TOKEN}` };

const files = readdirSync(SAMPLE_CORPUS_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => join(SAMPLE_CORPUS_DIR, f));

interface SourceRow {
  id: string;
  path: string;
}

describe('writes naming a source by either id', () => {
  let api: TestServer;

  beforeAll(async () => {
    api = await startLoadedServer(files, { adminToken: ADMIN_TOKEN });
  });

  afterAll(async () => {
    await api?.stop();
  });

  async function sources(): Promise<SourceRow[]> {
    const result = await api.gql<{ sources: SourceRow[] }>('{ sources { id path } }');
    return result.data?.sources ?? [];
  }

  it('replaces a source named by the typed id a neighbourhood gave for it', async () => {
    const [target] = await sources();
    expect(target).toBeDefined();
    const around = await api.gql<{ neighbourhood: { nodes: { id: string; key: string }[] } }>(
      'query($id: ID!) { neighbourhood(id: $id) { nodes { id key } } }',
      { id: target?.id },
    );
    const typed = around.data?.neighbourhood.nodes.find((n) => n.key === target?.id)?.id;
    expect(typed).toBe(`Source:${target?.id}`);
    const file = files.find((f) => basename(f) === target?.path) ?? '';
    const result = await api.gql<{ ingestDocument: { status: string; replaced: string[] } }>(
      'mutation($name: String!, $text: String, $replaces: ID) { ingestDocument(filename: $name, text: $text, replaces: $replaces) { status replaced } }',
      { name: 'replacement.txt', text: `${readFileSync(file, 'utf8')}\n`, replaces: typed },
      asAdmin,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.ingestDocument).toEqual({ status: 'replaced', replaced: [target?.id] });
    expect((await sources()).map((s) => s.id)).not.toContain(target?.id);
  });

  it('removes a source named by its typed id, and refuses an id of another kind naming the argument', async () => {
    const [target] = await sources();
    const wrong = await api.gql('mutation { removeSource(id: "Theme:information-sharing") }', {}, asAdmin);
    expect(wrong.errors?.[0]).toMatchObject({
      message: 'id: "Theme:information-sharing" names a Theme, but id takes a Source',
      extensions: { code: 'BAD_USER_INPUT', argument: 'id' },
    });
    const removed = await api.gql<{ removeSource: boolean }>(
      'mutation($id: ID!) { removeSource(id: $id) }',
      { id: `Source:${target?.id}` },
      asAdmin,
    );
    expect(removed.data?.removeSource).toBe(true);
    expect((await sources()).map((s) => s.id)).not.toContain(target?.id);
  });
});
