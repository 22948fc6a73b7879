import { describe, expect, it } from 'vitest';
import { eventYearIn, monthYearIn } from '../../../../ingest/extract/dates.ts';
import { genderIn } from '../../../../ingest/extract/gender.ts';
import { outcomeIn } from '../../../../ingest/extract/outcome.ts';
import { fieldsFromSummary } from '../../../../ingest/extract/summary-fields.ts';

describe('outcome', () => {
  it.each([
    ['Death of a 3-month-old boy.', 'death'],
    ['A 15-year-old girl died after an overdose.', 'death'],
    ['The murder of a 4-year-old boy by his stepfather.', 'death'],
    ['Serious injuries to a baby.', 'serious-harm'],
    ['Sexual abuse of a 12-year-old girl.', 'serious-harm'],
    ['Significant neglect of two sisters.', 'serious-harm'],
    ['Arrest of a boy on suspicion of murder. He had been exploited by a gang.', 'serious-harm'],
    ['A 6-year-old girl who witnessed the murder of her mother.', 'serious-harm'],
    ['A review of how a family was supported.', 'other'],
  ])('reads "%s" as %s', (summary, outcome) => {
    expect(outcomeIn(summary)).toBe(outcome);
  });

  it('reads only the opening, where the child is the subject', () => {
    expect(outcomeIn('Sexual exploitation of a girl. Her mother died when she was 13.')).toBe('serious-harm');
  });
});

describe('gender', () => {
  it.each([
    ['Death of a baby girl.', 'female'],
    ['Arrest of a 16-year-old boy.', 'male'],
    ['Injuries to female twin siblings.', 'female'],
    ['Reported deaths of two brothers abroad.', 'male'],
    ['Neglect of a boy and a girl.', 'mixed'],
    ['Death of a 2-year-old child.', null],
  ])('reads "%s" as %s', (summary, gender) => {
    expect(genderIn(summary)).toBe(gender);
  });

  it("falls back to the pronoun in a sentence about the child, not about the child's relatives", () => {
    expect(
      genderIn('Injuries to Child Q, aged two. Child Q was living with his grandparents.', 'Child Q'),
    ).toBe('male');
    expect(genderIn("Injuries to Child Q, aged two. Child Q's mother told her GP.", 'Child Q')).toBeNull();
    expect(
      genderIn('Death of Child Z. Child Z had lived most of his/her life in care.', 'Child Z'),
    ).toBeNull();
  });
});

describe('dates', () => {
  it('reads incident years printed as in/on/during a date, never a range', () => {
    expect(eventYearIn('injured in November 2014 at home')).toBe(2014);
    expect(eventYearIn('died on 11 April 2015')).toBe(2015);
    expect(eventYearIn('died in summer 2014')).toBe(2014);
    expect(eventYearIn('abused in 2001')).toBe(2001);
    expect(eventYearIn('cases in the county from 1998-2016')).toBeNull();
  });

  it('reads "Month YYYY" as YYYY-MM', () => {
    expect(monthYearIn('Digest – June 2023')).toBe('2023-06');
    expect(monthYearIn('(Jan 2017)')).toBe('2017-01');
  });
});

describe('fields from a summary', () => {
  it('takes the incident year from the opening sentences only', () => {
    expect(
      fieldsFromSummary('Death of a boy in March 2020. In 2002 his father was convicted.').incidentYear,
    ).toBe(2020);
    expect(
      fieldsFromSummary('Abuse of a girl by her stepfather. She disclosed it in 2014.').incidentYear,
    ).toBe(2014);
  });

  it('reads past a leading review-type sentence to the incident', () => {
    expect(
      fieldsFromSummary('Local child safeguarding practice review. Death of a 3-month-old boy in 2024.'),
    ).toEqual({
      incidentYear: 2024,
      age: '3-month-old',
      ageBand: 'under 1',
      gender: 'male',
      outcome: 'death',
    });
  });

  it('gives nothing without a summary', () => {
    expect(fieldsFromSummary(null)).toEqual({
      incidentYear: null,
      age: null,
      ageBand: null,
      gender: null,
      outcome: null,
    });
  });
});
