import { describe, expect, it } from 'vitest';
import type { ExtractedCase } from '../../../../ingest/extract/types.ts';
import { caseId } from '../../../../ingest/identity/index.ts';
import { RunIdentities, settleIdentities } from '../../../../ingest/identity/resolve.ts';
import { entryCase } from '../classify/fixture.ts';

function review(fields: Partial<ExtractedCase>): ExtractedCase {
  const title = fields.title ?? fields.child ?? 'Review';
  const c = { ...entryCase('A fictional summary.', { summary: 'A fictional summary.' }), title, ...fields };
  return { ...c, id: caseId(c) };
}

const harm = (id: string) => ({ id, label: id, evidence: { quote: id, start: 0, end: id.length } });
const doc = (...cases: ExtractedCase[]) => ({ cases, warnings: [] as string[] });

describe('one review met in several documents of a run', () => {
  it('gives a briefing the id of the list entry for the same child and area', () => {
    const run = new RunIdentities();
    const entry = review({ child: 'Child T', partnership: 'Eastmere', reportYear: 2019 });
    const briefing = review({ child: 'Child T', partnership: 'Eastmere Safeguarding Children Partnership' });
    settleIdentities(doc(entry), run);
    expect(settleIdentities(doc(briefing), run).cases[0]?.id).toBe(entry.id);
  });

  it('merges when one area is missing but the year and the age band agree', () => {
    const run = new RunIdentities();
    const entry = review({ child: 'Baby R', partnership: 'Wrenford', reportYear: 2021, ageBand: 'under 1' });
    const news = review({ child: 'Baby R', reportYear: 2021, ageBand: 'under 1' });
    settleIdentities(doc(entry), run);
    expect(settleIdentities(doc(news), run).cases[0]?.id).toBe(entry.id);
  });

  it('keeps apart two children who share a pseudonym in different areas', () => {
    const run = new RunIdentities();
    const camden = review({ child: 'Child B', partnership: 'Northgate', reportYear: 2016 });
    const other = review({ child: 'Child B', partnership: 'Southwick', reportYear: 2017 });
    settleIdentities(doc(camden), run);
    const settled = settleIdentities(doc(other), run);
    expect(settled.cases[0]?.id).toBe(other.id);
    expect(settled.warnings).toEqual([]);
  });

  it('keeps apart children whose harm types contradict each other', () => {
    const run = new RunIdentities();
    const a = review({ child: 'Child K', reportYear: 2020, harmTypes: [harm('neglect')] });
    const b = review({ child: 'Child K', reportYear: 2020, harmTypes: [harm('suicide')] });
    settleIdentities(doc(a), run);
    expect(settleIdentities(doc(b), run).cases[0]?.id).toBe(b.id);
  });

  it('names a match the printed fields cannot settle as a possible duplicate, and keeps it apart', () => {
    const run = new RunIdentities();
    const entry = review({ child: 'Child M', partnership: 'Lindenbridge', reportYear: 2018 });
    const news = review({ child: 'Child M', summary: 'Another fictional summary.' });
    settleIdentities(doc(entry), run);
    const settled = settleIdentities(doc(news), run);
    expect(settled.cases[0]?.id).toBe(news.id);
    expect(settled.warnings.join(' ')).toMatch(
      /possible duplicate: "Child M" .* may be the review "Child M"/,
    );
  });
});
