import { describe, expect, it } from 'vitest';
import { segmentDocument } from '../../../../ingest/segment/index.ts';
import { expectExactSpans, segmentLayout } from './layouts.ts';

describe('yearly list', () => {
  const doc = segmentLayout('yearly-list');

  it('reads "YYYY - Area - Name" entries with year, area and child', () => {
    expect(doc.cases.map((c) => [c.reportYear, c.partnership, c.child])).toEqual([
      [2018, 'Northbridge', 'Child Q'],
      [2018, 'Coldmere', 'Ava'],
      [2018, 'Oxley Cross', 'Siblings T and U'],
    ]);
  });

  it('reads "Learning:" and "Recommendations:" lines and stops at "Keywords:"', () => {
    const ava = doc.cases[1];
    expect(ava?.learning).toHaveLength(2);
    expect(ava?.recommendations.map((r) => r.text)).toEqual([
      'schools to name a person who reads filtering alerts every day',
    ]);
    expect(ava?.summary).not.toMatch(/Keywords/);
  });

  it('takes the review type from the summary, else from the year of a local review (SCR up to 2020)', () => {
    expect(doc.cases.map((c) => c.reviewType)).toEqual(['SCR', 'SCR', 'SCR']);
  });

  it('points every span at the exact text', () => {
    for (const c of doc.cases) expectExactSpans(doc.text, c);
  });
});

describe('dated entries with other separators', () => {
  it('reads "YYYY: Area: Name" headings, bold or not, as dated entries', () => {
    const seg = segmentDocument({
      text: [
        'Case reviews published in 2021',
        '',
        '**2021: Westmarch: Child K**',
        'Death of a 3-month-old boy in 2019 from a head injury.',
        'Learning includes: health visitors should ask who cares for the baby.',
        '',
        '2021: Eastmere: Jade',
        'Serious harm to a 14-year-old girl from sexual exploitation.',
        'Learning includes: schools should share concerns about missing episodes.',
      ].join('\n'),
      hints: [],
    });
    expect(seg.cases.map((c) => [c.reportYear, c.partnership, c.child])).toEqual([
      [2021, 'Westmarch', 'Child K'],
      [2021, 'Eastmere', 'Jade'],
    ]);
  });
});

describe('monthly update', () => {
  const doc = segmentLayout('monthly-update');

  it('reads "YYYY – Area – Name" entries', () => {
    expect(doc).toMatchObject({ kind: 'monthly-update', published: '2025-05' });
    expect(doc.cases.map((c) => [c.title, c.partnership, c.reviewType])).toEqual([
      ['2025 – Saltmarsh Vale – Leo', 'Saltmarsh Vale', 'LCSPR'],
      ['2025 – Brindlecombe – Child N', 'Brindlecombe', 'LCSPR'],
      ['2025 – Harwick – Daniyal', 'Harwick', 'LCSPR'],
    ]);
  });

  it('reads bulleted and numbered lists under labels on their own lines', () => {
    const leo = doc.cases[0];
    expect(leo?.learning.map((l) => l.text)).toEqual([
      'safer sleep advice was given by the midwife but not repeated by the health visitor',
      'the father had not been seen by any service (he worked nights and\n  was asleep during visits)',
      'a planned home visit was cancelled because of staff sickness',
    ]);
    expect(leo?.recommendations.map((r) => r.text)).toEqual([
      'Repeat safer sleep advice at every health contact in the first six months.',
      'Offer evening appointments so that both parents can be seen.',
    ]);
  });

  it('reads the incident past the opening review-type sentence', () => {
    expect(doc.cases[0]).toMatchObject({
      age: '3-month-old',
      gender: 'male',
      outcome: 'death',
      incidentYear: 2024,
    });
  });

  it('records no recommendations for "Makes no recommendations."', () => {
    expect(doc.cases[2]?.recommendations).toEqual([]);
    expect(doc.cases[2]?.learning).toHaveLength(2);
  });

  it('points every span at the exact text', () => {
    for (const c of doc.cases) expectExactSpans(doc.text, c);
  });
});

describe('list headings as printed over the years', () => {
  const text = `Case reviews published in 2015

December 2014 – Eastmere – Child N
Death of a five-month-old baby from a head injury. Learning includes: recognising bruising in babies who are not mobile.

2015- Anonymous -Baby L
Serious injuries to an infant. Recommendations include: health visitors to see every baby at home.

2015–Wrenford–Siblings P and R
Neglect of two brothers over several years. Learning themes include: drift in child in need planning.
`;
  const cases = segmentDocument({ text, hints: [] }).cases;

  it('takes the month-prefixed heading as one review', () => {
    expect(cases[0]).toMatchObject({ reportYear: 2014, partnership: 'Eastmere', child: 'Child N' });
  });

  it('reads headings whose dashes have no space on one side or either', () => {
    expect(cases.map((c) => c.child)).toEqual(['Child N', 'Baby L', 'Siblings P and R']);
  });

  it('reads "Anonymous" as no partnership, never as an area', () => {
    expect(cases[1]?.partnership).toBeNull();
  });
});

describe('a list excerpt cut short', () => {
  const text = `Case reviews published in 2021

2021 - Eastmere - Child H
Neglect of a 3-year-old boy. Learning includes: drift in child in need plans; missed health appointments.
[...]
`;
  const seg = segmentDocument({ text, hints: [] });

  it('ends the last entry at the "[...]" line', () => {
    const c = seg.cases[0];
    expect(c?.end).toBeLessThanOrEqual(text.indexOf('[...]'));
    expect(c?.learning.map((l) => l.text)).toEqual([
      'drift in child in need plans',
      'missed health appointments',
    ]);
  });
});
