import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { MATRIX_HEADER, RECURRING_HEADER } from '../../../server/exports/recommendations-csv.ts';
import type {
  RecommendationMatrix,
  RecommendationReview,
  RecurringRecommendation,
} from '../../../web/src/api/analytics-queries.ts';
import { RECOMMENDATION_OPERATIONS } from '../../../web/src/api/analytics-queries.ts';
import { queryToState, stateToQuery } from '../../../web/src/share/url-state.ts';
import { DEFAULT_STATE } from '../../../web/src/state/view-state.ts';
import {
  MATRIX_CSV_HEADER,
  matrixCsv,
  RECURRING_CSV_HEADER,
  recommendationsPicture,
  recommendationsPython,
  recommendationsQuery,
  recurringCsv,
} from '../../../web/src/views/recommendations/rec-export.ts';
import {
  cellKey,
  cellQueryVars,
  findCell,
  NO_AGENCY,
  NO_THEME,
  parseCellKey,
  recurringLine,
  reviewName,
  SHADE_STEPS,
  safeText,
  shadeLegend,
  shadeStep,
  shapeMatrix,
  shownCells,
} from '../../../web/src/views/recommendations/rec-model.ts';
import {
  DEFAULT_VIEW_PARAMS,
  readViewParams,
  recommendationParams,
} from '../../../web/src/views/view-params.ts';

const schemaDir = resolve(import.meta.dirname, '../../../server/schema');
const schema = buildSchema(
  readdirSync(schemaDir)
    .filter((f) => f.endsWith('.graphql'))
    .map((f) => readFileSync(join(schemaDir, f), 'utf8'))
    .join('\n'),
);
const errorsOf = (query: string) => validate(schema, parse(query)).map((e) => e.message);

const tally = (recommendationCount: number, reviewCount: number) => ({ recommendationCount, reviewCount });

/** Two agencies and the none-named row; two themes and the none-named column. */
function matrix(): RecommendationMatrix {
  return {
    population: { reviews: 12, excluded: { national: 1, unknownYear: 0 } },
    total: tally(14, 10),
    rows: [
      { agency: { id: 'police', label: 'Police' }, noneNamed: false, ...tally(6, 5) },
      { agency: { id: 'gp', label: 'GP' }, noneNamed: false, ...tally(2, 2) },
      { agency: null, noneNamed: true, ...tally(7, 4) },
    ],
    columns: [
      { theme: { id: 'escalation', label: 'Escalation' }, noneNamed: false, ...tally(8, 6) },
      { theme: { id: 'neglect', label: 'Neglect' }, noneNamed: false, ...tally(3, 2) },
      { theme: null, noneNamed: true, ...tally(3, 3) },
    ],
    cells: [
      { agency: { id: 'police' }, theme: { id: 'escalation' }, ...tally(5, 4) },
      { agency: { id: 'police' }, theme: null, ...tally(1, 1) },
      { agency: { id: 'gp' }, theme: { id: 'neglect' }, ...tally(2, 2) },
      { agency: null, theme: { id: 'escalation' }, ...tally(3, 2) },
      { agency: null, theme: null, ...tally(4, 3) },
    ],
  };
}

function review(id: string, child: string | null, year = 2020): RecommendationReview {
  return {
    id,
    title: `Review of ${child ?? 'a child'}`,
    year,
    case: { child, reviewType: 'LCSPR', reportYear: year, partnership: null, sources: [] },
  };
}

function ask(patch: Partial<RecurringRecommendation> = {}): RecurringRecommendation {
  return {
    id: 'rec-1',
    representative: 'Police to share what they know about Child B with schools',
    reviewCount: 3,
    recommendationCount: 4,
    wordingCount: 2,
    firstYear: 2018,
    lastYear: 2022,
    reviews: [review('child-b-2022', 'Child B', 2022), review('ruby-2018', 'Ruby', 2018)],
    agencies: [{ agency: { id: 'police', label: 'Police' }, recommendationCount: 4 }],
    themes: [{ theme: { id: 'information-sharing', label: 'Information sharing' }, recommendationCount: 3 }],
    ...patch,
  };
}

describe('the recommendation matrix as drawn', () => {
  it('puts themes down the side and agencies across, in the API order, none-named last', () => {
    const view = shapeMatrix(matrix(), 'themes', null);
    expect(view.rows.map((r) => r.label)).toEqual(['Escalation', 'Neglect', NO_THEME]);
    expect(view.columns.map((c) => c.label)).toEqual(['Police', 'GP', NO_AGENCY]);
    expect(view.grid.map((row) => row.map((c) => c?.text ?? ''))).toEqual([
      ['4', '', '2'],
      ['', '2', ''],
      ['1', '', '3'],
    ]);
    expect(view.maxReviews).toBe(4);
  });

  it('transposes when agencies are the rows, each cell keeping its agency and theme', () => {
    const themes = shapeMatrix(matrix(), 'themes', null);
    const agencies = shapeMatrix(matrix(), 'agencies', null);
    expect(agencies.rows.map((r) => r.id)).toEqual(['police', 'gp', null]);
    expect(agencies.columns.map((c) => c.id)).toEqual(['escalation', 'neglect', null]);
    for (const [i, row] of agencies.grid.entries())
      for (const [j, cell] of row.entries()) expect(cell).toEqual(themes.grid[j]![i]);
    expect(agencies.grid[0]![0]).toMatchObject({
      key: 'police~escalation',
      agency: 'police',
      theme: 'escalation',
      reviews: 4,
      recommendations: 5,
      label: 'Police, asked about Escalation: 4 reviews, 5 recommendations',
    });
    expect(agencies.grid[2]![2]!.label).toBe(
      'No agency named, asked about no theme named: 3 reviews, 4 recommendations',
    );
  });

  it('shades by the share of the largest count shown, in equal steps', () => {
    expect(shadeStep(0, 10)).toBe(0);
    expect(shadeStep(1, 10)).toBe(1);
    expect(shadeStep(2, 10)).toBe(1);
    expect(shadeStep(3, 10)).toBe(2);
    expect(shadeStep(10, 10)).toBe(SHADE_STEPS);
    expect(shadeStep(1, 1)).toBe(SHADE_STEPS);
    expect(shadeLegend(10)).toEqual([
      { shade: 1, from: 1, to: 2 },
      { shade: 2, from: 3, to: 4 },
      { shade: 3, from: 5, to: 6 },
      { shade: 4, from: 7, to: 8 },
      { shade: 5, from: 9, to: 10 },
    ]);
    expect(shadeLegend(3)).toEqual([
      { shade: 2, from: 1, to: 1 },
      { shade: 4, from: 2, to: 2 },
      { shade: 5, from: 3, to: 3 },
    ]);
    expect(shadeLegend(0)).toEqual([]);
  });

  it('hides every count of reviews under the room-safe threshold, with its recommendations and shade', () => {
    const view = shapeMatrix(matrix(), 'themes', 3);
    const cells = shownCells(view);
    expect(cells.map((c) => [c.key, c.text, c.hidden, c.shade])).toEqual([
      ['police~escalation', '4', false, 5],
      ['~escalation', '<3', true, 0],
      ['gp~neglect', '<3', true, 0],
      ['police~', '<3', true, 0],
      ['~', '3', false, 4],
    ]);
    expect(findCell(view, 'gp~neglect')!.label).toBe('GP, asked about Neglect: fewer than 3 reviews');
    // The darkest shade stands for the largest count shown, not for one hidden.
    expect(view.maxReviews).toBe(4);
    expect(view.rows.map((r) => r.hidden)).toEqual([false, true, false]);
    expect(view.columns.map((c) => c.hidden)).toEqual([false, true, false]);
    // Zero is never hidden: an empty cell is no cell.
    expect(view.grid[1]![0]).toBeNull();
  });
});

describe('a cell in the address and in the API', () => {
  it('is "agency~theme", with an empty side for the none-named row or column', () => {
    expect(cellKey('police', 'escalation')).toBe('police~escalation');
    expect(cellKey(null, 'escalation')).toBe('~escalation');
    expect(parseCellKey('~')).toBeNull();
    expect(parseCellKey('police')).toBeNull();
    expect(parseCellKey('a~b~c')).toBeNull();
    expect(parseCellKey('police~')).toEqual({ agency: 'police', theme: null });
  });

  it('lists its recommendations through recommendationsFor, under the same filter', () => {
    expect(cellQueryVars('police~escalation', { harmTypes: ['neglect'] }, 50)).toEqual({
      agency: 'police',
      theme: 'escalation',
      filter: { harmTypes: ['neglect'] },
      first: 50,
    });
    expect(cellQueryVars('~', {}, 50)).toBeNull();
    expect(cellQueryVars('~neglect', {}, 20, 'cursor-1')).toEqual({
      noAgency: true,
      theme: 'neglect',
      filter: {},
      first: 20,
      after: 'cursor-1',
    });
    expect(cellQueryVars('gp~', {}, 20)).toEqual({ agency: 'gp', noTheme: true, filter: {}, first: 20 });
  });

  it('round-trips the rows, the recurring minimum and the open cell through the address', () => {
    const state = {
      ...DEFAULT_STATE,
      view: 'recommendations' as const,
      views: { ...DEFAULT_VIEW_PARAMS, recRows: 'agencies' as const, recMin: 3, recCell: '~neglect' },
    };
    const query = stateToQuery(state);
    expect(query).toBe('?view=recommendations&rrows=agencies&rmin=3&rcell=%7Eneglect');
    expect(queryToState(query)).toEqual(state);
    expect(stateToQuery({ ...DEFAULT_STATE, view: 'recommendations' })).toBe('?view=recommendations');
  });

  it('falls back to the defaults for what a hand-edited link gets wrong', () => {
    const read = readViewParams(new URLSearchParams('rrows=sideways&rmin=40&rcell=%3Cscript%3E'));
    expect(recommendationParams(read)).toEqual({ recRows: 'themes', recMin: 2, recCell: null });
    expect(readViewParams(new URLSearchParams('rcell=~'))).toEqual(DEFAULT_VIEW_PARAMS);
  });
});

describe('the recommendations view in a room', () => {
  it('names a review by its type and year, and replaces the pseudonyms of every review of an ask', () => {
    const r = review('child-b-2022', 'Child B', 2022);
    expect(reviewName(r, false)).toBe('Review of Child B');
    expect(reviewName(r, true)).toBe('A child (LCSPR, 2022)');
    const g = ask({ representative: 'Ruby and Child B were not seen alone' });
    expect(safeText(g.representative!, g.reviews, true)).toBe('The child and the child were not seen alone');
    expect(safeText(g.representative!, g.reviews, false)).toBe('Ruby and Child B were not seen alone');
  });

  it('says how often an ask recurs, or only that it is under the threshold', () => {
    expect(recurringLine(ask(), null)).toBe('made in 3 reviews, 2018–2022 · 4 recommendations in 2 wordings');
    expect(recurringLine(ask({ reviewCount: 2 }), 3)).toBe('made in fewer than 3 reviews');
    expect(recurringLine(ask({ firstYear: null, lastYear: null, wordingCount: 1 }), null)).toBe(
      'made in 3 reviews · 4 recommendations in one wording',
    );
  });
});

describe('what the recommendations view exports', () => {
  it('writes the cells shown, then the totals, in the columns of /export/recommendation-matrix.csv', () => {
    expect(MATRIX_HEADER.slice(0, MATRIX_CSV_HEADER.length)).toEqual([...MATRIX_CSV_HEADER]);
    const csv = matrixCsv(shapeMatrix(matrix(), 'themes', null), { recommendations: 14, reviews: 10 });
    const lines = csv.split('\r\n').filter(Boolean);
    expect(lines).toEqual([
      MATRIX_CSV_HEADER.join(','),
      'cell,police,Police,escalation,Escalation,5,4',
      'cell,,No agency named,escalation,Escalation,3,2',
      'cell,gp,GP,neglect,Neglect,2,2',
      'cell,police,Police,,No theme named,1,1',
      'cell,,No agency named,,No theme named,4,3',
      'agency,police,Police,,,6,5',
      'agency,gp,GP,,,2,2',
      'agency,,No agency named,,,7,4',
      'theme,,,escalation,Escalation,8,6',
      'theme,,,neglect,Neglect,3,2',
      'theme,,,,No theme named,3,3',
      'total,,,,,14,10',
    ]);
  });

  it('leaves the counts room-safe hides empty in the CSV', () => {
    const csv = matrixCsv(shapeMatrix(matrix(), 'agencies', 3), { recommendations: 14, reviews: 10 });
    const lines = csv.split('\r\n').filter(Boolean);
    expect(lines[1]).toBe('cell,police,Police,escalation,Escalation,5,4');
    expect(lines).toContain('cell,gp,GP,neglect,Neglect,,');
    expect(lines).toContain('agency,gp,GP,,,,');
    expect(lines.at(-1)).toBe('total,,,,,14,10');
  });

  it('writes the recurring asks in the columns of /export/recurring-recommendations.csv, naming no review in a room', () => {
    expect([...RECURRING_CSV_HEADER]).toEqual(RECURRING_HEADER);
    const open = recurringCsv([ask()], false, null).split('\r\n');
    expect(open[1]).toBe(
      '1,rec-1,Police to share what they know about Child B with schools,3,4,2,2018,2022,Police (4),Information sharing (3),child-b-2022; ruby-2018,Review of Child B; Review of Ruby,2022; 2018',
    );
    const safe = recurringCsv([ask(), ask({ id: 'rec-2', reviewCount: 2 })], true, 3).split('\r\n');
    expect(safe[1]).toBe(
      '1,rec-1,Police to share what they know about the child with schools,3,4,2,2018,2022,Police (4),Information sharing (3),,,2022; 2018',
    );
    expect(safe[2]).toMatch(/^2,rec-2,[^,]+,,,2,/);
    expect(safe.join('\n')).not.toMatch(/Child B|Ruby/);
  });

  it('draws the matrix, its key and the asks as one SVG, every cell with its words', () => {
    const view = shapeMatrix(matrix(), 'themes', 3);
    const pic = recommendationsPicture(view, [ask()], true, { title: 'T', caption: 'C', footer: 'F' });
    expect(pic.svg.startsWith('<svg')).toBe(true);
    expect(pic.svg.match(/<rect [^>]*><title>/g)).toHaveLength(shownCells(view).length);
    expect(pic.svg).toContain('GP, asked about Neglect: fewer than 3 reviews');
    expect(pic.svg).toContain('fewer than 3 (room-safe)');
    expect(pic.svg).toContain('Police to share what they know about the child with schools');
    expect(pic.svg).not.toContain('Child B');
  });

  it('copies one query that validates against server/schema, and one that asks for no words in a room', () => {
    for (const op of RECOMMENDATION_OPERATIONS) expect(errorsOf(op.query), op.name).toEqual([]);
    const open = recommendationsQuery({ harmTypes: ['neglect'] }, 2, 25, false, null);
    expect(errorsOf(open.query)).toEqual([]);
    expect(open.variables).toEqual({
      filter: { harmTypes: ['neglect'] },
      minReviews: 2,
      first: 25,
      reviews: 100,
    });
    const safe = recommendationsQuery({}, 3, 25, true, 3);
    expect(errorsOf(safe.query)).toEqual([]);
    const asked = safe.query.replace(/^#.*$/gm, '');
    expect(asked).not.toMatch(/\btitle\b|representative|\breviews\(|\btext\b|quote|child/);
    expect(safe.variables).toEqual({ filter: {}, minReviews: 3, first: 25 });
    const python = recommendationsPython(safe, 'http://127.0.0.1:4000/graphql', 3);
    expect(python).toContain('HIDE_BELOW = 3');
    expect(python).toContain('matrix = data["recommendationMatrix"]');
    expect(recommendationsPython(open, 'http://x/graphql', null)).toContain('HIDE_BELOW = None');
  });
});

describe('the recommendations picture', () => {
  it('is well-formed: no element repeats an attribute', () => {
    const view = shapeMatrix(matrix(), 'agencies', 3);
    const { svg } = recommendationsPicture(view, [ask(), ask({ id: 'rec-2' })], false, {
      title: 'T',
      caption: 'C',
      footer: 'F',
    });
    for (const tag of svg.match(/<[a-z][^>]*>/g) ?? []) {
      const names = [...tag.matchAll(/\s([a-z-]+)="/g)].map((m) => m[1]);
      expect(new Set(names).size, tag).toBe(names.length);
    }
  });
});
