/**
 * What is wrong with a taxonomy file. Each problem names the entry and says what to change, so a curator
 * editing taxonomy.yaml can fix it without reading code.
 */

export type TaxonomyErrorKind = 'unreadable' | 'syntax' | 'invalid';

export interface TaxonomyProblem {
  /** Where: `themes[12] "information-sharing"`, `agencies[3] "police" pattern 2`, or `file` for the whole file. */
  entry: string;
  /** What is wrong and what to do about it. */
  message: string;
}

export class TaxonomyError extends Error {
  override readonly name = 'TaxonomyError';
  constructor(
    readonly kind: TaxonomyErrorKind,
    readonly file: string,
    readonly problems: TaxonomyProblem[],
  ) {
    super(describe(file, problems));
  }
}

const SHOWN_PROBLEMS = 20;

function describe(file: string, problems: TaxonomyProblem[]): string {
  const lines = problems.slice(0, SHOWN_PROBLEMS).map((p) => `  - ${p.entry}: ${p.message}`);
  const more = problems.length > SHOWN_PROBLEMS ? [`  ... and ${problems.length - SHOWN_PROBLEMS} more`] : [];
  const noun = problems.length === 1 ? 'problem' : 'problems';
  return [`${file}: the taxonomy has ${problems.length} ${noun}:`, ...lines, ...more].join('\n');
}
