/**
 * The seed documents, read by hand and written down as a specification: every case review each one holds,
 * with the fields its text supports. Values here are short labels (titles, names, places, first words),
 * never sentences from the seeds.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ExtractedCase } from '../../../ingest/extract/types.ts';
import { caseId } from '../../../ingest/identity/index.ts';
import { type Segmentation, segmentDocument } from '../../../ingest/segment/index.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const seedsDir = resolve(repoRoot, '../shared/seeds');
const seedsPresent = existsSync(seedsDir);
if (!seedsPresent) console.log(`seed documents not found at ${seedsDir}: the seed specification is skipped`);

type Statements = [count: number, firstStartsWith?: string, lastStartsWith?: string];

interface Expected {
  title: string;
  child: string | null;
  reviewType: ExtractedCase['reviewType'];
  partnership: string | null;
  authors: string | null;
  reportYear: number | null;
  incidentYear: number | null;
  age: string | null;
  ageBand: ExtractedCase['ageBand'];
  gender: string | null;
  outcome: ExtractedCase['outcome'];
  topic: string | null;
  /** First and last words of the incident summary. */
  summary: [string, string] | null;
  learning: Statements;
  recommendations: Statements;
  actions: Statements;
}

interface SeedDocument {
  file: string;
  kind: Segmentation['kind'];
  title: string;
  publisher: string | null;
  published: string | null;
  cases: Expected[];
}

const none: Statements = [0];

function bulletin(
  title: string,
  child: string,
  reviewType: ExtractedCase['reviewType'],
  reportYear: number,
  incidentYear: number | null,
  age: string,
  ageBand: ExtractedCase['ageBand'],
  gender: string | null,
  outcome: ExtractedCase['outcome'],
  summary: [string, string],
  learning: Statements,
  recommendations: Statements,
  actions: Statements = none,
): Expected {
  return {
    title,
    child,
    reviewType,
    partnership: null,
    authors: null,
    reportYear,
    incidentYear,
    age,
    ageBand,
    gender,
    outcome,
    topic: null,
    summary,
    learning,
    recommendations,
    actions,
  };
}

function newsletter(
  title: string,
  child: string | null,
  partnership: string | null,
  authors: string | null,
  reportYear: number | null,
  incidentYear: number | null,
  age: string | null,
  ageBand: ExtractedCase['ageBand'],
  gender: string | null,
  outcome: ExtractedCase['outcome'],
  topic: string,
  summary: [string, string],
  learning: Statements,
  recommendations: Statements,
): Expected {
  return {
    title,
    child,
    reviewType: 'SCR',
    partnership,
    authors,
    reportYear,
    incidentYear,
    age,
    ageBand,
    gender,
    outcome,
    topic,
    summary,
    learning,
    recommendations,
    actions: none,
  };
}

function national(
  title: string,
  authors: string | null,
  reportYear: number | null,
  summary: [string, string],
  learning: Statements,
): Expected {
  return {
    title,
    child: null,
    reviewType: 'NATIONAL',
    partnership: null,
    authors,
    reportYear,
    incidentYear: null,
    age: null,
    ageBand: null,
    gender: null,
    outcome: null,
    topic: null,
    summary,
    learning,
    recommendations: none,
    actions: none,
  };
}

const SEEDS: SeedDocument[] = [
  {
    file: '000_0ff53f17f3882be0.txt',
    kind: 'repository-bulletin',
    title: 'NSPCC Repository – June 2023',
    publisher: 'NSPCC',
    published: '2023-06',
    cases: [
      bulletin(
        'Local child safeguarding practice review (LCSPR): David',
        'David',
        'LCSPR',
        2023,
        2021,
        '16-year-old',
        '16+',
        'male',
        'serious-harm',
        ['Arrest of a', 'of criminal exploitation.'],
        [6, 'developing positive, strengths-based', 'practitioners need to'],
        [6, 'test and evaluate', 'consider how to'],
      ),
      bulletin(
        "Local child safeguarding practice review (LCSPR) … 'UN21' the overview report",
        'David and Daniel',
        'LCSPR',
        2023,
        null,
        '11-year-old and 14-year-old',
        '11-15',
        'male',
        'serious-harm',
        ['Harmful sexual behaviour', 'foster care placement.'],
        [6, 'professionals in looked-after', 'social work professionals'],
        [3, 'ensure that the', 'ensure that the'],
      ),
      bulletin(
        'Local child safeguarding practice review: Alan',
        'Alan',
        'LCSPR',
        2023,
        2021,
        '16-year-old',
        '16+',
        'male',
        'serious-harm',
        ['Accident and emergency', 'neglect and malnourishment.'],
        [5, 'multi-agency barriers and', 'the impact of'],
        [6, 'agencies providing intervention', 'procedures should focus'],
      ),
      bulletin(
        'Child A: Child safeguarding practice review',
        'Child A',
        'CSPR',
        2023,
        null,
        '16-year-old',
        '16+',
        'female',
        'death',
        ['Death of a', 'died by suicide.'],
        [6, 'interagency working when', 'school transition from'],
        [5, 'a multi-agency reflective', 'consider how peer'],
      ),
      bulletin(
        'Serious case review independent overview report: Family T',
        'Family T',
        'SCR',
        2023,
        null,
        '14-weeks-old',
        'under 1',
        'female',
        'serious-harm',
        ['Significant non-accidental physical', 'siblings aged 14-weeks-old.'],
        [9, 'a need for', 'a robust multiagency'],
        [6, 'timely communication with', 'early identification of'],
      ),
      bulletin(
        'Child safeguarding practice review concerning Marie',
        'Marie',
        'CSPR',
        2023,
        2020,
        '16-year-old',
        '16+',
        'female',
        'death',
        ['Death of a', '2020 by suicide.'],
        [6, 'the need for', 'ensure initial early'],
        [3, 'update the local', 'consider whether a'],
      ),
    ],
  },
  {
    file: '001_21a86219fc7bc350.txt',
    kind: 'repository-bulletin',
    title: 'NSPCC Repository – February 2022',
    publisher: 'NSPCC',
    published: '2022-02',
    cases: [
      bulletin(
        'Local Child Safeguarding Practice Review: overview report: Child RS',
        'Child RS',
        'LCSPR',
        2022,
        2019,
        '4-month-old',
        'under 1',
        null,
        'serious-harm',
        ['Serious and potentially', 'proceedings were instigated.'],
        [8, 'bruising on non-mobile', 'be aware that'],
        [3, 'ensure that the', 'ensure that guidance'],
      ),
      bulletin(
        'Local Child Safeguarding Practice Review: Joshua',
        'Joshua',
        'LCSPR',
        2022,
        null,
        '8-year-old',
        '6-10',
        'male',
        'serious-harm',
        ['Neglect and sexual', 'child protection plan.'],
        [7, 'the need to', 'the importance of'],
        [4, 'develop an overarching', 'explore and understand'],
      ),
      bulletin(
        'Baby ‘R’: Local Child Safeguarding Practice Review',
        'Baby R',
        'LCSPR',
        2022,
        2020,
        '4-week-old',
        'under 1',
        'male',
        'death',
        ['Death of a', 'non-accidental head injuries.'],
        [5, 'the family should', 'bruises or marks'],
        [4, 'current approaches to', 'ensure practitioners understand'],
      ),
      bulletin(
        'Local Child Safeguarding Practice Review: Overview Report: Mia',
        'Mia',
        'LCSPR',
        2022,
        2020,
        '8-month-old',
        'under 1',
        'female',
        'death',
        ['Death of an', 'three weeks later.'],
        [4, 'considering risks for', 'whether COVID-19 restrictions'],
        [6, 'emphasising the importance', 'work to support'],
      ),
      bulletin(
        'Local Child Safeguarding Practice Review: Child R',
        'Child R',
        'LCSPR',
        2022,
        2020,
        '2-year-old',
        '1-5',
        'male',
        'serious-harm',
        ['Extensive physical injuries', 'in April 2020.'],
        [3, 'Issues around information', 'the importance of'],
        [5, 'review policies covering', 'improve how practitioners'],
      ),
      bulletin(
        'Serious Case Review: Child P (full overview report)',
        'Child P',
        'SCR',
        2022,
        2018,
        '5-year-old',
        '1-5',
        null,
        'serious-harm',
        ['Injury and mental', 'to attempted murder.'],
        [5, 'the potential impact', 'effective multi-agency working'],
        [6, 'use interpreters consistently', 'ensure that staff'],
      ),
      bulletin(
        'Serious Case Review: Toby (full overview report)',
        'Toby',
        'SCR',
        2022,
        2018,
        '5-week-old',
        'under 1',
        'male',
        'death',
        ['Death of a', 'non-accidental head injury.'],
        [2, 'lack of collaborative', 'information sharing within'],
        [3, 'develop systems and', 'improve the capacity'],
      ),
      bulletin(
        'Serious Case Review Child L: … (full overview report)',
        'Child L',
        'SCR',
        2022,
        null,
        '3-years-6-months-old',
        '1-5',
        'female',
        'serious-harm',
        ['Significant non-accidental injuries', 'years in prison.'],
        [4, 'issues around communication', 'the need to'],
        none,
        [4, 'revision of midwifery', 'a pilot project'],
      ),
    ],
  },
  {
    file: '002_1a63f12ad85dbbc8.txt',
    kind: 'national-publications',
    title: 'Learning from case reviews – national publications',
    publisher: 'NSCP',
    published: null,
    cases: [
      national(
        'Complexity and challenge: A triennial analysis of serious case reviews 2014-2017',
        null,
        null,
        ['This report analyses', 'and Early Help.'],
        [22, 'Neglect featured in', 'Referral forms, assessment'],
      ),
      national(
        'The Child Safeguarding Practice Review Panel … 2018 – 2019',
        null,
        null,
        ['The National Child', 'and December 19.'],
        [13, 'Optimistic Thinking', '27% (144) of'],
      ),
      national(
        'Safeguarding children at risk from criminal exploitation',
        null,
        null,
        ['This is the', 'and March 2019.'],
        [11, 'Ethnicity and gender', 'Comprehensive risk management'],
      ),
    ],
  },
  {
    file: '003_fcca8598beaff0b9.txt',
    kind: 'topic-newsletter',
    title: 'South Gloucestershire Safeguarding … Research Quarter Two',
    publisher: 'South Gloucestershire Safeguarding Children Board',
    published: null,
    cases: [
      newsletter(
        'Serious case review: Child B',
        'Child B',
        'Camden Safeguarding Children Board',
        'Keith Ibbetson',
        2016,
        2014,
        'nine-week-old',
        'under 1',
        'female',
        'serious-harm',
        'Domestic Abuse',
        ['Serious injury of', 'as a child.'],
        [1, "Child B's parents"],
        [5, 'Camden LSCB should', 'the LSCB should'],
      ),
      newsletter(
        'Serious case review: Child K',
        'Child K',
        'Rochdale Borough Safeguarding Children Board',
        'James Blewett',
        2017,
        null,
        null,
        null,
        'female',
        'death',
        'Domestic Abuse',
        ['Death of a', 'of social workers.'],
        [2, 'poor decision-making by', 'the need to'],
        [1, 'the LSCB to'],
      ),
      newsletter(
        'Serious case review: Martin',
        'Martin',
        null,
        'Jane Wonnacott',
        2017,
        2016,
        '14-year-old',
        '11-15',
        'male',
        'death',
        'Adolescence',
        ['Death of a', 'was not made.'],
        [3, 'the challenge for', 'specific practice issues'],
        [3, 'to strengthen the', 'to review the'],
      ),
      newsletter(
        'Serious case review: Harry',
        'Harry',
        'Thurrock Local Safeguarding Children Board',
        'Fergus Smith',
        2017,
        null,
        '16-year-old',
        '16+',
        'male',
        'death',
        'Adolescence',
        ['Death of a', 'in the YOI.'],
        [4, 'possible side effects', 'weaknesses in internal'],
        [4, 'strengthen its procedures', 'NHS England should'],
      ),
      newsletter(
        'Serious case review: Jack',
        'Jack',
        'Bradford Safeguarding Children Board',
        'Stephen Ashley',
        2017,
        null,
        'from the age of 13',
        '11-15',
        'male',
        'serious-harm',
        'Child Sexual Exploitation',
        ['A teenage boy,', 'school and GPs.'],
        [6, 'a lack of', 'absence of leadership'],
        [3, 'the need to', 'that issues relating'],
      ),
      newsletter(
        'Serious case review: Jeanette',
        'Jeanette',
        'Calderdale Safeguarding Children Board',
        'Barry Raynes',
        2016,
        null,
        'aged between 13 and 15',
        '11-15',
        'female',
        'serious-harm',
        'Child Sexual Exploitation',
        ['Sexual exploitation of', '25 were charged.'],
        [4, 'failure to allocate', 'a lack of'],
        [5, 'that police and', 'a version of'],
      ),
      newsletter(
        'Serious case review: Child Sexual Exploitation 1998 - 2016',
        null,
        'Buckinghamshire Safeguarding Children Board',
        'Eleanor Stobart',
        2017,
        null,
        null,
        null,
        null,
        'serious-harm',
        'Child Sexual Exploitation',
        ['Discusses all the', 'working on CSE.'],
        none,
        [4, 'Buckinghamshire Safeguarding Children', 'the government should'],
      ),
      newsletter(
        'Serious case review: Child A',
        'Child A',
        'Hertfordshire Safeguarding Children Board',
        'Jane Wiffin and Dave Peplow',
        2016,
        2013,
        'aged eight',
        '6-10',
        'male',
        'serious-harm',
        'Children with Additional Needs/Substance Abuse',
        ['Discovery of multiple', 'at continued risk.'],
        [2, 'there is multi-agency', "there's an unwillingness"],
        [1, 'the LSCB should'],
      ),
      newsletter(
        'Serious case review into services … Child S and Family',
        'Child S',
        'Waltham Forest Safeguarding Children Board',
        'Alan Bedford',
        2017,
        2014,
        '3-year-old',
        '1-5',
        null,
        'death',
        'Children with Additional Needs/Substance Abuse',
        ['Death of 3-year-old', 'in the transition.'],
        [11, 'coordination and leadership', 'police sharing information'],
        [5, 'pre-birth planning and', 'embedding healthy scepticism'],
      ),
      newsletter(
        'Serious case review: Child D',
        'Child D',
        'Swindon Local Safeguarding Children Board',
        'Helen Davies',
        2016,
        null,
        '2 week old',
        'under 1',
        'male',
        'death',
        'Safe Sleeping/Substance Abuse',
        ['Death of a', 'from domestic abuse.'],
        [6, 'communication between agencies', 'hospitalisation'],
        [4, 'training for staff', 'assessing parental capacity'],
      ),
      newsletter(
        'Serious case review: Child B',
        'Child B',
        'Staffordshire Safeguarding Children Board',
        'Mick Muir',
        2017,
        2014,
        '14-month old',
        '1-5',
        'female',
        'death',
        'Safe Sleeping/Substance Abuse',
        ['Death of a', "mother's alcohol misuse."],
        [6, 'there was evidence', 'there was failure'],
        [3, 'involving fathers and', 'interagency communication'],
      ),
      newsletter(
        'Serious case review: Child P',
        'Child P',
        'Norfolk Safeguarding Children Board',
        null,
        2016,
        2014,
        '15-year-old',
        '11-15',
        'female',
        'serious-harm',
        'Sexual Abuse',
        ['Sexual abuse of', 'abuse by mother.'],
        [2, 'insufficient knowledge on', 'fragmentation of available'],
        [4, 'developing guidance for', 'GP safeguarding policies'],
      ),
      newsletter(
        'Serious case review: Child R',
        'Child R',
        'Haringey Safeguarding Children Board',
        'Moira Murray',
        2016,
        2015,
        '6-month-old',
        'under 1',
        'male',
        'death',
        'Risk Assessment; Parents in the Criminal Justice System',
        ['Death of a', 'contact with agencies.'],
        [1, 'agencies failed to'],
        [2, 'when police are', 'ensure that the'],
      ),
      newsletter(
        'Serious case review: Philip, (and his siblings, John and Darren)',
        'Philip',
        'Gloucestershire Local Safeguarding Children Board',
        'Jane Wiffin',
        2016,
        null,
        'aged three',
        '1-5',
        'male',
        'serious-harm',
        'Risk Assessment; Parents in the Criminal Justice System',
        ['Serious, non-accidental injuries', "partner's offending behaviour."],
        [3, 'the importance of', 'the importance of'],
        [1, 'Gloucestershire Safeguarding Children'],
      ),
      newsletter(
        'Serious case review: Bethany',
        'Bethany',
        'Central Bedfordshire Safeguarding Children Board',
        'Amy Weir',
        2016,
        2015,
        'aged 19 months',
        '1-5',
        'female',
        'death',
        'Parental Learning Disability',
        ['Death of a', 'could be completed.'],
        [4, 'the assessment of', 'there were issues'],
        [3, 'the LSCB should', 'ensure multi-agency challenge'],
      ),
      newsletter(
        'Serious case review: Child T',
        'Child T',
        'Warwickshire Safeguarding Children Board',
        'Naomi Bentley-Lawson',
        2017,
        2013,
        '23-month-old',
        '1-5',
        'male',
        'death',
        'Looked After Children',
        ['Death of a', 'term of imprisonment.'],
        [4, 'the role of', 'information sharing between'],
        [3, 'ensure that partner', 'the role of'],
      ),
      newsletter(
        'Serious case review: Siblings W and X',
        'Siblings W and X',
        'Brighton and Hove Local Safeguarding Children Board',
        'Edi Carmi and Anna Gianfrancesco',
        2017,
        2014,
        'aged 17',
        '16+',
        'male',
        'death',
        'Radicalisation',
        ['Reported deaths of', 'country of origin.'],
        [2, 'professionals do not', 'efforts to support'],
        [1, 'practitioners need to'],
      ),
      newsletter(
        'Serious case review: Child M',
        'Child M',
        'Waltham Forest Safeguarding Children Board',
        'Howard Jones',
        2017,
        2014,
        '6-year-old',
        '6-10',
        null,
        'serious-harm',
        'Neglect',
        ['6-year-old child, "M",', 'experienced domestic abuse.'],
        [3, 'inconsistent information sharing', 'families with known'],
        [1, 'how confident they'],
      ),
      newsletter(
        'Child J',
        'Child J',
        null,
        null,
        null,
        2014,
        '7-year-old',
        '6-10',
        'female',
        'death',
        'Neglect',
        ['Death of a', 'the NSPCC helpline.'],
        [3, 'there was a', 'the importance placed'],
        [1, 'professionals should not'],
      ),
    ],
  },
  {
    file: '004_c4416a36beb88ed5.txt',
    kind: 'national-briefing',
    title: "2019 Triennial Analysis of Serious Case Reviews: Children's social care",
    publisher: 'Research in Practice',
    published: '2020-03',
    cases: [
      national(
        "2019 Triennial Analysis of Serious Case Reviews: Children's social care",
        'Penny Sturt with Research in Practice',
        2020,
        ['This briefing summarises', 'family social care.'],
        [62, 'Rectifying the physical', 'The need to'],
      ),
    ],
  },
];

const words = (text: string, n: number, fromEnd = false): string => {
  const all = text.replace(/\s+/g, ' ').trim().split(' ');
  return (fromEnd ? all.slice(-n) : all.slice(0, n)).join(' ');
};

function expectStatements(actual: { text: string }[], [count, first, last]: Statements): void {
  expect(actual).toHaveLength(count);
  if (first !== undefined) expect(actual[0]?.text.startsWith(first)).toBe(true);
  if (last !== undefined) expect(actual[actual.length - 1]?.text.startsWith(last)).toBe(true);
}

/**
 * Long titles are written as "head … tail" so the specification names them without quoting whole lines
 * of the seed documents; a title matches when it starts with the head and ends with the tail.
 */
function titleMatches(actual: string, expected: string): boolean {
  const [head, tail] = expected.split(' … ');
  if (tail === undefined) return actual === expected;
  return actual.startsWith(head ?? '') && actual.endsWith(tail) && actual.length > expected.length;
}

function titlesAsWritten(actual: string[], expected: string[]): string[] {
  return actual.map((a, i) => (expected[i] !== undefined && titleMatches(a, expected[i]) ? expected[i] : a));
}

describe.skipIf(!seedsPresent)('the seed documents', () => {
  const segmented = new Map<string, { text: string; seg: Segmentation }>();
  const read = (file: string) => {
    let hit = segmented.get(file);
    if (!hit) {
      const text = readFileSync(resolve(seedsDir, file), 'utf8');
      hit = { text, seg: segmentDocument({ text, hints: [] }) };
      segmented.set(file, hit);
    }
    return hit;
  };

  for (const doc of SEEDS) {
    describe(doc.file, () => {
      it(`is a ${doc.kind} holding ${doc.cases.length} case review(s)`, () => {
        const { seg } = read(doc.file);
        expect(seg.kind).toBe(doc.kind);
        const want = doc.cases.map((c) => c.title);
        expect(
          titlesAsWritten(
            seg.cases.map((c) => c.title),
            want,
          ),
        ).toEqual(want);
      });

      it('reads the document title, publisher and date as printed', () => {
        const { seg } = read(doc.file);
        expect({
          title: titlesAsWritten([seg.title], [doc.title])[0],
          publisher: seg.publisher,
          published: seg.published,
        }).toEqual({
          title: doc.title,
          publisher: doc.publisher,
          published: doc.published,
        });
      });

      doc.cases.forEach((want, i) => {
        it(`fills the fields of entry ${i + 1}: ${want.child ?? want.title}`, () => {
          const got = read(doc.file).seg.cases[i] as ExtractedCase;
          expect({
            child: got.child,
            reviewType: got.reviewType,
            partnership: got.partnership,
            authors: got.authors,
            reportYear: got.reportYear,
            incidentYear: got.incidentYear,
            age: got.age,
            ageBand: got.ageBand,
            gender: got.gender,
            outcome: got.outcome,
            topic: got.topic,
          }).toEqual({
            child: want.child,
            reviewType: want.reviewType,
            partnership: want.partnership,
            authors: want.authors,
            reportYear: want.reportYear,
            incidentYear: want.incidentYear,
            age: want.age,
            ageBand: want.ageBand,
            gender: want.gender,
            outcome: want.outcome,
            topic: want.topic,
          });
          const summary = want.summary;
          if (summary) {
            expect(words(got.summary ?? '', summary[0].split(' ').length)).toBe(summary[0]);
            expect(words(got.summary ?? '', summary[1].split(' ').length, true)).toBe(summary[1]);
          }
        });

        it(`splits the statements of entry ${i + 1} as printed`, () => {
          const got = read(doc.file).seg.cases[i] as ExtractedCase;
          expectStatements(got.learning, want.learning);
          expectStatements(got.recommendations, want.recommendations);
          expectStatements(got.actions, want.actions);
        });
      });

      it('points every statement, summary and entry span at the exact source text', () => {
        const { text, seg } = read(doc.file);
        for (const c of seg.cases) {
          expect(text.slice(c.start, c.end).length).toBeGreaterThan(0);
          for (const s of [...c.learning, ...c.recommendations, ...c.actions]) {
            expect(text.slice(s.start, s.end)).toBe(s.text);
            expect(s.start >= c.start && s.end <= c.end).toBe(true);
            expect(s.text).toBe(s.text.trim());
          }
          if (c.summary !== null) {
            expect(c.summarySpan && text.slice(c.summarySpan.start, c.summarySpan.end)).toBe(c.summary);
          }
        }
      });

      it('leaves classification and ids to later stages', () => {
        for (const c of read(doc.file).seg.cases) {
          expect(c.id).toBe('');
          expect([c.harmTypes, c.agencies, c.themes]).toEqual([[], [], []]);
          expect([...c.learning, ...c.actions].every((s) => s.themes.length === 0)).toBe(true);
          expect(c.recommendations.every((r) => r.agencies.length === 0 && r.themes.length === 0)).toBe(true);
        }
      });
    });
  }

  it('finds 33 case reviews and 4 national publications in all', () => {
    const all = SEEDS.flatMap((d) => read(d.file).seg.cases);
    expect(all.filter((c) => c.reviewType !== 'NATIONAL')).toHaveLength(33);
    expect(all.filter((c) => c.reviewType === 'NATIONAL')).toHaveLength(4);
  });

  it('gives all 37 seed reviews distinct ids, including the two Child B, Child A and Child P and three Child R', () => {
    const ids = SEEDS.flatMap((d) => read(d.file).seg.cases.map(caseId));
    expect(ids).toHaveLength(37);
    expect(new Set(ids).size).toBe(37);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('keys reviews with a known board on pseudonym, place and year, without a hash', () => {
    const newsletterIds = read('003_fcca8598beaff0b9.txt').seg.cases.map(caseId);
    expect(newsletterIds).toContain('child-b-camden-2016');
    expect(newsletterIds).toContain('child-b-staffordshire-2017');
    expect(newsletterIds).toContain('child-r-haringey-2016');
  });

  it('follows a learning list across the blank line that splits it (second June 2023 entry)', () => {
    const { text, seg } = read('000_0ff53f17f3882be0.txt');
    const wrapped = seg.cases[1]?.learning[3];
    expect(wrapped?.text).toMatch(
      /^understanding that early neglect[\s\S]*\n\n[\s\S]*harmful sexual behaviour$/,
    );
    expect(text.slice(wrapped?.start, wrapped?.end)).toBe(wrapped?.text);
  });

  it('keeps the addressee of "Recommendations for ... include" as a hint for the classifier', () => {
    const recs = read('000_0ff53f17f3882be0.txt').seg.cases[1]?.recommendations ?? [];
    expect(recs.map((r) => r.targetHint)).toEqual(Array(3).fill("the Director of Children's Services"));
    const harry = read('003_fcca8598beaff0b9.txt').seg.cases[3]?.recommendations ?? [];
    expect(harry.map((r) => r.targetHint ?? null)).toEqual(['the YOI', null, null, null]);
  });

  it('reads the same entries when the plain-text reader supplies its layout hints', async () => {
    const { readFile } = await import('../../../ingest/read/index.ts');
    for (const doc of SEEDS) {
      const result = await readFile(resolve(seedsDir, doc.file));
      if (!result.ok) throw new Error(result.error.message);
      const seg = segmentDocument({ text: result.doc.text, hints: result.doc.hints });
      expect(seg.kind).toBe(doc.kind);
      const titles = titlesAsWritten(
        seg.cases.map((c) => c.title),
        doc.cases.map((c) => c.title),
      );
      expect(seg.cases.map((c, i) => [titles[i], c.learning.length, c.recommendations.length])).toEqual(
        doc.cases.map((c) => [c.title, c.learning[0], c.recommendations[0]]),
      );
    }
  });
});
