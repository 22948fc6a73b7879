/**
 * The child's age as printed in the summary ("nine-week-old", "14-weeks-old", "3-years-6-months-old",
 * "aged 19 months", "aged between 13 and 15", "from the age of 13") and its band. The earliest age phrase
 * wins: summaries name the child first and relatives later. Words without a number ("teenager", "baby")
 * give no age.
 */
import type { AgeBand } from '../../graph/records.ts';

const WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
];
const N = `(?:\\d{1,2}|${[...WORDS].sort((a, b) => b.length - a.length).join('|')})`;
const UNIT = '(?:day|week|month|year)s?';
const S = '[-\\s\\u00a0]';

const PATTERNS: readonly RegExp[] = [
  new RegExp(`\\b${N}${S}years?${S}(?:and${S})?${N}${S}months?${S}old\\b`, 'gi'),
  new RegExp(`\\b${N}${S}${UNIT}${S}old(?:\\s+and\\s+${N}${S}${UNIT}${S}old)?\\b`, 'gi'),
  new RegExp(
    `\\baged\\s+(?:between\\s+)?${N}(?:\\s+${UNIT})?(?:\\s+(?:and|to|-)\\s+${N}(?:\\s+${UNIT})?)?(?![-\\w])`,
    'gi',
  ),
  new RegExp(`\\b(?:from\\s+)?the\\s+age\\s+of\\s+${N}(?![-\\w])`, 'gi'),
  // "Zara was fifteen when she was found", "a girl who was fourteen when she died"
  new RegExp(`(?<=\\bwas\\s+)${N}(?=\\s+(?:when|at\\s+the\\s+time)\\b)`, 'gi'),
];

export interface Age {
  age: string;
  ageBand: AgeBand | null;
}

export function ageIn(summary: string): Age | null {
  let best: RegExpExecArray | null = null;
  for (const re of PATTERNS) {
    re.lastIndex = 0;
    const m = re.exec(summary);
    if (m && (!best || m.index < best.index)) best = m;
  }
  if (!best) return null;
  const years = yearsIn(best[0]);
  return { age: best[0], ageBand: years === null ? null : bandOf(years) };
}

/** Age in years of the first child the phrase names. */
const NUMBER_UNIT = new RegExp(`(${N})(?:${S}(${UNIT}))?`, 'gi');

function yearsIn(phrase: string): number | null {
  let total: number | null = null;
  for (const m of phrase.matchAll(NUMBER_UNIT)) {
    const n = toNumber(m[1] as string);
    if (n === null) continue;
    const unit = (m[2] ?? 'year').toLowerCase();
    const value = unit.startsWith('day')
      ? n / 365
      : unit.startsWith('week')
        ? n / 52
        : unit.startsWith('month')
          ? n / 12
          : n;
    if (total === null) total = value;
    else if (unit.startsWith('month') && /years?.*months?/i.test(phrase)) total += value;
    else break;
  }
  return total;
}

function toNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  const i = WORDS.indexOf(s.toLowerCase());
  return i === -1 ? null : i;
}

export function bandOf(years: number): AgeBand {
  if (years < 1) return 'under 1';
  if (years < 6) return '1-5';
  if (years < 11) return '6-10';
  if (years < 16) return '11-15';
  return '16+';
}
