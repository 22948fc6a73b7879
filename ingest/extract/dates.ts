/**
 * Years and months as printed: "(Jan 2017)", "(Spring 2017)", "June 2023", "on 11 April 2015",
 * "in summer 2014".
 */

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const SEASON = '(?:early|late|mid|spring|summer|autumn|winter|the\\s+(?:spring|summer|autumn|winter)\\s+of)';
const YEAR = '((?:19|20)\\d\\d)(?![\\d])(?!\\s*[-–]\\s*\\d)';

export function monthIndex(name: string): number | null {
  const key = name.toLowerCase().replace(/\.$/, '').slice(0, 3);
  const i = MONTHS.findIndex((m) => m.startsWith(key));
  return i === -1 ? null : i + 1;
}

/** The first "Month YYYY" in the text as "YYYY-MM". */
const MONTH_YEAR = new RegExp(`\\b(${MONTH})\\s+${YEAR}`, 'i');
const EVENT_YEAR = new RegExp(
  `\\b(?:in|on|during)\\s+(?:${SEASON}\\s+)?(?:\\d{1,2}(?:st|nd|rd|th)?\\s+)?(?:${MONTH}\\s+)?${YEAR}`,
  'i',
);

export function monthYearIn(text: string): string | null {
  const m = MONTH_YEAR.exec(text);
  if (!m) return null;
  const month = monthIndex(m[1] as string);
  return month ? `${m[2]}-${String(month).padStart(2, '0')}` : null;
}

/** The year of an event printed as "in/on/during [season] [day] [month] YYYY" (not a range). */
export function eventYearIn(text: string): number | null {
  const m = EVENT_YEAR.exec(text);
  return m ? Number(m[1]) : null;
}

/** A lone year in a short note such as "(2016)", "(Jan 2017)", "(Spring 2017)". */
export function yearIn(text: string): number | null {
  const m = /\b((?:19|20)\d\d)\b/.exec(text);
  return m ? Number(m[1]) : null;
}
