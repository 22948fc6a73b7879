import { describe, expect, it } from 'vitest';
import { expectExactSpans, segmentLayout } from './layouts.ts';

describe('national publications note', () => {
  const doc = segmentLayout('national-publications');

  it('makes one NATIONAL review of each numbered publication', () => {
    expect(doc).toMatchObject({ kind: 'national-publications', publisher: 'OKSP' });
    expect(doc.cases.map((c) => [c.title, c.reviewType, c.child])).toEqual([
      ['Growing up unseen: a national analysis of neglect reviews 2019-2022', 'NATIONAL', null],
      ['The National Review Panel Annual Report 2023 to 2024', 'NATIONAL', null],
      ['Out of sight: a national review of children harmed in unregistered settings', 'NATIONAL', null],
    ]);
  });

  it('takes the first paragraph as the summary and no child fields', () => {
    expect(doc.cases[0]?.summary).toMatch(/^This invented report looks at 240 local reviews/);
    expect(doc.cases[0]).toMatchObject({ age: null, gender: null, outcome: null, incidentYear: null });
  });

  it('reads the items under a list intro without a colon, past sub-headings and a wrapped item', () => {
    const learning = doc.cases[0]?.learning.map((l) => l.text) ?? [];
    expect(learning).toHaveLength(5);
    expect(learning[2]).toMatch(/fearing that their\n \nchildren would be removed$/);
    expect(learning[4]).toBe('No single agency held the whole history of the family');
  });

  it('reads message paragraphs after a label ending in ": -"', () => {
    expect(doc.cases[1]?.learning.map((l) => l.text)).toEqual([
      'Infants under one were the largest group',
      'Fathers and partners were often unknown to services',
      'Babies who are bruised must always be assessed by a paediatrician.',
      'Partners who join a household should be asked about and, where possible, seen.',
    ]);
  });

  it('reads national recommendations with their addressee and ends the item before the closing note', () => {
    const third = doc.cases[2];
    expect(third?.recommendations.map((r) => r.targetHint)).toEqual(['government', 'government']);
    expect(doc.text.slice(third?.start, third?.end)).not.toMatch(/Local guidance/);
  });

  it('points every span at the exact text', () => {
    for (const c of doc.cases) expectExactSpans(doc.text, c);
  });
});

describe('national briefing', () => {
  const doc = segmentLayout('national-briefing');

  it('is one NATIONAL review, whatever names its examples mention', () => {
    expect(doc.cases).toHaveLength(1);
    expect(doc.cases[0]).toMatchObject({
      title: 'Keeping Teenagers Safe Online: National Analysis 2023 – Practice Briefing',
      reviewType: 'NATIONAL',
      child: null,
      authors: 'Imani Clarke with the Fictional Research Unit',
      reportYear: 2024,
    });
    expect(doc).toMatchObject({ publisher: 'Fictional Research Unit', published: '2024-06' });
  });

  it('takes the first paragraph after the contents as the summary', () => {
    expect(doc.cases[0]?.summary).toMatch(/^This briefing summarises/);
  });

  it('reads the items under "Learning points" headings, with their sub-items, and not the reflective questions', () => {
    const learning = doc.cases[0]?.learning.map((l) => l.text) ?? [];
    expect(learning).toHaveLength(3);
    expect(learning[1]).toMatch(
      /^Parents need simple advice[\s\S]*- agree what to do if something feels wrong\.$/,
    );
    expect(learning.some((l) => l.includes('?'))).toBe(false);
    expect(doc.cases[0]?.recommendations.map((r) => r.text)).toEqual([
      'Schools should record online concerns in the same system as other safeguarding concerns.',
    ]);
  });

  it('points every span at the exact text', () => {
    for (const c of doc.cases) expectExactSpans(doc.text, c);
  });
});
