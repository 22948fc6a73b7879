/**
 * caseLinks (the bulk read behind links.csv), on every available engine: the same links, with the same
 * evidence and order, that caseDetail gives one case at a time.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { CaseLinkRow, GraphStore } from '../../../graph/store.ts';
import { NATIONAL, SPRING, SUMMER, TAXONOMY } from '../../fixtures/batches.ts';
import { engines } from './engines.ts';

/** What caseDetail says, reshaped into caseLinks rows. */
async function linksOneByOne(store: GraphStore, ids: readonly string[]): Promise<CaseLinkRow[]> {
  const rows: CaseLinkRow[] = [];
  for (const id of ids) {
    const detail = await store.caseDetail(id);
    if (!detail) continue;
    for (const [type, links] of [
      ['CONCERNS', detail.harmTypes],
      ['INVOLVED', detail.agencies],
      ['HAS_THEME', detail.themes],
    ] as const) {
      for (const l of links) rows.push({ caseId: id, type, targetId: l.id, evidence: l.evidence });
    }
  }
  return rows;
}

const byKey = (rows: CaseLinkRow[]) =>
  rows.map((r) => JSON.stringify([r.caseId, r.type, r.targetId, r.evidence])).sort();

describe.each(engines)('caseLinks on the $name engine', (engine) => {
  afterAll(() => engine.stop());

  it('reads every evidence-bearing link of every case, as caseDetail does, ordered by case, type and target', async () => {
    const store = await engine.fresh();
    await store.upsertTaxonomy(TAXONOMY);
    for (const batch of [SPRING, SUMMER, NATIONAL]) await store.loadSource(batch);
    const ids = (await store.caseFacets()).map((f) => f.id);
    const all = await store.caseLinks(null);
    expect(all.length).toBeGreaterThan(10);
    expect(byKey(all)).toEqual(byKey(await linksOneByOne(store, ids)));
    const order = all.map((r) => `${r.caseId}\u0000${r.type}\u0000${r.targetId}`);
    expect(order).toEqual([...order].sort());
    const some = [ids[0] as string, 'no-such-case'];
    expect(await store.caseLinks(some)).toEqual(all.filter((r) => r.caseId === ids[0]));
    expect(await store.caseLinks([])).toEqual([]);
    await engine.closeStores();
  });
});
