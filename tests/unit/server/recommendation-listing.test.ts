import { describe, expect, it } from 'vitest';
import { compareStatementHits } from '../../../graph/read-rules.ts';
import type { RecommendationRow } from '../../../graph/store.ts';
import { normalizeFilter } from '../../../server/analytics/filter.ts';
import { RecommendationBook } from '../../../server/analytics/recommendations/book.ts';
import { recommendationListing } from '../../../server/analytics/recommendations/listing.ts';
import { fixtureIndex } from './fixture-index.ts';
import { fixtureRows } from './recommendation-fixture.ts';

const index = fixtureIndex();
const rows = fixtureRows();
const book = new RecommendationBook(index, rows);

/** What store.statements() answers: every row the filters keep, by case id, start, id. */
function brute(themes: string[], agencies: string[], caseIds: Set<string> | null): RecommendationRow[] {
  return rows
    .filter(
      (r) =>
        (themes.length === 0 || r.themes.some((t) => themes.includes(t))) &&
        (agencies.length === 0 || r.agencies.some((a) => agencies.includes(a))) &&
        (caseIds === null || caseIds.has(r.caseId)),
    )
    .sort(compareStatementHits);
}

const themeIds = [...new Set(rows.flatMap((r) => r.themes))].sort();
const agencyIds = [...new Set(rows.flatMap((r) => r.agencies))].sort();

describe('pages of recommendations from the book', () => {
  it('lists every recommendation by case id, start and id, with the total', () => {
    const page = recommendationListing(book, { offset: 0, limit: 100 });
    expect(page.items.map((r) => r.id)).toEqual(brute([], [], null).map((r) => r.id));
    expect(page.total).toBe(rows.length);
  });

  it('counts and pages under every theme and agency filter as the store does', () => {
    const choices: Array<[string[], string[]]> = [
      ...themeIds.map((t): [string[], string[]] => [[t], []]),
      ...agencyIds.map((a): [string[], string[]] => [[], [a]]),
      ...themeIds.flatMap((t) => agencyIds.map((a): [string[], string[]] => [[t], [a]])),
      [themeIds.slice(0, 2), agencyIds.slice(0, 2)],
      [['no-such-theme'], []],
    ];
    for (const [themes, agencies] of choices) {
      const expected = brute(themes, agencies, null);
      for (const [offset, limit] of [
        [0, 2],
        [1, 2],
        [0, 50],
      ] as const) {
        const page = recommendationListing(book, { themes, agencies, offset, limit });
        expect(page.total).toBe(expected.length);
        expect(page.items.map((r) => r.id)).toEqual(expected.slice(offset, offset + limit).map((r) => r.id));
      }
    }
  });

  it('keeps to the reviews a case filter selects', () => {
    const scope = index.match(normalizeFilter({ harmTypes: ['neglect'] }));
    const caseIds = new Set(index.idsOf(scope));
    const page = recommendationListing(book, { scope, offset: 0, limit: 50 });
    expect(page.items.map((r) => r.id)).toEqual(brute([], [], caseIds).map((r) => r.id));
    expect(page.total).toBeGreaterThan(0);
    const themed = recommendationListing(book, { scope, themes: themeIds.slice(0, 3), offset: 0, limit: 50 });
    expect(themed.items.map((r) => r.id)).toEqual(brute(themeIds.slice(0, 3), [], caseIds).map((r) => r.id));
  });
});
