import { describe, expect, it } from 'vitest';
import type { ExtractedCase } from '../../../../ingest/extract/types.ts';
import { areaOf } from '../../../../ingest/identity/area.ts';
import { caseId } from '../../../../ingest/identity/index.ts';
import { slugify } from '../../../../ingest/identity/slug.ts';
import { segmentLayout } from '../segment/layouts.ts';

function review(fields: Partial<ExtractedCase>): ExtractedCase {
  return {
    id: '',
    title: 'Serious case review: Child B',
    child: 'Child B',
    reviewType: 'SCR',
    partnership: null,
    authors: null,
    reportYear: 2016,
    incidentYear: null,
    age: null,
    ageBand: null,
    gender: null,
    outcome: null,
    summary: 'Injuries to a 2-month-old boy in 2015.',
    topic: null,
    start: 0,
    end: 0,
    harmTypes: [],
    agencies: [],
    themes: [],
    learning: [],
    recommendations: [],
    actions: [],
    ...fields,
  };
}

describe('case identity', () => {
  it('keys a review with a known board on pseudonym, place and year', () => {
    expect(caseId(review({ partnership: 'Camden Safeguarding Children Board' }))).toBe('child-b-camden-2016');
  });

  it('gives two reviews sharing a pseudonym different ids when their boards or years differ', () => {
    const a = caseId(review({ partnership: 'Northbridge Safeguarding Children Board', reportYear: 2016 }));
    const b = caseId(review({ partnership: 'Eastholm Safeguarding Children Board', reportYear: 2017 }));
    const c = caseId(review({ partnership: 'Northbridge Safeguarding Children Board', reportYear: 2019 }));
    expect(new Set([a, b, c]).size).toBe(3);
  });

  it('adds a short hash of the summary when the board is unknown, so same-year namesakes differ', () => {
    const a = caseId(review({ child: 'Child R', summary: 'Injuries to a 2-year-old boy in April 2020.' }));
    const b = caseId(review({ child: 'Child R', summary: 'Death of a 4-week-old boy in July 2020.' }));
    expect(a).toMatch(/^child-r-2016-[0-9a-f]{6}$/);
    expect(a).not.toBe(b);
  });

  it('is not fooled by re-flowed text, quotes or case in the summary', () => {
    const a = caseId(review({ summary: 'Death of a  baby\n\nin 2019.' }));
    const b = caseId(review({ summary: 'death of a baby in 2019' }));
    expect(a).toBe(b);
  });

  it('leaves the review type and title wording out, so two documents naming it differently agree', () => {
    const a = review({ title: 'Serious case review: Child B', partnership: 'Camden LSCB' });
    const b = review({
      title: 'SCR overview report – Child B',
      reviewType: 'OTHER',
      partnership: 'Camden Safeguarding Children Board',
    });
    expect(caseId(a)).toBe(caseId(b));
  });

  it('gives the same review met in a newsletter and in a yearly list the same id', () => {
    const inNewsletter = segmentLayout('topic-newsletter').cases.find((c) => c.child === 'Child Q');
    const inYearlyList = segmentLayout('yearly-list').cases.find((c) => c.child === 'Child Q');
    expect(inNewsletter && caseId(inNewsletter)).toBe('child-q-northbridge-2018');
    expect(inYearlyList && caseId(inYearlyList)).toBe('child-q-northbridge-2018');
  });

  it('gives every fictional review across the layouts a distinct id, except the one met twice', () => {
    const ids = (
      [
        'repository-bulletin',
        'topic-newsletter',
        'yearly-list',
        'monthly-update',
        'national-publications',
        'national-briefing',
      ] as const
    ).flatMap((name) => segmentLayout(name).cases.map(caseId));
    expect(ids.length - new Set(ids).size).toBe(1);
  });

  it('keys national publications and thematic reviews on their title', () => {
    expect(
      caseId(
        review({
          child: null,
          reviewType: 'NATIONAL',
          title: 'Out of sight: a national review',
          reportYear: null,
        }),
      ),
    ).toBe('out-of-sight-a-national-review');
    expect(
      caseId(
        review({
          child: null,
          title: 'Serious case review: Exploitation in the county 2001-2012',
          partnership: 'Pellbury LSCB',
          reportYear: 2013,
        }),
      ),
    ).toBe('exploitation-in-the-county-2001-2012-pellbury-2013');
  });

  it('produces URL-safe slugs', () => {
    expect(slugify("Baby ‘R’ & Co: Zoë's review")).toBe('baby-r-and-co-zoes-review');
    expect(slugify(`${'a'.repeat(30)} ${'b'.repeat(40)}`, 60)).toBe('a'.repeat(30));
  });

  it('reduces a board or partnership to its place', () => {
    expect(areaOf('Rochdale Borough Safeguarding Children Board')).toBe('Rochdale');
    expect(areaOf('Brighton and Hove Local Safeguarding Children Board')).toBe('Brighton and Hove');
    expect(areaOf('Camden LSCB')).toBe('Camden');
    expect(areaOf('Safeguarding Children Board')).toBeNull();
    expect(areaOf(null)).toBeNull();
  });
});
