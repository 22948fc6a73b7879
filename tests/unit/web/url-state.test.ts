import { describe, expect, it } from 'vitest';
import { queryToState, stateToQuery } from '../../../web/src/share/url-state.ts';
import { DEFAULT_STATE, EMPTY_FILTERS, type ViewState } from '../../../web/src/state/view-state.ts';

describe('view state in the URL', () => {
  it('writes nothing for the default view', () => {
    expect(stateToQuery(DEFAULT_STATE)).toBe('');
    expect(queryToState('')).toEqual(DEFAULT_STATE);
  });

  it('round-trips filters, selection, weighting, presentation and renderer settings', () => {
    const state: ViewState = {
      view: 'graph',
      filters: {
        harmTypes: ['neglect', 'physical-abuse'],
        agencies: ['police'],
        outcome: ['DEATH'],
        ageBands: ['UNDER_1', 'AGE_1_5'],
        reviewTypes: ['SCR'],
        sources: ['abc123'],
        yearFrom: 2014,
        yearTo: 2019,
      },
      minShared: 3,
      linkLevel: 'strongest',
      sizeBy: 'pageRank',
      bridges: true,
      weighting: 'lift',
      selection: { kind: 'link', source: 'information-sharing', target: 'risk-assessment' },
      graphRoots: ['Theme:information-sharing', 'CaseReview:x-2016-1'],
      graphPath: { from: 'Theme:information-sharing', to: 'Agency:police' },
      presenting: true,
      roomSafe: true,
      safeMinShared: 4,
      webgl: true,
      views: DEFAULT_STATE.views,
    };
    expect(queryToState(stateToQuery(state))).toEqual(state);
  });

  it('round-trips a selected review whose id contains separators', () => {
    const state: ViewState = { ...DEFAULT_STATE, selection: { kind: 'case', id: 'camden|2016:child b' } };
    expect(queryToState(stateToQuery(state)).selection).toEqual(state.selection);
  });

  it('drops values a hand-edited link cannot mean', () => {
    const state = queryToState(
      '?outcome=DEATH,EXPLODED&age=UNDER_1,99&from=19&to=2020x&min=0&weight=heavy&roots=nope,Theme:a',
    );
    expect(state.filters).toEqual({ ...EMPTY_FILTERS, outcome: ['DEATH'], ageBands: ['UNDER_1'] });
    expect(state.minShared).toBeNull();
    expect(state.weighting).toBe('shared');
    expect(state.graphRoots).toEqual(['Theme:a']);
  });

  it('ignores a link selection with a missing end and removes duplicate list entries', () => {
    const state = queryToState('?link=information-sharing%7C&harm=neglect,neglect');
    expect(state.selection).toBeNull();
    expect(state.filters.harmTypes).toEqual(['neglect']);
  });

  it('accepts the query with or without its leading question mark', () => {
    expect(queryToState('theme=x').selection).toEqual({ kind: 'theme', id: 'x' });
    expect(queryToState('?theme=x').selection).toEqual({ kind: 'theme', id: 'x' });
  });

  it('opens a presentation link room-safe unless the link turned room-safe off', () => {
    expect(queryToState('?present=1').roomSafe).toBe(true);
    expect(queryToState('?present=1&safe=0').roomSafe).toBe(false);
    const off: ViewState = { ...DEFAULT_STATE, presenting: true, roomSafe: false };
    expect(queryToState(stateToQuery(off))).toEqual(off);
  });

  it('reads link levels and size measures it knows, and falls back to the defaults otherwise', () => {
    expect(queryToState('?links=all&size=betweenness')).toMatchObject({
      linkLevel: 'all',
      sizeBy: 'betweenness',
    });
    expect(queryToState('?links=most&size=colour')).toMatchObject({
      linkLevel: DEFAULT_STATE.linkLevel,
      sizeBy: DEFAULT_STATE.sizeBy,
    });
  });
});
