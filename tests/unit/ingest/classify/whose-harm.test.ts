/**
 * Harm and agencies told in news and briefings: only harm done to the child counts, and only services that
 * took part in the case. All text is fictional.
 */
import { describe, expect, it } from 'vitest';
import { classifyCase } from '../../../../ingest/classify/index.ts';
import { loadTaxonomy } from '../../../../ingest/taxonomy/index.ts';
import { entryCase, ids } from './fixture.ts';

const taxonomy = loadTaxonomy();

const classify = (text: string) => classifyCase(entryCase(text), text, taxonomy);
const harms = (text: string) => ids(classify(text).harmTypes);
const agencies = (text: string) => ids(classify(text).agencies);

describe('whose harm a sentence tells', () => {
  it('does not tag neglect when what "had been neglected" is a history, not the child', () => {
    expect(
      harms(
        'The review found that the family\'s needs and the risks at home had been "neglected" by every service.',
      ),
    ).not.toContain('neglect');
  });

  it('still tags neglect when the child was neglected', () => {
    expect(harms('The review found that Child D had been neglected for many months.')).toContain('neglect');
  });

  it('does not tag the murder of an adult victim as harm to the child', () => {
    expect(harms('Murder of an adult woman by a man she had left; her son lived with him.')).not.toContain(
      'homicide',
    );
  });

  it("does not tag a father's own upbringing as the child's harm", () => {
    expect(harms('Dad had himself grown up with domestic abuse and had known neglect as a boy.')).toEqual([]);
  });

  it('does not tag harm a review recommends practitioners look out for', () => {
    expect(
      harms(
        'The review makes four recommendations, including that practitioners ask about domestic abuse at every contact.',
      ),
    ).not.toContain('domestic-abuse');
  });

  it('still tags the harm a sentence reports when the board recommended the review itself', () => {
    expect(
      harms(
        'The board recommended that a review be undertaken following the sudden unexpected death of a baby.',
      ),
    ).toContain('sudden-unexpected-death-in-infancy');
  });

  it('does not tag harm named in the aim of a briefing', () => {
    expect(harms('To reflect on how distress in teenagers can turn into self-harm.')).toEqual([]);
  });
});

describe('services that took part', () => {
  it('never takes an agency from the credit under a photograph', () => {
    const text = `A baby was hurt at home in Greyholt in 2021, the review found.

Greyholt Courier: the house in Mill Lane. Credit: Greyholt Police

The review found that health visitors had not seen the baby for six months.`;
    expect(agencies(text)).not.toContain('police');
    expect(agencies(text)).toContain('health-visiting');
  });
});

describe('the people at a learning event', () => {
  it('does not tag the services its speakers came from', () => {
    const text = `Ashcombe LSCP held a learning event on the review of Child P.

The head of SEND spoke on the panel of guest speakers along with colleagues from schools, health and social care.

The review found that the police had not shared what they knew with the school.`;
    expect(agencies(text)).not.toContain('childrens-social-care');
    expect(agencies(text)).toContain('police');
  });
});
