/**
 * A small fictional corpus whose recommendation matrix and recurring groups are worked out by hand, and
 * brute-force versions of both answers (every pair compared, every cell counted from the raw rows) that
 * the specs hold the server's answers to.
 */
import type { CaseReviewRecord, ReviewType } from '../../../graph/records.ts';
import type { RecommendationRow } from '../../../graph/store.ts';
import { contentWords, jaccard } from '../../../server/analytics/recommendations/words.ts';

export interface FixtureReview {
  id: string;
  title: string;
  year: number | null;
  reviewType: ReviewType;
  harmTypes: string[];
}

export interface FixtureRecommendation {
  key: string;
  review: string;
  text: string;
  agencies: string[];
  themes: string[];
}

export const REVIEWS: FixtureReview[] = [
  { id: 'alderford-2021-child-a', title: 'Child A', year: 2021, reviewType: 'LCSPR', harmTypes: [] },
  { id: 'birchmoor-2020-child-b', title: 'Child B', year: 2020, reviewType: 'LCSPR', harmTypes: [] },
  { id: 'cobbleton-2019-child-c', title: 'Child C', year: 2019, reviewType: 'SCR', harmTypes: [] },
  { id: 'dunhollow-child-d', title: 'Child D', year: null, reviewType: 'LCSPR', harmTypes: ['neglect'] },
  { id: 'national-2022-review', title: 'Annual review', year: 2022, reviewType: 'NATIONAL', harmTypes: [] },
  { id: 'elmstead-2018-child-e', title: 'Child E', year: 2018, reviewType: 'LCSPR', harmTypes: ['neglect'] },
];

const [A, B, C, D, NAT, E] = REVIEWS.map((r) => r.id) as [string, string, string, string, string, string];

/**
 * A1, B1 and NAT1 share their content words; C1 adds "routinely" (6/7 alike); E2 adds four more words to
 * C1 (7/11 alike to C1, only 6/11 to A1), so it is near C1 but not near the lead and stays apart. D1 and E1
 * are exactly 0.6 alike (6 shared words of 10), the threshold, so they group.
 */
export const RECOMMENDATIONS: FixtureRecommendation[] = [
  {
    key: 'A1',
    review: A,
    text: 'Health visitors should ask about domestic abuse at every contact.',
    agencies: ['health-visiting'],
    themes: ['think-family'],
  },
  {
    key: 'A2',
    review: A,
    text: 'Schools should hear the voice of the child.',
    agencies: [],
    themes: ['voice-of-the-child'],
  },
  {
    key: 'B1',
    review: B,
    text: 'The health visitor should ask about domestic abuse at each contact.',
    agencies: ['health-visiting'],
    themes: ['think-family'],
  },
  {
    key: 'B2',
    review: B,
    text: 'A multi-agency escalation policy should be refreshed.',
    agencies: ['police'],
    themes: [],
  },
  {
    key: 'C1',
    review: C,
    text: 'Health visitors should routinely ask about domestic abuse at every contact.',
    agencies: ['health-visiting', 'gp'],
    themes: ['think-family', 'information-sharing'],
  },
  {
    key: 'D1',
    review: D,
    text: "GPs should share concerns about neglect with children's social care.",
    agencies: ['gp'],
    themes: ['information-sharing'],
  },
  {
    key: 'NAT1',
    review: NAT,
    text: 'Health visitors should ask about domestic abuse at every contact.',
    agencies: ['health-visiting'],
    themes: ['think-family'],
  },
  {
    key: 'E1',
    review: E,
    text: "General practitioners must share any concerns about neglect with children's social care promptly.",
    agencies: ['gp'],
    themes: ['information-sharing'],
  },
  {
    key: 'E2',
    review: E,
    text: 'Health visitors should routinely ask fathers about domestic abuse at every contact and record the answer clearly.',
    agencies: ['health-visiting'],
    themes: ['think-family'],
  },
];

export function caseRecord(r: FixtureReview): CaseReviewRecord {
  return {
    id: r.id,
    title: r.title,
    child: r.title,
    reviewType: r.reviewType,
    partnership: null,
    authors: null,
    reportYear: r.year,
    incidentYear: null,
    age: null,
    ageBand: null,
    gender: null,
    outcome: null,
    summary: null,
    topic: null,
  };
}

/** The raw rows as the store gives them, with ids the test chooses. */
export function fixtureRows(idOf: (key: string) => string = (key) => key): RecommendationRow[] {
  let start = 0;
  return RECOMMENDATIONS.map((r) => {
    const row: RecommendationRow = {
      id: idOf(r.key),
      text: r.text,
      sourceId: 'fixture-source',
      start,
      end: start + r.text.length,
      caseId: r.review,
      caseTitle: REVIEWS.find((v) => v.id === r.review)?.title ?? '',
      agencies: [...r.agencies].sort(),
      themes: [...r.themes].sort(),
    };
    start += r.text.length + 1;
    return row;
  });
}

export interface BruteCell {
  agency: string | null;
  theme: string | null;
  recommendations: number;
  reviews: number;
  firstYear: number | null;
  lastYear: number | null;
}

type YearOf = (caseId: string) => number | null;

function tally(rows: RecommendationRow[], yearOf: YearOf) {
  const reviews = [...new Set(rows.map((r) => r.caseId))];
  const years = reviews.map(yearOf).filter((y): y is number => y !== null);
  return {
    recommendations: rows.length,
    reviews: reviews.length,
    firstYear: years.length ? Math.min(...years) : null,
    lastYear: years.length ? Math.max(...years) : null,
  };
}

const axis = (ids: string[]): (string | null)[] => (ids.length === 0 ? [null] : ids);

/** Every cell counted afresh from the rows: for each agency and theme, the rows naming both. */
export function bruteMatrix(rows: RecommendationRow[], yearOf: YearOf) {
  const agencies = [...new Set(rows.flatMap((r) => axis(r.agencies)))];
  const themes = [...new Set(rows.flatMap((r) => axis(r.themes)))];
  const cells: BruteCell[] = [];
  for (const agency of agencies)
    for (const theme of themes) {
      const inCell = rows.filter((r) => axis(r.agencies).includes(agency) && axis(r.themes).includes(theme));
      if (inCell.length > 0) cells.push({ agency, theme, ...tally(inCell, yearOf) });
    }
  const line = (pick: (r: RecommendationRow) => (string | null)[]) => (id: string | null) => ({
    id,
    ...tally(
      rows.filter((r) => pick(r).includes(id)),
      yearOf,
    ),
  });
  return {
    total: tally(rows, yearOf),
    agencies: agencies.map(line((r) => axis(r.agencies))),
    themes: themes.map(line((r) => axis(r.themes))),
    cells,
  };
}

/**
 * Groups found by comparing every pair of wordings: over all rows, wordings (content-word sets) ordered by
 * reviews, then rows, then words; each ungrouped one leads and takes every ungrouped wording at least 0.6
 * similar; each group's representative is its text most reviews used, over all rows. Then only the rows
 * of the chosen reviews are kept, and groups spanning at least minReviews of them listed. Returns each group as its sorted row ids, groups in the answer's order.
 */
export function bruteGroups(
  all: RecommendationRow[],
  chosen: RecommendationRow[],
  minReviews: number,
  threshold = 0.6,
): string[][] {
  const byWords = new Map<string, RecommendationRow[]>();
  for (const r of all) {
    const key = contentWords(r.text).join(' ');
    if (key === '') continue;
    byWords.set(key, [...(byWords.get(key) ?? []), r]);
  }
  const reviewsOf = (rs: RecommendationRow[]) => new Set(rs.map((r) => r.caseId)).size;
  const wordings = [...byWords].sort(
    ([ka, a], [kb, b]) =>
      reviewsOf(b) - reviewsOf(a) || b.length - a.length || (ka < kb ? -1 : ka > kb ? 1 : 0),
  );
  const taken = new Set<string>();
  const kept = new Set(chosen.map((r) => r.id));
  const groups: { members: RecommendationRow[]; representative: string }[] = [];
  for (const [lead, leadRows] of wordings) {
    if (taken.has(lead)) continue;
    taken.add(lead);
    const members = [...leadRows];
    for (const [other, otherRows] of wordings) {
      if (taken.has(other) || jaccard(lead.split(' '), other.split(' ')) < threshold) continue;
      taken.add(other);
      members.push(...otherRows);
    }
    const inScope = members.filter((r) => kept.has(r.id));
    if (reviewsOf(inScope) >= minReviews)
      groups.push({ members: inScope, representative: commonest(inScope) });
  }
  return groups
    .sort(
      (a, b) =>
        reviewsOf(b.members) - reviewsOf(a.members) ||
        b.members.length - a.members.length ||
        (a.representative < b.representative ? -1 : a.representative > b.representative ? 1 : 0),
    )
    .map((g) => g.members.map((r) => r.id).sort());
}

/** The verbatim text the most reviews used, then the shortest, then the first in code-unit order. */
function commonest(rows: RecommendationRow[]): string {
  const texts = [...new Set(rows.map((r) => r.text))];
  const reviews = (t: string) => new Set(rows.filter((r) => r.text === t).map((r) => r.caseId)).size;
  texts.sort((a, b) => reviews(b) - reviews(a) || a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  return texts[0] ?? '';
}
