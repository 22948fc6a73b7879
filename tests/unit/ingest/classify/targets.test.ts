import { describe, expect, it } from 'vitest';
import { classifyCase } from '../../../../ingest/classify/index.ts';
import { loadTaxonomy } from '../../../../ingest/taxonomy/index.ts';
import { entryCase } from './fixture.ts';

const taxonomy = loadTaxonomy();

/** Target agency ids of each recommendation in the entry. */
function targets(text: string, recommendations: Array<string | { text: string; targetHint: string | null }>) {
  const c = entryCase(text, { recommendations });
  return classifyCase(c, text, taxonomy).recommendations.map((r) => r.agencies);
}

describe('recommendation targets', () => {
  it('targets the agency that "should" act', () => {
    const text = 'Recommendations include: the YOI should review how it responds to medical emergencies.';
    expect(targets(text, ['the YOI should review how it responds to medical emergencies'])).toEqual([
      ['young-offender-institution'],
    ]);
  });

  it('targets the agency a recommendation opens with, "X to <do something>"', () => {
    const text =
      "Recommendations include: children's social care to trial a single key worker for exploited children.";
    expect(
      targets(text, ["children's social care to trial a single key worker for exploited children"]),
    ).toEqual([['childrens-social-care']]);
  });

  it('targets the agency named by the label the recommendations are listed under', () => {
    const text =
      "Recommendations for the Director of Children's Services include: ensure foster carers get training; review the use of restraint.";
    const result = targets(text, ['ensure foster carers get training', 'review the use of restraint']);
    expect(result[0]).toContain('director-of-childrens-services');
    expect(result[1]).toContain('director-of-childrens-services');
  });

  it('uses the targetHint the segmenter supplies instead of reading the label', () => {
    const text = 'Recommendations include: ensure foster carers get training.';
    const hinted = {
      text: 'ensure foster carers get training',
      targetHint: "the Director of Children's Services",
    };
    expect(targets(text, [hinted])[0]).toContain('director-of-childrens-services');
  });

  it('takes a null targetHint to mean the label names nobody', () => {
    const text = 'Recommendations for the police include: ensure foster carers get training.';
    expect(targets(text, [{ text: 'ensure foster carers get training', targetHint: null }])).toEqual([[]]);
  });

  it('stops a label at the next "Recommendations include:" label', () => {
    const text =
      'Recommendations to the safeguarding partnership include: audit neglect cases. Recommendations include: update the bruising protocol.';
    expect(targets(text, ['audit neglect cases', 'update the bruising protocol'])).toEqual([
      ['safeguarding-partnership'],
      [],
    ]);
  });

  it('targets every agency of a list that shares one verb', () => {
    const text =
      'Recommendations include: that the police and the LSCB ensure regional data on perpetrators is accurate.';
    expect(
      targets(text, ['that the police and the LSCB ensure regional data on perpetrators is accurate']),
    ).toEqual([['police', 'safeguarding-partnership']]);
  });

  it('does not target an agency that is only mentioned', () => {
    const text = 'Recommendations include: share information with the police at the earliest opportunity.';
    expect(targets(text, ['share information with the police at the earliest opportunity'])).toEqual([[]]);
  });

  it('does not target an agency that is the object of a preposition before "should"', () => {
    const text = 'Recommendations include: the health provider at the YOI should audit its medical tests.';
    expect(targets(text, ['the health provider at the YOI should audit its medical tests'])).toEqual([
      ['health-services'],
    ]);
  });

  it('targets an agency a recommendation is addressed to ("encourage schools to ...")', () => {
    const text = 'Recommendations include: encourage schools to audit their safeguarding records.';
    expect(targets(text, ['encourage schools to audit their safeguarding records'])).toEqual([['school']]);
  });
});
