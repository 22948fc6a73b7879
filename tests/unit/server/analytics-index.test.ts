import { describe, expect, it } from 'vitest';
import type { CaseFacets, GraphCounts } from '../../../graph/store.ts';
import { Bitset } from '../../../server/analytics/bitset.ts';
import { AnalyticsIndex, type IndexedCase } from '../../../server/analytics/index.ts';

function facet(id: string, over: Partial<CaseFacets> & { text?: string } = {}): IndexedCase {
  return {
    id,
    reportYear: 2020,
    outcome: 'death',
    ageBand: 'under 1',
    reviewType: 'LCSPR',
    harmTypes: [],
    agencies: [],
    themes: [],
    sources: ['src-a'],
    text: `review ${id}`,
    ...over,
  };
}

const counts = { nodes: {}, relationships: {} } as GraphCounts;

function indexOf(cases: IndexedCase[]): AnalyticsIndex {
  return new AnalyticsIndex({
    cases,
    taxonomy: {
      harmTypes: [
        { id: 'neglect', label: 'Neglect', description: '' },
        { id: 'physical-abuse', label: 'Physical abuse', description: '' },
      ],
      agencies: [{ id: 'police', label: 'Police', description: '', sector: 'police' }],
      themes: ['info', 'risk', 'voice', 'unused'].map((id) => ({
        id,
        label: id,
        description: '',
        group: 'g',
      })),
    },
    sources: [],
    counts,
  });
}

const corpus = indexOf([
  facet('a', { reportYear: 2019, harmTypes: ['neglect'], themes: ['info', 'risk'], agencies: ['police'] }),
  facet('b', {
    reportYear: 2021,
    harmTypes: ['neglect', 'physical-abuse'],
    themes: ['info', 'risk', 'voice'],
  }),
  facet('c', { reportYear: 2021, harmTypes: ['physical-abuse'], themes: ['info'], outcome: 'serious-harm' }),
  facet('d', {
    reportYear: null,
    harmTypes: ['neglect'],
    themes: ['risk', 'voice'],
    text: 'the lantern street case',
  }),
  facet('e', { reportYear: 2015, themes: [], sources: ['src-b'], ageBand: '16+' }),
]);

describe('Bitset', () => {
  it('counts, intersects and lists members in ascending order across word boundaries', () => {
    const a = Bitset.of(70, [0, 31, 32, 63, 64, 69]);
    const b = Bitset.of(70, [31, 64, 65]);
    expect(a.count()).toBe(6);
    expect(a.and(b).toArray()).toEqual([31, 64]);
    expect(a.or(b).toArray()).toEqual([0, 31, 32, 63, 64, 65, 69]);
    expect(a.countAnd(b)).toBe(2);
    expect(Bitset.full(70).count()).toBe(70);
  });

  it('starts a scan at a given position and stops when told to', () => {
    const seen: number[] = [];
    Bitset.of(100, [3, 40, 41, 90]).visit((p) => {
      seen.push(p);
      return seen.length < 2;
    }, 40);
    expect(seen).toEqual([40, 41]);
  });
});

describe('AnalyticsIndex filters', () => {
  it('ORs values within a field and ANDs across fields', () => {
    expect(corpus.caseIds({ harmTypes: ['neglect', 'physical-abuse'] }).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(corpus.caseIds({ harmTypes: ['neglect'], themes: ['voice'] }).sort()).toEqual(['b', 'd']);
    expect(corpus.caseIds({ harmTypes: ['physical-abuse'], outcome: ['serious-harm'] })).toEqual(['c']);
  });

  it('keeps only cases carrying every theme listed in themesAll, with the other fields still ANDed', () => {
    expect(corpus.caseIds({ themesAll: ['info', 'risk'] }).sort()).toEqual(['a', 'b']);
    expect(corpus.caseIds({ themesAll: ['info', 'risk', 'voice'] })).toEqual(['b']);
    expect(corpus.caseIds({ themesAll: ['risk', 'voice'], harmTypes: ['neglect'], yearFrom: 2020 })).toEqual([
      'b',
    ]);
    expect(corpus.count({ themesAll: ['unused', 'info'] })).toBe(0);
    expect(corpus.unknownIds({ themesAll: ['info', 'nope'] })).toEqual([
      'filter.themesAll: unknown id "nope" (list the ids with { themes { id } })',
    ]);
  });

  it('bounds years inclusively and leaves out reviews without a year when a bound is given', () => {
    expect(corpus.caseIds({ yearFrom: 2019, yearTo: 2021 }).sort()).toEqual(['a', 'b', 'c']);
    expect(corpus.caseIds({ yearTo: 2019 }).sort()).toEqual(['a', 'e']);
  });

  it('requires every word of the text filter, ignoring case', () => {
    expect(corpus.caseIds({ text: 'LANTERN case' })).toEqual(['d']);
    expect(corpus.caseIds({ text: 'lantern harbour' })).toEqual([]);
  });

  it('treats an empty list as no restriction and names unknown ids', () => {
    expect(corpus.count({ themes: [] })).toBe(5);
    expect(corpus.unknownIds({ themes: ['info', 'nope'], agencies: ['police'] })).toEqual([
      'filter.themes: unknown id "nope" (list the ids with { themes { id } })',
    ]);
  });

  it('counts cases per facet value under a filter', () => {
    const byTheme = corpus.countBy('themes', { harmTypes: ['neglect'] });
    expect(byTheme.get('info')).toBe(2);
    expect(byTheme.get('risk')).toBe(3);
    expect(byTheme.get('voice')).toBe(2);
    expect(corpus.countBy('ageBands').get('16+')).toBe(1);
    expect(corpus.yearRange({ harmTypes: ['neglect'] })).toEqual({ min: 2019, max: 2021 });
  });
});

describe('AnalyticsIndex theme network', () => {
  it('weighs nodes by reviews and edges by shared reviews, with lift = shared*N/(countA*countB)', () => {
    const net = corpus.themeNetwork(null, 1);
    expect(net.caseCount).toBe(5);
    expect(net.nodes).toEqual([
      { id: 'info', weight: 3 },
      { id: 'risk', weight: 3 },
      { id: 'voice', weight: 2 },
    ]);
    const edge = (s: string, t: string) => net.edges.find((e) => e.source === s && e.target === t);
    expect(edge('info', 'risk')).toEqual({ source: 'info', target: 'risk', weight: 2, lift: 1.1111 });
    expect(edge('risk', 'voice')).toEqual({ source: 'risk', target: 'voice', weight: 2, lift: 1.6667 });
    expect(edge('info', 'voice')?.weight).toBe(1);
  });

  it('drops edges shared by fewer than minShared reviews and honours the filter', () => {
    expect(corpus.themeNetwork(null, 2).edges.map((e) => `${e.source}-${e.target}`)).toEqual([
      'info-risk',
      'risk-voice',
    ]);
    const filtered = corpus.themeNetwork({ yearFrom: 2021 }, 1);
    expect(filtered.caseCount).toBe(2);
    expect(filtered.nodes.find((n) => n.id === 'info')?.weight).toBe(2);
  });

  it('lists related themes by shared reviews, then lift', () => {
    expect(corpus.relatedThemes('voice', null, 10)).toEqual([
      { id: 'risk', shared: 2, lift: 1.6667 },
      { id: 'info', shared: 1, lift: 0.8333 },
    ]);
    expect(corpus.relatedThemes('unknown-theme', null, 10)).toEqual([]);
  });
});

describe('AnalyticsIndex pages', () => {
  it('lists newest report year first, unknown years last, then by id', () => {
    expect(corpus.page(corpus.match(null), 10, null).ids).toEqual(['b', 'c', 'a', 'e', 'd']);
  });

  it('continues after a cursor key without gaps or repeats, even when that case is gone', () => {
    const all = corpus.match(null);
    const first = corpus.page(all, 2, null);
    expect(first).toMatchObject({
      ids: ['b', 'c'],
      totalCount: 5,
      hasNextPage: true,
      hasPreviousPage: false,
    });
    const second = corpus.page(all, 2, first.keys[1] ?? null);
    expect(second).toMatchObject({ ids: ['a', 'e'], hasNextPage: true, hasPreviousPage: true });
    const last = corpus.page(all, 2, second.keys[1] ?? null);
    expect(last).toMatchObject({ ids: ['d'], hasNextPage: false });
    expect(corpus.page(all, 2, { year: 2020, id: 'zz-removed' }).ids).toEqual(['a', 'e']);
  });

  it('pages inside a filter and reports the filtered total', () => {
    const page = corpus.page(corpus.match({ harmTypes: ['neglect'] }), 2, null);
    expect(page).toMatchObject({ ids: ['b', 'a'], totalCount: 3, hasNextPage: true });
  });
});
