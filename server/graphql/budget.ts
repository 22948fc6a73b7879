/**
 * How much one request may ask of the store. Depth and alias limits bound a query's shape, not its fan-out:
 * cases(first: 100) { themes { theme { cases(first: 100) ... } } } is shallow but asks for 100 x 10 x 100
 * cases. The budget counts what resolvers actually fetch and refuses the request once, clearly, when it
 * goes over; the rest of that response then comes back empty.
 */
import { badInput } from './errors.ts';

export interface BudgetLimits {
  /** Cases and statements listed through connections. */
  items: number;
  /** Case details read one by one (each is a store call). */
  details: number;
}

export class RequestBudget {
  private items = 0;
  private details = 0;
  private refused = false;

  constructor(private readonly limits: BudgetLimits) {}

  /** Spends `n` listed items; false (after one refusal error) when the request has gone over. */
  takeItems(n: number): boolean {
    this.items += n;
    return this.check(
      this.items > this.limits.items,
      `lower \`first\` on the lists inside other lists (each is listed once per item around it) or page with \`after\`; this query lists more than the ${this.limits.items} cases and statements allowed in one request`,
    );
  }

  takeDetail(): boolean {
    this.details += 1;
    return this.check(
      this.details > this.limits.details,
      `lower \`first\` on the case list to ≤ ${this.limits.details}, or ask for links, statements and sources of fewer cases (case(id) reads one); this query reads the details of more than the ${this.limits.details} cases allowed in one request`,
    );
  }

  private check(over: boolean, message: string): boolean {
    if (!over) return true;
    if (this.refused) return false;
    this.refused = true;
    throw badInput(message);
  }
}
