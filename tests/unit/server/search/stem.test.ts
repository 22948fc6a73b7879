import { describe, expect, it } from 'vitest';
import { stem, stems, words } from '../../../../server/search/stem.ts';

describe('the search stemmer', () => {
  it('folds -ed, -ing and -s onto one stem: drowned, drowning, drowns and drown meet', () => {
    expect(new Set(['drowned', 'drowning', 'drowns', 'drown'].map(stem))).toEqual(new Set(['drown']));
  });

  it('folds -er and -ers onto the verb: carer, carers, caring and care meet', () => {
    expect(new Set(['carer', 'carers', 'caring', 'care'].map(stem)).size).toBe(1);
  });

  it('folds -es after a silent e: abuse, abused and abuses meet', () => {
    expect(new Set(['abuse', 'abused', 'abuses'].map(stem)).size).toBe(1);
  });

  it('folds -ies onto -y and -ly off: families and family meet', () => {
    expect(stem('families')).toBe(stem('family'));
  });

  it('folds -ness: darkness is dark', () => {
    expect(stem('darkness')).toBe('dark');
  });

  it('folds a doubled final consonant: running is run', () => {
    expect(stem('running')).toBe(stem('run'));
  });

  it('leaves short words whole: bed is not b + -ed, sing is not s + -ing', () => {
    expect(stem('bed')).toBe('bed');
    expect(stem('sing')).toBe('sing');
  });

  it('keeps the s of words that end in one: focus, class and analysis lose nothing', () => {
    expect(stem('focus')).toBe('focus');
    expect(stem('analysis')).toBe('analysis');
    expect(stem('class')).toBe(stem('classes'));
  });

  it('does not read "witness" as "wit" + -ness', () => {
    expect(stem('witness')).toBe(stem('witnesses'));
    expect(stem('witness')).not.toBe('wit');
  });

  it('ignores case: Neglected and neglected stem alike', () => {
    expect(stem('Neglected')).toBe(stem('neglected'));
    expect(stem('neglected')).toBe('neglect');
  });

  it('splits a phrase into lower-case words, joining apostrophes and breaking at hyphens', () => {
    expect(words('Children’s  multi-agency  Hub')).toEqual(['childrens', 'multi', 'agency', 'hub']);
    expect(stems("Health visitor's visits")).toEqual(['health', 'visitor', 'visit']);
  });
});
