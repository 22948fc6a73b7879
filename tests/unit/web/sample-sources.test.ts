import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SAMPLE_CORPUS_DIR } from '../../../ingest/sample/index.ts';
import { isSampleSource, SAMPLE_FILES, sampleIn } from '../../../web/src/upload/sample-sources.ts';

const source = (path: string, caseCount: number) => ({
  id: path,
  title: path,
  publisher: null,
  published: null,
  path,
  format: 'txt',
  kind: 'yearly-list',
  caseCount,
});

describe('the fictional sample in the web app', () => {
  it('knows every document of the bundled sample corpus by its file name', () => {
    expect([...SAMPLE_FILES].sort()).toEqual(readdirSync(SAMPLE_CORPUS_DIR).sort());
  });

  it('counts the sample documents and their reviews among the loaded sources', () => {
    const sources = [source('eastmere-case-reviews-by-year.txt', 11), source('000_real.txt', 6)];
    expect(isSampleSource(sources[1]!)).toBe(false);
    expect(sampleIn(sources)).toEqual({ sources: [sources[0]], reviews: 11 });
    expect(sampleIn([source('000_real.txt', 6)])).toBeNull();
  });
});
