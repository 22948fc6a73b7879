import { describe, expect, it } from 'vitest';
import { classifyCase } from '../../../../ingest/classify/index.ts';
import type { ExtractedCase } from '../../../../ingest/extract/types.ts';
import { curatorReport, renderCuratorReport } from '../../../../ingest/report/index.ts';
import { phrasesOf } from '../../../../ingest/report/phrases.ts';
import { loadTaxonomy } from '../../../../ingest/taxonomy/index.ts';
import { entryCase } from '../classify/fixture.ts';

const taxonomy = loadTaxonomy();

const BULLETIN = [
  '1. Practice review: Child N',
  'Neglect of a 6-year-old girl.',
  'Learning includes: poor information sharing between the school and the GP; tidy garden sheds attract vermin; weekend rota gaps left the family without a visit.',
  'Recommendations include: children\u2019s social care to review weekend rota gaps; the school should record concerns.',
].join('\n');

const NEWSLETTER = [
  'Serious case review: Child M',
  'Physical abuse of a 2-year-old boy.',
  'Findings include: weekend rota gaps delayed the response; too little professional curiosity | about bruising.',
  'Recommendations include: fix the bus timetable.',
].join('\n');

function docs(): Array<{ path: string; cases: ExtractedCase[] }> {
  const n = entryCase(BULLETIN, {
    title: 'Practice review: Child N',
    learning: [
      'poor information sharing between the school and the GP',
      'tidy garden sheds attract vermin',
      'weekend rota gaps left the family without a visit',
    ],
    recommendations: [
      'children\u2019s social care to review weekend rota gaps',
      'the school should record concerns',
    ],
  });
  const m = entryCase(NEWSLETTER, {
    title: 'Serious case review: Child M',
    learning: [
      'weekend rota gaps delayed the response',
      'too little professional curiosity | about bruising',
    ],
    recommendations: ['fix the bus timetable'],
  });
  return [
    { path: 'library/bulletin.txt', cases: [classifyCase(n, BULLETIN, taxonomy)] },
    { path: 'library/newsletter.txt', cases: [classifyCase(m, NEWSLETTER, taxonomy)] },
  ];
}

describe('curatorReport', () => {
  it('counts documents, cases and statements, and how many statements matched a theme', () => {
    const report = curatorReport(docs(), taxonomy);
    expect(report.taxonomyVersion).toBe(taxonomy.version);
    expect(report.documents[0]).toMatchObject({
      path: 'library/bulletin.txt',
      cases: 1,
      learning: 3,
      learningMatched: 1,
      recommendations: 2,
    });
    expect(report.totals).toMatchObject({ documents: 2, cases: 2, learning: 5, recommendations: 3 });
  });

  it('lists the statements that matched no theme with their file and case', () => {
    const unmatched = curatorReport(docs(), taxonomy).unmatched;
    expect(unmatched).toContainEqual(
      expect.objectContaining({
        file: 'library/bulletin.txt',
        caseTitle: 'Practice review: Child N',
        kind: 'learning',
        text: 'tidy garden sheds attract vermin',
      }),
    );
    expect(unmatched).toContainEqual(
      expect.objectContaining({
        file: 'library/newsletter.txt',
        kind: 'recommendation',
        text: 'fix the bus timetable',
      }),
    );
    expect(unmatched.map((u) => u.text)).not.toContain(
      'poor information sharing between the school and the GP',
    );
  });

  it('suggests recurring phrases the taxonomy does not cover, with where they occur', () => {
    const candidates = curatorReport(docs(), taxonomy).candidates;
    const rota = candidates.find((c) => c.phrase === 'weekend rota gaps');
    expect(rota?.statements).toBe(3);
    expect(rota?.examples).toEqual([
      { file: 'library/bulletin.txt', caseTitle: 'Practice review: Child N' },
      { file: 'library/newsletter.txt', caseTitle: 'Serious case review: Child M' },
    ]);
    expect(candidates.map((c) => c.phrase)).not.toContain('weekend rota');
  });

  it('does not suggest phrases the taxonomy already covers, nor pieces of them', () => {
    const phrases = curatorReport(docs(), taxonomy, { minStatements: 1, candidateLimit: 500 }).candidates.map(
      (c) => c.phrase,
    );
    expect(phrases.some((p) => p.includes('garden sheds'))).toBe(true);
    expect(phrases).not.toContain('information sharing');
    expect(phrases).not.toContain('professional curiosity');
    expect(phrases.some((p) => p.includes('curiosity') || p.includes('sharing'))).toBe(false);
  });

  it('counts cases, learning statements and recommendations per theme', () => {
    const report = curatorReport(docs(), taxonomy);
    const sharing = report.themes.find((t) => t.id === 'information-sharing');
    expect(sharing).toMatchObject({ cases: 1, learning: 1, recommendations: 0, group: 'multi-agency' });
    expect(report.themes).toHaveLength(taxonomy.themes.length);
    expect(report.harmTypes.find((h) => h.id === 'neglect')?.cases).toBe(1);
    expect(report.agencies.find((a) => a.id === 'school')).toMatchObject({ cases: 1, targeted: 1 });
  });

  it('is empty but well formed for no documents', () => {
    const report = curatorReport([], taxonomy);
    expect(report.totals.documents).toBe(0);
    expect(renderCuratorReport(report)).toContain('0 documents');
  });
});

describe('renderCuratorReport', () => {
  it('writes Markdown sections for documents, unmatched statements, candidates and themes', () => {
    const markdown = renderCuratorReport(curatorReport(docs(), taxonomy));
    expect(markdown).toMatch(/^# Curator report\n/);
    for (const heading of [
      '## Documents',
      '## Statements that matched no theme (',
      '## Frequent phrases the taxonomy does not cover',
      '## Themes',
      '## Harm types',
      '## Agencies',
    ]) {
      expect(markdown).toContain(heading);
    }
    expect(markdown).toContain('| library/bulletin.txt | 1 | 3 | 33.3% |');
    expect(markdown).toContain('| weekend rota gaps | 3 |');
  });

  it('escapes pipes so a statement cannot break its table row', () => {
    const report = curatorReport(docs(), taxonomy);
    const withPipe = { ...report, unmatched: [{ ...report.unmatched[0], text: 'a | b' }] } as typeof report;
    expect(renderCuratorReport(withPipe)).toContain('a \\| b');
  });
});

describe('candidate phrases', () => {
  it('are two to four words that neither start nor end with a stop word', () => {
    expect(phrasesOf('the weekend rota gaps of the team')).toEqual([
      'weekend rota',
      'weekend rota gaps',
      'rota gaps',
      'gaps of the team',
    ]);
  });

  it('do not run across punctuation', () => {
    expect(phrasesOf('garden sheds; vermin traps')).toEqual(['garden sheds', 'vermin traps']);
  });
});

describe('what a curator has to decide', () => {
  const report = curatorReport(
    [
      {
        path: 'how-reviews-work.txt',
        cases: [],
        warnings: ['no case review taken: it describes case reviews in general'],
      },
      {
        path: 'news-child-m.txt',
        cases: [],
        warnings: [
          'possible duplicate: "Child M" (child-m-1a2b3c) may be the review "Child M" (child-m-northgate-2018) met earlier; kept apart',
        ],
      },
    ],
    taxonomy,
  );

  it('lists documents that gave no review, with the reason', () => {
    expect(report.withoutReviews).toContainEqual({
      file: 'how-reviews-work.txt',
      note: 'no case review taken: it describes case reviews in general',
    });
  });

  it('lists possible duplicates kept apart, in the report and its Markdown', () => {
    expect(report.possibleDuplicates.map((d) => d.file)).toEqual(['news-child-m.txt']);
    expect(renderCuratorReport(report)).toMatch(/## Possible duplicates \(kept apart\) \(1\)/);
  });
});
