import { describe, expect, it } from 'vitest';
import { segmentDocument } from '../../../../ingest/segment/index.ts';
import { expectExactSpans, segmentLayout } from './layouts.ts';

const doc = segmentLayout('repository-bulletin');
const byChild = (child: string) => doc.cases.find((c) => c.child === child);

describe('repository bulletin', () => {
  it('reads the title, date and every entry, numbered or not, and not the document title', () => {
    expect(doc).toMatchObject({
      kind: 'repository-bulletin',
      title: 'Case Review Digest – March 2024',
      published: '2024-03',
    });
    expect(doc.cases.map((c) => c.title)).toEqual([
      'Local child safeguarding practice review (LCSPR): Oliver',
      'Local child safeguarding practice review: Grace and Evie',
      'Serious case review: Child W',
      'Child safeguarding practice review: Baby Nia',
      'Riley: overview report',
    ]);
  });

  it('splits an entry whose number is missing or sits behind a tab, and says which lacked one', () => {
    expect(byChild('Child W')?.reviewType).toBe('SCR');
    expect(byChild('Grace and Evie')?.reviewType).toBe('LCSPR');
    expect(doc.warnings).toContain('entry 3 ("Serious case review: Child W") is printed without its number');
  });

  it('takes an entry with neither number nor review type from its place after the previous entry', () => {
    const riley = byChild('Riley');
    expect(riley).toMatchObject({
      reviewType: 'OTHER',
      age: '16-year-old',
      ageBand: '16+',
      incidentYear: 2022,
    });
    expect(riley?.learning).toHaveLength(2);
  });

  it('takes the report year from the bulletin date and the incident from the summary', () => {
    expect(byChild('Oliver')).toMatchObject({
      reportYear: 2024,
      incidentYear: 2023,
      age: '7-week-old',
      ageBand: 'under 1',
      gender: 'male',
      outcome: 'serious-harm',
      partnership: null,
    });
  });

  it('does not split statements inside brackets or quotes', () => {
    expect(byChild('Oliver')?.learning.map((l) => l.text)).toEqual([
      'health visitors should ask who else lives in the home at every contact',
      'the GP\'s "wait and see" advice (given twice; once by telephone) was not passed to the health visitor',
      'fathers must be invited to every antenatal appointment',
    ]);
    expect(byChild('Oliver')?.recommendations[1]?.text).toBe(
      "provide training on bruising in babies (including the 'look, ask; refer' rule)",
    );
  });

  it('keeps the addressee of the recommendations as a hint on each of them', () => {
    expect(byChild('Oliver')?.recommendations.map((r) => r.targetHint)).toEqual(
      Array(3).fill('the integrated care board'),
    );
    expect(byChild('Baby Nia')?.recommendations[0]?.targetHint).toBe('the safeguarding partnership');
  });

  it('follows a learning list across a blank line', () => {
    const learning = byChild('Grace and Evie')?.learning ?? [];
    expect(learning).toHaveLength(4);
    expect(learning[2]?.text).toMatch(/moved\n\nbetween two local authorities$/);
  });

  it('puts the actions of a review that makes no recommendations under actions', () => {
    const w = byChild('Child W');
    expect(w?.recommendations).toEqual([]);
    expect(w?.actions.map((a) => a.text)).toEqual([
      'a new transition protocol between child and adult mental health services',
      'a review of self-harm guidance for schools',
    ]);
  });

  it('points every span at the exact text', () => {
    for (const c of doc.cases) expectExactSpans(doc.text, c);
  });
});

describe('a page holding a single review', () => {
  const text = [
    '[Fictional page written for tests.]',
    '',
    'Serious case review: Child V',
    '',
    'Serious injuries to a 4-month-old girl in June 2019 while in the care of a childminder.',
    '',
    'Learning includes: the childminder had not been inspected for three years; bruising was not recorded.',
    '',
    'Recommendations include: inspect childminders every year.',
  ].join('\n');

  it('reads its title line as the entry, not only as the document title', () => {
    const seg = segmentDocument({ text, hints: [] });
    expect(seg.kind).toBe('single-review');
    expect(seg.title).toBe('Serious case review: Child V');
    expect(seg.cases.map((c) => [c.title, c.child, c.learning.length, c.recommendations.length])).toEqual([
      ['Serious case review: Child V', 'Child V', 2, 1],
    ]);
  });
});
