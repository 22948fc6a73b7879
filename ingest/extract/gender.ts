/**
 * The child's gender. First from the summary's opening sentence, which names the child ("Death of a baby
 * girl", "a 16-year-old boy", "female twin siblings", "two brothers"); failing that, from the first
 * pronoun in a sentence whose subject is the child ("Child R was living with his parents", "Philip and
 * his brothers ..."). Possessive openings ("Child K's mother ... her GP") and "his/her" say nothing.
 * Returns "male", "female", "mixed" (both named), or null.
 */
import { firstSentences } from './sentences.ts';

export type Gender = 'male' | 'female' | 'mixed';

const MALE = /\b(?:boys?|male|brothers|sons?)\b/i;
const FEMALE = /\b(?:girls?|female|sisters|daughters?)\b/i;
const SUBJECT_VERBS =
  'was|is|had|has|did|became|lived|attended|died|received|suffered|disclosed|spent|went|began|moved|and';

export function genderIn(summary: string, child: string | null = null): Gender | null {
  const first = firstSentences(summary, 1)[0] ?? '';
  const male = MALE.test(first);
  const female = FEMALE.test(first);
  if (male && female) return 'mixed';
  if (male) return 'male';
  if (female) return 'female';
  return child ? pronounOfChild(summary, child) : null;
}

function pronounOfChild(summary: string, child: string): Gender | null {
  const name = child.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const subject = new RegExp(`^${name}\\s+(?:${SUBJECT_VERBS})\\b`);
  for (const sentence of firstSentences(summary, 50)) {
    if (!subject.test(sentence)) continue;
    const pronoun = /\b(?:he|him|his|she|her|hers)\b(?!\s*\/)(?<!\/\s*\w+)/i.exec(sentence);
    if (pronoun) return /^(?:he|him|his)$/i.test(pronoun[0]) ? 'male' : 'female';
  }
  return null;
}
