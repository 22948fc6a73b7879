import { describe, expect, it } from 'vitest';
import { ingestError, isIngestError } from '../../../../ingest/errors.ts';

describe('ingest errors', () => {
  it('writes the message as the file, the problem and what to do', () => {
    const error = ingestError(
      'truncated',
      'reports/x.pdf',
      'the PDF is truncated or damaged (no end-of-file marker)',
      're-download or re-export it',
    );
    expect(error).toEqual({
      kind: 'truncated',
      file: 'reports/x.pdf',
      message:
        'reports/x.pdf: the PDF is truncated or damaged (no end-of-file marker); re-download or re-export it',
    });
  });

  it('recognises an ingest error value and rejects look-alikes', () => {
    expect(isIngestError(ingestError('empty', 'a.txt', 'empty', 'fix it'))).toBe(true);
    expect(isIngestError({ kind: 'exploded', file: 'a.txt', message: 'a.txt: boom' })).toBe(false);
    expect(isIngestError(new Error('a.txt: boom'))).toBe(false);
    expect(isIngestError(null)).toBe(false);
  });
});
