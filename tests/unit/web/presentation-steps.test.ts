import { describe, expect, it } from 'vitest';
import type { CaseListItem } from '../../../web/src/api/types.ts';
import { kindLegend, themeLegend } from '../../../web/src/map/legend-model.ts';
import type { MapModel } from '../../../web/src/map/map-model.ts';
import { stepCaption, stepQuote } from '../../../web/src/presentation/steps.ts';
import { mapEdge, mapNode } from './network-fixture.ts';

const node = (id: string, label: string, weight: number, group: string | null = 'practice') =>
  mapNode(id, label, weight, { group, degree: 0 });
const edge = (source: string, target: string, weight: number) => mapEdge(source, target, weight);
const model: MapModel = {
  nodes: [node('a', 'Alpha', 9), node('b', 'Beta', 5), node('c', 'Gamma', 3), node('d', 'Delta', 2, null)],
  edges: [edge('a', 'b', 4), edge('c', 'a', 3), edge('a', 'd', 1), edge('b', 'c', 2)],
  regions: [],
};

const review = (child: string | null, quote: string): CaseListItem => ({
  id: 'r1',
  title: `Practice review: ${child ?? 'untitled'}`,
  child,
  reviewType: 'LCSPR',
  partnership: null,
  reportYear: 2029,
  themes: [
    { theme: { id: 'a', label: 'Alpha' }, evidence: { sourceId: 's', quote, start: 0, end: quote.length } },
  ],
});

describe('the presentation caption', () => {
  it('names the theme, its place in the order and its strongest companions', () => {
    const caption = stepCaption(model, 'a', null)!;
    expect(caption).toMatchObject({ label: 'Alpha', group: 'Practice', reviews: 9, position: 1, total: 4 });
    expect(caption.related).toEqual([
      { label: 'Beta', shared: 4 },
      { label: 'Gamma', shared: 3 },
      { label: 'Delta', shared: 1 },
    ]);
  });

  it('shows a quote only for the theme it belongs to', () => {
    const quote = { themeId: 'b', text: 'words', review: 'A review' };
    expect(stepCaption(model, 'a', quote)!.quote).toBeNull();
    expect(stepCaption(model, 'b', quote)!.quote).toEqual({ text: 'words', review: 'A review' });
    expect(stepCaption(model, 'zzz', null)).toBeNull();
  });

  it('takes the first quoted sentence behind the theme, room-safe when asked', () => {
    const cases = [review('Child Q', 'Child Q was seen twice by the school nurse.')];
    expect(stepQuote('a', cases, true)).toEqual({
      themeId: 'a',
      text: 'The child was seen twice by the school nurse.',
      review: 'A child (LCSPR, 2029)',
    });
    expect(stepQuote('a', cases, false)!.review).toBe('Practice review: Child Q');
    expect(stepQuote('b', cases, false)).toBeNull();
  });
});

describe('legends', () => {
  it('list only the theme groups on the map, and say what line width means', () => {
    const colours = new Map([
      ['family context', '#111111'],
      ['Other themes', '#222222'],
      ['practice', '#333333'],
    ]);
    const legend = themeLegend(colours, new Set(['practice', null]), 'lift');
    expect(legend.entries.map((e) => e.label)).toEqual(['Other themes', 'Practice']);
    expect(legend.notes).toContain('Line width: lift over chance');
  });

  it('list the kinds of node in the case graph in a fixed order', () => {
    const legend = kindLegend(new Set(['AGENCY', 'CASE_REVIEW']), 'note');
    expect(legend.entries.map((e) => e.label)).toEqual(['Reviews', 'Agencies']);
  });
});
