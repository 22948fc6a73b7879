import { describe, expect, it } from 'vitest';
import { textBlocks } from '../../../bench/extraction/text-blocks.ts';

describe('plain text read as word-processor blocks', () => {
  it('takes the first line as the title, short unpunctuated lines as headings and dashes as bullets', () => {
    const text = [
      'Eastmere Partnership',
      '',
      '1. Background',
      'Child M lived with his mother.',
      '',
      'Key learning',
      '- Nobody asked who else lived there.',
      'Recommendation 1: Ask about every adult.',
    ].join('\n');
    expect(textBlocks(text)).toEqual([
      { kind: 'title', text: 'Eastmere Partnership' },
      { kind: 'heading', text: '1. Background' },
      { kind: 'paragraph', text: 'Child M lived with his mother.' },
      { kind: 'heading', text: 'Key learning' },
      { kind: 'bullet', text: 'Nobody asked who else lived there.' },
      { kind: 'paragraph', text: 'Recommendation 1: Ask about every adult.' },
    ]);
  });

  it('keeps an excerpt mark as text, not as a heading', () => {
    expect(textBlocks('Title\n\nSome text.\n[...]')).toContainEqual({ kind: 'paragraph', text: '[...]' });
  });
});
