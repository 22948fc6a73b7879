import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { limitMessage } from '../../../server/graphql/limit-advice.ts';

describe('what a refused query is told to change', () => {
  it('names the nested list whose first to lower, and the largest first that fits', () => {
    const query = parse(
      '{ stats { cases } cases(first: 10) { edges { node { id themes { theme { cases(first: 50) { edges { node { id title } } } } } } } } }',
    );
    // The inner list costs most: lowering it to the value named brings the query under the limit.
    const message = limitMessage('Query Cost limit of 5000 exceeded, found 40000.', query);
    expect(message).toMatch(
      /^lower `first` on cases\.edges\.node\.themes\.theme\.cases to ≤ \d+ or ask for fewer nested fields; this query costs 40000 of the 5000 allowed$/,
    );
  });

  it('asks for fewer fields when no written first would bring the cost down enough', () => {
    const message = limitMessage(
      'Query Cost limit of 10 exceeded, found 26.',
      parse('{ stats { cases sources themes harmTypes agencies learning recommendations links } }'),
    );
    expect(message).toBe(
      'ask for fewer fields or fewer nested lists (lists count once per item they ask for with first), and send the rest in a second request; this query costs 26 of the 10 allowed',
    );
  });

  it('says how deep and how many aliases are allowed, and leaves other messages as they are', () => {
    expect(limitMessage('Query depth limit of 12 exceeded, found 20.', null)).toMatch(
      /^ask for fewer nested levels: this query is 20 levels deep, more than the 12 allowed/,
    );
    expect(limitMessage('Aliases limit of 30 exceeded, found 31.', null)).toMatch(
      /split it into requests of 30 or fewer$/,
    );
    expect(limitMessage('Something else.', null)).toBe('Something else.');
  });
});
