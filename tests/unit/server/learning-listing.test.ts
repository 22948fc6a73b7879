import { describe, expect, it } from 'vitest';
import { compareStatementHits } from '../../../graph/read-rules.ts';
import type { StatementHit } from '../../../graph/store.ts';
import { normalizeFilter } from '../../../server/analytics/filter.ts';
import { placedEntries, StatementListing } from '../../../server/analytics/recommendations/listing.ts';
import { fixtureIndex } from './fixture-index.ts';
import { REVIEWS } from './recommendation-fixture.ts';

const index = fixtureIndex();

const THEMES = ['think-family', 'voice-of-the-child', 'information-sharing', 'escalation'];

/** Learning of every fixture review: a few statements each, in no particular order, some about no theme. */
function learningRows(): StatementHit[] {
  const rows: StatementHit[] = [];
  REVIEWS.forEach((review, r) => {
    for (let k = 0; k < 2 + (r % 3); k++) {
      const start = ((k * 37 + r * 11) % 5) * 100;
      rows.push({
        kind: 'learning',
        id: `${review.id}-learning-${String.fromCharCode(122 - k)}`,
        text: `Learning ${k} of ${review.title}.`,
        sourceId: 'fixture-source',
        start,
        end: start + 40,
        caseId: review.id,
        themes: THEMES.filter((_, t) => (r + k + t) % 3 === 0),
        agencies: [],
      });
    }
  });
  // Two statements at one start in one review: the id decides.
  const [first] = rows;
  if (first) rows.push({ ...first, id: `${first.id}-0`, themes: ['escalation'] });
  return rows.reverse();
}

const rows = learningRows();
const listing = new StatementListing(placedEntries(index, rows));

/** What store.statements() answers: every row the filters keep, by case id, start, id. */
function brute(themes: string[], caseIds: Set<string> | null): StatementHit[] {
  return rows
    .filter(
      (r) =>
        (themes.length === 0 || r.themes.some((t) => themes.includes(t))) &&
        (caseIds === null || caseIds.has(r.caseId)),
    )
    .sort(compareStatementHits);
}

describe('pages of learning from the listing', () => {
  it('lists every statement by case id, start and id, with the total', () => {
    const page = listing.page({ offset: 0, limit: 1000 });
    expect(page.items.map((r) => r.id)).toEqual(brute([], null).map((r) => r.id));
    expect(page.total).toBe(rows.length);
    expect(listing.size).toBe(rows.length);
    expect(page.items[0]?.kind).toBe('learning');
  });

  it('counts and pages under every theme filter as the store does', () => {
    const choices = [...THEMES.map((t) => [t]), THEMES.slice(0, 2), THEMES, ['no-such-theme']];
    for (const themes of choices) {
      const expected = brute(themes, null);
      for (const [offset, limit] of [
        [0, 2],
        [1, 2],
        [3, 5],
        [0, 50],
        [expected.length, 5],
      ] as const) {
        const page = listing.page({ themes, offset, limit });
        expect(page.total).toBe(expected.length);
        expect(page.items.map((r) => r.id)).toEqual(expected.slice(offset, offset + limit).map((r) => r.id));
      }
    }
  });

  it('finds no learning for an agency, as learning targets none', () => {
    expect(listing.page({ agencies: ['health-visiting'], offset: 0, limit: 20 })).toEqual({
      total: 0,
      items: [],
    });
    expect(listing.page({ themes: THEMES, agencies: ['police'], offset: 0, limit: 20 }).total).toBe(0);
  });

  it('keeps to the reviews a case filter selects', () => {
    const scope = index.match(normalizeFilter({ harmTypes: ['neglect'] }));
    const caseIds = new Set(index.idsOf(scope));
    expect(caseIds.size).toBeGreaterThan(0);
    const page = listing.page({ scope, offset: 0, limit: 50 });
    expect(page.items.map((r) => r.id)).toEqual(brute([], caseIds).map((r) => r.id));
    const themed = listing.page({ scope, themes: ['escalation'], offset: 1, limit: 2 });
    const expected = brute(['escalation'], caseIds);
    expect(themed.total).toBe(expected.length);
    expect(themed.items.map((r) => r.id)).toEqual(expected.slice(1, 3).map((r) => r.id));
  });

  it('leaves out statements of reviews the index does not hold yet', () => {
    const stray: StatementHit = { ...(rows[0] as StatementHit), id: 'stray', caseId: 'not-indexed-yet' };
    const placed = placedEntries(index, [...rows, stray]);
    expect(placed).toHaveLength(rows.length);
    expect(
      new StatementListing(placed).page({ offset: 0, limit: 1000 }).items.map((r) => r.id),
    ).not.toContain('stray');
  });
});
