/**
 * Recurring recommendations: near-identical asks made in several reviews. The book groups wordings once
 * over every recommendation loaded (see groupWordings in book.ts); an answer keeps each group's members
 * from the reviews its filter chooses and lists the groups that still span at least minReviews reviews,
 * most reviews first. Each group's representative is chosen once, over every recommendation loaded, so a
 * group keeps its id and wording whatever the filter. Ranking needs only counts and the representative; the
 * rest of a group (its reviews, agencies, themes and years) is worked out for the groups shown.
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

/** A group as ranked: its members under the filter, in listing order. */
export interface RankedGroup {
  members: BookEntry[];
  reviewCount: number;
  /** The member whose verbatim text stands for the group. */
  representative: BookEntry;
}

export interface RecurringGroup {
  /** The id of the representative recommendation: stable while that recommendation is loaded. */
  id: string;
  /** The wording most of the group's reviews used, over every recommendation loaded. */
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

export function rankedGroups(
  book: RecommendationBook,
  entries: readonly BookEntry[],
  minReviews: number,
): RankedGroup[] {
  const byGroup = new Map<number, BookEntry[]>();
  for (const entry of entries) {
    const group = book.wordings[entry.wording]?.group ?? -1;
    if (group === -1) continue;
    const members = byGroup.get(group);
    if (members) members.push(entry);
    else byGroup.set(group, [entry]);
  }
  const ranked: RankedGroup[] = [];
  for (const [group, members] of byGroup) {
    const reviewCount = distinctReviews(members);
    const representative = book.representatives.get(group);
    if (reviewCount >= minReviews && representative) ranked.push({ members, reviewCount, representative });
  }
  return ranked.sort(
    (a, b) =>
      b.reviewCount - a.reviewCount ||
      b.members.length - a.members.length ||
      compareText(a.representative.row.text, b.representative.row.text) ||
      compareText(a.representative.row.id, b.representative.row.id),
  );
}

/** Members arrive in listing order, so a review's recommendations are together. */
function distinctReviews(members: readonly BookEntry[]): number {
  let n = 0;
  let last = -1;
  for (const e of members) {
    if (e.position !== last) n++;
    last = e.position;
  }
  return n;
}

export function describeGroup(group: RankedGroup): RecurringGroup {
  const reviews: GroupReview[] = [];
  for (const e of group.members) {
    if (reviews.at(-1)?.id !== e.row.caseId)
      reviews.push({ id: e.row.caseId, title: e.row.caseTitle, year: e.year });
  }
  const years = reviews.flatMap((r) => (r.year === null ? [] : [r.year]));
  return {
    id: group.representative.row.id,
    representative: group.representative.row.text,
    reviews,
    recommendations: group.members,
    wordings: new Set(group.members.map((e) => e.wording)).size,
    agencies: countIds(group.members.map((e) => e.row.agencies)),
    themes: countIds(group.members.map((e) => e.row.themes)),
    firstYear: years.length > 0 ? Math.min(...years) : null,
    lastYear: years.length > 0 ? Math.max(...years) : null,
  };
}

export function recurringGroups(
  book: RecommendationBook,
  entries: readonly BookEntry[],
  minReviews: number,
): RecurringGroup[] {
  return rankedGroups(book, entries, minReviews).map(describeGroup);
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
