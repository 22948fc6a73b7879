import { describe, expect, it } from 'vitest';
import { classifyCase } from '../../../../ingest/classify/index.ts';
import { loadTaxonomy } from '../../../../ingest/taxonomy/index.ts';
import { entryCase, ids } from './fixture.ts';

const taxonomy = loadTaxonomy();

function harmTypes(text: string, parts = {}) {
  return ids(classifyCase(entryCase(text, parts), text, taxonomy).harmTypes);
}

function agencies(text: string, parts = {}) {
  return ids(classifyCase(entryCase(text, parts), text, taxonomy).agencies);
}

describe('mentions that are not facts about the case', () => {
  it('ignores a harm type after "no evidence of"', () => {
    expect(harmTypes('Death of a 3-year-old boy. There was no evidence of sexual abuse.')).not.toContain(
      'sexual-abuse',
    );
  });

  it('ignores a harm type that "was ruled out"', () => {
    expect(harmTypes('Collapse of a baby at home. Poisoning was ruled out by the hospital.')).not.toContain(
      'poisoning-and-ingestion',
    );
  });

  it('ignores a harm type only thought of at first ("initially thought to be")', () => {
    const text =
      'Death of a 15-year-old boy, initially thought to be suicide, later found to be an accident.';
    expect(harmTypes(text)).not.toContain('suicide');
  });

  it('ignores an offence a young person was only arrested "on suspicion of"', () => {
    const text =
      'Arrest of a 17-year-old on suspicion of murder. He had been criminally exploited for two years.';
    expect(harmTypes(text)).toEqual(['child-criminal-exploitation']);
  });

  it('ignores an agency the family was "not known to"', () => {
    expect(
      agencies('The family was not known to children\u2019s social care before the incident.'),
    ).not.toContain('childrens-social-care');
  });

  it('ignores what follows "unlike" in the same clause, but not the rest of the sentence', () => {
    const text = 'Unlike domestic abuse in the earlier years, the neglect was persistent.';
    expect(harmTypes(text)).toEqual(['neglect']);
  });

  it('keeps a mention when a negation sits in another clause', () => {
    const text =
      'The baby was not seen by a doctor, but bruising was later found and physical abuse confirmed.';
    expect(harmTypes(text)).toContain('physical-abuse');
  });

  it('uses a later plain mention when the first one is negated', () => {
    const text = 'There was no evidence of neglect at first. Later the home visit revealed serious neglect.';
    const result = classifyCase(entryCase(text), text, taxonomy);
    expect(result.harmTypes[0]?.evidence.quote).toBe('Later the home visit revealed serious neglect.');
  });

  it('ignores the linked research and other resources that follow an entry', () => {
    const text = [
      'Serious case review: Child V. Neglect of a 4-year-old girl.',
      '',
      'Linked Research & Resources:',
      'Guidance on radicalisation for schools. Find it here.',
    ].join('\n');
    expect(harmTypes(text)).toEqual(['neglect']);
    expect(agencies(text)).not.toContain('school');
  });

  it('ignores a sentence about a previous review', () => {
    const text =
      'Neglect of two brothers. A previous serious case review in the area had examined child sexual exploitation.';
    expect(harmTypes(text)).toEqual(['neglect']);
  });

  it("ignores a sentence that names only another review's child", () => {
    const text = 'Child H was neglected at home. Child Z, in a neighbouring borough, had been trafficked.';
    expect(harmTypes(text, { child: 'Child H' })).toEqual(['neglect']);
  });

  it('keeps a sentence that names this case\u2019s child alongside a sibling', () => {
    const text = 'Child H and her brother Child Z were trafficked by an adult relative.';
    expect(harmTypes(text, { child: 'Child H' })).toContain('trafficking-modern-slavery');
  });

  it('does not apply the other-review rule to national reviews, whose findings come from many cases', () => {
    const text = 'In another review, radicalisation online was a feature.';
    expect(harmTypes(text, { reviewType: 'NATIONAL' })).toContain('radicalisation');
  });

  it('themes learning statements even when they describe what was missing', () => {
    const text = 'Learning includes: there was no information sharing between the school and the GP.';
    const c = entryCase(text, {
      learning: ['there was no information sharing between the school and the GP'],
    });
    expect(classifyCase(c, text, taxonomy).learning[0]?.themes).toContain('information-sharing');
  });

  it('does not take a theme from a negated mention in the summary', () => {
    const summary = 'The mother had no history of substance misuse.';
    const text = `${summary} Learning includes: earlier help.`;
    const c = entryCase(text, { summary, learning: ['earlier help'] });
    expect(ids(classifyCase(c, text, taxonomy).themes)).not.toContain('substance-misuse');
  });
});
