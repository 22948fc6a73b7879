import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readBytes } from '../../../../ingest/read/index.ts';
import { plainTextHints } from '../../../../ingest/read/plain-text.ts';
import { fixturePath } from '../../../fixtures/documents/generated.ts';
import { documentOf, expectWellFormedHints, spans } from './expectations.ts';

const hintsOf = (text: string) => ({ text, hints: plainTextHints(text) });
const readTxt = async (text: string) =>
  documentOf(await readBytes('doc.txt', new TextEncoder().encode(text)));

describe('plain text', () => {
  it('keeps the file content as the text, so offsets into the file hold', async () => {
    const raw = readFileSync(fixturePath('westmoor-bulletin.txt'), 'utf8');
    const doc = await readTxt(raw);
    expect(doc.text).toBe(raw);
    expectWellFormedHints(doc);
  });

  it('reads the tab-indented numbered entries of a bulletin as list items', async () => {
    const doc = await readTxt(readFileSync(fixturePath('westmoor-bulletin.txt'), 'utf8'));
    expect(spans(doc, 'list-item').slice(0, 2)).toEqual([
      '1. Local child safeguarding practice review: Child Q',
      '2. Serious case review: Brook',
    ]);
  });

  it('keeps offsets so text.slice(hint.start, hint.end) is the heading', async () => {
    const doc = await readTxt(readFileSync(fixturePath('westmoor-bulletin.txt'), 'utf8'));
    expect(spans(doc, 'heading')).toEqual([
      'Westmoor Learning Repository – March 2031',
      'Thematic review: young people placed out of area',
      'Key themes',
    ]);
    const heading = doc.hints.find((h) => h.kind === 'heading');
    expect(heading && doc.text.slice(heading.start, heading.end)).toBe(doc.title);
  });

  it('takes a short line on its own, without final punctuation, for a heading', () => {
    const doc = hintsOf('Neglect and poverty\n\nThe review found three things.\n');
    expect(doc.hints).toEqual([
      { kind: 'heading', start: 0, end: 19 },
      { kind: 'paragraph', start: 21, end: 51 },
    ]);
  });

  it('does not take a line ending in punctuation, starting in lower case or running long for a heading', () => {
    const long = `Partnership ${'working '.repeat(20)}`.trim();
    const doc = hintsOf(
      `It ended here.\n\nA lead-in to a list:\n\ncontinued from the page before\n\n${long}\n`,
    );
    expect(spans(doc, 'heading')).toEqual([]);
    expect(spans(doc, 'paragraph')).toHaveLength(4);
  });

  it('groups lines between blank lines into one paragraph, whitespace-only lines counting as blank', () => {
    const text = 'Summary line one.\nLearning includes: a; b.\n\t\n\u00a0\nNext block.';
    expect(spans(hintsOf(text), 'paragraph')).toEqual([
      'Summary line one.\nLearning includes: a; b.',
      'Next block.',
    ]);
  });

  it('nests bullets by indentation within a block', () => {
    const doc = hintsOf(
      '- > Two cases:\n - a child has been hurt, or\n - a child has died.\n- > Another point.\n',
    );
    expect(doc.hints.map((h) => [h.kind, h.level])).toEqual([
      ['list-item', 1],
      ['list-item', 2],
      ['list-item', 2],
      ['list-item', 1],
    ]);
  });

  it('recognises numbered, lettered and bulleted items but not a number that starts a sentence', () => {
    const text =
      '1. first\n2) second\na) third\n• fourth\n* fifth\n– sixth\n10.5 per cent of reviews\n2031 – Area – Child';
    expect(spans(hintsOf(text), 'list-item')).toEqual([
      '1. first',
      '2) second',
      'a) third',
      '• fourth',
      '* fifth',
      '– sixth',
    ]);
  });

  it('joins an indented line to the list item above it, and starts a paragraph after an unindented one', () => {
    const doc = hintsOf('1. A long item that\n   wraps onto a second line\nA closing remark.');
    expect(spans(doc, 'list-item')).toEqual(['1. A long item that\n   wraps onto a second line']);
    expect(spans(doc, 'paragraph')).toEqual(['A closing remark.']);
  });

  it('takes the first line for the title when there is no heading, cut to about 200 characters', async () => {
    const sentence = 'This opening sentence is rather long and has a full stop at the end of it. ';
    const doc = await readTxt(`\n\n  ${sentence.repeat(4)}\n\nMore.`);
    expect(doc.title?.length).toBeLessThanOrEqual(201);
    expect(doc.title).toMatch(/^This opening sentence .*…$/);
  });
});
