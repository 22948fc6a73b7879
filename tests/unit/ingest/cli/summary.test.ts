import { describe, expect, it } from 'vitest';
import { formatSummary } from '../../../../ingest/cli/summary.ts';

describe('formatSummary', () => {
  const summary = {
    documents: 3,
    loaded: 1,
    replaced: 0,
    unchanged: 1,
    duplicates: [],
    failed: [{ file: 'broken.pdf', message: 'broken.pdf: the PDF is cut short; export it again' }],
    reviews: 14,
    links: 230,
    warnings: [{ file: 'bulletin.txt', message: 'entry 2 has no number' }],
    seconds: 1.234,
    stopped: false,
  };

  it('states documents, outcomes, reviews, links, warnings and time', () => {
    const text = formatSummary(summary);
    expect(text).toContain('Ingested 3 documents in 1.2 s: 1 loaded, 0 replaced, 1 unchanged, 1 failed');
    expect(text).toContain('14 case reviews, 230 links, 1 warning');
  });

  it('lists each failure with its message and each warning with its file', () => {
    const text = formatSummary(summary);
    expect(text).toContain('Failed:\n  broken.pdf: the PDF is cut short; export it again');
    expect(text).toContain('Warnings:\n  bulletin.txt: entry 2 has no number');
  });

  it('names the source a duplicate has the same content as', () => {
    const text = formatSummary({
      ...summary,
      duplicates: [{ file: 'copy/briefing.txt', duplicateOf: '/reviews/briefing.txt' }],
    });
    expect(text).toContain(
      'Duplicates (the same content as another source; both are kept):\n  copy/briefing.txt: duplicate of /reviews/briefing.txt',
    );
  });

  it('lists at most twenty warnings and counts the rest', () => {
    const many = Array.from({ length: 25 }, (_, i) => ({ file: 'big.txt', message: `warning ${i}` }));
    const text = formatSummary({ ...summary, warnings: many });
    expect(text).toContain('warning 19');
    expect(text).not.toContain('warning 20');
    expect(text).toContain('… and 5 more');
  });
});
