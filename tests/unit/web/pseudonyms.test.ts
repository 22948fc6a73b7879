import { describe, expect, it } from 'vitest';
import {
  anonymise,
  anonymousCaption,
  pseudonymsOf,
  reviewCaption,
} from '../../../web/src/presentation/pseudonyms.ts';

describe('hiding child pseudonyms', () => {
  it('splits joint pseudonyms into each name, longest first', () => {
    expect(pseudonymsOf('Ava and Noor')).toEqual(['Ava and Noor', 'Noor', 'Ava']);
    expect(pseudonymsOf('Child Q')).toEqual(['Child Q']);
    expect(pseudonymsOf(null)).toEqual([]);
    expect(pseudonymsOf('  ')).toEqual([]);
  });

  it('names a review by type and year instead of by child', () => {
    expect(anonymousCaption({ reviewType: 'SCR', reportYear: 2016 })).toBe('a child (SCR, 2016)');
    expect(anonymousCaption({ reviewType: 'LCSPR', reportYear: null })).toBe('a child (LCSPR)');
    const review = {
      title: 'Serious case review: Child Q',
      child: 'Child Q',
      reviewType: 'SCR' as const,
      reportYear: 2016,
    };
    expect(reviewCaption(review, true)).toBe('A child (SCR, 2016)');
    expect(reviewCaption(review, false)).toBe('Serious case review: Child Q');
  });

  it('replaces the pseudonym in quoted text, including possessives, and leaves other words alone', () => {
    const names = pseudonymsOf('Child Q');
    expect(anonymise("Child Q's carers moved twice. Staff saw Child Q weekly.", names)).toBe(
      "The child's carers moved twice. Staff saw the child weekly.",
    );
    expect(anonymise('Child Quentin was not involved.', names)).toBe('Child Quentin was not involved.');
  });

  it('replaces each child of a joint review', () => {
    expect(anonymise('Ava told a teacher; Noor did not.', pseudonymsOf('Ava and Noor'))).toBe(
      'The child told a teacher; the child did not.',
    );
  });

  it('treats pseudonyms with pattern characters literally', () => {
    expect(anonymise('Baby (T) was seen.', ['Baby (T)'])).toBe('The child was seen.');
  });
});
