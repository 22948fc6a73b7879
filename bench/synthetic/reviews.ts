/** One synthetic case review: invented facts drawn from the taxonomy's labels so classification finds them. */
import { AREAS, AUTHORS, MONTHS, uniqueName } from './names.ts';
import type { Random } from './random.ts';

export interface SyntheticLabels {
  harmTypes: readonly string[];
  agencies: readonly string[];
  themes: readonly string[];
}

export interface SyntheticReview {
  name: string;
  area: string;
  author: string;
  reportYear: number;
  incidentYear: number;
  month: string;
  harm: string;
  description: string;
  learning: string[];
  recommendations: string[];
  keywords: string[];
}

const AGES: ReadonlyArray<(r: Random) => string> = [
  (r) => `${r.int(2, 11)}-week-old`,
  (r) => `${r.int(2, 11)}-month-old`,
  (r) => `${r.int(1, 17)}-year-old`,
];

const OUTCOMES = ['Death', 'Serious injury', 'Serious harm'];

const LEARNING: ReadonlyArray<(theme: string, a: string, b: string) => string> = [
  (t, a, b) => `${t} between ${a} and ${b} was not strong enough to keep the child safe`,
  (t, a) => `practitioners in ${a} needed clearer guidance and support on ${t}`,
  (t) => `the review identified ${t} as a recurring weakness in the help offered to the family`,
  (t, a, b) => `${a} and ${b} held different views of the risk and ${t} did not resolve them`,
];

const RECOMMENDATIONS: ReadonlyArray<(theme: string, a: string) => string> = [
  (t, a) => `${a} to review its approach to ${t} within six months`,
  (t, a) => `the partnership to audit ${t} across ${a} and report back to the board`,
  (t, a) => `${a} to provide training for staff on ${t}`,
];

export function syntheticReview(n: number, labels: SyntheticLabels, r: Random): SyntheticReview {
  const reportYear = r.int(2015, 2025);
  const incidentYear = reportYear - r.int(1, 2);
  const month = r.pick(MONTHS);
  const harm = inSentence(r.pick(labels.harmTypes));
  const agencies = r.sample(labels.agencies, r.int(2, 4)).map(inSentence);
  const themes = r.sample(labels.themes, r.int(3, 5)).map(inSentence);
  const [a = 'the police', b = 'the school'] = agencies;
  const gender = r.next() < 0.5 ? 'boy' : 'girl';
  const description =
    `${r.pick(OUTCOMES)} of a ${r.pick(AGES)(r)} ${gender} in ${month} ${incidentYear}. ` +
    `The review concerned ${harm}; ${a} and ${b} had been involved with the family.`;
  const learning = themes.map((t) => r.pick(LEARNING)(t, r.pick(agencies), r.pick(agencies)));
  const recommendations = themes
    .slice(0, r.int(2, themes.length))
    .map((t) => r.pick(RECOMMENDATIONS)(t, r.pick(agencies)));
  return {
    name: uniqueName(n),
    area: r.pick(AREAS),
    author: r.pick(AUTHORS),
    reportYear,
    incidentYear,
    month,
    harm,
    description,
    learning,
    recommendations,
    keywords: [harm, ...themes.slice(0, 2)],
  };
}

/** Labels sit mid-sentence in lower case, except acronyms ("CAMHS") and names that keep their capitals. */
function inSentence(label: string): string {
  const second = label.charAt(1);
  return second && second === second.toLowerCase() && /[A-Z]/.test(label.charAt(0))
    ? label.charAt(0).toLowerCase() + label.slice(1)
    : label;
}
