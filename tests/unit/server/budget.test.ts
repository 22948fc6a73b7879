import { describe, expect, it } from 'vitest';
import { RequestBudget } from '../../../server/graphql/budget.ts';

describe('RequestBudget', () => {
  it('allows items up to the limit, refuses once with an actionable message, then answers false', () => {
    const budget = new RequestBudget({ items: 150, details: 2 });
    expect(budget.takeItems(100)).toBe(true);
    expect(budget.takeItems(50)).toBe(true);
    expect(() => budget.takeItems(1)).toThrow(
      'this query lists more than 150 cases and statements in all; ask for fewer with first, or page with after',
    );
    expect(budget.takeItems(1)).toBe(false);
    expect(budget.takeDetail()).toBe(true);
  });

  it('counts case details separately', () => {
    const budget = new RequestBudget({ items: 10, details: 2 });
    expect(budget.takeDetail()).toBe(true);
    expect(budget.takeDetail()).toBe(true);
    expect(() => budget.takeDetail()).toThrow(/more than 2 cases/);
  });
});
