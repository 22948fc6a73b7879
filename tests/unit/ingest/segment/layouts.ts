/** The fictional documents in tests/fixtures/layouts, one per layout, segmented as the pipeline would. */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { ExtractedCase } from '../../../../ingest/extract/types.ts';
import { type Segmentation, segmentDocument } from '../../../../ingest/segment/index.ts';

const dir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/layouts');

export const LAYOUTS = [
  'repository-bulletin',
  'topic-newsletter',
  'yearly-list',
  'monthly-update',
  'national-publications',
  'national-briefing',
  'unrecognised-letter',
] as const;
export type Layout = (typeof LAYOUTS)[number];

export function layoutText(name: Layout): string {
  return readFileSync(resolve(dir, `${name}.txt`), 'utf8');
}

export function segmentLayout(name: Layout): Segmentation & { text: string } {
  const text = layoutText(name);
  return { ...segmentDocument({ text, hints: [] }), text };
}

/** Every statement and summary is the exact text at its offsets, inside its entry. */
export function expectExactSpans(text: string, c: ExtractedCase): void {
  for (const s of [...c.learning, ...c.recommendations, ...c.actions]) {
    expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(s.start).toBeGreaterThanOrEqual(c.start);
    expect(s.end).toBeLessThanOrEqual(c.end);
  }
  if (c.summarySpan) expect(text.slice(c.summarySpan.start, c.summarySpan.end)).toBe(c.summary);
}
