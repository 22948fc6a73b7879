import { describe, expect, it } from 'vitest';
import { makeView } from '../../../../ingest/extract/view.ts';
import { segmentDocument } from '../../../../ingest/segment/index.ts';
import { detectKind } from '../../../../ingest/segment/kind.ts';
import { LAYOUTS, layoutText } from './layouts.ts';

const EXPECTED: Record<(typeof LAYOUTS)[number], string> = {
  'repository-bulletin': 'repository-bulletin',
  'topic-newsletter': 'topic-newsletter',
  'yearly-list': 'yearly-list',
  'monthly-update': 'monthly-update',
  'national-publications': 'national-publications',
  'national-briefing': 'national-briefing',
  'unrecognised-letter': 'not-a-review',
};

describe('document kind', () => {
  it.each(LAYOUTS)('recognises the %s layout from its structure', (name) => {
    expect(segmentDocument({ text: layoutText(name), hints: [] }).kind).toBe(EXPECTED[name]);
  });

  it('does not go by the file name or a title word, but by the entries', () => {
    const text = layoutText('topic-newsletter').replace('Learning Bulletin', 'Repository Bulletin');
    expect(segmentDocument({ text, hints: [] }).kind).toBe('topic-newsletter');
  });

  it('scores every layout, so the choice can be explained', () => {
    const text = layoutText('repository-bulletin');
    const { kind, scores } = detectKind(makeView(text, []), 'Case Review Digest – March 2024');
    expect(kind).toBe('repository-bulletin');
    expect(scores['repository-bulletin']).toBeGreaterThan(scores['topic-newsletter']);
    expect(scores['repository-bulletin']).toBeGreaterThan(scores['national-publications']);
  });

  it('takes no review from a document that is not about one, and says why', () => {
    const seg = segmentDocument({ text: layoutText('unrecognised-letter'), hints: [] });
    expect(seg.cases).toEqual([]);
    expect(seg.warnings.join(' ')).toMatch(/no case review taken: it names no kind of case review/);
  });

  it('copes with an empty document', () => {
    const seg = segmentDocument({ text: '', hints: [] });
    expect(seg).toMatchObject({ kind: 'unknown', title: '', cases: [] });
    expect(seg.warnings.length).toBeGreaterThan(0);
  });

  it('gives the same entries when a reader marks headings and list items', () => {
    const text = layoutText('monthly-update');
    const hints = [...text.matchAll(/^(?:- |\d\. ).*$/gm)].map((m) => ({
      kind: 'list-item' as const,
      start: m.index ?? 0,
      end: (m.index ?? 0) + m[0].length,
    }));
    const plain = segmentDocument({ text, hints: [] });
    const hinted = segmentDocument({ text, hints });
    expect(hinted.cases.map((c) => c.learning.map((l) => l.text))).toEqual(
      plain.cases.map((c) => c.learning.map((l) => l.text)),
    );
  });
});
