import { describe, expect, it } from 'vitest';
import { expectExactSpans, segmentLayout } from './layouts.ts';

const doc = segmentLayout('topic-newsletter');
const byChild = (child: string) => doc.cases.find((c) => c.child === child);

describe('topic newsletter', () => {
  it('finds the reviews under each topic and none in the linked research', () => {
    expect(doc.kind).toBe('topic-newsletter');
    expect(doc.cases.map((c) => [c.child, c.topic])).toEqual([
      ['Child Q', 'Infants and Head Injury'],
      ['Mason', 'Infants and Head Injury'],
      ['Lottie', 'Neglect'],
      ['Child Y', 'Neglect'],
    ]);
    expect(doc.warnings).toContain(
      'skipped 3 linked research and resource item(s): they are not case reviews',
    );
  });

  it('reads the board as publisher and the season year as the date', () => {
    expect(doc).toMatchObject({ publisher: 'Wrenford Safeguarding Children Board', published: '2018' });
  });

  it('reads author and board from their own lines, the heading line, or emphasised', () => {
    expect(byChild('Child Q')).toMatchObject({
      authors: 'Dana Pryor',
      partnership: 'Northbridge Safeguarding Children Board',
      reportYear: 2018,
    });
    expect(byChild('Mason')).toMatchObject({
      title: 'Serious case review: Mason',
      authors: 'Felix Orme',
      partnership: 'Eastholm Safeguarding Children Board',
      reportYear: 2017,
    });
    expect(byChild('Lottie')).toMatchObject({
      authors: 'Imogen Hale and Ravi Desai',
      partnership: 'Pellbury Safeguarding Children Board',
    });
  });

  it('reads a summary spread over two paragraphs up to the first label', () => {
    const lottie = byChild('Lottie');
    expect(lottie?.summary).toMatch(/^Death of a girl, Lottie[\s\S]*\n\n[\s\S]*for three years\.$/);
    expect(lottie).toMatchObject({
      age: 'aged 22 months',
      ageBand: '1-5',
      incidentYear: 2016,
      outcome: 'death',
    });
  });

  it('stops a findings list at its sentence end, leaving a method note out', () => {
    expect(byChild('Mason')?.learning.map((l) => l.text)).toEqual([
      'college staff saw the threats as a falling-out between friends',
      "the youth offending service and children's social care held separate plans",
    ]);
  });

  it('reads "Makes recommendations to X to" with X as the first recommendation\'s addressee', () => {
    expect(byChild('Mason')?.recommendations.map((r) => [r.text, r.targetHint ?? null])).toEqual([
      ["hold one joint plan with children's social care", 'the youth offending service'],
      ['the college should record threats of violence as safeguarding concerns', null],
    ]);
  });

  it('reads "Makes recommendations around" as a list', () => {
    expect(byChild('Lottie')?.recommendations.map((r) => r.text)).toEqual([
      'counting missed appointments',
      'closing early help plans only after a home visit',
      'asking about money worries',
    ]);
  });

  it('turns a labelled paragraph after a finished entry into an entry without a heading line', () => {
    const y = byChild('Child Y');
    expect(y).toMatchObject({
      title: 'Child Y',
      reviewType: 'SCR',
      outcome: 'death',
      gender: 'male',
      partnership: null,
    });
    expect(y?.learning.map((l) => l.text)).toEqual([
      'leaving children alone had been reported twice by neighbours',
      "the fire service's home safety visit was not shared with the school",
      'social care did not follow up the second report',
    ]);
    expect(y?.recommendations[0]?.targetHint).toBe('the LSCB');
    expect(doc.warnings.some((w) => /no heading line; titled "Child Y"/.test(w))).toBe(true);
  });

  it('points every span at the exact text', () => {
    for (const c of doc.cases) expectExactSpans(doc.text, c);
  });
});
