import { describe, expect, it } from 'vitest';
import { ageIn, bandOf } from '../../../../ingest/extract/age.ts';

describe('age as printed and its band', () => {
  it.each([
    ['Death of a nine-week-old girl.', 'nine-week-old', 'under 1'],
    ['Injuries to twins aged 14-weeks-old.', '14-weeks-old', 'under 1'],
    ['Injuries to a 4-month-old baby.', '4-month-old', 'under 1'],
    ['Death of a 2 week old boy.', '2 week old', 'under 1'],
    ['Death of a 14-month old girl.', '14-month old', '1-5'],
    ['Injuries to a 3-years-6-months-old girl.', '3-years-6-months-old', '1-5'],
    ['Death of a girl aged 19 months.', 'aged 19 months', '1-5'],
    ['Abuse of Child A, aged eight, in 2013.', 'aged eight', '6-10'],
    ['Exploitation of a girl aged between 13 and 15.', 'aged between 13 and 15', '11-15'],
    ['A boy was abused from the age of 13.', 'from the age of 13', '11-15'],
    ['Arrest of a 16-year-old boy.', '16-year-old', '16+'],
    ['Abuse between 11-year-old and 14-year-old brothers.', '11-year-old and 14-year-old', '11-15'],
  ])('reads "%s" as %s (%s)', (summary, age, band) => {
    expect(ageIn(summary)).toEqual({ age, ageBand: band });
  });

  it('takes the first age printed, which is the child named first', () => {
    expect(ageIn('Death of a 7-year-old girl. She was placed in care at 4-years-old.')?.age).toBe(
      '7-year-old',
    );
  });

  it('gives no age for words without a number', () => {
    expect(ageIn('A teenager was exploited by a gang.')).toBeNull();
    expect(ageIn('Death of a baby girl in a bath.')).toBeNull();
  });

  it('bands ages at 1, 6, 11 and 16', () => {
    expect([0.9, 1, 5.9, 6, 10.9, 11, 15.9, 16].map(bandOf)).toEqual([
      'under 1',
      '1-5',
      '1-5',
      '6-10',
      '6-10',
      '11-15',
      '11-15',
      '16+',
    ]);
  });
});
