import { describe, expect, it } from 'vitest';
import { segmentDocument } from '../../../../../ingest/segment/index.ts';

// Fictional texts in the layouts of real pages; every name, place and event is invented.
const seg = (text: string) => segmentDocument({ text, hints: [] });
const children = (text: string) => seg(text).cases.map((c) => c.child);

describe('documents told in prose', () => {
  it('finds the child of a news item about one published review', () => {
    const s = seg(`Toddler 'failed by agencies', review finds

Published 3rd March 2022

A serious case review into the death of a two-year-old boy in Eastmere has found that warning signs were missed.

The boy, referred to as Child T, died in hospital in 2020 after a head injury.

Eastmere Safeguarding Children Partnership said the review makes eleven recommendations.
`);
    expect(s.kind).toBe('single-review');
    expect(s.cases).toHaveLength(1);
    expect(s.cases[0]).toMatchObject({
      child: 'Child T',
      partnership: 'Eastmere Safeguarding Children Partnership',
      reportYear: 2022,
      outcome: 'death',
      reviewType: 'SCR',
    });
  });

  it('takes one review per child from a news item on reviews published together, leaving out a sibling and a review yet to be published', () => {
    const text = `Three reviews into harm to babies published

Lindenbridge Safeguarding Children Board has published three serious case reviews today.

The reviews concern the death of a baby known as Baby K and injuries to two others, referred to as Baby M and Baby P.

In the case of Baby M, a sibling identified as Baby R was also part of the review.

A fourth review, into injuries to an infant called Baby S, is yet to be published.
`;
    expect(children(text)).toEqual(['Baby K', 'Baby M', 'Baby P']);
    expect(seg(text).kind).toBe('several-reviews');
  });

  it('takes nothing from a page about how reviews are commissioned, and says why', () => {
    const s = seg(`Case reviews – what are they?

1. What is a serious case review?

A serious case review must be undertaken where abuse or neglect is known or suspected and a child has died.

1. When does it start?

Reviews are commissioned by the board when the criteria are met. The review should be completed within six months.
`);
    expect(s.kind).toBe('not-a-review');
    expect(s.cases).toEqual([]);
    expect(s.warnings.join(' ')).toMatch(/no case review taken: it describes case reviews in general/);
  });

  it("takes the child from a report's title page, not the contents list", () => {
    const s = seg(`Serious Case Review

Overview Report

Concerning: Child W

Independent author: A. Reviewer
March 2019

Contents
1. Introduction 2
2. Key episodes 4
3. Findings 9
4. Recommendations 12

1. Introduction
1.1 Child W was a four-month-old baby who died at home in Wrenford.
1.2 The Wrenford Local Safeguarding Children Board commissioned this review.
`);
    expect(s.cases).toHaveLength(1);
    expect(s.cases[0]).toMatchObject({ child: 'Child W', reportYear: 2019, outcome: 'death' });
  });

  it('reads a digest of one paragraph per review, with the area printed in brackets', () => {
    const s = seg(`Learning digest – spring

A short briefing draws on two serious case reviews following the deaths of Jonah (Northgate) and Child D (Southwick).

Eastmere Safeguarding Children Partnership has published the review into the murder of Kieran Wilde, which occurred in 2019. The review makes recommendations to the partnership.
`);
    expect(s.cases.map((c) => [c.child, c.partnership])).toEqual([
      ['Jonah', 'Northgate'],
      ['Child D', 'Southwick'],
      ['Kieran Wilde', 'Eastmere Safeguarding Children Partnership'],
    ]);
  });

  it('reads the headed sections of a briefing: findings are learning, good practice is not', () => {
    const s = seg(`7-minute briefing: Child Q

Background
Child Q was a three-year-old girl who suffered serious injuries at home. The Eastmere partnership commissioned a local child safeguarding practice review.

Good practice
- The nursery shared its concerns promptly.

What did the review find?
- Fathers were not included in assessments.
- Records were not shared between the GP and the health visitor.

Recommendations
1. The partnership should audit how fathers are assessed.
`);
    expect(s.cases).toHaveLength(1);
    const c = s.cases[0];
    expect(c?.child).toBe('Child Q');
    expect(c?.reviewType).toBe('LCSPR');
    expect(c?.learning.map((l) => l.text)).toEqual([
      'Fathers were not included in assessments.',
      'Records were not shared between the GP and the health visitor.',
    ]);
    expect(c?.recommendations.map((r) => r.text)).toEqual([
      'The partnership should audit how fathers are assessed.',
    ]);
  });

  it('takes from an index of briefings only the entries that describe a published review', () => {
    const s = seg(`Learning briefings

12 May 2024
Attendance audit
The partnership completed a multi-agency audit of school attendance and summarises what it found.
3 April 2024
"Out of sight"
In March 2024 the national Child Safeguarding Practice Review Panel published its review of harm to children in unregistered settings.
1 February 2024
Neglect strategy
This briefing sets out the refreshed neglect strategy and the training that supports it.
`);
    expect(s.kind).toBe('review-index');
    expect(s.cases.map((c) => [c.title, c.reviewType])).toEqual([['"Out of sight"', 'NATIONAL']]);
  });

  it('counts the reviews an agenda item says it reports on when none is named', () => {
    const s = seg(`Agenda item

WRENFORD SAFEGUARDING CHILDREN PARTNERSHIP: THEMATIC REVIEWS OF SELF-HARM AND OF NEGLECT

The purpose of this report is to set out the findings arising from two thematic reviews completed by the partnership this year.
`);
    expect(s.cases).toHaveLength(2);
    expect(s.cases.every((c) => c.child === null)).toBe(true);
  });

  it('ends a review where an excerpt is cut short', () => {
    const text = `Baby J: learning briefing

Baby J died at eight weeks old; the Eastmere Safeguarding Children Partnership published its review in 2021.
[...]
Unrelated text after the cut names Child Z in a serious case review.
`;
    const s = seg(text);
    expect(s.cases.map((c) => c.child)).toEqual(['Baby J']);
    expect(s.cases[0]?.end).toBeLessThanOrEqual(text.indexOf('[...]'));
  });

  it('ignores a provenance line and takes the headline as the title', () => {
    const s = seg(`# source: https://example.org/news/child-b-review
Review of Child B's death published

The serious case review into the death of Child B was published in 2018 by Wrenford Safeguarding Children Board.
`);
    expect(s.title).toBe("Review of Child B's death published");
    expect(s.cases[0]).toMatchObject({ child: 'Child B', reportYear: 2018 });
  });

  it('gives each child of a multi-review briefing its own section, and a common section to none of them alone', () => {
    const s = seg(`Wrenford Safeguarding Children Partnership
Learning briefing: two local child safeguarding practice reviews

Child 1
Child 1 was a 14-year-old boy who was seriously injured in 2022.
Learning:
- His school did not know about the missing episodes.

Child 2
Child 2 was a 15-year-old girl who died in 2021.
Learning:
- Her worker changed three times in a year.

Common themes
Both young people were rarely asked what they wanted.

Recommendations for the partnership
1. Agree a single plan for young people who go missing.
`);
    expect(s.cases.map((c) => [c.child, c.outcome, c.learning.length, c.recommendations.length])).toEqual([
      ['Child 1', 'serious-harm', 1, 0],
      ['Child 2', 'death', 1, 0],
    ]);
    expect(s.warnings.join(' ')).toMatch(/"Common themes" .* attributed to none of them alone/);
  });

  it('ends a news item where its related-stories box begins', () => {
    const text = `Review into toddler's death published

The serious case review into the death of a three-year-old girl, known as Child A, was published in 2020 by Lindenbridge Safeguarding Children Board. It found that her nursery's concerns were not shared with the health visitor, and that the family's move between two areas broke the chain of support.

Related stories
Man jailed after knife attack in town centre
`;
    const s = seg(text);
    expect(s.cases).toHaveLength(1);
    expect(s.cases[0]?.end).toBeLessThanOrEqual(text.indexOf('Related stories'));
  });

  it('finds a family reviewed together, by code or by surname', () => {
    expect(
      children(`Statement from the independent chair

Eastmere Safeguarding Children Partnership today published its serious case review concerning Family R, three brothers who suffered long-term neglect.
`),
    ).toEqual(['Family R']);
    expect(
      children(`Learning briefing
The Birchfield children (Ava, Leo and Mia)
Local child safeguarding practice review – published May 2022

What the review found
The children were rarely seen on their own.
`),
    ).toEqual(['Birchfield children']);
  });

  it('reads an index entry headed by a name and its bracketed details', () => {
    const s = seg(`Published reviews

Poppy (LCSPR, 2022)
A four-month-old baby who died after an unsafe sleeping arrangement; the review focuses on safer sleep advice.

Attendance toolkit
Guidance on using the partnership's attendance toolkit in schools.

Finn (SCR, 2019)
A 16-year-old who was seriously injured after being exploited; the review examines the response to missing episodes.

Training calendar
Dates for the multi-agency courses this year.
`);
    expect(s.cases.map((c) => c.child)).toEqual(['Poppy', 'Finn']);
  });

  it('reads a briefing about one named child with numbered crossheads as one review, not an index', () => {
    const s = seg(`# 7 Minute Briefing

**Nia – Local Child Safeguarding Practice Review**
Wrenford Safeguarding Children Partnership · published 3 March 2024

## 1. Why this review?

Nia, aged 12, told a teacher in 2022 that an adult in the household had hurt her. The partnership commissioned a review because several agencies knew the family.

## 2. Messages for practitioners

- Nia had spoken to a neighbour first, and it was not passed on.
- Police did not know of an earlier caution in another area.

## 3. What needs to change

- Share concerns raised informally by neighbours and friends.
`);
    expect(s.kind).toBe('single-review');
    expect(s.cases.map((c) => [c.child, c.reportYear, c.learning.length, c.recommendations.length])).toEqual([
      ['Nia', 2024, 2, 1],
    ]);
  });
});

describe('titles of reviews read from prose', () => {
  it('titles each review of a news item by its child and kind, not by the shared headline', () => {
    const s = seg(`Agencies 'must do better' after reviews into two babies

Lindenbridge Safeguarding Children Board has published two serious case reviews today.

The reviews concern Baby K, who died in 2019, and Baby M, who was seriously injured.
`);
    expect(s.cases.map((c) => c.title)).toEqual([
      'Baby K: serious case review',
      'Baby M: serious case review',
    ]);
  });

  it('does not take a numbered section heading for the title of a report opening', () => {
    const s = seg(`1. Introduction

1.1 This serious case review concerns Child W, who died at home in 2017.

1.2 Fenholt Safeguarding Children Board commissioned the review in 2018.
`);
    expect(s.cases[0]?.title).toBe('Child W: serious case review');
  });

  it('keeps a title that names the review', () => {
    const s = seg(`Learning brief: Child W

This serious case review concerns Child W, who died at home in 2017. Fenholt Safeguarding Children Board published it in 2019.
`);
    expect(s.cases[0]?.title).toBe('Learning brief: Child W');
  });
});

describe('an index of briefings headed by the children’s names', () => {
  it('takes each child whose line tells what happened to them, and leaves out a guide', () => {
    const s = seg(`Seven minute briefings

The briefings below are drawn from local child safeguarding practice reviews and are meant for team discussion.

Tamsin

In May 2022 Tamsin, a 15 year old girl from Oldmere, died after taking her own life.

Elio

In March 2021, four month old baby Elio was brought to hospital with signs of non-accidental injury.

Kit and Wren

Kit and Wren, both aged two, were brought to hospital after months of neglect at home.

Chronologies Quick Guide

Reviews have often found that chronologies are started late. This guide explains how to keep one.
`);
    expect(s.cases.map((c) => c.child)).toEqual(['Tamsin', 'Elio', 'Kit and Wren']);
    expect(s.cases[0]?.outcome).toBe('death');
    expect(s.cases[1]?.ageBand).toBe('under 1');
  });
});

describe('a national analysis posted on a news feed', () => {
  it('is titled by the line naming the analysis, not the feed, and dated by it', () => {
    const s = seg(`Partnership Newsfeed

Patterns and pressures: a national analysis of serious case reviews 2015-2018 Final report June 2021

Posted on this site on a Tuesday by the web team

This analysis looks across 300 serious case reviews published over three years and draws out what they share for policy makers and practitioners.
`);
    expect(s.cases).toHaveLength(1);
    expect(s.cases[0]).toMatchObject({
      title:
        'Patterns and pressures: a national analysis of serious case reviews 2015-2018 Final report June 2021',
      reviewType: 'NATIONAL',
      reportYear: 2021,
    });
  });
});

describe('a reading list of research on case reviews', () => {
  it('takes each analysis of case reviews as a national review, dated by its imprint, and leaves out other entries', () => {
    const s = seg(`Research on case reviews

Reading list, March 2016

Reports published in 2015

Hidden harm in serious case reviews.
Ashdown, R., et al
Northport: University of Northport, 2015
An analysis of 120 serious case reviews in England between 2009 and 2013, looking at how concerns about older children were missed.

Writing a safeguarding policy.
Marsh, T. and Keel, P.
Eastmere: Practice Press, 2015
A guide for voluntary groups on what their policy should contain.

Lessons across the border: case management reviews in a decade (PDF, 1.2MB).
Owens, L.
Belfast: Regional Board, 2014
Draws together the learning of 30 case management reviews.
`);
    expect(s.cases.map((c) => [c.title, c.reviewType, c.reportYear])).toEqual([
      ['Hidden harm in serious case reviews', 'NATIONAL', 2015],
      ['Lessons across the border: case management reviews in a decade', 'NATIONAL', 2014],
    ]);
  });
});

describe('a chair’s statement headed by the partnership', () => {
  it('names the child at the end of the heading line without running into the next line', () => {
    const s = seg(`Oldmere Safeguarding Children Partnership statement on the review into the death of Jamie

Published: 14 March 2023

The Independent Chair said: "Jamie was 14 when he was fatally stabbed near his home in 2021. The review found that agencies saw him as a risk to others rather than as a child at risk."
`);
    expect(s.cases).toHaveLength(1);
    expect(s.cases[0]).toMatchObject({ child: 'Jamie', reportYear: 2023, outcome: 'death' });
  });
});

describe('pages about reviews in general give no review', () => {
  it('reads a procedures chapter whose criteria say a child "has died or is seriously harmed" as no review', () => {
    const s = seg(`4.2 Local Child Safeguarding Practice Reviews

4.2.1
The partnership must conduct a local child safeguarding practice review after a child has died or is seriously harmed as a result of abuse or neglect in its area.

4.2.2
For this chapter the three Westmarch partnerships will be referred to as the Westmarch Safeguarding Children Partnerships.

  • whether a review should be carried out and the approach to be used
  • monitoring action plans following the publication of child safeguarding practice reviews
`);
    expect(s.kind).toBe('not-a-review');
    expect(s.cases).toEqual([]);
  });

  it('reads an explainer whose criteria list has a bare "died" item as no review', () => {
    const s = seg(`Practice reviews in Westmarch

A child practice review takes place after a child dies or is seriously injured and abuse or neglect is suspected.

A review should take place if abuse is known or suspected and a child has:

  • died
  • sustained a life threatening injury
`);
    expect(s.cases).toEqual([]);
  });

  it('gives no national review for the numbered paragraphs of a panel annual report', () => {
    const s = seg(`Second annual report of the Westmarch panel on serious case reviews

1. The panel was set up in 2015 to advise boards on the criteria for serious case reviews and on their publication.

2. Guidance stated that the panel would advise boards about the publication of SCR reports and the appointment of reviewers.

3. The panel is made up of five members appointed for a period of three years.
`);
    expect(s.cases).toEqual([]);
  });

  it('reads a committee page on when a review may be required as no review', () => {
    const s = seg(`Significant case reviews

Committees are responsible for conducting significant case reviews.

This states that a significant case review may be required:

when a child dies and:

  • abuse or neglect is known or suspected to be a factor in the child's death;
  • the death is by suicide or accidental death;

When a child has not died but has sustained significant harm, a review may also be held.
`);
    expect(s.cases).toEqual([]);
  });

  it('reads a page that says what any learning review does as no review', () => {
    const s = seg(`Findings and lessons from Learning Reviews

The partnership has adopted a Learning Review approach that lets us understand cases from the view of those involved.

A Learning Review concentrates on the key decisions that affected the safety of the child involved.

It considers key findings from the case where they relate to current practice.
`);
    expect(s.cases).toEqual([]);
  });
});

describe('children named in news reports of a review', () => {
  it('names the child told with an age before the name', () => {
    expect(
      children(`A review has found missed chances before the death of two-year-old Nico Marsh, a child practice review said.

Nico Marsh died of a head injury in May 2021 at the family home in Eastmere.
`),
    ).toEqual(['Nico Marsh']);
  });

  it('names the child whose name opens a sentence about the death', () => {
    expect(
      children(`Agencies failed toddler, serious case review finds

Tomas Reyes died on 3 March 2019 from injuries sustained over several days.

A serious case review found that agencies missed chances to act.
`),
    ).toEqual(['Tomas Reyes']);
  });

  it("never takes a university's possessive name in a headline for a child", () => {
    const s = seg(`Queen's and a charity publish the first review of child deaths in Westmarch

The review, Lessons Across the Years, was launched at Queen's University today. It was published by the health department.

It analysed 31 case reviews relating to 52 children carried out at Queen's University.
`);
    expect(s.cases.map((c) => c.child)).toEqual([null]);
  });

  it('names the child a published review is named after, on a bulletin that also explains reviews', () => {
    const s = seg(`Today the WSCP have published Local Child Safeguarding Practice Review Ivo.
A Local Child Safeguarding Practice Review (LCSPR) is a locally conducted multi-agency review where a child has been abused or neglected.
The purpose of a review is to establish whether there are lessons to be learned.
The statutory guidance for Child Safeguarding Practice Reviews can be found in Working Together.
Ivo was 3 months old when he died; he lived with his mother and father.
`);
    expect(s.cases.map((c) => c.child)).toEqual(['Ivo']);
  });

  it('leaves out a child named only to compare with', () => {
    expect(
      children(`The months before the death of three-year-old Ruby Vance are set out in today's serious case review report.

A charity said the case reminds us of the death of Baby K and a number of similar cases which were followed by serious case reviews.

Ruby Vance died in hospital in 2019.
`),
    ).toEqual(['Ruby Vance']);
  });
});

describe('fields a report opening prints', () => {
  it('titles a review by its child when the title line is a document site label', () => {
    const s = seg(`reconsideration of serious case review - eastmere...

Upload: someuser

Reconsideration of Serious Case Review LSCB: Eastmere Initials of Child QT Date of Death 02/03/08

1. Introduction QT was born in 2006 and died in 2008. Eastmere Safeguarding Children Board commissioned a serious case review (SCR) into his death.
`);
    expect(s.cases).toHaveLength(1);
    expect(s.cases[0]).toMatchObject({
      child: 'Child QT',
      title: 'Child QT: serious case review',
      partnership: 'Eastmere Safeguarding Children Board',
    });
  });

  it('keeps a review code in the title of a notice without a child', () => {
    const s = seg(`Publication of Concise Child Practice Review

Today the Westmarch Safeguarding Board publishes the report of the Concise Child Practice Review, WMSB 2 2021.

The review makes five recommendations, which the Board accepts in full.
`);
    expect(s.cases).toHaveLength(1);
    expect(s.cases[0]?.title).toBe('Publication of Concise Child Practice Review (WMSB 2 2021)');
  });
});

describe('notices of an overview of many reviews', () => {
  it('gives one national review named as the notice names the report, not one per review it counts', () => {
    const s = seg(`12 March 2019

Westmarch University and a children's charity publish the region's first review of child deaths

The review, Lessons Across the Years, was commissioned by the health department and carried out by researchers at Westmarch University. It was published today.

The case management review report analysed 31 case reviews relating to 52 children in the period between 2008 and 2016.

The remaining seven case reviews involved a range of issues, including neglect.
`);
    expect(s.cases).toHaveLength(1);
    expect(s.cases[0]).toMatchObject({
      title: 'Lessons Across the Years',
      reviewType: 'NATIONAL',
      child: null,
    });
  });

  it('takes the quoted name of the report over a headline, and its year from a labelled line', () => {
    const s = seg(`Minister welcomes first overview report on case management reviews

The report, ‘Lessons Across the Years: learning from case management reviews 2008-2016’ brings together key learning from 31 case management reviews.

Year: 2019
`);
    expect(s.cases).toHaveLength(1);
    expect(s.cases[0]).toMatchObject({
      title: 'Lessons Across the Years: learning from case management reviews 2008-2016',
      reviewType: 'NATIONAL',
      reportYear: 2019,
    });
  });
});

describe('one-entry lists and quarterly analyses', () => {
  it('reads a repository update with one dated entry by its heading: area, year and child', () => {
    const s = seg(`Case reviews update

Last updated: 04 Mar 2026

New in the collection

This update highlights case reviews recently added to the collection.

2026 - Westmarch and Eastmere - Tobias

Death of a 16-year-old boy in May 2024. Tobias died after a fight with an older young person.
Learning themes include: the voice of the child; identifying young people at risk of exploitation.
Recommendations include: ensure case histories move with a child who moves area; review how risk is graded.
`);
    expect(s.cases).toHaveLength(1);
    expect(s.cases[0]).toMatchObject({
      child: 'Tobias',
      partnership: 'Westmarch and Eastmere',
      reportYear: 2026,
    });
  });

  it('reads a quarterly briefing on the reviews it examined as one national review', () => {
    const s = seg(`Learning for ambulance crews from case reviews: Quarter 3 briefing

Released December 2024

Introduction

This briefing is the third in a series. Between July and September, 64 published SCRs were examined and 30 fit the criteria for analysis.
`);
    expect(s.cases).toHaveLength(1);
    expect(s.cases[0]?.reviewType).toBe('NATIONAL');
  });
});

describe('a national panel newsletter', () => {
  it('names the national review it announces, never its contents heading or the email chrome', () => {
    const s = seg(`View this email in your browser

This month, we have published our third review into water safety and started work on our fourth national thematic review.

In This Issue

  • Spotlight – How can you embed good practice on water safety?
  • Fourth national review into exploitation of teenagers
  • Register for the panel's webinar

Spotlight

How can you embed good practice on water safety?

Last week, our third national review into Drowning in Early Childhood (DEC) was published (Thursday 9 May).
Between 2021 and 2023, the deaths of 18 children from drowning were notified to the panel.
`);
    expect(s.cases).toHaveLength(1);
    expect(s.cases[0]).toMatchObject({
      title: 'third national review into Drowning in Early Childhood',
      reviewType: 'NATIONAL',
    });
  });

  it('keeps a site title cut short with an ellipsis as the title of a national briefing', () => {
    const s =
      seg(`Learning for ambulance crews from reviews of death or serious harm … · Learning for ambulance…

Learning for ambulance crews

from reviews of death or serious harm

Released December 2024

Between July and September, 64 published SCRs were examined and 30 fit the criteria for analysis.
`);
    expect(s.cases).toHaveLength(1);
    expect(s.cases[0]?.title).toContain('Learning for ambulance crews from reviews of death or serious harm');
  });
});

describe('news and board pages about one review', () => {
  it('takes no child from a headline word after the kind of review', () => {
    const s = seg(`Serious Case Review After Child's Death

After a three-month old baby from Eastmere died from cot death last year, a report says agencies can learn lessons.

Regulations required the Eastmere Local Safeguarding Board to carry out a serious case review. The serious case review found failings in how referrals were made.
`);
    expect(s.cases).toHaveLength(1);
    expect(s.cases[0]).toMatchObject({ child: null, partnership: 'Eastmere Local Safeguarding Board' });
  });

  it("titles a review by its child when the page's title is only the board's name, and names the board without its chair", () => {
    const s = seg(`Westmarch Safeguarding Children Board

Baby K Serious Case Review

This report concerns a baby, referred to in the report as Baby K, who died at the age of ten weeks.

Jane Doyle Chairman of the Westmarch Safeguarding Children Board said the review was published today.
`);
    expect(s.cases).toHaveLength(1);
    expect(s.cases[0]).toMatchObject({
      child: 'Baby K',
      title: 'Baby K: serious case review',
      partnership: 'Westmarch Safeguarding Children Board',
    });
  });
});

describe("a partnership's page of reviews it has published", () => {
  it('gives one review per headed entry, the child named as the page refers to it, and each its date', () => {
    const s = seg(`Learning From Reviews
Child Safeguarding Practice Review Guidance
The local framework and practice guidance sets out how reviews are undertaken here.
Local Safeguarding Child Practice Review - Child R
On 2nd May 2025, the Westmarch Safeguarding Children Partnership Board published a briefing concerning a child who we shall refer to as Child R.
The Child R LCSPR is now available.
Local Safeguarding Child Practice Review - Imogen
On 14th April 2025, the Westmarch Safeguarding Children Partnership Board published a report concerning a child who we shall refer to as Imogen.
The Imogen LCSPR briefing is now available.
`);
    expect(s.cases.map((c) => [c.child, c.reportYear])).toEqual([
      ['Child R', 2025],
      ['Imogen', 2025],
    ]);
  });
});

describe('a learning and development page with labelled bullets', () => {
  it('gives no review for bullets that label ways of learning, one of them about reviews', () => {
    const s = seg(`Learning and development

Professionals in Westmarch learn through training, reflective practice and multi-agency work.

Key methods for learning and development include:

  • Multi-Agency Training Courses: Professionals should take training suited to their roles, from introductory to advanced levels.
  • E-learning: Our e-learning offers flexible access to awareness training.
  • Child Safeguarding Practice Reviews (CSPR): Learning from local and national case reviews is crucial for improving practice. Each time a review is undertaken, we share the learning through our briefings.
  • Multi-Agency Audits: Reviewing the findings of audits lets professionals check how well procedures work.
`);
    expect(s.cases).toEqual([]);
  });
});

describe("a chair's statement and a Welsh practice review", () => {
  it("titles the review a chair's statement announces by its child, not by the statement", () => {
    const s = seg(`Statement from the Independent Chair of the Westmarch Safeguarding Children Partnership

Published: 14 March 2023

Today we publish the Local Child Safeguarding Practice Review into the circumstances of a six-month-old baby, known as Baby Ezra, who died in hospital in 2021.

The review makes six recommendations, which all partners have accepted.
`);
    expect(s.cases).toHaveLength(1);
    expect(s.cases[0]).toMatchObject({
      child: 'Baby Ezra',
      title: 'Baby Ezra: local child safeguarding practice review',
      reportYear: 2023,
    });
  });

  it("reads the board's actions that close a concise child practice review as its recommendations", () => {
    const s = seg(`Concise Child Practice Review CPR 3/2019 – Eastmere Safeguarding Children Board

Re: Child A

Brief outline of circumstances resulting in the review

Child A, aged 2, was admitted to hospital with a fractured femur in March 2019.

Practice and organisational learning

Professionals did not consider the possibility of non-accidental injury.

Actions by the Safeguarding Children Board

The Board will audit the use of the injuries protocol.
`);
    expect(s.cases.map((c) => [c.child, c.learning.length, c.recommendations.length])).toEqual([
      ['Child A', 1, 1],
    ]);
  });
});

describe('a seven-minute briefing headed only by its format', () => {
  it('titles the review by its family, not "7 Minute Briefing"', () => {
    const s = seg(`7 Minute Briefing
Local Child Safeguarding Practice Review: Family T

1. Background
Family T had four children. The youngest, aged 9 months, was found with a skull fracture in 2022.

2. Key learning
Fathers and male carers were not included in assessments.
`);
    expect(s.cases.map((c) => [c.child, c.title])).toEqual([
      ['Family T', 'Family T: local child safeguarding practice review'],
    ]);
  });
});

describe('a Northern Ireland case management review', () => {
  it('keeps its own kind of review in the title and names the board for the nation, not the child', () => {
    const s = seg(`Executive Summary
Case Management Review – Child N
Safeguarding Board for Northern Ireland
October 2019

1. Introduction
1.1 This case management review concerns Child N, a 4-year-old boy who sustained serious injuries in 2017.

2. Recommendations
Recommendation 1: The Trust should ensure that referrals from schools are acknowledged within a day.
`);
    expect(s.cases).toHaveLength(1);
    expect(s.cases[0]).toMatchObject({
      child: 'Child N',
      title: 'Child N: case management review',
      partnership: 'Safeguarding Board for Northern Ireland',
      reviewType: 'OTHER',
    });
  });
});

describe('a government publication page for a national review', () => {
  it("titles the review by the page's title, not its document-type label or its 'From:' line", () => {
    const s = seg(`Independent report
Safeguarding children in supported lodgings

The Child Safeguarding Practice Review Panel's national review of safeguarding children placed in supported lodgings.

From: Child Safeguarding Practice Review Panel
Published 14 March 2024

Details

The panel reviewed the harm done to 21 children in 4 settings. The report makes 6 recommendations.
`);
    expect(s.cases).toHaveLength(1);
    expect(s.cases[0]).toMatchObject({
      title: 'Safeguarding children in supported lodgings',
      reviewType: 'NATIONAL',
      reportYear: 2024,
    });
  });
});

describe("a national panel's list of its reports", () => {
  it('gives one national review per titled entry whose date line follows its title, dated by it', () => {
    const s = seg(`National panel: reports

National reviews and thematic reports published by the panel.

Safeguarding children in supported lodgings
14 March 2024
A national review of harm to children placed in supported lodgings.

Keeping teenagers safe at night
26 May 2022
A national review into harm to young people outside their homes.

"Quiet nights": a review of sudden unexpected death in infancy
16 July 2020
A national review of families where babies died suddenly and unexpectedly.
`);
    expect(s.cases.map((c) => [c.title, c.reportYear, c.reviewType])).toEqual([
      ['Safeguarding children in supported lodgings', 2024, 'NATIONAL'],
      ['Keeping teenagers safe at night', 2022, 'NATIONAL'],
      ['"Quiet nights": a review of sudden unexpected death in infancy', 2020, 'NATIONAL'],
    ]);
  });
});

describe('news that names a child and the review’s own name for the child', () => {
  it('gives one review under the review’s name when the real name is printed in another sentence', () => {
    const s = seg(`Failings found before baby's death

A serious case review was launched after a nine-week-old baby died from head injuries.

Neighbours say the review follows the death of Poppy-Mae Tarrant, from Lowbridge, in March 2021.

The Ashcombe Safeguarding Children Partnership agreed to a serious case review, which has now been published.

She is referred to as ‘Child K’ in the report, which says agencies each worked alone.
`);
    expect(s.cases.map((c) => c.child)).toEqual(['Child K']);
    expect(s.cases[0]?.partnership).toBe('Ashcombe Safeguarding Children Partnership');
  });

  it('takes the name a review gives in the same sentence as the real name', () => {
    expect(
      children(`"After the death of Tamsin Hale, called Ruby in the report, a serious case review found Denholm's social workers never questioned the court's assessment."
"Nobody asked for more time once the Cafcass children's guardian had written."`),
    ).toEqual(['Ruby']);
  });

  it('never takes a service named before "children\'s guardian" as a family of children', () => {
    expect(
      children(
        `The serious case review into the death of Nell, aged three, found the Cafcass children's guardian had not seen the report.`,
      ),
    ).toEqual(['Nell']);
  });
});

describe('pages that name one review in a heading', () => {
  it('takes a heading that names two children as the review when the text tells of one of them', () => {
    const s = seg(`Short briefings

Each sheet boils a Child Safeguarding Practice Review down to what a team needs to talk about.

Use them in team meetings:

Maisie and Orla

In May 2019 Orla was taken to hospital by her mother with a broken arm. Orla was eight months old, and an X-ray showed older breaks nobody could explain.
`);
    expect(s.cases.map((c) => c.child)).toEqual(['Maisie and Orla']);
  });

  it('reads review codes listed as "Case AB12:" lines as reviews', () => {
    expect(
      children(`Serious case reviews

We hold serious case reviews when abuse or neglect lies behind a child's death or serious injury. The reports are listed below.

Case KT21:

Case PL09:
`),
    ).toEqual(['Case KT21', 'Case PL09']);
  });

  it('does not read a typing slip in "Serious Case R review" as a case code', () => {
    expect(
      children(`Serious Case Review - Baby W

1.1 This report summarises the findings of the Serious Case R review undertaken into the death of Baby W in the Greyholt area.
`),
    ).toEqual(['Baby W']);
  });

  it('takes a one-entry yearly list whose name is an acronym, never a word from the collection’s name', () => {
    const s = seg(`Case reviews published in 2024
Reports we added to the National Case Review Collection this year.
2024 - Anonymous - DHR
A mother was killed by the man she had left; their daughter was living with him by order of the court.
Learning includes: ask each parent about past abuse before deciding where a child lives.
`);
    expect(s.kind).toBe('yearly-list');
    expect(s.cases.map((c) => [c.child, c.title, c.partnership, c.reportYear])).toEqual([
      [null, '2024 - Anonymous - DHR', null, 2024],
    ]);
  });
});

describe('pages that name no child', () => {
  it('gives no review for news of how many reviews are under way, however often it names them', () => {
    const s = seg(`The Northern Courier

Rise in reviews where children were harmed

Nineteen significant case reviews are now open across the region, looking at children who were killed or badly hurt.

Four more SCRs were finished earlier this year, figures show.

An SCR brings agencies together to learn from a case where a child died or came to serious harm.

Committees differ on when to order an SCR, and on whether the findings of the reviews are made public.
`);
    expect(s.cases).toEqual([]);
    expect(s.warnings.join(' ')).toMatch(/no case review taken/);
  });

  it('gives no national review for a page that only names the panel as the body behind a project', () => {
    const s = seg(`Making the review process easier to follow

Published: 02/03/2024

Here we explain how a project paid for by the Child Safeguarding Practice Review Panel is drawing a map of the local review process.

We want to find out what a good local review looks like and how areas can borrow from each other.
`);
    expect(s.cases).toEqual([]);
  });

  it('keeps a thematic review that names no child', () => {
    const s = seg(`Learning Briefing: Thematic review – Scalds to toddlers

Background
The partnership looked at four incidents in 2023 in which toddlers were scalded at home. Each child was taken to hospital with serious burns.

Key learning
• Practitioners should talk with parents about kettles and hot drinks.
`);
    expect(s.cases).toHaveLength(1);
  });

  it('keeps a report that names no child when it says what the review found', () => {
    const s = seg(`Agencies told to act after review

An independent review into the care of a baby girl in Greyholt found that warning signs were missed by several agencies.

The report, published today, lists 40 areas for improvement.

The Greyholt Safeguarding Children Board said every agency would have to show what it had changed.
`);
    expect(s.cases.map((c) => [c.child, c.partnership])).toEqual([
      [null, 'Greyholt Safeguarding Children Board'],
    ]);
  });

  it('names the child in full when news gives the full name once and the given name after', () => {
    expect(
      children(`For months nobody stepped in while three-year-old Rory Dunmore was left without food, a significant case review says.

Rory died in 2019, and the Westfirth Child Protection Committee review was completed in 2021.`),
    ).toEqual(['Rory Dunmore']);
  });
});

describe('report openings', () => {
  it('takes the child from the running header a report prints on every page', () => {
    const s = seg(`Oldmere Safeguarding Children Board

Overview Report

Serious Case Review

Independent author: R. Vale

Final version

March 2016

Milo - Serious Case Review

1

CONTENTS

1. Introduction 3

2. Process of the Review 4

Milo - Serious Case Review

2

1. Introduction

1.1 Milo was a cheerful 4 year old boy who lived with his mother and her partner.
`);
    expect(s.cases.map((c) => [c.child, c.partnership])).toEqual([
      ['Milo', 'Oldmere Safeguarding Children Board'],
    ]);
  });

  it('gives no review for a template that tells authors what to write', () => {
    const s = seg(`Template for an executive summary

Serious Case Review

Executive Summary

Case : Child
INTRODUCTION
Summarise why the review was held and how it was carried out, in no more than a
page or two.

List the job titles of everyone who sat on the review panel and who employs each of
them.

Note how far the family took part.

THE FACTS

Summarise the main events in the order they happened.
`);
    expect(s.cases).toEqual([]);
  });
});

describe('requests and answers about policies', () => {
  it('gives no review for a freedom of information answer about reviewing a policy', () => {
    const s = seg(`Bruising policies after the national panel's guidance
Case reference FOI2026/01234
Published 3 March 2026
Request
The Child Safeguarding Practice Review Panel's 2022 advice asked partners to look again at how they respond to bruised babies.
1. Did you carry out a review of your safeguarding policies after that advice was published, and with what result?
2. What did you change?
Response
Our regional procedures group checked the policy in 2023 against the National Panel report. A few words were changed.
`);
    expect(s.cases).toEqual([]);
  });
});

describe('reports with a contents page', () => {
  it('reads a report whose contents lines mention the review as one review of the child on its title page', () => {
    const s = seg(`Serious Case Review: Greyholt LSCB

Greyholt

Safeguarding Children Board

Serious Case Review:

Child F

Publication June 2017

Serious Case Review: Greyholt LSCB

Chapter Page

1 Introduction to the Review Process

Why the Serious Case Review was held 4

Timescale for the SCR 5

Child F's family 5

Working out the findings 24

Finding 1: Nobody heard what Child F was saying 26
`);
    expect(s.cases.map((c) => c.child)).toEqual(['Child F']);
  });

  it('keeps a national analysis of many reviews that names no child', () => {
    const s = seg(`Learning from harm to children: what do the reviews tell us?

Research Report RR-042 Learning from harm to children: a biennial analysis of serious case reviews. Ada Byrne, Tom Healy

Acknowledgements The research team thank the steering group for their advice.
`);
    expect(s.cases).toHaveLength(1);
    expect(s.cases[0]?.reviewType).toBe('NATIONAL');
  });

  it('gives no national review for a project page that names the national panel', () => {
    const s = seg(`Reviews – Learning Support Project
A project on how local reviews are done.
What the project finds will feed the National Child Safeguarding Practice Review Panel's advice to ministers.
Write to us about the project.
`);
    expect(s.cases).toEqual([]);
  });
});

describe('children named the ways news and index pages name them', () => {
  it('takes the name a review gives "only" as the child', () => {
    expect(
      children(`Lessons for agencies after a teenager's death in Greyholt
The boy, referred to only as Tomas in the report, had waited months for mental health support, the review found.
Greyholt's child safeguarding practice review, published in May 2024, says his school knew him well.`),
    ).toEqual(['Tomas']);
  });

  it('takes a child named under a heading that names reviews as a review', () => {
    expect(
      children(`Learning from reviews

Below we sum up what local reviews and audits taught us.

Appreciative inquiries:

Early help planning

Serious Case Reviews:

Child W
`),
    ).toEqual(['Child W']);
  });
});

describe('a partnership page on learning from reviews', () => {
  it('takes the national analysis it describes, not its own heading, and no bulletin from one label-like title', () => {
    const s = seg(`Learning from Serious Case Reviews

Passing on what reviews teach us is part of the job. This year the partnership has published three SCRs; open them from the tiles below.

To talk about a review, ask your manager.

Learning for tomorrow: an analysis of serious case reviews, 2018 to 2020

‘Learning for tomorrow’ looks across 180 cases that led to serious case reviews and covers:

  • the problem of neglect
  • the voice of the child
`);
    expect(s.kind).not.toBe('repository-bulletin');
    expect(s.cases.map((c) => [c.title, c.reviewType])).toEqual([
      ['Learning for tomorrow: an analysis of serious case reviews, 2018 to 2020', 'NATIONAL'],
    ]);
  });
});

describe('bulletins need more than one label line', () => {
  it('reads a single numbered review with one label line as that review', () => {
    const s = seg(`1. Local child safeguarding practice review: Finch

Serious harm to a 4-year-old boy in June 2023 involving neglect.

Learning includes: the nursery's concerns were not passed to the health visitor.`);
    expect(s.cases.map((c) => c.child)).toEqual(['Finch']);
  });
});
