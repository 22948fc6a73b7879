/**
 * Statement cursors stay valid when documents are added: a page boundary is a keyset (the statement's
 * place in the listing order), not an offset, so after another document is ingested the next page
 * continues after the same statement, skipping and repeating nothing. Over HTTP, on the bundled sample: all
 * but one document loaded first, the last added through the API between two pages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFile, loadTaxonomy, SAMPLE_CORPUS_DIR } from '../../../ingest/index.ts';
import { startLoadedServer, type TestServer } from './running-server.ts';

const ADMIN_TOKEN = 'statement-cursors-admin-token-0123456789';
const asAdmin = { authorization: `Bearer ${ADMIN_TOKEN}` };

interface Row {
  id: string;
  caseId: string;
}

interface Page {
  totalCount: number;
  edges: { cursor: string; node: { id: string; case: { id: string } | null } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const files = readdirSync(SAMPLE_CORPUS_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => join(SAMPLE_CORPUS_DIR, f));

const LISTS = {
  learning: 'learning',
  recommendations: 'recommendations',
} as const;

describe('statement cursors across an ingest', () => {
  let api: TestServer;
  /** The document added between two pages: one whose reviews sort before some already loaded. */
  let added: string;
  let addedCaseIds: string[];

  beforeAll(async () => {
    const taxonomy = loadTaxonomy();
    const casesOf = new Map<string, string[]>();
    for (const file of files) {
      const result = await extractFile(file, taxonomy);
      if (!result.ok) throw new Error(result.problem.message);
      casesOf.set(file, result.doc.cases.map((c) => c.id).sort());
    }
    // Added last: the document whose first review sorts before the most reviews of the others, so that its
    // statements land in front of a page boundary (where an offset cursor would repeat statements).
    const overtaken = (file: string) => {
      const first = casesOf.get(file)?.[0] ?? '\uffff';
      return files
        .filter((f) => f !== file)
        .flatMap((f) => casesOf.get(f) ?? [])
        .filter((id) => id > first).length;
    };
    added = [...files].sort((a, b) => overtaken(b) - overtaken(a))[0] ?? '';
    addedCaseIds = casesOf.get(added) ?? [];
    expect(overtaken(added)).toBeGreaterThan(0);
    api = await startLoadedServer(
      files.filter((f) => f !== added),
      { adminToken: ADMIN_TOKEN },
    );
  });

  afterAll(async () => {
    await api?.stop();
  });

  async function page(list: keyof typeof LISTS, first: number, after: string | null): Promise<Page> {
    const result = await api.gql<Record<string, Page>>(
      `query($first: Int, $after: String) { ${list}(first: $first, after: $after) {
        totalCount edges { cursor node { id case { id } } } pageInfo { hasNextPage endCursor } } }`,
      { first, after },
    );
    expect(result.errors).toBeUndefined();
    const found = result.data?.[list];
    if (!found) throw new Error(`no ${list} page`);
    return found;
  }

  async function everything(list: keyof typeof LISTS): Promise<Row[]> {
    const rows: Row[] = [];
    let after: string | null = null;
    for (;;) {
      const p = await page(list, 100, after);
      rows.push(...p.edges.map((e) => ({ id: e.node.id, caseId: e.node.case?.id ?? '' })));
      if (!p.pageInfo.hasNextPage) return rows;
      after = p.pageInfo.endCursor;
    }
  }

  it('continues learning and recommendation pages after the same statement once another document is ingested', async () => {
    const lists = Object.keys(LISTS) as (keyof typeof LISTS)[];
    const beforeIngest = new Map<keyof typeof LISTS, Row[]>();
    const firstPages = new Map<keyof typeof LISTS, Page>();
    const firstNew = addedCaseIds[0] ?? '';
    for (const list of lists) {
      const rows = await everything(list);
      beforeIngest.set(list, rows);
      // The page ends at the first statement whose review sorts after the added document's first review.
      const size = rows.findIndex((r) => r.caseId > firstNew) + 1;
      expect(size, list).toBeGreaterThan(0);
      firstPages.set(list, await page(list, size, null));
    }

    const text = readFileSync(added, 'utf8');
    const ingest = await api.gql<{ ingestDocument: { status: string; reviewCount: number } }>(
      'mutation($name: String!, $text: String) { ingestDocument(filename: $name, text: $text) { status reviewCount } }',
      { name: basename(added), text },
      asAdmin,
    );
    expect(ingest.errors).toBeUndefined();
    expect(ingest.data?.ingestDocument.status).toBe('loaded');

    for (const list of lists) {
      const first = firstPages.get(list) as Page;
      const old = beforeIngest.get(list) as Row[];
      const now = await everything(list);
      const seenFirst = first.edges.map((e) => e.node.id);
      const boundary = seenFirst.at(-1) ?? '';
      // The added statements include some in front of the boundary: an offset would now repeat them.
      const moved = now.findIndex((r) => r.id === boundary) - (seenFirst.length - 1);
      expect(moved, list).toBeGreaterThan(0);

      const rest: string[] = [];
      let after = first.pageInfo.endCursor;
      for (;;) {
        const next = await page(list, 7, after);
        rest.push(...next.edges.map((e) => e.node.id));
        if (!next.pageInfo.hasNextPage) break;
        after = next.pageInfo.endCursor;
      }
      // Nothing repeated, nothing skipped: the rest is exactly what now follows the boundary.
      expect(rest, list).toEqual(now.slice(now.findIndex((r) => r.id === boundary) + 1).map((r) => r.id));
      const shown = new Set([...seenFirst, ...rest]);
      expect(shown.size, list).toBe(seenFirst.length + rest.length);
      for (const r of old) expect(shown.has(r.id), `${list} ${r.id}`).toBe(true);
    }
  });

  it('keeps reading an offset cursor given out before keyset cursors', async () => {
    const legacy = Buffer.from(JSON.stringify(['o', 1])).toString('base64url');
    const all = await everything('learning');
    const p = await page('learning', 2, legacy);
    expect(p.edges.map((e) => e.node.id)).toEqual(all.slice(2, 4).map((r) => r.id));
  });
});
