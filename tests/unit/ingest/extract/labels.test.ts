import { describe, expect, it } from 'vitest';
import { findLabels, labelAt } from '../../../../ingest/extract/labels.ts';

const at = (text: string) => labelAt(text, 0);

describe('statement labels', () => {
  it.each([
    'Learning includes:',
    'Learning themes include:',
    'Learning focuses on:',
    'Key learning:',
    'Key learning include:',
    'Learning:',
    'Findings include:',
    'Key findings include:',
    'Issues identified include:',
    'Key issues include:',
    'Key issues identified:',
    'Identifies findings:',
    'Learning points focus on:',
    'Uses a systems method to identify findings, including:',
    'Key messages from the report include: -',
  ])('reads "%s" as a learning label', (label) => {
    const found = at(`${label} one; two.`);
    expect(found?.kind).toBe('learning');
    expect(`${label} one; two.`.slice(found?.end).trimStart()).toBe('one; two.');
  });

  it.each([
    ['Recommendations include:', null],
    ['Recommendations:', null],
    ['Recommendations focus on:', null],
    ['Recommendations for the housing trust include:', 'the housing trust'],
    ['Recommendations to the safeguarding partnership include:', 'the safeguarding partnership'],
    ['The review makes 9 recommendations including:', null],
    ['Recommends the LSCB consider questions including:', 'the LSCB'],
  ])('reads "%s" as a recommendations label with hint %s', (label, hint) => {
    const found = at(`${label} one; two.`);
    expect(found?.kind).toBe('recommendations');
    expect(found?.targetHint).toBe(hint);
    expect(found?.hintScope).toBe('all');
  });

  it('reads "Makes recommendations around" with the list following the word "around"', () => {
    const text = 'Makes recommendations around record keeping; supervision.';
    const found = at(text);
    expect(found?.kind).toBe('recommendations');
    expect(text.slice(found?.end)).toBe('record keeping; supervision.');
  });

  it('reads "Makes recommendations to X to" with X as a hint for the first statement only', () => {
    const text = 'Makes recommendations to the trust to review its rota; the police should train staff.';
    const found = at(text);
    expect(found).toMatchObject({ kind: 'recommendations', targetHint: 'the trust', hintScope: 'first' });
    expect(text.slice(found?.end)).toMatch(/^review its rota/);
  });

  it('reads "Makes no recommendations but ... including:" as a list of actions', () => {
    const text =
      'Makes no recommendations but lists actions already taken, including: a new rota; a leaflet.';
    expect(at(text)?.kind).toBe('actions');
  });

  it('reads a bare "Makes no recommendations." as the end of the lists', () => {
    expect(at('Makes no recommendations.')?.kind).toBe('stop');
  });

  it.each([
    'Other resources Read practice review (PDF)',
    'Full report [here](#)',
    'Keywords: neglect',
    'Good practice identified include: a',
  ])('reads "%s" as the end of a list', (text) => {
    expect(at(text)?.kind).toBe('stop');
  });

  it('does not take a sentence that merely mentions learning for a label', () => {
    expect(at('Learning from reviews can be applied in: team meetings; supervision.')).toBeNull();
    expect(at('Concerns included: a cold home; no food.')).toBeNull();
    expect(at('Issues around information sharing, particularly between areas; late referrals.')).toBeNull();
  });

  it('finds labels at line starts and after sentence ends, never inside a list item', () => {
    const text =
      'Death of a baby in 2020. Learning includes: issues identified by the school; late referrals. Recommendations include: train staff.';
    expect(findLabels(text, 0, text.length).map((l) => l.kind)).toEqual(['learning', 'recommendations']);
  });

  it('reads labels wrapped in emphasis markers', () => {
    const text = '**Learning includes:** one; two';
    const found = at(text);
    expect(found?.kind).toBe('learning');
    expect(text.slice(found?.end).trim()).toBe('one; two');
  });
});
