import { describe, expect, it } from 'vitest';
import { spacesAsWhitespace } from '../../../../ingest/taxonomy/compile.ts';
import { requiredLiterals } from '../../../../ingest/taxonomy/needle.ts';
import { phraseToPattern } from '../../../../ingest/taxonomy/phrase.ts';
import { startKeys } from '../../../../ingest/taxonomy/prefix.ts';

function matches(phrase: string, text: string): boolean {
  return new RegExp(phraseToPattern(phrase), 'i').test(text);
}

describe('taxonomy phrases', () => {
  it('accept American spellings of British words', () => {
    expect(matches('harmful sexual behaviour', 'harmful sexual behavior')).toBe(true);
    expect(matches('voluntary organisation', 'voluntary organization')).toBe(true);
    expect(matches('paediatrician', 'pediatrician')).toBe(true);
    expect(matches('counselling service', 'counseling service')).toBe(true);
    expect(matches("children's centre", "children's center")).toBe(true);
    expect(matches('parenting programme', 'parenting program')).toBe(true);
    expect(matches('professional judgement', 'professional judgment')).toBe(true);
    expect(matches('healthy scepticism', 'healthy skepticism')).toBe(true);
    expect(matches('analyse', 'analyze')).toBe(true);
  });

  it('accept plurals of the last word', () => {
    expect(matches('strategy meeting', 'two strategy meetings were held')).toBe(true);
    expect(matches('chronology', 'chronologies')).toBe(true);
    expect(matches('disabled child', 'disabled children')).toBe(true);
    expect(matches('safeguarding partnership', 'safeguarding partnerships')).toBe(true);
  });

  it('accept a hyphen written as a space, left out or broken over a line', () => {
    expect(matches('multi-agency', 'multi agency')).toBe(true);
    expect(matches('multi-agency', 'multiagency')).toBe(true);
    expect(matches('multi-agency', 'multi-\nagency')).toBe(true);
    expect(matches('information sharing', 'information-sharing')).toBe(true);
    expect(matches('information sharing', 'information\nsharing')).toBe(true);
    expect(matches('information sharing', 'information\u00a0sharing')).toBe(true);
  });

  it('accept curly or missing apostrophes', () => {
    expect(matches("children's social care", 'children\u2019s social care')).toBe(true);
    expect(matches("children's social care", 'childrens social care')).toBe(true);
  });

  it('match whole words only', () => {
    expect(matches('rape', 'therapeutic support')).toBe(false);
    expect(matches('GP', 'GPs')).toBe(true);
    expect(matches('GP', 'GPCR')).toBe(false);
    expect(matches('court', 'courtesy')).toBe(false);
  });

  it('treat special characters literally', () => {
    expect(matches('A&E', 'taken to A&E by ambulance')).toBe(true);
    expect(matches('A&E', 'taken to A & E by ambulance')).toBe(true);
    expect(matches('COVID-19', 'the covid 19 lockdown')).toBe(true);
  });
});

describe('taxonomy patterns', () => {
  it('read a space as any run of whitespace, except inside a character class', () => {
    expect(spacesAsWhitespace('knife attack')).toBe('knife\\s+attack');
    expect(spacesAsWhitespace('[ \\t]x y')).toBe('[ \\t]x\\s+y');
  });
});

describe('pattern literals used to skip patterns quickly', () => {
  it('are the plain runs every match must contain', () => {
    expect(requiredLiterals('\\bbehaviou?rs?\\b')).toEqual([['behavio']]);
    expect(requiredLiterals('\\bchild\\s+protection\\s+plans?\\b')).toEqual([
      ['protection', 'child', 'plan'],
    ]);
  });

  it('are given per alternative, and absent when an alternative has none', () => {
    expect(requiredLiterals('\\bcounty lines\\b|\\bgangs?\\b')).toEqual([['county lines'], ['gang']]);
    expect(requiredLiterals('\\b(?:a|b)\\w+')).toBeNull();
  });
});

describe('pattern start keys', () => {
  it('file a phrase under its first two words', () => {
    expect(startKeys(phraseToPattern('child protection plan'))).toEqual([
      { kind: 'two', key: 'child protection' },
    ]);
  });

  it('file the forms a word can take', () => {
    const keys = startKeys(phraseToPattern('behaviour'))?.map((k) => k.key);
    expect(keys).toEqual(expect.arrayContaining(['behaviour', 'behaviours', 'behavior', 'behaviors']));
  });

  it('split a word at an apostrophe, as word boundaries do', () => {
    const keys = startKeys(phraseToPattern("children's services"))?.map((k) => k.key);
    expect(keys).toEqual(expect.arrayContaining(['children s', 'childrens services']));
  });

  it('look past a lookbehind, which consumes nothing', () => {
    expect(startKeys('\\b(?<=parents?\\s)mental\\s+health\\b')).toEqual([
      { kind: 'two', key: 'mental health' },
    ]);
  });

  it('fall back to the first letters when the rest of the word is open', () => {
    expect(startKeys('\\bescalat\\w*')).toEqual([{ kind: 'prefix', key: 'esc' }]);
  });

  it('give up on patterns that do not start at a word boundary or start with a class', () => {
    expect(startKeys('escalat\\w*')).toBeNull();
    expect(startKeys('\\b[a-z]{0,4}scb\\b')).toBeNull();
  });
});
