/** Invented names for synthetic reviews. Every child name is unique in a corpus, so no two reviews merge. */
const SYLLABLES = [
  'ba',
  'ke',
  'lo',
  'mi',
  'nu',
  'ra',
  'si',
  'to',
  've',
  'za',
  'da',
  'fe',
  'go',
  'hi',
  'ju',
  'la',
  'me',
  'no',
  'pi',
  'ru',
];

/** A pronounceable name that encodes `n` (base 20, at least three syllables), e.g. "Babake". */
export function uniqueName(n: number): string {
  let rest = n;
  let name = '';
  do {
    name += SYLLABLES[rest % SYLLABLES.length];
    rest = Math.floor(rest / SYLLABLES.length);
  } while (rest > 0 || name.length < 6);
  return name.charAt(0).toUpperCase() + name.slice(1);
}

export const AREAS = [
  'Ashcombe',
  'Brackenford',
  'Corvale',
  'Duncombe Water',
  'Eastmere',
  'Fenmarsh',
  'Greyhaven',
  'Hollinsdale',
  'Kestrel Bay',
  'Lindenbridge',
  'Marrowby',
  'Northmoor',
  'Oakhurst Vale',
  'Ravensmoor',
  'Sallowfield',
  'Thornwick',
];

export const AUTHORS = [
  'Petra Lowell',
  'Hamid Osei',
  'Rowena Blake',
  'Tomasz Rudnik',
  'Clare Vinton',
  'Anjali Rao',
  'Daniel Firth',
  'Helena Marsh',
  'Owen Pryce',
  'Sadia Karim',
];

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
