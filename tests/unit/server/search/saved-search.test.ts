import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSavedSearch, writeSavedSearch } from '../../../../server/search/saved-search.ts';
import {
  caseDocument,
  SearchIndex,
  type SearchTaxonomy,
  type StatementDocument,
} from '../../../../server/search/text-index.ts';

const TAXA: SearchTaxonomy = {
  themes: [{ id: 'supervision', label: 'Supervision' }],
  harmTypes: [{ id: 'neglect', label: 'Neglect' }],
  agencies: [{ id: 'police', label: 'Police' }],
};

const CASES = [
  { id: 'child-a', title: 'Child A', child: 'Child A', partnership: 'Eastmere', summary: 'Neglect at home.' },
  { id: 'baby-b', title: 'Baby B', child: 'Baby B', partnership: null, summary: 'A head injury in a pram.' },
  { id: 'child-c', title: 'Child C', child: null, partnership: 'Lindenbridge', summary: null },
];

const STATEMENTS: StatementDocument[] = [
  {
    kind: 'learning',
    id: 'l1',
    text: 'Supervision did not test the plan.',
    sourceId: 's1',
    caseId: 'child-a',
  },
  { kind: 'recommendation', id: 'r1', text: 'Police to share referrals.', sourceId: 's1', caseId: 'child-a' },
  { kind: 'learning', id: 'l2', text: 'The pram was not checked.', sourceId: 's2', caseId: 'baby-b' },
  { kind: 'learning', id: 'l3', text: 'Supervision missed the neglect.', sourceId: 's3', caseId: 'child-c' },
];

const NEEDLES = ['supervision', 'child', 'pram', 'eastmere', 'neglect', 'police to', 'not', 'zzz'];

/** Two segments, and one review removed: dead documents are saved as dead. */
function builtIndex(): SearchIndex {
  const index = new SearchIndex();
  index.add(CASES.slice(0, 2).map(caseDocument), STATEMENTS.slice(0, 3));
  index.add([caseDocument(CASES[2] as (typeof CASES)[number])], STATEMENTS.slice(3));
  index.remove({
    cases: new Set(['baby-b']),
    sources: new Set(),
    present: new Set(['child-a', 'child-c']),
  });
  return index;
}

describe('the search index saved beside the database', () => {
  let dir: string;
  let file: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'threadline-saved-search-'));
    file = join(dir, 'db.search');
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads back an index saved under the same mark, answering every search as the one it was saved from', async () => {
    const index = builtIndex();
    await writeSavedSearch(file, 'mark-1', index.saved());
    const loaded = await readSavedSearch(file, 'mark-1');
    if (!loaded.ok) throw new Error(loaded.problem.message);
    expect(loaded.index.stats()).toEqual(index.stats());
    for (const needle of NEEDLES) {
      expect(loaded.index.search(needle, 10, TAXA), needle).toEqual(index.search(needle, 10, TAXA));
    }
    expect(loaded.index.search('pram', 10, TAXA)).toEqual([]);
  });

  it('keeps what was saved when the index is changed after it was read for saving', async () => {
    const index = builtIndex();
    const segments = index.saved();
    index.remove({ cases: new Set(['child-a']), sources: new Set(), present: new Set(['child-c']) });
    await writeSavedSearch(file, 'mark-2', segments);
    const loaded = await readSavedSearch(file, 'mark-2');
    if (!loaded.ok) throw new Error(loaded.problem.message);
    expect(loaded.index.search('eastmere', 10, TAXA).map((h) => h.id)).toEqual(['child-a']);
    expect(index.search('eastmere', 10, TAXA)).toEqual([]);
  });

  it('refuses a file saved under another store mark, saying it is stale', async () => {
    await writeSavedSearch(file, 'mark-1', builtIndex().saved());
    const loaded = await readSavedSearch(file, 'mark-after-an-upload');
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.problem.kind).toBe('stale');
    expect(loaded.problem.message).toMatch(
      /was written before the last change to the store; building it from/,
    );
  });

  it('names a missing file and a damaged one, each in one line', async () => {
    const missing = await readSavedSearch(join(dir, 'nothing.search'), 'mark-1');
    expect(missing.ok ? null : missing.problem.kind).toBe('missing');
    await writeSavedSearch(file, 'mark-1', builtIndex().saved());
    const whole = await readFile(file);
    await writeFile(file, whole.subarray(0, whole.byteLength - 7));
    const cut = await readSavedSearch(file, 'mark-1');
    expect(cut.ok ? null : cut.problem).toMatchObject({
      kind: 'damaged',
      message: expect.stringMatching(/ends early/),
    });
    await writeFile(file, 'not an index at all');
    const foreign = await readSavedSearch(file, 'mark-1');
    expect(foreign.ok ? null : foreign.problem.kind).toBe('damaged');
  });

  it('saves and reads back an empty index', async () => {
    await writeSavedSearch(file, 'empty', new SearchIndex().saved());
    const loaded = await readSavedSearch(file, 'empty');
    expect(loaded.ok && loaded.index.search('child', 10, TAXA)).toEqual([]);
  });
});
