import { describe, expect, it } from 'vitest';
import { RequestBudget } from '../../../server/graphql/budget.ts';

describe('RequestBudget', () => {
  it('allows items up to the limit, refuses once with an actionable message, then answers false', () => {
    const budget = new RequestBudget({ items: 150, details: 2 });
    expect(budget.takeItems(100)).toBe(true);
    expect(budget.takeItems(50)).toBe(true);
    expect(() => budget.takeItems(1)).toThrow(
      'lower `first` on the lists inside other lists (each is listed once per item around it) or page with `after`; this query lists more than the 150 cases and statements allowed in one request',
    );
    expect(budget.takeItems(1)).toBe(false);
    expect(budget.takeDetail()).toBe(true);
  });

  it('counts case details separately', () => {
    const budget = new RequestBudget({ items: 10, details: 2 });
    expect(budget.takeDetail()).toBe(true);
    expect(budget.takeDetail()).toBe(true);
    expect(() => budget.takeDetail()).toThrow(
      /^lower `first` on the case list to ≤ 2, .*more than the 2 cases allowed/,
    );
  });
});
