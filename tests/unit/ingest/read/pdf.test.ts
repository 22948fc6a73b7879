import { describe, expect, it } from 'vitest';
import { readBytes } from '../../../../ingest/read/index.ts';
import { digestPdf } from '../../../fixtures/documents/generated.ts';
import { buildPdf, truncate } from '../../../fixtures/documents/pdf-builder.ts';
import { documentOf, errorOf, expectWellFormedHints, spans } from './expectations.ts';

const readDigest = async () => documentOf(await readBytes('digests/spring.pdf', digestPdf()));

describe('PDF text layer', () => {
  it('rebuilds lines, joins lines wrapped at the margin, and puts blank lines between paragraphs and pages', async () => {
    const doc = await readDigest();
    expect(doc.format).toBe('pdf');
    expect(doc.text).toBe(
      [
        'Westmoor Review Digest',
        'Spring 2031',
        'This fictional digest lists two case reviews added\nto the Westmoor library this spring.',
        '1. Practice review: Child Q',
        'Learning includes: records did not follow the family – twice; staff were unsure how to escalate (see annex).',
        '• Recommendation: agree a transfer protocol',
        '2. Serious case review: Brook',
        'Learning includes: the school was not told about missing episodes.',
      ].join('\n\n'),
    );
    expectWellFormedHints(doc);
  });

  it('marks lines set in a larger font as headings, the largest as level 1, and titles the document by it', async () => {
    const doc = await readDigest();
    const headings = doc.hints.filter((h) => h.kind === 'heading');
    expect(headings.map((h) => [doc.text.slice(h.start, h.end), h.level])).toEqual([
      ['Westmoor Review Digest', 1],
      ['Spring 2031', 2],
    ]);
    expect(doc.title).toBe('Westmoor Review Digest');
  });

  it('keeps numbered and bulleted lines as list items', async () => {
    expect(spans(await readDigest(), 'list-item')).toEqual([
      '1. Practice review: Child Q',
      '• Recommendation: agree a transfer protocol',
      '2. Serious case review: Brook',
    ]);
  });

  it('keeps a two-line PDF heading as one heading line', async () => {
    const pdf = buildPdf([
      {
        lines: [
          { text: 'A long report title that needs', y: 700, size: 18 },
          { text: 'two lines on the cover', y: 678, size: 18 },
          { text: 'Body text set in the ordinary size for the rest of the page.', y: 640 },
        ],
      },
    ]);
    const doc = documentOf(await readBytes('cover.pdf', pdf));
    expect(spans(doc, 'heading')).toEqual(['A long report title that needs two lines on the cover']);
    expect(doc.title).toBe('A long report title that needs two lines on the cover');
  });

  it('names the file and the reason when a PDF is truncated', async () => {
    const error = errorOf(await readBytes('reports/x.pdf', truncate(digestPdf())));
    expect(error).toEqual({
      kind: 'truncated',
      file: 'reports/x.pdf',
      message:
        'reports/x.pdf: the PDF is truncated or damaged (no end-of-file marker); re-download or re-export it',
    });
  });

  it('reports a PDF whose structure pdf.js cannot parse as damaged', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.4\nnot really a pdf\n%%EOF\n');
    const error = errorOf(await readBytes('broken.pdf', bytes));
    expect(error.kind).toBe('truncated');
    expect(error.message).toMatch(/^broken\.pdf: the PDF is damaged \(.+\); re-download or re-export it$/);
  });

  it('reports an HTML page saved with a .pdf name as not a PDF', async () => {
    const error = errorOf(
      await readBytes('download.pdf', new TextEncoder().encode('<!DOCTYPE html><p>Not found</p>')),
    );
    expect(error.kind).toBe('truncated');
    expect(error.message).toContain('download.pdf: the file is an HTML page, not a PDF');
  });

  it('reports a password-protected PDF as encrypted', async () => {
    const error = errorOf(
      await readBytes('locked.pdf', buildPdf([{ lines: [{ text: 'Secret', y: 700 }] }], { encrypted: true })),
    );
    expect(error.kind).toBe('encrypted');
    expect(error.message).toMatch(/^locked\.pdf: the PDF is password-protected; save an unprotected copy/);
  });

  it('reports a PDF without a text layer as scanned and suggests OCR', async () => {
    const error = errorOf(await readBytes('scan.pdf', buildPdf([{ shaded: true }])));
    expect(error).toEqual({
      kind: 'no-text',
      file: 'scan.pdf',
      message: 'scan.pdf: scanned PDF without a text layer; run OCR first',
    });
  });

  it('reads the text pages of a partly scanned PDF and warns about the others', async () => {
    const pdf = buildPdf([{ lines: [{ text: 'Typed page.', y: 700 }] }, { shaded: true }, { shaded: true }]);
    const doc = documentOf(await readBytes('mixed.pdf', pdf));
    expect(doc.text).toBe('Typed page.');
    expect(doc.warnings).toEqual(['page(s) 2, 3 have no text layer (scanned?); run OCR to include them']);
  });
});
