/**
 * The kind of review, from the words printed in an entry's title (or its section heading):
 * "Local child safeguarding practice review" -> LCSPR, "Serious case review" -> SCR, a child safeguarding
 * practice review that is neither local nor national -> CSPR, "National ... review" -> NATIONAL, any other
 * named review (learning review, thematic review) -> OTHER.
 */
import type { ReviewType } from '../../graph/records.ts';

const RULES: readonly [RegExp, ReviewType][] = [
  [/\bnational\s+child\s+safeguarding\s+practice\s+reviews?\b/i, 'NATIONAL'],
  [/\blocal\s+child\s+safeguarding\s+practice\s+reviews?\b|\bLCSPRs?\b/i, 'LCSPR'],
  [/\bserious\s+case\s+reviews?\b/i, 'SCR'],
  [/\bSCRs?\b/, 'SCR'],
  [/\bchild\s+safeguarding\s+practice\s+reviews?\b|\bCSPRs?\b/i, 'CSPR'],
  [
    /\b(?:learning|case|practice|thematic|multi-agency|partnership|rapid|domestic\s+homicide|case\s+management)\s+reviews?\b|\b(?:CMR|SCLR|CPR)s?\b/i,
    'OTHER',
  ],
];

/** The review type named in `text`, or null when it names none. */
export function reviewTypeIn(text: string): ReviewType | null {
  for (const [re, type] of RULES) if (re.test(text)) return type;
  return null;
}
