import { describe, expect, it } from 'vitest';
import { compareSearchHits, compareText, SEARCH_KIND_ORDER } from '../../../../graph/read-rules.ts';
import type { SearchHit } from '../../../../graph/store.ts';
import type { Taxonomy } from '../../../../ingest/index.ts';
import { knownTaxa, mergeSearchHits } from '../../../../server/search/merge.ts';
import { needleOf, PostingSegment, tokens } from '../../../../server/search/postings.ts';
import { taxonSearch } from '../../../../server/search/taxonomy-hits.ts';
import {
  caseDocument,
  SearchIndex,
  type SearchTaxonomy,
  type StatementDocument,
} from '../../../../server/search/text-index.ts';

interface CaseText {
  id: string;
  title: string;
  child: string | null;
  partnership: string | null;
  summary: string | null;
}

const TAXA: SearchTaxonomy = {
  themes: [
    { id: 'drowning', label: 'Drowning' },
    { id: 'voice-of-the-child', label: 'Voice of the child' },
  ],
  harmTypes: [{ id: 'neglect', label: 'Neglect' }],
  agencies: [{ id: 'health-visiting', label: 'Health visiting' }],
};

const CASES: CaseText[] = [
  {
    id: 'c1',
    title: 'Child Q',
    child: 'Q',
    partnership: 'Northshire',
    summary: 'A toddler drowned in the bath; the health visitor had not seen the home.',
  },
  { id: 'c2', title: 'Baby R', child: null, partnership: 'Child Safeguarding Partnership', summary: null },
  {
    id: 'c3',
    title: 'Neglect of siblings',
    child: 'Siblings S and T',
    partnership: 'Northshire',
    summary: 'Chronic neglect; children’s social care closed the case twice. Multi-agency meetings stopped.',
  },
  {
    id: 'c4',
    title: 'Child Q',
    child: 'Quinn',
    partnership: null,
    summary: 'The child’s voice was not heard.',
  },
];

const STATEMENTS: StatementDocument[] = [
  {
    kind: 'learning',
    id: 's1',
    text: 'Drowning risks in the bath were not explained.',
    sourceId: 'src1',
    caseId: 'c1',
  },
  { kind: 'learning', id: 's2', text: 'neglect', sourceId: 'src1', caseId: 'c3' },
  {
    kind: 'recommendation',
    id: 's3',
    text: 'Health visitors should ask about water safety at every contact.',
    sourceId: 'src1',
    caseId: 'c1',
  },
  {
    kind: 'recommendation',
    id: 's4',
    text: 'Neglect-recognition training for all multi-agency staff, twice a year.',
    sourceId: 'src2',
    caseId: 'c3',
  },
  {
    kind: 'learning',
    id: 's5',
    text: 'The voice of the child was not heard by the health visitor.',
    sourceId: 'src2',
    caseId: 'c4',
  },
];

/** The store's substring search written out plainly, over every document (graph/embedded/read/search.ts). */
function brute(
  cases: CaseText[],
  statements: StatementDocument[],
  input: string,
  limit: number,
): SearchHit[] {
  const q = input.trim().toLowerCase();
  const has = (s: string | null) => s?.toLowerCase().includes(q) ?? false;
  const tier = (c: string) => (c.toLowerCase() === q ? 0 : c.toLowerCase().startsWith(q) ? 1 : 2);
  const hits: Array<SearchHit & { tier: number }> = [];
  for (const [kind, list] of [
    ['theme', TAXA.themes],
    ['harmType', TAXA.harmTypes],
    ['agency', TAXA.agencies],
  ] as const) {
    for (const t of list)
      if (has(t.label)) hits.push({ kind, id: t.id, caption: t.label, caseId: null, tier: tier(t.label) });
  }
  const summaryOnly: SearchHit[] = [];
  for (const c of cases) {
    const byName = has(c.title) || has(c.child);
    if (byName) hits.push({ kind: 'case', id: c.id, caption: c.title, caseId: null, tier: tier(c.title) });
    else if (c.partnership !== null && has(c.partnership))
      hits.push({
        kind: 'partnership',
        id: c.id,
        caption: c.partnership,
        caseId: c.id,
        tier: tier(c.partnership),
      });
    else if (has(c.summary)) summaryOnly.push({ kind: 'case', id: c.id, caption: c.title, caseId: null });
  }
  for (const s of statements)
    if (has(s.text))
      hits.push({ kind: s.kind, id: s.id, caption: s.text, caseId: s.caseId, tier: tier(s.text) });
  const ranked = hits
    .sort(compareSearchHits)
    .slice(0, limit)
    .map(({ tier: _t, ...h }) => h);
  summaryOnly.sort((a, b) => compareText(a.caption, b.caption) || compareText(a.id, b.id));
  return [...ranked, ...summaryOnly.slice(0, limit)].slice(0, limit);
}

function indexOf(cases: CaseText[], statements: StatementDocument[]): SearchIndex {
  const index = new SearchIndex();
  index.add(cases.map(caseDocument), statements);
  return index;
}

/** Needles of every sort: words, their starts and middles, phrases across words and marks, case changes. */
function needles(cases: CaseText[], statements: StatementDocument[]): string[] {
  const texts = [
    ...cases.flatMap((c) => [c.title, c.child, c.partnership, c.summary]),
    ...statements.map((s) => s.text),
  ];
  const out = new Set([
    'a',
    'Q',
    'zz',
    '-',
    '; the',
    'CHILD q',
    'multi-agency',
    'children’s',
    'twice.',
    'the  child',
  ]);
  for (const text of texts) {
    if (!text) continue;
    const words = text.split(' ');
    words.forEach((w, i) => {
      out.add(w);
      out.add(w.slice(0, 3));
      out.add(w.slice(1, -1));
      const next = words[i + 1];
      if (next) out.add(`${w} ${next}`);
      if (next) out.add(`${w.slice(2)} ${next.slice(0, 2)}`);
    });
    out.add(text);
  }
  return [...out].filter((n) => n.trim().length > 0);
}

describe('tokens', () => {
  it('are the runs of letters and digits, with marks, spaces and apostrophes between them', () => {
    expect(tokens('multi-agency meetings, 2 children’s workers')).toEqual([
      'multi',
      'agency',
      'meetings',
      '2',
      'children',
      's',
      'workers',
    ]);
    expect(tokens('élève 12b')).toEqual(['élève', '12b']);
    expect(tokens(' -- ')).toEqual([]);
  });

  it('make a needle of one run exact, and of several runs a candidate filter', () => {
    expect(needleOf('neglect')).toMatchObject({ runs: ['neglect'], single: true });
    expect(needleOf('health visitor')).toMatchObject({ runs: ['health', 'visitor'], single: false });
    expect(needleOf('twice.')).toMatchObject({ runs: ['twice'], single: false });
  });
});

describe('a segment of postings', () => {
  const texts = ['the health visitor', 'health and visits', 'a visiting nurse', 'healthy'];
  const segment = PostingSegment.build(texts.length, (d) => [texts[d] ?? null]);
  const found = (needle: string) => {
    const n = needleOf(needle);
    const marks = segment.candidates(n);
    return texts.flatMap((_, d) => (marks === null || marks[d] === 1 ? [d] : []));
  };

  it('finds a word inside longer tokens', () => {
    expect(found('visit')).toEqual([0, 1, 2]);
    expect(found('ealth')).toEqual([0, 1, 3]);
  });

  it('keeps for a phrase only documents holding a token for each of its words', () => {
    expect(found('health visit')).toEqual([0, 1]);
    expect(found('nurse health')).toEqual([]);
  });

  it('keeps every document holding a needle of many words, narrowed by its rarest words', () => {
    expect(found('the health visitor')).toEqual([0]);
    expect(found('h a')).toEqual([0, 1, 3]);
  });

  it('keeps every document for a needle with no letters or digits', () => {
    expect(found('--')).toEqual([0, 1, 2, 3]);
  });
});

describe('the search index', () => {
  const index = indexOf(CASES, STATEMENTS);

  it('answers every needle as the store’s substring search does, for every limit', () => {
    for (const needle of needles(CASES, STATEMENTS)) {
      for (const limit of [1, 2, 3, 20]) {
        expect(index.search(needle, limit, TAXA), `"${needle}", first ${limit}`).toEqual(
          brute(CASES, STATEMENTS, needle, limit),
        );
      }
    }
  });

  it('ranks a caption equal to the needle, then one starting with it, then the rest', () => {
    expect(index.search('neglect', 10, TAXA).map((h) => `${h.kind}:${h.id}`)).toEqual([
      'harmType:neglect',
      'learning:s2',
      'case:c3',
      'recommendation:s4',
    ]);
  });

  it('finds a phrase across words and marks only where it stands whole', () => {
    expect(index.search('health visitor had', 10, TAXA)).toEqual([
      { kind: 'case', id: 'c1', caption: 'Child Q', caseId: null },
    ]);
    expect(index.search('bath;', 10, TAXA).map((h) => h.id)).toEqual(['c1']);
    expect(index.search('bath were', 10, TAXA).map((h) => h.id)).toEqual(['s1']);
  });

  it('takes in documents added later, as a new segment', () => {
    const grown = indexOf(CASES.slice(0, 2), STATEMENTS.slice(0, 2));
    grown.add(CASES.slice(2).map(caseDocument), STATEMENTS.slice(2));
    expect(grown.stats()).toMatchObject({ segments: 2, cases: 4, statements: 5, dead: 0 });
    for (const needle of needles(CASES, STATEMENTS))
      expect(grown.search(needle, 20, TAXA)).toEqual(brute(CASES, STATEMENTS, needle, 20));
  });

  it('forgets a removed review and its statements, and a removed source’s statements', () => {
    const changing = indexOf(CASES, STATEMENTS);
    const present = new Set(['c1', 'c2', 'c3']);
    changing.remove({ cases: new Set(['c4']), sources: new Set(['src2']), present });
    const cases = CASES.filter((c) => present.has(c.id));
    const statements = STATEMENTS.filter((s) => present.has(s.caseId) && s.sourceId !== 'src2');
    for (const needle of needles(CASES, STATEMENTS))
      expect(changing.search(needle, 20, TAXA)).toEqual(brute(cases, statements, needle, 20));
  });

  it('replaces a review read again: the old text is gone and the new found', () => {
    const changing = indexOf(CASES, STATEMENTS);
    const revised: CaseText = { ...(CASES[0] as CaseText), summary: 'A toddler was found in the pond.' };
    const statement: StatementDocument = {
      ...(STATEMENTS[0] as StatementDocument),
      text: 'Ponds need fences.',
    };
    changing.remove({ cases: new Set(['c1']), sources: new Set(), present: new Set(CASES.map((c) => c.id)) });
    changing.add([caseDocument(revised)], [statement, STATEMENTS[2] as StatementDocument]);
    const cases = [revised, ...CASES.slice(1)];
    const statements = [statement, ...STATEMENTS.slice(1)];
    expect(changing.search('bath', 20, TAXA)).toEqual([]);
    expect(changing.search('pond', 20, TAXA).map((h) => h.id)).toEqual(['s1', 'c1']);
    for (const needle of needles(cases, statements))
      expect(changing.search(needle, 20, TAXA)).toEqual(brute(cases, statements, needle, 20));
  });

  it('writes the live documents into one segment when too many segments or dead ones pile up', () => {
    const changing = new SearchIndex();
    CASES.forEach((c, i) => {
      changing.add(
        [caseDocument(c)],
        STATEMENTS.filter((s) => s.caseId === c.id),
      );
      changing.add([], [{ ...(STATEMENTS[i] as StatementDocument), id: `extra-${i}`, caseId: 'gone' }]);
    });
    expect(changing.stats().segments).toBeLessThanOrEqual(6);
    changing.remove({ cases: new Set(), sources: new Set(), present: new Set(CASES.map((c) => c.id)) });
    changing.add([], []);
    for (const needle of needles(CASES, STATEMENTS))
      expect(changing.search(needle, 20, TAXA)).toEqual(brute(CASES, STATEMENTS, needle, 20));
  });

  it('reports the memory its postings hold', () => {
    const stats = index.stats();
    expect(stats.terms).toBeGreaterThan(20);
    expect(stats.postingBytes).toBeGreaterThan(0);
  });
});

describe('a search as the server answers it: the taxonomy’s words, then the index', () => {
  const WORDS: Taxonomy = {
    version: 'test',
    harmTypes: [{ id: 'neglect', label: 'Neglect', description: '', synonyms: ['neglected'], patterns: [] }],
    agencies: [
      {
        id: 'health-visiting',
        label: 'Health visiting',
        description: '',
        synonyms: ['health visitor'],
        patterns: [],
        sector: 'health',
        commissioner: false,
      },
    ],
    themes: [
      {
        id: 'drowning',
        label: 'Drowning',
        description: '',
        synonyms: ['water safety'],
        patterns: [],
        group: 'risk',
        generic: false,
      },
    ],
  };
  const taxa = taxonSearch(WORDS);
  const known = knownTaxa(TAXA);
  const index = indexOf(CASES, STATEMENTS);
  const answer = (text: string, first = 20) =>
    mergeSearchHits(taxa.find(text), index.search(text, first, TAXA), known, first).map(
      (h) => `${h.kind}:${h.id}`,
    );

  it('finds an entry by another form of its word (stems), ahead of the texts holding that form', () => {
    expect(answer('drowned')).toEqual(['theme:drowning', 'case:c1']);
  });

  it('finds an entry by a synonym, ahead of the texts holding the synonym', () => {
    expect(answer('water safety')).toEqual(['theme:drowning', 'recommendation:s3']);
    expect(answer('health visitor')).toEqual([
      'agency:health-visiting',
      'recommendation:s3',
      'learning:s5',
      'case:c1',
    ]);
  });

  it('keeps kinds in their order and each hit once', () => {
    const hits = answer('neglect');
    expect(hits[0]).toBe('harmType:neglect');
    expect(new Set(hits).size).toBe(hits.length);
    expect(SEARCH_KIND_ORDER.indexOf('harmType')).toBeLessThan(SEARCH_KIND_ORDER.indexOf('learning'));
  });
});
