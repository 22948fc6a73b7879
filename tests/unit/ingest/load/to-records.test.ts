import { describe, expect, it } from 'vitest';
import type { ExtractedCase, ExtractedDocument } from '../../../../ingest/extract/types.ts';
import { sourceId, statementId, titleLine, toSourceBatch } from '../../../../ingest/load/to-records.ts';

const TEXT = [
  'Fictional Bulletin – May 2024',
  '',
  '1. Local child safeguarding practice review: Robin',
  '',
  'Death of a 3-month-old boy in 2023 after an unsafe sleep.',
  '',
  'Learning includes: safer sleep advice was not repeated; the health visitor did not meet the father.',
  '',
  'Recommendations include: health visitors to repeat safer sleep advice at every contact.',
].join('\n');

function span(quote: string) {
  const start = TEXT.indexOf(quote);
  if (start < 0) throw new Error(`fixture lacks ${quote}`);
  return { quote, start, end: start + quote.length };
}

function robin(): ExtractedCase {
  const entry = span(TEXT.slice(TEXT.indexOf('1. Local')));
  const learning1 = span('safer sleep advice was not repeated');
  const learning2 = span('the health visitor did not meet the father');
  const rec = span('health visitors to repeat safer sleep advice at every contact');
  return {
    id: 'case-robin',
    title: 'Local child safeguarding practice review: Robin',
    child: 'Robin',
    reviewType: 'LCSPR',
    partnership: null,
    authors: null,
    reportYear: 2024,
    incidentYear: 2023,
    age: '3 months',
    ageBand: 'under 1',
    gender: 'male',
    outcome: 'death',
    summary: 'Death of a 3-month-old boy in 2023 after an unsafe sleep.',
    topic: null,
    start: entry.start,
    end: entry.end,
    harmTypes: [
      { id: 'sudi', label: 'Sudden unexpected infant death', evidence: span('after an unsafe sleep') },
    ],
    agencies: [{ id: 'health-visiting', label: 'Health visiting', evidence: span('the health visitor') }],
    themes: [
      { id: 'safer-sleep', label: 'Safer sleep', evidence: span('safer sleep advice was not repeated') },
    ],
    learning: [
      { text: learning1.quote, themes: ['safer-sleep'], start: learning1.start, end: learning1.end },
      { text: learning2.quote, themes: ['hidden-men'], start: learning2.start, end: learning2.end },
    ],
    recommendations: [
      {
        text: rec.quote,
        agencies: ['health-visiting'],
        themes: ['safer-sleep'],
        start: rec.start,
        end: rec.end,
      },
    ],
    actions: [],
  };
}

function document(cases: ExtractedCase[]): ExtractedDocument {
  return {
    path: '/library/fictional-bulletin.txt',
    sha256: 'a'.repeat(64),
    format: 'txt',
    kind: 'repository-bulletin',
    layout: 'repository-bulletin',
    confidence: 0.9,
    title: 'Fictional Bulletin – May 2024',
    publisher: 'Fictional Library',
    published: '2024-05',
    cases,
    warnings: [],
  };
}

describe('toSourceBatch', () => {
  const batch = toSourceBatch(document([robin()]), TEXT, '2024-06-01T00:00:00.000Z');

  it('keys the source by its path and content, keeps the content hash and the text evidence points into', () => {
    expect(batch.source).toMatchObject({
      id: sourceId('file', '/library/fictional-bulletin.txt', 'a'.repeat(64)),
      sha256: 'a'.repeat(64),
      path: '/library/fictional-bulletin.txt',
      kind: 'repository-bulletin',
      published: '2024-05',
      ingestedAt: '2024-06-01T00:00:00.000Z',
      text: TEXT,
    });
  });

  it('writes one case review record with the extracted fields', () => {
    expect(batch.cases).toEqual([
      expect.objectContaining({ id: 'case-robin', child: 'Robin', ageBand: 'under 1' }),
    ]);
    expect(batch.cases[0]).not.toHaveProperty('harmTypes');
  });

  it('writes each learning and recommendation statement verbatim with its offsets', () => {
    expect(batch.learning.map((l) => l.text)).toEqual([
      'safer sleep advice was not repeated',
      'the health visitor did not meet the father',
    ]);
    expect(batch.recommendations).toHaveLength(1);
    for (const s of [...batch.learning, ...batch.recommendations]) {
      expect(TEXT.slice(s.start, s.end)).toBe(s.text);
      expect(s.sourceId).toBe(batch.source.id);
    }
  });

  it('links the case to its source with the entry title line as evidence', () => {
    const published = batch.links.filter((l) => l.type === 'PUBLISHED_IN');
    expect(published).toEqual([
      expect.objectContaining({
        from: 'case-robin',
        to: batch.source.id,
        quote: '1. Local child safeguarding practice review: Robin',
      }),
    ]);
  });

  it('gives every link a source id and a quote equal to the text at its offsets', () => {
    expect(batch.links.length).toBeGreaterThan(0);
    for (const link of batch.links) {
      expect(link.sourceId).toBe(batch.source.id);
      expect(TEXT.slice(link.start, link.end)).toBe(link.quote);
      expect(link.quote.length).toBeGreaterThan(0);
    }
  });

  it('links statements to their themes and agencies with the statement as evidence', () => {
    const types = (t: string) => batch.links.filter((l) => l.type === t);
    expect(types('CONCERNS').map((l) => l.to)).toEqual(['sudi']);
    expect(types('INVOLVED').map((l) => l.to)).toEqual(['health-visiting']);
    expect(types('HAS_THEME').map((l) => l.to)).toEqual(['safer-sleep']);
    expect(types('HAS_LEARNING')).toHaveLength(2);
    expect(types('ABOUT').map((l) => l.to)).toEqual(['safer-sleep', 'hidden-men']);
    expect(types('MAKES')).toHaveLength(1);
    const targets = types('TARGETS')[0];
    expect(targets?.to).toBe('health-visiting');
    expect(targets?.quote).toBe('health visitors to repeat safer sleep advice at every contact');
    expect(types('ADDRESSES').map((l) => l.to)).toEqual(['safer-sleep']);
  });

  it('gives the same statement ids when the same file is converted again', () => {
    const again = toSourceBatch(document([robin()]), TEXT, '2025-01-01T00:00:00.000Z');
    expect(again.learning.map((l) => l.id)).toEqual(batch.learning.map((l) => l.id));
    expect(again.recommendations.map((r) => r.id)).toEqual(batch.recommendations.map((r) => r.id));
  });

  it('replaces by path when the document is a file, and only what an upload names when it is one', () => {
    expect(batch.replaces).toBe('path');
    const upload = (replaces: string | null) =>
      toSourceBatch(document([robin()]), TEXT, '2024-06-01T00:00:00.000Z', { kind: 'upload', replaces });
    expect(upload(null).replaces).toEqual({ ids: [] });
    expect(upload('s-1').replaces).toEqual({ ids: ['s-1'] });
  });

  it('gives the same bytes two source ids when they come from two paths, or a path and an upload', () => {
    const hash = 'a'.repeat(64);
    const ids = [
      sourceId('file', '/library/a.txt', hash),
      sourceId('file', '/library/b.txt', hash),
      sourceId('upload', '/library/a.txt', hash),
      sourceId('upload', 'a.txt', hash),
      sourceId('upload', 'a.txt', 'b'.repeat(64)),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    expect(sourceId('upload', 'a.txt', hash)).toBe(sourceId('upload', 'a.txt', hash));
  });

  it('gives different statement ids when the file content (source id) differs', () => {
    expect(statementId('b'.repeat(64), 'learning', 1, 5)).not.toBe(
      statementId('a'.repeat(64), 'learning', 1, 5),
    );
    expect(statementId('a'.repeat(64), 'learning', 1, 5)).not.toBe(
      statementId('a'.repeat(64), 'recommendation', 1, 5),
    );
  });

  it('gives every statement of a document its own id', () => {
    const ids = [...batch.learning, ...batch.recommendations].map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('writes a link only once when classification tags the same entity twice', () => {
    const c = robin();
    const first = c.themes[0];
    if (!first) throw new Error('fixture has a theme');
    c.themes.push({ ...first, evidence: span('safer sleep advice at every contact') });
    const twice = toSourceBatch(document([c]), TEXT, '2024-06-01T00:00:00.000Z');
    expect(twice.links.filter((l) => l.type === 'HAS_THEME')).toHaveLength(1);
  });
});

describe('titleLine', () => {
  it('falls back to the first line of the entry when the title is not printed verbatim', () => {
    const c = { ...robin(), title: 'Robin (LCSPR)' };
    const line = titleLine(TEXT, c);
    expect(TEXT.slice(line.start, line.end)).toBe('1. Local child safeguarding practice review: Robin');
  });
});
