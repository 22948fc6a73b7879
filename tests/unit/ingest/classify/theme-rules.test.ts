/**
 * Learning themes as an analyst would sign them: a theme said in other words is found, a weak word needs
 * a context that makes the theme clear, a plain "not" is often the theme itself while a hedge denies it,
 * and nothing is tagged from how the review was done.
 */
import { describe, expect, it } from 'vitest';
import { classifyCase } from '../../../../ingest/classify/index.ts';
import { loadTaxonomy } from '../../../../ingest/taxonomy/index.ts';
import { entryCase, ids } from './fixture.ts';

const taxonomy = loadTaxonomy();

/** Themes of a text given as one learning statement. */
function learningThemes(text: string): string[] {
  return ids(classifyCase(entryCase(text, { learning: [text] }), text, taxonomy).themes);
}

/** Themes of a text given as the case summary. */
function summaryThemes(text: string): string[] {
  return ids(classifyCase(entryCase(text, { summary: text }), text, taxonomy).themes);
}

describe('themes said in other words', () => {
  it('tags voice of the child from a sentence saying nobody asked the child about home', () => {
    expect(learningThemes('Nobody asked the child what life was like at home.')).toContain(
      'voice-of-the-child',
    );
  });

  it('tags voice of the child when a named child’s own account was not heard', () => {
    expect(learningThemes('Child J’s own account of grief was not heard.')).toContain('voice-of-the-child');
  });

  it('tags information sharing when what agencies each knew was never pieced together', () => {
    expect(
      learningThemes('Nobody pieced together what the school, the GP and her mother each knew.'),
    ).toEqual(['information-sharing']);
  });

  it('tags information sharing when a finding was not shared with the school', () => {
    const text = 'Return home interviews found he felt unsafe, but this was not shared with the school.';
    expect(learningThemes(text)).toContain('information-sharing');
  });

  it('tags the household from new adults joining it', () => {
    const text = 'Practitioners did not recognise the significance of new adults joining a household.';
    expect(learningThemes(text)).toEqual(['household-and-whole-family']);
  });

  it('tags continuity of the worker from a social worker who kept changing', () => {
    expect(learningThemes('Her social worker changed three times in the year before her death.')).toEqual([
      'relationship-based-practice',
    ]);
  });

  it('tags home safety from the risk of dogs where young children live', () => {
    expect(learningThemes('Risk from dogs in households with young children.')).toContain(
      'home-safety-and-supervision',
    );
  });
});

describe('weak words and look-alikes', () => {
  it('does not tag training from a bare mention of a training course', () => {
    expect(learningThemes('The mother had attended a training course at college.')).not.toContain('training');
  });

  it('does not tag looked-after children from someone who looked after the baby', () => {
    const text = 'The partner lived in the flat; nobody asked who else looked after the baby.';
    expect(learningThemes(text)).not.toContain('looked-after-children');
  });

  it('does not tag looked-after children from a mother’s own time in care', () => {
    const text = 'The pre-birth assessment looked at the mother’s own time in care.';
    expect(learningThemes(text)).toEqual(['pre-birth-assessment']);
  });

  it('does not tag children’s mental health from a mother’s mental health', () => {
    expect(summaryThemes('Child E’s mother had mental health difficulties.')).toEqual([
      'parental-mental-health',
    ]);
  });

  it('does not tag disabled children from a parent’s disability', () => {
    const text = 'They focus on assessing parents with learning disabilities and their children.';
    expect(learningThemes(text)).not.toContain('disabled-children');
  });

  it('does not tag disclosure from what parents did not disclose about their own past', () => {
    expect(
      summaryThemes('Parents did not disclose past history of social care concern with the midwife.'),
    ).toEqual([]);
  });

  it('does not tag management supervision from concerns about a child’s supervision', () => {
    expect(summaryThemes('Concerns had been raised about supervision.')).not.toContain('supervision');
  });

  it('tags an exploitation team as sexual or criminal exploitation only when the sentence says which', () => {
    expect(summaryThemes('She had been referred to the local authority’s exploitation team.')).toEqual([]);
    expect(
      learningThemes('The exploitation team did not link the sexual abuse of three girls in the same hotel.'),
    ).toContain('child-sexual-exploitation-response');
  });

  it('does not tag out-of-area placements from where a child was found', () => {
    expect(summaryThemes('He was found in possession of drugs out of area.')).toEqual([]);
    expect(summaryThemes('The boy was placed out of area in a children’s home.')).toContain(
      'out-of-area-placements',
    );
  });
});

describe('negation and hedges in the summary', () => {
  it('tags escalation from a summary saying the case was not escalated', () => {
    const text = 'Health visitors raised concerns about his weight, but the case was not escalated.';
    expect(summaryThemes(text)).toContain('escalation');
  });

  it('does not tag a theme after "there were no concerns about"', () => {
    expect(summaryThemes('There were no concerns about home conditions.')).toEqual([]);
  });

  it('does not tag a theme that "was not a feature"', () => {
    expect(summaryThemes('Domestic abuse was not a feature of this family.')).toEqual([]);
  });
});

describe('how the review was done', () => {
  it('does not tag chronologies from the chronologies the reviewer read', () => {
    expect(
      summaryThemes('The reviewer read agency chronologies and met the practitioners involved.'),
    ).toEqual([]);
  });

  it('does not tag policy from the guidance a review was commissioned under', () => {
    const text =
      'The board commissioned a concise child practice review in line with the statutory guidance for Wales.';
    expect(summaryThemes(text)).toEqual([]);
  });
});
