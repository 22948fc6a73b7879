/** The analytics index over the fixture reviews (recommendation-fixture.ts) that the listing and answer tests read. */
import type { GraphCounts } from '../../../graph/store.ts';
import { AnalyticsIndex } from '../../../server/analytics/index.ts';
import { REVIEWS } from './recommendation-fixture.ts';

export function fixtureIndex(): AnalyticsIndex {
  return new AnalyticsIndex({
    cases: REVIEWS.map((r) => ({
      id: r.id,
      reportYear: r.year,
      outcome: null,
      ageBand: null,
      reviewType: r.reviewType,
      harmTypes: r.harmTypes,
      agencies: [],
      themes: [],
      sources: ['fixture-source'],
      text: r.title.toLowerCase(),
    })),
    taxonomy: { harmTypes: [{ id: 'neglect', label: 'Neglect', description: '' }], agencies: [], themes: [] },
    sources: [],
    counts: { nodes: {}, relationships: {} } as GraphCounts,
  });
}
