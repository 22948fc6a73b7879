import { describe, expect, it } from 'vitest';
import { metaStart, parseMeta } from '../../../../ingest/extract/meta.ts';
import { pseudonymInText, pseudonymInTitle } from '../../../../ingest/extract/pseudonym.ts';
import { reviewTypeIn } from '../../../../ingest/extract/review-type.ts';

describe('the child named in a title', () => {
  it.each([
    ['Local child safeguarding practice review (LCSPR): Oliver', 'Oliver'],
    [
      'Local child safeguarding practice review (LCSPR) carried out under the 2018 regulations: Ana and Ben the overview report',
      'Ana and Ben',
    ],
    ['Local Child Safeguarding Practice Review: overview report: Child RS', 'Child RS'],
    ['Baby ‘Q’: Local Child Safeguarding Practice Review', 'Baby Q'],
    ["Baby 'Q': Local Child Safeguarding Practice Review", 'Baby Q'],
    ['Child A: Child safeguarding practice review', 'Child A'],
    ['Child safeguarding practice review concerning Nell', 'Nell'],
    ['Serious case review independent overview report: Family T', 'Family T'],
    ['Serious Case Review: Toby (full overview report)', 'Toby'],
    ['Serious Case Review Child L: injuries to a young baby (full overview report)', 'Child L'],
    ['Serious case review into the help given to Child S and Family', 'Child S'],
    ['Serious case review: Siblings W and X', 'Siblings W and X'],
    ['Serious case review: Ned, (and his sisters, Ida and Flo)', 'Ned'],
    ['Local child safeguarding practice review: Baby Amara', 'Baby Amara'],
    ['Child safeguarding practice review: Family Okoro', 'Family Okoro'],
  ])('reads "%s" as %s', (title, child) => {
    expect(pseudonymInTitle(title)).toBe(child);
  });

  it('names no child in a thematic title', () => {
    expect(pseudonymInTitle('Serious case review: Child Sexual Exploitation 2001 - 2012')).toBeNull();
  });

  it('finds a child code in running text for entries without a title', () => {
    expect(pseudonymInText('Death of a 9-year-old boy, Child Y, in a fire.')).toBe('Child Y');
  });
});

describe('review type', () => {
  it.each([
    ['Local child safeguarding practice review: Oliver', 'LCSPR'],
    [
      'Local Child Safeguarding Practice Review (LCSPR) commissioned under the Child Safeguarding Practice Review regulations',
      'LCSPR',
    ],
    ['Serious case review: Child B', 'SCR'],
    ['Child A: Child safeguarding practice review', 'CSPR'],
    ['National child safeguarding practice review: out of sight', 'NATIONAL'],
    ['Thematic review: children missing education', 'OTHER'],
    ['Riley: overview report', null],
  ])('reads "%s" as %s', (title, type) => {
    expect(reviewTypeIn(title)).toBe(type);
  });
});

describe('author and board lines', () => {
  it('reads author, board and year from one line', () => {
    expect(parseMeta('Author: Dana Pryor LSCB: Northbridge Safeguarding Children Board (Jan 2018)')).toEqual({
      authors: 'Dana Pryor',
      partnership: 'Northbridge Safeguarding Children Board',
      reportYear: 2018,
    });
  });

  it('ignores emphasis markers and a missing space before the year', () => {
    expect(parseMeta('*Author: Felix Orme* *LSCB: Eastholm Safeguarding Children Board(2017)*')).toEqual({
      authors: 'Felix Orme',
      partnership: 'Eastholm Safeguarding Children Board',
      reportYear: 2017,
    });
  });

  it('reads "Published by X on behalf of Y", with an unnamed board as no partnership', () => {
    expect(
      parseMeta('Published by a charity on behalf of Pellbury Safeguarding Children Board (Spring 2017)'),
    ).toEqual({
      authors: null,
      partnership: 'Pellbury Safeguarding Children Board',
      reportYear: 2017,
    });
    expect(
      parseMeta('Published by a charity on behalf of an unnamed local board (2016)').partnership,
    ).toBeNull();
    expect(parseMeta('Published on behalf of Coldmere Safeguarding Children Board (2015)').partnership).toBe(
      'Coldmere Safeguarding Children Board',
    );
  });

  it('keeps several authors as printed', () => {
    expect(parseMeta('Authors: Imogen Hale and Ravi Desai').authors).toBe('Imogen Hale and Ravi Desai');
  });

  it('reads the same lines the same way whatever was read before', () => {
    const line = 'Author: Dana Pryor LSCB: Northbridge Safeguarding Children Board (2018)';
    const first = parseMeta(line);
    metaStart(`Serious case review: Child Q ${line}`);
    expect(parseMeta(line)).toEqual(first);
  });
});
