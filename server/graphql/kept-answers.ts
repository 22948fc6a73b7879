/**
 * Answers kept until the next write, bounded by count and by the length of their JSON text. A map of a few
 * kilobytes is worth keeping; a megabyte-long matrix with every cell's years is not: keeping dozens of them
 * holds hundreds of megabytes and makes every garbage collection slow, so an answer longer than
 * `maxChars` is served and then let go, and the oldest answers leave once the total passes `budgetChars`.
 */
export interface AnswerLimits {
  /** Most answers kept. */
  capacity: number;
  /** Longest JSON text kept for one answer. */
  maxChars: number;
  /** Most JSON text kept in all. */
  budgetChars: number;
}

export const DEFAULT_ANSWER_LIMITS: AnswerLimits = {
  capacity: 128,
  maxChars: 512 * 1024,
  budgetChars: 16 * 1024 * 1024,
};

interface Kept<V> {
  value: V;
  chars: number;
}

export class KeptAnswers<V> {
  private readonly entries = new Map<string, Kept<V>>();
  private total = 0;

  constructor(private readonly limits: AnswerLimits = DEFAULT_ANSWER_LIMITS) {}

  get(key: string): V | undefined {
    const kept = this.entries.get(key);
    if (!kept) return undefined;
    this.entries.delete(key);
    this.entries.set(key, kept);
    return kept.value;
  }

  /** Keeps an answer whose length is not known until it is serialised; `sized` tells it. */
  set(key: string, value: V): void {
    this.remove(key);
    this.entries.set(key, { value, chars: 0 });
    this.evict();
  }

  /** The answer's JSON text is `chars` long: too long answers are let go, the total kept within budget. */
  sized(key: string, value: V, chars: number): void {
    const kept = this.entries.get(key);
    if (!kept || kept.value !== value || kept.chars > 0) return;
    if (chars > this.limits.maxChars) {
      this.remove(key);
      return;
    }
    kept.chars = chars;
    this.total += chars;
    this.evict();
  }

  get size(): number {
    return this.entries.size;
  }

  get keptChars(): number {
    return this.total;
  }

  private remove(key: string): void {
    const kept = this.entries.get(key);
    if (!kept) return;
    this.total -= kept.chars;
    this.entries.delete(key);
  }

  private evict(): void {
    while (this.entries.size > this.limits.capacity || this.total > this.limits.budgetChars) {
      const oldest = this.entries.keys().next();
      if (oldest.done) return;
      this.remove(oldest.value);
    }
  }
}
