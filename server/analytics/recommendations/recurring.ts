/**
 * Recurring recommendations: near-identical asks made in several reviews. Recommendations with the same
 * content words share a wording; wordings are taken in order of most reviews (then most recommendations,
 * then their words), and each one not yet grouped leads a group that takes in every ungrouped wording at
 * least SIMILARITY_THRESHOLD similar to it (see book.ts). So every member is that similar to its group's
 * lead, chains of small differences never merge unlike asks, and the same data always gives the same
 * groups. Groups from fewer than minReviews reviews are left out.
 */
import type { BookEntry, RecommendationBook } from './book.ts';

export interface GroupReview {
  id: string;
  title: string;
  year: number | null;
}

export interface CountedId {
  id: string;
  recommendations: number;
}

export interface RecurringGroup {
  /** The id of the representative recommendation: stable while that recommendation is loaded. */
  id: string;
  /** The lead wording as most of its reviews put it. */
  representative: string;
  reviews: GroupReview[];
  recommendations: BookEntry[];
  /** Distinct wordings (content-word sets) in the group. */
  wordings: number;
  agencies: CountedId[];
  themes: CountedId[];
  firstYear: number | null;
  lastYear: number | null;
}

interface WordingTally {
  wording: number;
  reviews: number;
  entries: BookEntry[];
}

export function recurringGroups(
  book: RecommendationBook,
  entries: readonly BookEntry[],
  minReviews: number,
): RecurringGroup[] {
  const tallies = new Map<number, WordingTally>();
  for (const entry of entries) {
    if ((book.wordings[entry.wording]?.words.length ?? 0) === 0) continue;
    let tally = tallies.get(entry.wording);
    if (!tally) {
      tally = { wording: entry.wording, reviews: 0, entries: [] };
      tallies.set(entry.wording, tally);
    }
    if (tally.entries.at(-1)?.position !== entry.position) tally.reviews++;
    tally.entries.push(entry);
  }
  const wordsOf = (w: number) => book.wordings[w]?.words.join(' ') ?? '';
  const leads = [...tallies.values()].sort(
    (a, b) =>
      b.reviews - a.reviews ||
      b.entries.length - a.entries.length ||
      compareText(wordsOf(a.wording), wordsOf(b.wording)),
  );
  const grouped = new Set<number>();
  const groups: RecurringGroup[] = [];
  for (const lead of leads) {
    if (grouped.has(lead.wording)) continue;
    grouped.add(lead.wording);
    const members = [lead];
    for (const other of book.wordings[lead.wording]?.similar ?? []) {
      const tally = tallies.get(other);
      if (tally && !grouped.has(other)) {
        grouped.add(other);
        members.push(tally);
      }
    }
    const group = groupOf(lead, members);
    if (group.reviews.length >= minReviews) groups.push(group);
  }
  return groups.sort(
    (a, b) =>
      b.reviews.length - a.reviews.length ||
      b.recommendations.length - a.recommendations.length ||
      compareText(a.representative, b.representative) ||
      compareText(a.id, b.id),
  );
}

function groupOf(lead: WordingTally, members: WordingTally[]): RecurringGroup {
  const recommendations = members
    .flatMap((m) => m.entries)
    .sort((a, b) => a.position - b.position || a.row.start - b.row.start || compareText(a.row.id, b.row.id));
  const reviews: GroupReview[] = [];
  for (const e of recommendations) {
    if (reviews.at(-1)?.id !== e.row.caseId)
      reviews.push({ id: e.row.caseId, title: e.row.caseTitle, year: e.year });
  }
  const years = reviews.flatMap((r) => (r.year === null ? [] : [r.year]));
  const representative = commonestWording(lead.entries);
  return {
    id: representative.row.id,
    representative: representative.row.text,
    reviews,
    recommendations,
    wordings: members.length,
    agencies: countIds(recommendations.map((e) => e.row.agencies)),
    themes: countIds(recommendations.map((e) => e.row.themes)),
    firstYear: years.length > 0 ? Math.min(...years) : null,
    lastYear: years.length > 0 ? Math.max(...years) : null,
  };
}

/** The verbatim text most reviews used (then the shortest, then the first in code-unit order). */
function commonestWording(entries: readonly BookEntry[]): BookEntry {
  const reviewsOf = new Map<string, Set<number>>();
  const firstOf = new Map<string, BookEntry>();
  for (const e of entries) {
    const text = e.row.text;
    reviewsOf.set(text, (reviewsOf.get(text) ?? new Set()).add(e.position));
    if (!firstOf.has(text)) firstOf.set(text, e);
  }
  const [best] = [...firstOf.keys()].sort(
    (a, b) =>
      (reviewsOf.get(b)?.size ?? 0) - (reviewsOf.get(a)?.size ?? 0) ||
      a.length - b.length ||
      compareText(a, b),
  );
  const chosen = firstOf.get(best ?? '') ?? entries[0];
  if (!chosen) throw new Error('a group has at least one recommendation');
  return chosen;
}

function countIds(lists: readonly (readonly string[])[]): CountedId[] {
  const counts = new Map<string, number>();
  for (const list of lists) for (const id of list) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts]
    .map(([id, recommendations]) => ({ id, recommendations }))
    .sort((a, b) => b.recommendations - a.recommendations || compareText(a.id, b.id));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
