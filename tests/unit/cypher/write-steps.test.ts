import { describe, expect, it } from 'vitest';
import { TRANSACTION_ROWS, transactionGroups } from '../../../graph/neo4j/load.ts';
import { bindParams, LINK_QUERIES, loadQueries } from '../../../graph/neo4j/queries.ts';
import { BATCH_ROWS, chunk, externalRefs, writeSteps } from '../../../graph/neo4j/write-steps.ts';
import type { CaseReviewRecord, LinkRecord, SourceBatch, StatementRecord } from '../../../graph/records.ts';
import { REL_TYPES } from '../../../graph/schema/model.ts';

const SOURCE_ID = 'f00d';
const TEXT =
  'Riverside Learning Bulletin. Child Q, aged four. Health visitors did not share the worries about home.';

function review(id: string): CaseReviewRecord {
  return {
    id,
    title: `Child ${id.toUpperCase()}: a fictional review`,
    child: `Child ${id.toUpperCase()}`,
    reviewType: 'LCSPR',
    partnership: 'Riverside Safeguarding Partnership',
    authors: null,
    reportYear: 2021,
    incidentYear: null,
    age: '4 years',
    ageBand: '1-5',
    gender: null,
    outcome: 'serious-harm',
    summary: null,
    topic: null,
  };
}

function statement(id: string): StatementRecord {
  return {
    id,
    text: 'Health visitors did not share the worries about home.',
    sourceId: SOURCE_ID,
    start: 49,
    end: 102,
  };
}

function link(type: LinkRecord['type'], from: string, to: string): LinkRecord {
  return { type, from, to, sourceId: SOURCE_ID, quote: 'Child Q, aged four.', start: 29, end: 48 };
}

function batch(cases = 1): SourceBatch {
  const ids = Array.from({ length: cases }, (_, i) => `q${i}`);
  return {
    source: {
      id: SOURCE_ID,
      sha256: SOURCE_ID,
      title: 'Riverside Learning Bulletin',
      publisher: 'Riverside Safeguarding Partnership',
      published: '2022-03',
      path: 'bulletins/riverside.txt',
      format: 'txt',
      kind: 'repository-bulletin',
      ingestedAt: '2024-01-01T00:00:00.000Z',
      text: TEXT,
    },
    cases: ids.map(review),
    learning: [statement('q0:l1')],
    recommendations: [statement('q0:r1')],
    links: [
      ...ids.map((id) => link('PUBLISHED_IN', id, SOURCE_ID)),
      link('HAS_THEME', 'q0', 'information-sharing'),
      link('HAS_LEARNING', 'q0', 'q0:l1'),
      link('ABOUT', 'q0:l1', 'information-sharing'),
      link('MAKES', 'q0', 'q0:r1'),
      link('TARGETS', 'q0:r1', 'health'),
      link('CONCERNS', 'q0', 'neglect'),
    ],
  };
}

describe('the writes of one batch', () => {
  const catalogue = loadQueries();

  it('bind exactly the parameters each query file declares', () => {
    for (const step of writeSteps(batch())) {
      const query = catalogue.get(step.query);
      expect(query, step.query).toBeDefined();
      if (query) expect(() => bindParams(query, step.params)).not.toThrow();
    }
  });

  it('write the source, then its nodes, then its links type by type in model order', () => {
    const order = writeSteps(batch()).map((s) => s.query);
    expect(order.slice(0, 4)).toEqual([
      'merge-source',
      'merge-cases',
      'merge-learning',
      'merge-recommendations',
    ]);
    const linkOrder = order.slice(4);
    const expected = REL_TYPES.map((t) => LINK_QUERIES[t]).filter((q) => linkOrder.includes(q));
    expect(linkOrder).toEqual(expected);
  });

  it('send each link with its evidence and expect every row to create a relationship', () => {
    const step = writeSteps(batch()).find((s) => s.query === 'link-has-theme');
    expect(step?.params).toEqual({
      rows: [
        {
          from: 'q0',
          to: 'information-sharing',
          sourceId: SOURCE_ID,
          quote: 'Child Q, aged four.',
          start: 29,
          end: 48,
        },
      ],
    });
    expect(step?.expectCreated).toBe(1);
  });

  it('send case reviews with only the model’s properties', () => {
    const step = writeSteps(batch()).find((s) => s.query === 'merge-cases');
    const rows = step?.params.rows as Array<Record<string, unknown>>;
    expect(Object.keys(rows[0] ?? {}).sort()).toEqual(Object.keys(review('x')).sort());
  });

  it(`go in UNWIND batches of ${BATCH_ROWS} rows`, () => {
    const steps = writeSteps(batch(BATCH_ROWS * 2 + 1));
    const caseSteps = steps.filter((s) => s.query === 'merge-cases');
    expect(caseSteps.map((s) => (s.params.rows as unknown[]).length)).toEqual([BATCH_ROWS, BATCH_ROWS, 1]);
    const published = steps.filter((s) => s.query === 'link-published-in');
    expect(published.map((s) => s.expectCreated)).toEqual([BATCH_ROWS, BATCH_ROWS, 1]);
  });
});

describe('link ends a batch does not create', () => {
  it('are the taxonomy entries it points at, each once', () => {
    expect(externalRefs(batch(3))).toEqual([
      { label: 'Theme', id: 'information-sharing' },
      { label: 'Agency', id: 'health' },
      { label: 'HarmType', id: 'neglect' },
    ]);
  });
});

describe('transactions of loadSources', () => {
  it('hold consecutive batches up to the row budget, never splitting one', () => {
    const small = batch(1);
    const big = batch(TRANSACTION_ROWS);
    const groups = transactionGroups([small, small, big, small]);
    expect(groups.map((g) => g.length)).toEqual([2, 1, 1]);
  });

  it('are one for a handful of documents', () => {
    expect(transactionGroups([batch(), batch(), batch()])).toHaveLength(1);
  });
});

describe('chunk', () => {
  it('splits rows in order and keeps the remainder', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 2)).toEqual([]);
  });
});
