/**
 * Synthetic documents in the layouts real publications use: a repository bulletin (numbered entries with
 * "Learning includes:" lines), a topic newsletter (entries under topic headings with Author:/LSCB: lines and
 * linked research), and a yearly list ("2019 - Area - Name" entries with Learning:/Recommendations:/Keywords:).
 */
import { MONTHS } from './names.ts';
import type { SyntheticReview } from './reviews.ts';

export type SyntheticLayout = 'bulletin' | 'newsletter' | 'yearly-list';

export const LAYOUTS: readonly SyntheticLayout[] = ['bulletin', 'newsletter', 'yearly-list'];

const NOTICE = '[Synthetic benchmark document: every review, child, place and person in it is invented.]';

export function renderDocument(
  layout: SyntheticLayout,
  docIndex: number,
  reviews: readonly SyntheticReview[],
) {
  switch (layout) {
    case 'bulletin':
      return bulletin(docIndex, reviews);
    case 'newsletter':
      return newsletter(docIndex, reviews);
    case 'yearly-list':
      return yearlyList(docIndex, reviews);
  }
}

/** Printed bulletins number their entries in one or two digits; a long synthetic one restarts at 1 every 100. */
function bulletin(docIndex: number, reviews: readonly SyntheticReview[]): string {
  const month = MONTHS[docIndex % 12];
  const year = 2015 + (docIndex % 11);
  const entries = reviews.map(
    (r, i) =>
      `${(i % 100) + 1}. Local child safeguarding practice review: ${r.name}\n\n${r.description}\n\n` +
      `Learning includes: ${r.learning.join('; ')}.\n\n` +
      `Recommendations include: ${r.recommendations.join('; ')}.\n\n` +
      'Other resources Read practice review (PDF)',
  );
  return [
    NOTICE,
    `Synthetic Review Library Bulletin – ${month} ${year}`,
    `In ${month} ${year} ${reviews.length} case reviews were added to the library.`,
    ...entries,
  ].join('\n\n');
}

function newsletter(docIndex: number, reviews: readonly SyntheticReview[]): string {
  const byTopic = new Map<string, SyntheticReview[]>();
  for (const r of reviews) {
    const items = byTopic.get(r.harm);
    if (items) items.push(r);
    else byTopic.set(r.harm, [r]);
  }
  const sections = [...byTopic].map(([topic, items]) =>
    [
      capitalise(topic),
      'Serious Case Reviews:',
      ...items.map(
        (r) =>
          `Serious case review: ${r.name}\n\nAuthor: ${r.author} LSCB: ${r.area} Safeguarding Children Board ` +
          `(${r.month.slice(0, 3)} ${r.reportYear})\n\n${r.description} ` +
          `Learning includes: ${r.learning.join('; ')}. Recommendations include: ${r.recommendations.join('; ')}.`,
      ),
      'Linked Research & Resources:',
      `A synthetic practice guide about ${topic}. Find the guide [here](#)`,
    ].join('\n\n'),
  );
  return [
    NOTICE,
    `Synthetic Safeguarding Children Board Newsletter – Issue ${docIndex + 1}`,
    ...sections,
  ].join('\n\n');
}

function yearlyList(docIndex: number, reviews: readonly SyntheticReview[]): string {
  const ordered = [...reviews].sort((a, b) => a.reportYear - b.reportYear);
  const entries = ordered.map(
    (r) =>
      `${r.reportYear} - ${r.area} - ${r.name}\n\n${r.description}\n` +
      `Learning: ${r.learning.join('; ')}.\n` +
      `Recommendations: ${r.recommendations.join('; ')}.\n` +
      `Keywords: ${r.keywords.join('; ')}`,
  );
  return [
    NOTICE,
    `Synthetic Learning Hub – Case reviews by year, list ${docIndex + 1}`,
    'A yearly list of local reviews. Each entry gives the year, the area and the name used for the child.',
    ...entries,
  ].join('\n\n');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
