/**
 * The GraphStore contract, run against every available engine (see engines.ts). Both engines are held to the
 * same answers for the same fixture documents (tests/fixtures/batches.ts); orderings follow
 * graph/read-rules.ts.
 */
import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isStoreError, type StoreError } from '../../../graph/errors.ts';
import type { Evidence, LinkRecord, SourceBatch } from '../../../graph/records.ts';
import type { GraphStore, LinkedEntity, SourceSummary } from '../../../graph/store.ts';
import {
  brokenBatch,
  CASE_IDS,
  NATIONAL,
  SPRING,
  SUMMER,
  SUMMER_REVISED,
  TAXONOMY,
} from '../../fixtures/batches.ts';
import { engines } from './engines.ts';

function summary(batch: SourceBatch, caseCount: number): SourceSummary {
  const { text: _text, ...rest } = batch.source;
  return { ...rest, caseCount };
}

function link(batch: SourceBatch, type: LinkRecord['type'], from: string, to: string): LinkRecord {
  const found = batch.links.find((l) => l.type === type && l.from === from && l.to === to);
  if (!found) throw new Error(`fixture has no ${type} ${from} -> ${to}`);
  return found;
}

function evidence(batch: SourceBatch, type: LinkRecord['type'], from: string, to: string): Evidence {
  const { sourceId, quote, start, end } = link(batch, type, from, to);
  return { sourceId, quote, start, end };
}

/** The same document read from another place: the same bytes under another source id. */
function elsewhere(batch: SourceBatch, path: string, replaces?: SourceBatch['replaces']): SourceBatch {
  const { id } = batch.source;
  const other = createHash('sha256').update(`${path}\0${id}`).digest('hex');
  const json = JSON.stringify(batch).replaceAll(id, other).replaceAll(id.slice(0, 12), other.slice(0, 12));
  const moved = JSON.parse(json) as SourceBatch;
  return { ...moved, source: { ...moved.source, path, sha256: batch.source.sha256 }, replaces };
}

function taxon(id: string): string {
  const all = [...TAXONOMY.harmTypes, ...TAXONOMY.agencies, ...TAXONOMY.themes];
  const found = all.find((t) => t.id === id);
  if (!found) throw new Error(`no taxon ${id}`);
  return found.label;
}

function linked(batch: SourceBatch, type: LinkRecord['type'], from: string, to: string): LinkedEntity {
  return { id: to, label: taxon(to), evidence: evidence(batch, type, from, to) };
}

function statementId(batch: SourceBatch, suffix: string): string {
  return `${batch.source.id.slice(0, 12)}-${suffix}`;
}

async function rejection(promise: Promise<unknown>): Promise<StoreError> {
  try {
    await promise;
  } catch (e) {
    if (isStoreError(e)) return e;
    throw e;
  }
  throw new Error('expected the call to fail');
}

/** Everything a reader can see, for comparing two stores. */
async function snapshot(store: GraphStore) {
  const facets = await store.caseFacets();
  const details = [];
  for (const f of facets) details.push(await store.caseDetail(f.id));
  const sources = (await store.listSources()).map(({ ingestedAt: _at, ...rest }) => rest);
  return {
    counts: await store.counts(),
    sources,
    facets,
    details: details.map((d) => (d ? { ...d, sources: d.sources.map(({ ingestedAt: _at, ...s }) => s) } : d)),
    learning: await store.statements({ kind: 'learning', limit: 1000, offset: 0 }),
    recommendations: await store.statements({ kind: 'recommendation', limit: 1000, offset: 0 }),
    texts: await Promise.all(sources.map((s) => store.sourceText(s.id))),
  };
}

const ALL_THREE = {
  nodes: { Source: 3, CaseReview: 5, HarmType: 4, Agency: 5, Theme: 6, Learning: 5, Recommendation: 4 },
  relationships: {
    PUBLISHED_IN: 6,
    CONCERNS: 6,
    INVOLVED: 7,
    HAS_LEARNING: 5,
    ABOUT: 7,
    HAS_THEME: 9,
    MAKES: 4,
    TARGETS: 5,
    ADDRESSES: 5,
  },
};

describe.each(engines)('the $name engine', (engine) => {
  afterAll(() => engine.stop());

  async function storeWith(...batches: SourceBatch[]): Promise<GraphStore> {
    const store = await engine.fresh();
    await store.upsertTaxonomy(TAXONOMY);
    for (const batch of batches) await store.loadSource(batch);
    return store;
  }

  describe('writes', () => {
    afterEach(() => engine.closeStores());

    it('creates its schema idempotently and starts empty', async () => {
      const store = await engine.fresh();
      await store.ensureSchema();
      await store.ping();
      const counts = await store.counts();
      expect(Object.values(counts.nodes).every((n) => n === 0)).toBe(true);
      expect(Object.values(counts.relationships).every((n) => n === 0)).toBe(true);
    });

    it('upserts the taxonomy idempotently and updates entries in place', async () => {
      const store = await storeWith();
      await store.upsertTaxonomy(TAXONOMY);
      const renamed = {
        ...TAXONOMY,
        themes: TAXONOMY.themes.map((t) =>
          t.id === 'escalation' ? { ...t, label: 'Escalating concerns' } : t,
        ),
      };
      await store.upsertTaxonomy(renamed);
      const counts = await store.counts();
      expect([counts.nodes.HarmType, counts.nodes.Agency, counts.nodes.Theme]).toEqual([4, 5, 6]);
      const taxonomy = await store.taxonomy();
      expect(taxonomy.themes.find((t) => t.id === 'escalation')?.label).toBe('Escalating concerns');
    });

    it('loads a document and reports what it wrote', async () => {
      const store = await storeWith();
      const outcome = await store.loadSource(SPRING);
      expect(outcome).toEqual({
        sourceId: SPRING.source.id,
        path: 'bulletins/spring-2024.txt',
        status: 'loaded',
        replaced: [],
        duplicateOf: null,
        nodes: 7,
        links: 23,
      });
    });

    it('changes nothing when the same document is loaded twice', async () => {
      const store = await storeWith(SPRING, SUMMER);
      const before = await snapshot(store);
      const again = await store.loadSource(SUMMER);
      expect(again).toMatchObject({ status: 'unchanged', replaced: [], nodes: 0, links: 0 });
      const viaBulk = await store.loadSources([SPRING, SUMMER]);
      expect(viaBulk.map((o) => o.status)).toEqual(['unchanged', 'unchanged']);
      expect(await snapshot(store)).toEqual(before);
    });

    it('keeps the same content from two places as two sources, naming the first as the duplicate', async () => {
      const store = await storeWith(SPRING);
      const copy = elsewhere(SPRING, 'archive/spring-2024.txt');
      const outcome = await store.loadSource(copy);
      expect(outcome).toMatchObject({
        status: 'loaded',
        replaced: [],
        duplicateOf: 'bulletins/spring-2024.txt',
      });
      const sources = await store.listSources();
      expect(sources.map((s) => [s.path, s.sha256])).toEqual([
        ['archive/spring-2024.txt', SPRING.source.sha256],
        ['bulletins/spring-2024.txt', SPRING.source.sha256],
      ]);
      for (const c of SPRING.cases) expect((await store.caseDetail(c.id))?.sources).toHaveLength(2);
      const again = await store.loadSources([SPRING, copy]);
      expect(again.map((o) => [o.status, o.duplicateOf])).toEqual([
        ['unchanged', null],
        ['unchanged', null],
      ]);
    });

    it('replaces only the sources a batch names when it does not replace by path', async () => {
      const store = await storeWith(SPRING, SUMMER);
      const sameName = elsewhere(SUMMER_REVISED, 'newsletters/summer-2024.md', { ids: [] });
      expect(await store.loadSource(sameName)).toMatchObject({ status: 'loaded', replaced: [] });
      expect((await store.listSources()).map((s) => s.id)).toContain(SUMMER.source.id);
      const naming = elsewhere(NATIONAL, 'uploads/national.html', { ids: [SPRING.source.id] });
      expect(await store.loadSource(naming)).toMatchObject({
        status: 'replaced',
        replaced: [SPRING.source.id],
      });
      expect((await store.listSources()).map((s) => s.id)).not.toContain(SPRING.source.id);
    });

    it('refuses to replace a source that is not loaded, naming it, and writes nothing', async () => {
      const store = await storeWith(SPRING);
      const before = await snapshot(store);
      const error = await rejection(
        store.loadSource(elsewhere(NATIONAL, 'uploads/national.html', { ids: ['no-such-source'] })),
      );
      expect(error.kind).toBe('invalid-input');
      expect(error.message).toContain('no-such-source');
      expect(await snapshot(store)).toEqual(before);
    });

    it('keeps one node for a review met in two documents, with the properties of the latest load', async () => {
      const store = await storeWith(SPRING, SUMMER);
      expect((await store.counts()).nodes.CaseReview).toBe(4);
      const [ellis] = await store.casesByIds([CASE_IDS.ellis]);
      expect(ellis).toMatchObject({
        authors: 'J. Okonkwo-Lindqvist',
        topic: 'Physical abuse',
        reportYear: 2019,
      });
      const detail = await store.caseDetail(CASE_IDS.ellis);
      expect(detail?.sources.map((s) => s.path)).toEqual([
        'bulletins/spring-2024.txt',
        'newsletters/summer-2024.md',
      ]);
    });

    it('keeps two nodes for two reviews that share a pseudonym', async () => {
      const store = await storeWith(SUMMER);
      const cases = await store.casesByIds([CASE_IDS.childMEast, CASE_IDS.childMWest]);
      expect(cases.map((c) => [c.child, c.partnership])).toEqual([
        ['Child M', 'Eastbrook Children’s Partnership'],
        ['Child M', 'Westbrook LSCB'],
      ]);
    });

    it('replaces only its own contributions when a changed file is loaded at the same path', async () => {
      const store = await storeWith(SPRING, SUMMER, NATIONAL);
      const childQBefore = await store.caseDetail(CASE_IDS.childQ);
      const nationalBefore = await store.caseDetail(CASE_IDS.national);
      const outcome = await store.loadSource(SUMMER_REVISED);
      expect(outcome).toMatchObject({
        status: 'replaced',
        replaced: [SUMMER.source.id],
        nodes: 6,
        links: 19,
      });
      expect(await store.counts()).toEqual({
        nodes: { ...ALL_THREE.nodes, CaseReview: 4, Learning: 4 },
        relationships: {
          ...ALL_THREE.relationships,
          PUBLISHED_IN: 5,
          CONCERNS: 5,
          INVOLVED: 6,
          HAS_LEARNING: 4,
          ABOUT: 6,
          HAS_THEME: 8,
        },
      });
      expect(await store.casesByIds([CASE_IDS.childMWest])).toEqual([]);
      expect(await store.sourceText(SUMMER.source.id)).toBeNull();
      expect(await store.caseDetail(CASE_IDS.childQ)).toEqual(childQBefore);
      expect(await store.caseDetail(CASE_IDS.national)).toEqual(nationalBefore);
      const ellis = await store.caseDetail(CASE_IDS.ellis);
      expect(ellis?.sources.map((s) => s.id)).toEqual([SPRING.source.id, SUMMER_REVISED.source.id]);
      // Statement ids start with their source id, so sorting them is sorting by source.
      expect(ellis?.learning.map((l) => l.id)).toEqual(
        [statementId(SPRING, 'L2'), statementId(SUMMER_REVISED, 'L1')].sort(),
      );
    });

    it('keeps a shared review while another source publishes it, and removes it with its last source', async () => {
      const store = await storeWith(SPRING, SUMMER);
      expect(await store.removeSource(SPRING.source.id)).toBe(true);
      expect((await store.casesByIds([CASE_IDS.childQ, CASE_IDS.ellis])).map((c) => c.id)).toEqual([
        CASE_IDS.ellis,
      ]);
      const ellis = await store.caseDetail(CASE_IDS.ellis);
      expect(ellis?.sources.map((s) => s.id)).toEqual([SUMMER.source.id]);
      expect(ellis?.harmTypes).toEqual([linked(SUMMER, 'CONCERNS', CASE_IDS.ellis, 'physical-abuse')]);
      expect(ellis?.learning.map((l) => l.id)).toEqual([statementId(SUMMER, 'L1')]);
      expect(ellis?.recommendations).toEqual([]);

      expect(await store.removeSource(SUMMER.source.id)).toBe(true);
      expect(await store.removeSource(SUMMER.source.id)).toBe(false);
      const counts = await store.counts();
      expect(counts.nodes).toEqual({
        Source: 0,
        CaseReview: 0,
        HarmType: 4,
        Agency: 5,
        Theme: 6,
        Learning: 0,
        Recommendation: 0,
      });
      expect(Object.values(counts.relationships).every((n) => n === 0)).toBe(true);
    });

    it('returns evidence, statements and source text byte for byte', async () => {
      const store = await storeWith(SPRING, SUMMER, NATIONAL);
      for (const batch of [SPRING, SUMMER, NATIONAL]) {
        expect(await store.sourceText(batch.source.id)).toBe(batch.source.text);
      }
      const stored: LinkedEntity[] = [];
      for (const id of [CASE_IDS.childQ, CASE_IDS.ellis, CASE_IDS.childMEast]) {
        const d = await store.caseDetail(id);
        if (!d) throw new Error(`no case ${id}`);
        stored.push(...d.harmTypes, ...d.agencies, ...d.themes);
        for (const s of [...d.learning, ...d.recommendations]) stored.push(...s.themes);
        for (const s of d.recommendations) stored.push(...s.agencies);
      }
      const quotes = stored.map((l) => l.evidence.quote);
      expect(quotes).toContain('staff said "we assumed someone else had made the referral"; nobody checked');
      expect(quotes).toContain(
        'the child’s voice was not heard —\nno one asked Ellis what life at home was like.',
      );
      expect(quotes).toContain(
        'police call-outs to the address were never linked to the baby’s plan.\r\nThink family: the adults’ needs shaped the risk.',
      );
      expect(quotes).toContain(
        'Schools in Ravensholt should record the child’s own words, verbatim,\tin the file C:\\records\\voice.',
      );
      expect(quotes).toContain(
        'Police and health visiting to share domestic abuse notifications within 24 hours 🙂 (安全 first).',
      );
      for (const l of stored) {
        const batch = [SPRING, SUMMER, NATIONAL].find((b) => b.source.id === l.evidence.sourceId);
        expect(batch?.source.text.slice(l.evidence.start, l.evidence.end)).toBe(l.evidence.quote);
      }
      const learning = await store.statements({ kind: 'learning', limit: 100, offset: 0 });
      const expected = [...SPRING.learning, ...SUMMER.learning].map((s) => s.text).sort();
      expect(learning.items.map((s) => s.text).sort()).toEqual(expected);
    });

    it('keeps the quote of a statement link that quotes only part of its statement', async () => {
      const learningId = statementId(SPRING, 'L1');
      const part = 'nobody checked';
      const start = SPRING.source.text.indexOf(part);
      const partial: SourceBatch = {
        ...SPRING,
        links: SPRING.links.map((l) =>
          l.type === 'ABOUT' && l.from === learningId && l.to === 'professional-curiosity'
            ? { ...l, quote: part, start, end: start + part.length }
            : l,
        ),
      };
      const store = await storeWith(partial);
      const detail = await store.caseDetail(CASE_IDS.childQ);
      expect(detail?.learning[0]?.themes.map((t) => t.evidence.quote)).toEqual([
        SPRING.learning[0]?.text,
        part,
      ]);
    });

    it('writes nothing of a document that fails midway and keeps what was there', async () => {
      const store = await storeWith(SPRING);
      const before = await snapshot(store);
      const error = await rejection(store.loadSource(brokenBatch()));
      expect(error.kind).toBe('invalid-input');
      expect(error.message).toContain('bulletins/broken.txt');
      expect(error.message).toContain('no-such-theme');
      expect(await snapshot(store)).toEqual(before);
      expect(await store.casesByIds([CASE_IDS.zoe])).toEqual([]);
    });

    it('keeps the earlier version of a file when its replacement fails', async () => {
      const store = await storeWith(SPRING, SUMMER);
      const before = await snapshot(store);
      await rejection(store.loadSource(brokenBatch('newsletters/summer-2024.md')));
      expect(await snapshot(store)).toEqual(before);
    });

    it('refuses a malformed document with a message naming the file', async () => {
      const store = await storeWith();
      const malformed: SourceBatch = {
        ...SPRING,
        links: SPRING.links.map((l, i) => (i === 3 ? { ...l, sourceId: 'another-source' } : l)),
      };
      const error = await rejection(store.loadSource(malformed));
      expect(error.kind).toBe('invalid-input');
      expect(error.message).toMatch(/^bulletins\/spring-2024\.txt: /);
      expect((await store.counts()).nodes.Source).toBe(0);
    });

    it('gives the same graph through loadSources as through one loadSource per document', async () => {
      const sequence = [SPRING, SUMMER, NATIONAL, SUMMER_REVISED];
      const single = await storeWith();
      const singleOutcomes = [];
      for (const batch of sequence) singleOutcomes.push(await single.loadSource(batch));
      const bulk = await storeWith();
      const bulkOutcomes = await bulk.loadSources(sequence);
      expect(bulkOutcomes).toEqual(singleOutcomes);
      expect(bulkOutcomes.map((o) => o.status)).toEqual(['loaded', 'loaded', 'loaded', 'replaced']);
      expect(await snapshot(bulk)).toEqual(await snapshot(single));
    });

    it('reports unchanged and replaced documents from loadSources as single loads would', async () => {
      const store = await storeWith(SPRING);
      const outcomes = await store.loadSources([SPRING, SUMMER, NATIONAL]);
      expect(outcomes.map((o) => [o.status, o.replaced])).toEqual([
        ['unchanged', []],
        ['loaded', []],
        ['loaded', []],
      ]);
      const replaced = await store.loadSources([SUMMER_REVISED]);
      expect(replaced).toMatchObject([{ status: 'replaced', replaced: [SUMMER.source.id] }]);
      expect((await store.listSources()).map((s) => s.id)).toEqual([
        SPRING.source.id,
        NATIONAL.source.id,
        SUMMER_REVISED.source.id,
      ]);
    });

    it('writes nothing of a failing document in loadSources and keeps what was there', async () => {
      const store = await storeWith(SPRING, SUMMER);
      const before = await snapshot(store);
      const error = await rejection(store.loadSources([brokenBatch('newsletters/summer-2024.md')]));
      expect(error.kind).toBe('invalid-input');
      expect(error.message).toContain('newsletters/summer-2024.md');
      expect(await snapshot(store)).toEqual(before);
    });
  });

  describe('reads', () => {
    let store: GraphStore;
    beforeAll(async () => {
      store = await storeWith(SPRING, SUMMER, NATIONAL);
    });

    it('counts every label and relationship type', async () => {
      expect(await store.counts()).toEqual(ALL_THREE);
    });

    it('lists sources by path with their number of case reviews', async () => {
      expect(await store.listSources()).toEqual([
        summary(SPRING, 2),
        summary(NATIONAL, 1),
        summary(SUMMER, 3),
      ]);
    });

    it('returns the text of a source, and null for an unknown one', async () => {
      expect(await store.sourceText(NATIONAL.source.id)).toBe(NATIONAL.source.text);
      expect(await store.sourceText('no-such-source')).toBeNull();
    });

    it('returns the taxonomy sorted by id', async () => {
      const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
      expect(await store.taxonomy()).toEqual({
        harmTypes: byId(TAXONOMY.harmTypes),
        agencies: byId(TAXONOMY.agencies),
        themes: byId(TAXONOMY.themes),
      });
    });

    it('returns one facet row per case review, by id, with distinct sorted linked ids', async () => {
      expect(await store.caseFacets()).toEqual([
        {
          id: CASE_IDS.childMEast,
          reportYear: 2022,
          outcome: 'serious-harm',
          ageBand: 'under 1',
          reviewType: 'CSPR',
          harmTypes: ['domestic-abuse'],
          agencies: ['health-visiting', 'police'],
          themes: ['information-sharing', 'think-family'],
          sources: [SUMMER.source.id],
        },
        {
          id: CASE_IDS.national,
          reportYear: 2023,
          outcome: null,
          ageBand: null,
          reviewType: 'NATIONAL',
          harmTypes: ['neglect'],
          agencies: [],
          themes: ['escalation', 'information-sharing'],
          sources: [NATIONAL.source.id],
        },
        {
          id: CASE_IDS.childQ,
          reportYear: 2021,
          outcome: 'death',
          ageBand: '1-5',
          reviewType: 'LCSPR',
          harmTypes: ['neglect'],
          agencies: ['childrens-social-care', 'gp', 'health-visiting'],
          themes: ['information-sharing', 'professional-curiosity'],
          sources: [SPRING.source.id],
        },
        {
          id: CASE_IDS.ellis,
          reportYear: 2019,
          outcome: 'serious-harm',
          ageBand: '6-10',
          reviewType: 'SCR',
          harmTypes: ['physical-abuse'],
          agencies: ['schools'],
          themes: ['escalation', 'voice-of-the-child'],
          sources: [SPRING.source.id, SUMMER.source.id].sort(),
        },
        {
          id: CASE_IDS.childMWest,
          reportYear: 2020,
          outcome: 'death',
          ageBand: '11-15',
          reviewType: 'SCR',
          harmTypes: ['sexual-abuse'],
          agencies: ['schools'],
          themes: ['voice-of-the-child'],
          sources: [SUMMER.source.id],
        },
      ]);
    });

    it('returns case reviews in the order asked, skipping unknown ids', async () => {
      const cases = await store.casesByIds([CASE_IDS.childMWest, 'no-such-case', CASE_IDS.childQ]);
      expect(cases).toEqual([SUMMER.cases[2], SPRING.cases[0]]);
      expect(await store.casesByIds([])).toEqual([]);
    });

    it('returns a case review with its sources, links and statements, each link with its evidence', async () => {
      const q = CASE_IDS.childQ;
      expect(await store.caseDetail(q)).toEqual({
        review: SPRING.cases[0],
        sources: [summary(SPRING, 2)],
        harmTypes: [linked(SPRING, 'CONCERNS', q, 'neglect')],
        agencies: [
          linked(SPRING, 'INVOLVED', q, 'childrens-social-care'),
          linked(SPRING, 'INVOLVED', q, 'gp'),
          linked(SPRING, 'INVOLVED', q, 'health-visiting'),
        ],
        themes: [
          linked(SPRING, 'HAS_THEME', q, 'information-sharing'),
          linked(SPRING, 'HAS_THEME', q, 'professional-curiosity'),
        ],
        learning: [
          {
            ...SPRING.learning[0],
            themes: [
              linked(SPRING, 'ABOUT', statementId(SPRING, 'L1'), 'information-sharing'),
              linked(SPRING, 'ABOUT', statementId(SPRING, 'L1'), 'professional-curiosity'),
            ],
          },
        ],
        recommendations: [
          {
            ...SPRING.recommendations[0],
            themes: [linked(SPRING, 'ADDRESSES', statementId(SPRING, 'R1'), 'information-sharing')],
            agencies: [
              linked(SPRING, 'TARGETS', statementId(SPRING, 'R1'), 'health-visiting'),
              linked(SPRING, 'TARGETS', statementId(SPRING, 'R1'), 'police'),
            ],
          },
        ],
      });
      expect(await store.caseDetail('no-such-case')).toBeNull();
    });

    it('lists each link of a review met in two documents with its own evidence', async () => {
      const detail = await store.caseDetail(CASE_IDS.ellis);
      const both = [
        linked(SPRING, 'CONCERNS', CASE_IDS.ellis, 'physical-abuse'),
        linked(SUMMER, 'CONCERNS', CASE_IDS.ellis, 'physical-abuse'),
      ].sort((a, b) => (a.evidence.sourceId < b.evidence.sourceId ? -1 : 1));
      expect(detail?.harmTypes).toEqual(both);
      expect(detail?.themes.map((t) => t.id)).toEqual(['escalation', 'voice-of-the-child']);
      expect(detail?.sources).toEqual([summary(SPRING, 2), summary(SUMMER, 3)]);
    });

    it('pages statements by case, position and id, with the total', async () => {
      const all = await store.statements({ kind: 'learning', limit: 10, offset: 0 });
      expect(all.total).toBe(5);
      // Ellis's learning sits earlier in the newsletter (168) than in the bulletin (681).
      expect(all.items.map((s) => [s.caseId, s.id])).toEqual([
        [CASE_IDS.childMEast, statementId(SUMMER, 'L2')],
        [CASE_IDS.childQ, statementId(SPRING, 'L1')],
        [CASE_IDS.ellis, statementId(SUMMER, 'L1')],
        [CASE_IDS.ellis, statementId(SPRING, 'L2')],
        [CASE_IDS.childMWest, statementId(SUMMER, 'L3')],
      ]);
      expect(all.items[1]).toEqual({
        ...SPRING.learning[0],
        kind: 'learning',
        caseId: CASE_IDS.childQ,
        themes: ['information-sharing', 'professional-curiosity'],
        agencies: [],
      });
      const page = await store.statements({ kind: 'learning', limit: 2, offset: 3 });
      expect(page.total).toBe(5);
      expect(page.items.map((s) => s.id)).toEqual([statementId(SPRING, 'L2'), statementId(SUMMER, 'L3')]);
      expect((await store.statements({ kind: 'learning', limit: 2, offset: 9 })).items).toEqual([]);
    });

    it('filters statements: OR within a list, AND across lists', async () => {
      const byPolice = await store.statements({
        kind: 'recommendation',
        agencies: ['police'],
        limit: 10,
        offset: 0,
      });
      expect(byPolice.total).toBe(2);
      expect(byPolice.items.map((s) => [s.caseId, s.agencies])).toEqual([
        [CASE_IDS.childMEast, ['health-visiting', 'police']],
        [CASE_IDS.childQ, ['health-visiting', 'police']],
      ]);
      const either = await store.statements({
        kind: 'learning',
        themes: ['escalation', 'think-family'],
        limit: 10,
        offset: 0,
      });
      expect(either.items.map((s) => s.id)).toEqual([statementId(SUMMER, 'L2'), statementId(SUMMER, 'L1')]);
      const both = await store.statements({
        kind: 'recommendation',
        themes: ['information-sharing'],
        agencies: ['police'],
        caseIds: [CASE_IDS.childQ, CASE_IDS.national],
        limit: 10,
        offset: 0,
      });
      expect(both.items.map((s) => s.id)).toEqual([statementId(SPRING, 'R1')]);
      const learningByAgency = await store.statements({
        kind: 'learning',
        agencies: ['police'],
        limit: 10,
        offset: 0,
      });
      expect(learningByAgency).toEqual({ total: 0, items: [] });
    });

    it('returns the evidence of case-theme links for the cases and themes asked', async () => {
      const rows = await store.themeEvidence(
        [CASE_IDS.national, CASE_IDS.ellis, 'no-such-case'],
        ['escalation', 'information-sharing'],
      );
      expect(rows).toEqual([
        {
          caseId: CASE_IDS.national,
          themeId: 'escalation',
          evidence: evidence(NATIONAL, 'HAS_THEME', CASE_IDS.national, 'escalation'),
        },
        {
          caseId: CASE_IDS.national,
          themeId: 'information-sharing',
          evidence: evidence(NATIONAL, 'HAS_THEME', CASE_IDS.national, 'information-sharing'),
        },
        {
          caseId: CASE_IDS.ellis,
          themeId: 'escalation',
          evidence: evidence(SUMMER, 'HAS_THEME', CASE_IDS.ellis, 'escalation'),
        },
      ]);
      expect(await store.themeEvidence([], ['escalation'])).toEqual([]);
    });

    it('walks a neighbourhood breadth first, by label and id, up to the limit', async () => {
      const start = { label: 'Theme', id: 'escalation' } as const;
      const near = await store.neighbourhood(start, 1, 10);
      const ellisLearning = statementId(SUMMER, 'L1');
      const nationalRec = statementId(NATIONAL, 'R1');
      expect(near.nodes).toEqual([
        { label: 'Theme', id: 'escalation', caption: 'Escalation' },
        { label: 'CaseReview', id: CASE_IDS.national, caption: 'Annual analysis of serious incidents, 2023' },
        { label: 'CaseReview', id: CASE_IDS.ellis, caption: 'Ellis' },
        { label: 'Learning', id: ellisLearning, caption: SUMMER.learning[0]?.text },
        { label: 'Recommendation', id: nationalRec, caption: NATIONAL.recommendations[0]?.text },
      ]);
      const edge = (type: string, from: [string, string], to: [string, string]) => ({
        type,
        source: { label: from[0], id: from[1] },
        target: { label: to[0], id: to[1] },
      });
      expect(near.edges).toEqual([
        edge('ABOUT', ['Learning', ellisLearning], ['Theme', 'escalation']),
        edge('ADDRESSES', ['Recommendation', nationalRec], ['Theme', 'escalation']),
        edge('HAS_LEARNING', ['CaseReview', CASE_IDS.ellis], ['Learning', ellisLearning]),
        edge('HAS_THEME', ['CaseReview', CASE_IDS.national], ['Theme', 'escalation']),
        edge('HAS_THEME', ['CaseReview', CASE_IDS.ellis], ['Theme', 'escalation']),
        edge('MAKES', ['CaseReview', CASE_IDS.national], ['Recommendation', nationalRec]),
      ]);
      const limited = await store.neighbourhood(start, 2, 3);
      expect(limited.nodes.map((n) => n.id)).toEqual(['escalation', CASE_IDS.national, CASE_IDS.ellis]);
      expect(limited.edges.map((e) => e.type)).toEqual(['HAS_THEME', 'HAS_THEME']);
      const wide = await store.neighbourhood(start, 2, 1000);
      expect(wide.nodes.slice(0, 5)).toEqual(near.nodes);
      expect(wide.nodes.map((n) => n.id)).toContain(SPRING.source.id);
      expect(await store.neighbourhood({ label: 'Theme', id: 'no-such-theme' }, 2, 10)).toEqual({
        nodes: [],
        edges: [],
      });
    });

    it('finds the shortest paths between two nodes, distinct and ordered by the ids along them', async () => {
      const paths = await store.connections(
        { label: 'Theme', id: 'information-sharing' },
        { label: 'Theme', id: 'think-family' },
        3,
        10,
      );
      const middles = [CASE_IDS.childMEast, statementId(SUMMER, 'L2'), statementId(SUMMER, 'R1')].sort();
      expect(paths.map((p) => p.nodes.map((n) => n.id))).toEqual(
        middles.map((m) => ['information-sharing', m, 'think-family']),
      );
      const viaCase = paths.find((p) => p.nodes[1]?.id === CASE_IDS.childMEast);
      expect(viaCase?.edges).toEqual([
        {
          type: 'HAS_THEME',
          source: { label: 'CaseReview', id: CASE_IDS.childMEast },
          target: { label: 'Theme', id: 'information-sharing' },
        },
        {
          type: 'HAS_THEME',
          source: { label: 'CaseReview', id: CASE_IDS.childMEast },
          target: { label: 'Theme', id: 'think-family' },
        },
      ]);
      expect(viaCase?.nodes[1]).toEqual({
        label: 'CaseReview',
        id: CASE_IDS.childMEast,
        caption: 'Child M (Eastbrook)',
      });
      const firstTwo = await store.connections(
        { label: 'Theme', id: 'information-sharing' },
        { label: 'Theme', id: 'think-family' },
        3,
        2,
      );
      expect(firstTwo).toEqual(paths.slice(0, 2));
    });

    it('counts a link evidenced in two documents once when finding paths', async () => {
      const paths = await store.connections(
        { label: 'HarmType', id: 'physical-abuse' },
        { label: 'Theme', id: 'escalation' },
        4,
        10,
      );
      expect(paths.map((p) => p.nodes.map((n) => n.id))).toEqual([
        ['physical-abuse', CASE_IDS.ellis, 'escalation'],
      ]);
    });

    it('agrees with an exhaustive search on every pair of nodes, for paths of one to four hops', async () => {
      // The whole fixture graph, read back through neighbourhood(); the reference walks every simple path.
      const everything = await store.neighbourhood({ label: 'Theme', id: 'escalation' }, 10, 10_000);
      const key = (n: { label: string; id: string }) => `${n.label}:${n.id}`;
      const around = new Map<string, string[]>();
      for (const e of everything.edges) {
        around.set(key(e.source), [...(around.get(key(e.source)) ?? []), key(e.target)]);
        around.set(key(e.target), [...(around.get(key(e.target)) ?? []), key(e.source)]);
      }
      const reference = (from: string, to: string, maxHops: number): string[][] => {
        const found: string[][] = [];
        const walk = (path: string[]) => {
          const last = path[path.length - 1] as string;
          if (last === to) return void found.push(path);
          if (path.length > maxHops) return;
          for (const next of new Set(around.get(last))) if (!path.includes(next)) walk([...path, next]);
        };
        walk([from]);
        const shortest = Math.min(...found.map((p) => p.length));
        const ids = (p: string[]) => p.map((k) => k.slice(k.indexOf(':') + 1));
        return found
          .filter((p) => p.length === shortest)
          .map(ids)
          .sort((a, b) => a.join('\u0000').localeCompare(b.join('\u0000')));
      };
      const nodes = everything.nodes.filter((n) => n.label !== 'Learning' && n.label !== 'Recommendation');
      const lengths = new Set<number>();
      for (const a of nodes) {
        for (const b of nodes) {
          if (key(a) >= key(b)) continue;
          const paths = await store.connections(a, b, 4, 1000);
          const expected = reference(key(a), key(b), 4);
          expect(
            paths.map((p) => p.nodes.map((n) => n.id)),
            `${key(a)} to ${key(b)}`,
          ).toEqual(expected);
          for (const p of paths) lengths.add(p.edges.length);
        }
      }
      expect([...lengths].sort()).toEqual([1, 2, 3, 4]);
    });

    it('finds no path when the nodes are further apart than maxHops', async () => {
      expect(
        await store.connections(
          { label: 'Theme', id: 'think-family' },
          { label: 'Theme', id: 'voice-of-the-child' },
          1,
          10,
        ),
      ).toEqual([]);
    });

    it('searches case-insensitively, exact captions first, then prefixes, then the rest', async () => {
      expect(await store.search('neglect', 10)).toEqual([
        { kind: 'theme', id: 'neglect-recognition', caption: 'Neglect', caseId: null },
        { kind: 'harmType', id: 'neglect', caption: 'Neglect', caseId: null },
        { kind: 'case', id: CASE_IDS.childQ, caption: 'Child Q', caseId: null },
      ]);
      expect(await store.search('POLICE', 10)).toEqual([
        { kind: 'agency', id: 'police', caption: 'Police', caseId: null },
        {
          kind: 'learning',
          id: statementId(SUMMER, 'L2'),
          caption: SUMMER.learning[1]?.text,
          caseId: CASE_IDS.childMEast,
        },
        {
          kind: 'recommendation',
          id: statementId(SUMMER, 'R1'),
          caption: SUMMER.recommendations[0]?.text,
          caseId: CASE_IDS.childMEast,
        },
        {
          kind: 'recommendation',
          id: statementId(SPRING, 'R1'),
          caption: SPRING.recommendations[0]?.text,
          caseId: CASE_IDS.childQ,
        },
      ]);
      expect((await store.search('police', 2)).map((h) => h.kind)).toEqual(['agency', 'learning']);
    });

    it('finds case reviews by title or pseudonym, partnerships and statements with their case', async () => {
      expect(await store.search('  child m ', 10)).toEqual([
        { kind: 'case', id: CASE_IDS.childMEast, caption: 'Child M (Eastbrook)', caseId: null },
        { kind: 'case', id: CASE_IDS.childMWest, caption: 'Child M (Westbrook)', caseId: null },
      ]);
      expect(await store.search('Ravensholt', 10)).toEqual([
        {
          kind: 'partnership',
          id: CASE_IDS.ellis,
          caption: 'Ravensholt Safeguarding Children Board',
          caseId: CASE_IDS.ellis,
        },
        {
          kind: 'recommendation',
          id: statementId(SPRING, 'R2'),
          caption: SPRING.recommendations[1]?.text,
          caseId: CASE_IDS.ellis,
        },
      ]);
      expect(await store.search('«HE FLINCHES', 10)).toEqual([
        {
          kind: 'learning',
          id: statementId(SUMMER, 'L1'),
          caption: SUMMER.learning[0]?.text,
          caseId: CASE_IDS.ellis,
        },
      ]);
      expect(await store.search('CHILDREN’S SOCIAL', 10)).toEqual([
        { kind: 'agency', id: 'childrens-social-care', caption: 'Children’s social care', caseId: null },
      ]);
    });

    it('finds a review by a word in its summary, after every hit found by its caption', async () => {
      expect(await store.search('TODDLER died', 10)).toEqual([
        { kind: 'case', id: CASE_IDS.childQ, caption: 'Child Q', caseId: null },
      ]);
      expect(await store.search('month', 10)).toEqual([
        {
          kind: 'recommendation',
          id: statementId(SPRING, 'R1'),
          caption: SPRING.recommendations[0]?.text,
          caseId: CASE_IDS.childQ,
        },
        { kind: 'case', id: CASE_IDS.childQ, caption: 'Child Q', caseId: null },
      ]);
      expect(await store.search('month', 1)).toHaveLength(1);
    });

    it('returns nothing for a blank search', async () => {
      expect(await store.search('   ', 10)).toEqual([]);
    });
  });
});
