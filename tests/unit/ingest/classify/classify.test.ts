import { describe, expect, it } from 'vitest';
import { classifyCase } from '../../../../ingest/classify/index.ts';
import { loadTaxonomy } from '../../../../ingest/taxonomy/index.ts';
import { entryCase, ids } from './fixture.ts';

const taxonomy = loadTaxonomy();

const ENTRY = [
  '4. Local child safeguarding practice review: Child Q',
  '',
  'Serious injuries to a 7-week-old baby in March 2022, caused by shaking. The family were known to the health visitor and the GP; the mother had been referred to adult mental health services before the birth.',
  '',
  'Learning includes: practitioners did not share information about the father with the midwife; the need to involve fathers in pre-birth assessments; the importance of professional curiosity when parents give inconsistent explanations; supervision should help practitioners notice drift.',
  '',
  'Recommendations include: the safeguarding partnership should audit how bruising protocols are used; health visitors to complete training on safe sleeping.',
].join('\n');

const SUMMARY =
  'Serious injuries to a 7-week-old baby in March 2022, caused by shaking. The family were known to the health visitor and the GP; the mother had been referred to adult mental health services before the birth.';

function childQ() {
  return entryCase(ENTRY, {
    child: 'Child Q',
    summary: SUMMARY,
    learning: [
      'practitioners did not share information about the father with the midwife',
      'the need to involve fathers in pre-birth assessments',
      'the importance of professional curiosity when parents give inconsistent explanations',
      'supervision should help practitioners notice drift',
    ],
    recommendations: [
      'the safeguarding partnership should audit how bruising protocols are used',
      'health visitors to complete training on safe sleeping',
    ],
  });
}

describe('classifyCase', () => {
  it('tags harm types from the whole entry, quoting the sentence that names them', () => {
    const result = classifyCase(childQ(), ENTRY, taxonomy);
    const nahi = result.harmTypes.find((h) => h.id === 'non-accidental-head-injury');
    expect(nahi?.label).toBe('Non-accidental head injury');
    expect(nahi?.evidence.quote).toBe(
      'Serious injuries to a 7-week-old baby in March 2022, caused by shaking.',
    );
    expect(ENTRY.slice(nahi?.evidence.start, nahi?.evidence.end)).toBe(nahi?.evidence.quote);
  });

  it('tags the agencies an entry mentions, each with exact offsets into the text', () => {
    const result = classifyCase(childQ(), ENTRY, taxonomy);
    expect(ids(result.agencies)).toEqual(
      expect.arrayContaining([
        'health-visiting',
        'gp',
        'adult-mental-health',
        'midwifery',
        'safeguarding-partnership',
      ]),
    );
    for (const tag of result.agencies) {
      expect(ENTRY.slice(tag.evidence.start, tag.evidence.end)).toBe(tag.evidence.quote);
    }
  });

  it('gives each learning statement the themes it names, in taxonomy order', () => {
    const [sharing, fathers, curiosity, supervision] = classifyCase(childQ(), ENTRY, taxonomy).learning;
    expect(sharing?.themes).toContain('information-sharing');
    expect(fathers?.themes).toEqual(expect.arrayContaining(['engaging-fathers', 'pre-birth-assessment']));
    expect(curiosity?.themes).toContain('professional-curiosity');
    expect(supervision?.themes).toEqual(['supervision']);
    const order = taxonomy.themes.map((t) => t.id);
    const positions = (fathers?.themes ?? []).map((id) => order.indexOf(id));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('gives each recommendation its specific themes, not the generic ones that ride along', () => {
    const [audit, training] = classifyCase(childQ(), ENTRY, taxonomy).recommendations;
    expect(audit?.themes).toEqual(['bruising-in-non-mobile-babies']);
    expect(training?.themes).toEqual(['safe-sleeping']);
  });

  it('makes the case themes the union of statement themes, each quoting the first statement that named it', () => {
    const result = classifyCase(childQ(), ENTRY, taxonomy);
    const statementThemes = new Set(
      [...result.learning, ...result.recommendations].flatMap((s) => s.themes as string[]),
    );
    for (const id of statementThemes) expect(ids(result.themes)).toContain(id);
    const sharing = result.themes.find((t) => t.id === 'information-sharing');
    expect(sharing?.evidence.quote).toBe(
      'practitioners did not share information about the father with the midwife',
    );
  });

  it('adds themes named only in the summary, quoting the summary sentence', () => {
    const result = classifyCase(childQ(), ENTRY, taxonomy);
    const parental = result.themes.find((t) => t.id === 'parental-mental-health');
    expect(parental?.evidence.quote).toBe(
      'the mother had been referred to adult mental health services before the birth.',
    );
    expect(ENTRY.slice(parental?.evidence.start, parental?.evidence.end)).toBe(parental?.evidence.quote);
  });

  it('uses the summary span the segmenter gives instead of searching for the summary', () => {
    const c = {
      ...childQ(),
      summary: 'rewritten summary',
      summarySpan: { start: 0, end: ENTRY.indexOf('Learning') },
    };
    expect(ids(classifyCase(c, ENTRY, taxonomy).themes)).toContain('parental-mental-health');
  });

  it('returns a copy and leaves the case it was given untouched', () => {
    const input = childQ();
    const before = JSON.stringify(input);
    const result = classifyCase(input, ENTRY, taxonomy);
    expect(JSON.stringify(input)).toBe(before);
    expect(result).not.toBe(input);
    expect(result.title).toBe(input.title);
  });

  it('finds a statement by its text when its offsets point elsewhere', () => {
    const c = childQ();
    const moved = { ...c, learning: c.learning.map((l) => ({ ...l, start: 0, end: 5 })) };
    const result = classifyCase(moved, ENTRY, taxonomy);
    expect(result.learning[2]?.themes).toContain('professional-curiosity');
    expect(ids(result.themes)).toContain('professional-curiosity');
  });

  it('still themes a statement that is not in the text at all, from its own words', () => {
    const c = entryCase(ENTRY, {});
    const orphan = { text: 'weak escalation between agencies', themes: [], start: 0, end: 0 };
    const result = classifyCase({ ...c, learning: [orphan] }, ENTRY, taxonomy);
    expect(result.learning[0]?.themes).toEqual(['escalation']);
  });

  it('only looks inside the entry it is given', () => {
    const text = `${ENTRY}\n\nNext entry: a young person was radicalised online.`;
    const result = classifyCase(entryCase(text, { end: ENTRY.length }), text, taxonomy);
    expect(ids(result.harmTypes)).not.toContain('radicalisation');
  });

  it('classifies an entry with no statements without failing', () => {
    const text = 'Death of an infant after co-sleeping with a parent who had been drinking.';
    const result = classifyCase(entryCase(text), text, taxonomy);
    expect(ids(result.harmTypes)).toContain('sudden-unexpected-death-in-infancy');
    expect(result.learning).toEqual([]);
    expect(result.themes).toEqual([]);
  });
});
