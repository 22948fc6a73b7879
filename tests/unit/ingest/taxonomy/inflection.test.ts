/**
 * A theme's phrase matches the other forms of the verbs practice is described with, and only those: a
 * phrase written "engage with fathers" finds "engaged with fathers", but nouns keep their own forms.
 */
import { describe, expect, it } from 'vitest';
import { compileTaxonomy, matchTaxonomy } from '../../../../ingest/taxonomy/compile.ts';
import { loadTaxonomy } from '../../../../ingest/taxonomy/index.ts';
import { phraseToPattern } from '../../../../ingest/taxonomy/phrase.ts';

const compiled = compileTaxonomy(loadTaxonomy());

function matches(phrase: string, text: string): boolean {
  return new RegExp(phraseToPattern(phrase), 'i').test(text);
}

function themeIds(text: string): string[] {
  return [...matchTaxonomy(compiled, text).keys()].filter((e) => e.kind === 'themes').map((e) => e.id);
}

describe('verb forms in taxonomy phrases', () => {
  it('match the -s, -ed and -ing forms of a listed verb', () => {
    for (const text of ['engages with fathers', 'engaged with fathers', 'engaging with fathers'])
      expect(matches('engage with fathers', text), text).toBe(true);
    expect(matches('look beyond', 'nobody looked beyond the explanation')).toBe(true);
    expect(matches('identify risk', 'practitioners identified risk early')).toBe(true);
  });

  it('keep British and American spellings in every form', () => {
    expect(matches('recognise risk', 'she recognizes risk')).toBe(true);
    expect(matches('recognise risk', 'they recognized risk')).toBe(true);
    expect(matches('recognise risk', 'recognising risk')).toBe(true);
  });

  it('double the last consonant where English does', () => {
    expect(matches('transfer out', 'the case was transferred out')).toBe(true);
    expect(matches('transfer out', 'the case was transfered out')).toBe(false);
  });

  it('leave words that are not listed verbs alone: a plan is not planning', () => {
    expect(matches('health plan', 'health planning')).toBe(false);
    expect(matches('health plan', 'health plans')).toBe(true);
  });

  it('tag a theme from a phrase written in another form of its verb', () => {
    expect(
      themeIds('Health visitors and GPs should be engaging with fathers from the first contact.'),
    ).toContain('engaging-fathers');
  });
});
