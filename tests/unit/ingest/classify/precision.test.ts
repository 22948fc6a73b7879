/**
 * Tags an analyst would sign: harm that happened to the child, nothing from publisher or method lines,
 * weak words only in a context that makes the theme clear, acronyms in capitals, implied agencies with the
 * sentence that implies them, and generic themes only when a sentence is about them. All text is fictional.
 */
import { describe, expect, it } from 'vitest';
import { classifyCase } from '../../../../ingest/classify/index.ts';
import type { ExtractedCase } from '../../../../ingest/extract/types.ts';
import { loadTaxonomy } from '../../../../ingest/taxonomy/index.ts';
import { type CaseParts, entryCase, ids } from './fixture.ts';

const taxonomy = loadTaxonomy();

function classify(text: string, parts: CaseParts = {}): ExtractedCase {
  return classifyCase(entryCase(text, parts), text, taxonomy);
}

function harms(text: string, parts: CaseParts = {}): string[] {
  return ids(classify(text, parts).harmTypes);
}

function summaryThemes(text: string): string[] {
  return ids(classify(text, { summary: text }).themes);
}

function learningThemes(statement: string): string[] {
  return classify(statement, { learning: [statement] }).learning[0]?.themes ?? [];
}

describe('harm types are harm that happened to the child', () => {
  it('tags harm the summary says the child suffered', () => {
    expect(harms('Child F, aged four, suffered prolonged neglect at home.')).toContain('neglect');
  });

  it("does not tag a parent's own history as the child's harm", () => {
    expect(harms('The mother spoke about her own childhood experience of neglectful care.')).not.toContain(
      'neglect',
    );
    expect(harms("The father's history of domestic abuse as a child was not explored.")).not.toContain(
      'domestic-abuse',
    );
    expect(harms('Mother had been sexually abused when she was a child.')).not.toContain('sexual-abuse');
    expect(harms('Stepfather had a history of domestic abuse and drug use.')).not.toContain('domestic-abuse');
    expect(harms('The mother, E, had been in care as a child and experienced sexual abuse.')).not.toContain(
      'sexual-abuse',
    );
  });

  it("does not tag harm that was the parent's own: an attempt on their own life, a maternal history", () => {
    expect(harms("Injury to a baby by his mother, followed by the mother's suicide attempt.")).not.toContain(
      'self-harm',
    );
    expect(
      harms('Maternal history of depression, self-harm, threats to harm a partner and attempted suicide.'),
    ).not.toContain('self-harm');
    expect(
      harms(
        "The report said past incidents of the child's mother - such as self-harm - were not considered.",
      ),
    ).not.toContain('self-harm');
    expect(harms('Child T, aged fifteen, had self-harmed for a year.')).toContain('self-harm');
  });

  it('does not tag the statutory criterion a sentence about reviews repeats', () => {
    expect(
      harms('A serious case review is launched when a child dies as a result of abuse or neglect.'),
    ).not.toContain('neglect');
    expect(
      harms('The review is conducted when abuse or neglect is known or suspected and the child dies.'),
    ).not.toContain('neglect');
    expect(
      harms('A local review is held where a child has been abused or neglected, resulting in serious harm.'),
    ).not.toContain('neglect');
    expect(harms('Child D, aged two, suffered neglect over many months.')).toContain('neglect');
  });

  it('does not tag a harm that only a recommendation warns about', () => {
    const text =
      'Child G was admitted to hospital with a fractured femur. Recommendations include: schools to teach pupils about child sexual exploitation.';
    const result = harms(text, {
      recommendations: ['schools to teach pupils about child sexual exploitation'],
    });
    expect(result).not.toContain('child-sexual-exploitation');
  });

  it('does not tag a risk or a possibility as a harm', () => {
    expect(harms('Practitioners thought Child H was at risk of sexual exploitation.')).not.toContain(
      'child-sexual-exploitation',
    );
    expect(harms('Without support the baby could have been shaken by a tired parent.')).not.toContain(
      'non-accidental-head-injury',
    );
  });

  it('keeps a harm when only its consequences are uncertain', () => {
    expect(harms('Potentially life changing non-accidental injuries to a baby girl.')).toContain(
      'physical-abuse',
    );
    expect(harms('A six-week-old baby was shaken to death by his father.')).toContain(
      'non-accidental-head-injury',
    );
    expect(harms('Possible non-accidental injury was queried at the first visit.')).not.toContain(
      'physical-abuse',
    );
  });

  it('keeps a probable cause of death', () => {
    expect(harms('Child J may have died by suicide.')).toContain('suicide');
  });

  it.each([
    ['there were no concerns about neglect before the admission', 'neglect'],
    ['domestic abuse was not a feature of the household', 'domestic-abuse'],
    ['sexual abuse was considered but ruled out by the paediatrician', 'sexual-abuse'],
    ['there was no evidence of physical abuse', 'physical-abuse'],
    [
      'the cause of death was unascertained and no sudden infant death was recorded',
      'sudden-unexpected-death-in-infancy',
    ],
    ['the bruising was not related to the death and no physical abuse was found', 'physical-abuse'],
    ['the stepfather was arrested on suspicion of murder', 'homicide'],
    [
      'cause of death was not ascertained, though the baby had died while co-sleeping',
      'sudden-unexpected-death-in-infancy',
    ],
  ])('suppresses a hedged harm in a summary: "%s"', (sentence, harm) => {
    expect(harms(`${sentence}.`, { summary: `${sentence}.` })).not.toContain(harm);
  });

  it('suppresses a hedged harm in a learning statement too', () => {
    const statement = 'there was no evidence of neglect, yet the family were kept open to services for years';
    expect(harms(statement, { learning: [statement] })).not.toContain('neglect');
  });
});

describe('themes and hedges', () => {
  it('does not tag a theme a statement says was absent', () => {
    expect(learningThemes("there were no concerns about the mother's mental health")).not.toContain(
      'parental-mental-health',
    );
    expect(learningThemes('substance misuse was not a feature for either parent')).not.toContain(
      'substance-misuse',
    );
  });

  it('keeps a theme whose absence is the finding', () => {
    expect(learningThemes('agencies did not share information about the father')).toContain(
      'information-sharing',
    );
  });

  it("does not read a parent's own time in care as a looked-after child theme", () => {
    expect(summaryThemes('The mother had spent her own childhood in care.')).not.toContain(
      'looked-after-children',
    );
    expect(summaryThemes('Child R was a looked after child living in foster care.')).toContain(
      'looked-after-children',
    );
  });
});

describe('metadata, publisher and method lines', () => {
  const ENTRY = [
    'Child K: local child safeguarding practice review',
    'Author: Jane Example. Published by Eastmere Safeguarding Children Partnership.',
    'Methodology: a Learning Together review with practitioner workshops and appreciative inquiry.',
    'Child K, aged nine, was neglected over many years.',
  ].join('\n');

  it("ignores the partnership's name as evidence", () => {
    const result = classify(ENTRY, { summary: ENTRY });
    expect(ids(result.agencies)).not.toContain('safeguarding-partnership');
    expect(ids(result.themes)).not.toContain('multi-agency-working');
  });

  it('ignores the review method and model names as evidence', () => {
    const result = classify(ENTRY, { summary: ENTRY });
    for (const tag of [...result.agencies, ...result.themes, ...result.harmTypes]) {
      expect(tag.evidence.quote).not.toMatch(/Methodology|Learning Together|Author|Published by/);
    }
    expect(ids(result.harmTypes)).toContain('neglect');
  });

  it('ignores author and board labels joined onto the heading line, and a board name printed alone', () => {
    const text = [
      'Safeguarding Children Board',
      'Serious case review: Child P Author: A. Writer LSCB: Northdale Safeguarding Children Board (2019)',
      'Child P, a teenager, was sexually exploited by adults she met online.',
    ].join('\n');
    const result = classify(text, { summary: text });
    expect(ids(result.agencies)).not.toContain('safeguarding-partnership');
    expect(ids(result.harmTypes)).toContain('child-sexual-exploitation');
  });

  it("ignores sentences about the review's purpose, the guidance behind it and what a briefing is for", () => {
    const text = [
      'The purpose of the review was to establish whether there are lessons to be learnt about the way agencies work together.',
      'Working Together 2018 requires partnerships to follow local procedures for such reviews.',
      'This seven-minute briefing summarises the findings to aid professional discussion in team meetings and training.',
      'Child N, aged two, was neglected while the family lived in temporary accommodation.',
    ].join(' ');
    const themes = ids(classify(text, { summary: text }).themes);
    expect(themes).not.toContain('multi-agency-working');
    expect(themes).not.toContain('policy-and-procedures');
    expect(themes).not.toContain('training');
    expect(themes).toContain('housing-instability');
  });

  it('ignores what a document says about its own making and audience, and web addresses', () => {
    const text = [
      'The report was conducted following national guidance to establish what lessons could be learned about the way local agencies work together.',
      'This briefing has been produced for all multi agency staff working with families.',
      'Read it at https://www.example.org/wp- content/uploads/2020/01/Review_Child_N_FINAL.pdf today.',
      'Child N lived in temporary accommodation.',
    ].join(' ');
    const themes = ids(classify(text, { summary: text }).themes);
    expect(themes).not.toContain('multi-agency-working');
    expect(themes).not.toContain('workforce-capacity');
    expect(themes).toContain('housing-instability');
  });

  it('takes no theme from a heading or contents line', () => {
    const text = [
      'Analysis of Key Episodes and Lessons Learnt',
      'Child N lived in temporary accommodation.',
    ].join('\n');
    const themes = ids(classify(text, { summary: text }).themes);
    expect(themes).not.toContain('learning-from-reviews');
    expect(themes).toContain('housing-instability');
  });

  it('still targets a partnership a recommendation names', () => {
    const rec = 'Eastmere Safeguarding Children Partnership should seek assurance about neglect training';
    const text = `Recommendations include: ${rec}.`;
    const result = classify(text, { recommendations: [rec] });
    expect(result.recommendations[0]?.agencies).toContain('safeguarding-partnership');
  });
});

describe('weak words and acronyms', () => {
  it('matches SEND only in capitals', () => {
    expect(summaryThemes('Child L had SEND and waited a year for an assessment of his needs.')).toContain(
      'child-neurodiversity-and-send',
    );
    expect(summaryThemes('The school did not send the referral to children’s social care.')).not.toContain(
      'child-neurodiversity-and-send',
    );
  });

  it('matches CAMHS, MASH and CSE only in capitals', () => {
    const agencies = ids(classify('The referral went to the MASH and then to CAMHS.').agencies);
    expect(agencies).toEqual(expect.arrayContaining(['mash', 'camhs']));
    expect(ids(classify('Mother would mash the food for the baby.').agencies)).not.toContain('mash');
    expect(harms('The girl was a victim of CSE.')).toContain('child-sexual-exploitation');
    expect(harms('The cse was noted.')).not.toContain('child-sexual-exploitation');
  });

  it('does not read marks, plan, attendance, consent, beliefs or training alone as a theme', () => {
    expect(summaryThemes('The plan was to move house in the spring.')).not.toContain(
      'child-protection-planning',
    );
    expect(summaryThemes('Mother marks the calendar for each visit.')).not.toContain(
      'bruising-in-non-mobile-babies',
    );
    expect(summaryThemes('Attendance at the birthday party was high.')).not.toContain(
      'school-exclusion-and-attendance',
    );
    expect(summaryThemes('He gave his consent for the photograph.')).not.toContain('mental-capacity');
    expect(summaryThemes('The beliefs of the football club were discussed.')).not.toContain(
      'culture-and-identity',
    );
    expect(summaryThemes('Father was in training to be an electrician.')).not.toContain('training');
  });

  it('counts a weak word when its sentence makes the theme clear', () => {
    expect(summaryThemes('Marks were seen on the face of the three-month-old baby.')).toContain(
      'bruising-in-non-mobile-babies',
    );
    expect(summaryThemes('Poor school attendance was not followed up.')).toContain(
      'school-exclusion-and-attendance',
    );
    expect(learningThemes('practitioners did not follow the multi-agency procedures')).toContain(
      'policy-and-procedures',
    );
  });
});

describe('the members of a partnership', () => {
  it('does not tag the agencies a partnership is said to include', () => {
    const text =
      'The Oldmere Safeguarding Children Partnership, which includes the council, police and health services, said it had changed its procedures. Child F was seen by the health visitor.';
    const agencies = ids(classify(text).agencies);
    expect(agencies).not.toContain('police');
    expect(agencies).toContain('health-visiting');
  });
});

describe('implied agencies', () => {
  it.each([
    ['Child M was made subject to a child protection plan in May.', 'childrens-social-care'],
    ['She was accommodated under section 20 with her aunt.', 'childrens-social-care'],
    ['The health visitor visited the family twice before the injury.', 'health-visiting'],
    ['Paramedics took the baby to hospital.', 'ambulance'],
    ['The SENCO raised concerns about his behaviour.', 'school'],
  ])('links "%s" to %s, quoting that sentence', (sentence, agency) => {
    const tag = classify(sentence).agencies.find((a) => a.id === agency);
    expect(tag?.evidence.quote).toBe(sentence);
  });
});

describe('paraphrases', () => {
  it('reads asking the child about home life as voice of the child', () => {
    expect(learningThemes('nobody asked the child what life was like at home')).toContain(
      'voice-of-the-child',
    );
    expect(learningThemes('the children were never seen alone by any practitioner')).toContain(
      'voice-of-the-child',
    );
  });
});

describe('generic themes need specific evidence', () => {
  it('does not add multi-agency working for every mention of agencies or partners', () => {
    const text = 'Several agencies and partners knew the family. The partnership met twice.';
    expect(summaryThemes(text)).not.toContain('multi-agency-working');
  });

  it('tags multi-agency working when a statement is about it', () => {
    expect(learningThemes('agencies did not work together to share one plan for the family')).toContain(
      'multi-agency-working',
    );
  });

  it('lets a generic theme yield to the specific theme of its statement', () => {
    expect(learningThemes('training for midwives on safe sleeping advice')).toEqual(['safe-sleeping']);
  });
});

describe('harm types and their mirror themes', () => {
  it("does not tag the mirror theme from the harm's own words", () => {
    const text = 'Child N suffered neglect and domestic abuse at home.';
    const result = classify(text, { summary: text });
    expect(ids(result.harmTypes)).toEqual(expect.arrayContaining(['neglect', 'domestic-abuse']));
    expect(ids(result.themes)).not.toContain('neglect-recognition');
    expect(ids(result.themes)).not.toContain('domestic-abuse-response');
  });

  it('tags the response theme when a statement is about recognising the harm', () => {
    expect(learningThemes('practitioners did not recognise the cumulative neglect')).toContain(
      'neglect-recognition',
    );
  });

  it('tags a crying baby theme, leaving the head injury to the harm type', () => {
    const text = 'Father told police he shook the baby because of her persistent crying.';
    const result = classify(text, { summary: text });
    expect(ids(result.themes)).toContain('crying-babies');
    expect(ids(result.harmTypes)).toContain('non-accidental-head-injury');
  });

  it('tags the toxic trio when domestic abuse, mental ill-health and substance misuse meet', () => {
    expect(
      summaryThemes(
        'Mother’s depression, her partner’s drug use and domestic abuse were all known to the GP.',
      ),
    ).toContain('toxic-trio');
  });
});

describe('the body that commissions a review is an agency only where practice names it', () => {
  it('does not tag the partnership that published the review or whose chair speaks', () => {
    const text =
      'Oldmere Safeguarding Children Partnership commissioned this review. The independent chair of the LSCB said lessons would be learned. Child K was seen by the health visitor twice.';
    const agencies = ids(classify(text).agencies);
    expect(agencies).not.toContain('safeguarding-partnership');
    expect(agencies).toContain('health-visiting');
  });

  it('tags the partnership a recommendation addresses, quoting the recommendation', () => {
    const ask = 'The safeguarding partnership should audit how referrals from schools are followed up.';
    const text = `Oldmere Safeguarding Children Partnership commissioned this review. ${ask}`;
    const tag = classify(text, { recommendations: [ask] }).agencies.find(
      (a) => a.id === 'safeguarding-partnership',
    );
    expect(tag?.evidence.quote).toContain('audit how referrals');
  });

  it('does not tag the inspectorate a review was sent to, but tags it where a recommendation asks it', () => {
    const text =
      'The report was submitted to Ofsted in 2008, which judged the review inadequate. Child K was seen by the health visitor twice.';
    expect(ids(classify(text).agencies)).not.toContain('ofsted');
    const ask = 'Ofsted should check that joint inspections look at how babies are seen.';
    expect(ids(classify(`${text} ${ask}`, { recommendations: [ask] }).agencies)).toContain('ofsted');
  });
});

describe('harm named as what starts a review', () => {
  it('does not tag a harm the text names as a usual trigger for reviews', () => {
    expect(
      harms('The chair noted that abuse and neglect would usually be a trigger for a case review.'),
    ).not.toContain('neglect');
  });

  it('tags a suicide told as taking one’s own life', () => {
    expect(harms('Tamsin, aged 15, died after taking her own life.')).toContain('suicide');
  });

  it('still tags the harm the child suffered in the same document', () => {
    expect(harms('Child P suffered neglect over many months.')).toContain('neglect');
  });
});
