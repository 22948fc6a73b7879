/**
 * Search over GraphQL on the embedded engine: the taxonomy's words find the entries they name, ahead of the
 * store's substring hits, and a review is found by the words of its summary.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../../graph/embedded/store.ts';
import type { GraphStore } from '../../../graph/store.ts';
import type { Taxonomy } from '../../../ingest/taxonomy/types.ts';
import { type RunningServer, startServer } from '../../../server/http/app.ts';
import { CASE_IDS, NATIONAL, SPRING, SUMMER, TAXONOMY } from '../../fixtures/batches.ts';
import { testConfig } from './running-server.ts';

/** The words the server searches by; ids follow the fixture graph, plus one entry the graph does not hold. */
const WORDS: Taxonomy = {
  version: 'fixture',
  harmTypes: [
    { id: 'neglect', label: 'Neglect', description: '', synonyms: ['neglected', 'neglectful'], patterns: [] },
  ],
  agencies: [
    {
      id: 'health-visiting',
      label: 'Health visiting',
      description: '',
      synonyms: ['health visitor', 'health visiting service'],
      patterns: [],
      sector: 'health',
      commissioner: false,
    },
    {
      id: 'coastguard',
      label: 'Coastguard',
      description: '',
      synonyms: ['coastguard officer'],
      patterns: [],
      sector: 'national',
      commissioner: false,
    },
  ],
  themes: [],
};

interface Hit {
  kind: string;
  id: string;
  key: string;
  caption: string;
  caseId: string | null;
}

describe('search through GraphQL on the embedded engine', () => {
  let dir: string;
  let store: GraphStore;
  let server: RunningServer;

  async function search(text: string, first = 20): Promise<Hit[]> {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          'query ($text: String!, $first: Int) { search(text: $text, first: $first) { kind id key caption caseId } }',
        variables: { text, first },
      }),
    });
    const body = (await response.json()) as { data?: { search: Hit[] }; errors?: { message: string }[] };
    if (body.errors) throw new Error(body.errors.map((e) => e.message).join('; '));
    return body.data?.search ?? [];
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'threadline-search-'));
    store = await openEmbeddedStore({ path: join(dir, 'db') });
    await store.ensureSchema();
    await store.upsertTaxonomy(TAXONOMY);
    await store.loadSources([SPRING, SUMMER, NATIONAL]);
    server = await startServer({ store, config: testConfig(), taxonomy: WORDS, log: () => undefined });
  });

  afterAll(async () => {
    await server?.close();
    await store?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers "health visitor" with the agency Health visiting first', async () => {
    const hits = await search('health visitor');
    expect(hits[0]).toEqual({
      kind: 'agency',
      id: 'Agency:health-visiting',
      key: 'health-visiting',
      caption: 'Health visiting',
      caseId: null,
    });
    expect(hits.filter((h) => h.id === 'Agency:health-visiting')).toHaveLength(1);
  });

  it('answers "Neglected" with the harm type Neglect, though no label contains that word', async () => {
    const hits = await search('Neglected');
    expect(hits[0]).toMatchObject({ kind: 'harmType', key: 'neglect', caption: 'Neglect' });
  });

  it('leaves out an entry of the taxonomy that the graph does not hold', async () => {
    expect(await search('coastguard')).toEqual([]);
  });

  it('finds a review by a word that only its summary contains', async () => {
    expect(await search('toddler')).toEqual([
      {
        kind: 'case',
        id: `CaseReview:${CASE_IDS.childQ}`,
        key: CASE_IDS.childQ,
        caption: 'Child Q',
        caseId: null,
      },
    ]);
  });

  it('keeps to `first` with the taxonomy’s hits counted in', async () => {
    expect(await search('health visitor', 1)).toHaveLength(1);
  });
});
