/**
 * The bulk reads behind the file exports, on every available engine: caseLinks gives the same links, with
 * the same evidence and order, that caseDetail gives one case at a time; statements() read whole (thousands
 * at once) carry the same themes as read a page at a time.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { LinkRecord, SourceBatch } from '../../../graph/records.ts';
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

/** SPRING with thousands more learning statements, each about one or two themes, for the bulk path. */
function withManyStatements(batch: SourceBatch, count: number): SourceBatch {
  const [first] = batch.learning;
  const holder = batch.cases[0]?.id ?? '';
  const themes = ['information-sharing', 'escalation', 'voice-of-the-child'];
  const learning = [...batch.learning];
  const links: LinkRecord[] = [...batch.links];
  for (let i = 0; i < count; i++) {
    const statement = {
      ...(first as (typeof learning)[number]),
      id: `${batch.source.id.slice(0, 12)}-B${i}`,
    };
    learning.push(statement);
    const base = {
      sourceId: batch.source.id,
      quote: statement.text,
      start: statement.start,
      end: statement.end,
    };
    links.push({ ...base, type: 'HAS_LEARNING', from: holder, to: statement.id });
    links.push({ ...base, type: 'ABOUT', from: statement.id, to: themes[i % 3] as string });
    if (i % 2 === 0)
      links.push({ ...base, type: 'ABOUT', from: statement.id, to: themes[(i + 1) % 3] as string });
  }
  return { ...batch, learning, links };
}

describe.each(engines)('bulk reads for exports on the $name engine', (engine) => {
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

  it('gives every statement the same themes whether read whole or a page at a time', async () => {
    const store = await engine.fresh();
    await store.upsertTaxonomy(TAXONOMY);
    await store.loadSource(withManyStatements(SPRING, 2_500));
    const whole = await store.statements({ kind: 'learning', limit: 1_000_000, offset: 0 });
    expect(whole.items.length).toBe(whole.total);
    expect(whole.total).toBeGreaterThan(2_500);
    const byId = new Map(whole.items.map((s) => [s.id, s.themes]));
    for (const offset of [0, 1_200, 2_490]) {
      const page = await store.statements({ kind: 'learning', limit: 10, offset });
      for (const s of page.items) expect(byId.get(s.id), s.id).toEqual(s.themes);
    }
    const bulk = whole.items.filter((s) => s.id.includes('-B'));
    expect(bulk.filter((s) => s.themes.length === 2).length).toBe(1_250);
    expect(bulk.every((s) => s.themes.length >= 1)).toBe(true);
    await engine.closeStores();
  });
});
