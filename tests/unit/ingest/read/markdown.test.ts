import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readBytes } from '../../../../ingest/read/index.ts';
import { markdownHints } from '../../../../ingest/read/markdown.ts';
import { fixturePath } from '../../../fixtures/documents/generated.ts';
import { documentOf, expectWellFormedHints, spans } from './expectations.ts';

const raw = readFileSync(fixturePath('practice-briefing.md'), 'utf8');
const readBriefing = async () =>
  documentOf(await readBytes('practice-briefing.md', new TextEncoder().encode(raw)));
const hintsOf = (text: string) => ({ text, hints: markdownHints(text) });

describe('markdown', () => {
  it('keeps the markdown exactly as written, markup included', async () => {
    const doc = await readBriefing();
    expect(doc.format).toBe('md');
    expect(doc.text).toBe(raw);
    expectWellFormedHints(doc);
  });

  it('hints headings without their # markers or underline, with their level', async () => {
    const doc = await readBriefing();
    const headings = doc.hints.filter((h) => h.kind === 'heading');
    expect(headings.map((h) => [doc.text.slice(h.start, h.end), h.level])).toEqual([
      ['Westmoor practice briefing: safe sleep', 1],
      ['What the reviews found', 2],
      ['Questions for practice', 2],
    ]);
  });

  it('takes the first heading for the title, ignoring front matter', async () => {
    expect((await readBriefing()).title).toBe('Westmoor practice briefing: safe sleep');
    const noHeading = documentOf(
      await readBytes('n.md', new TextEncoder().encode('---\na: b\n---\nFirst words.\n')),
    );
    expect(noHeading.title).toBe('First words.');
  });

  it('nests list items by indentation and joins lazy continuation lines to their item', async () => {
    const doc = await readBriefing();
    const items = doc.hints.filter((h) => h.kind === 'list-item');
    expect(items.map((h) => [doc.text.slice(h.start, h.end), h.level])).toEqual([
      ['- Parents were given safe sleep advice once, at discharge.', 1],
      [
        "- Advice was not repeated when the family's circumstances changed,\n  for example after a house move.",
        1,
      ],
      ['1. Temporary accommodation had no cot.', 2],
      ['2. Relatives shared the care at night.', 2],
      ['* Practitioners rarely asked where the baby slept.', 1],
      ['1. How do you check that advice has been understood?', 1],
      ['2) Who else cares for the baby overnight?', 1],
    ]);
  });

  it('treats a fenced code block as one paragraph, so a # inside it is not a heading', () => {
    const doc = hintsOf('```\n# not a heading\n```\nAfter the fence.');
    expect(spans(doc, 'heading')).toEqual([]);
    expect(spans(doc, 'paragraph')).toEqual(['```\n# not a heading\n```', 'After the fence.']);
  });

  it('strips closing hashes from a heading and ignores thematic breaks', () => {
    const doc = hintsOf('### Findings ###\n\n***\n\nText.');
    expect(doc.hints).toEqual([
      { kind: 'heading', start: 4, end: 12, level: 3 },
      { kind: 'paragraph', start: 23, end: 28 },
    ]);
  });
});
