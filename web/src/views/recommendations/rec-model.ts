/**
 * Pure logic of the recommendations view: the agency × theme matrix as drawn (rows and columns either way
 * round, room-safe applied, each cell's shade and words), the key a cell is known by in the address, and
 * what a recurring ask shows in a room.
 */
import type {
  RecommendationMatrix,
  RecommendationReview,
  RecommendationsForVars,
  RecurringRecommendation,
} from '../../api/analytics-queries.ts';
import type { CaseFilter } from '../../api/types.ts';
import { anonymise, pseudonymsOf, reviewCaption } from '../../presentation/pseudonyms.ts';
import { hidden } from '../common/format.ts';
import type { RecommendationRows } from '../view-params.ts';

export const NO_AGENCY = 'No agency named';
export const NO_THEME = 'No theme named';
/** Shades from the lightest (fewest reviews) to the darkest; an empty cell has none. */
export const SHADE_STEPS = 5;

/** One row or column: an agency or a theme (or the recommendations naming none), with its totals. */
export interface Axis {
  /** The agency's or theme's id; null for the none-named row or column. */
  id: string | null;
  label: string;
  noneNamed: boolean;
  recommendations: number;
  reviews: number;
  /** Room-safe hides its counts. */
  hidden: boolean;
}

export interface CellView {
  /** The cell in the address: see cellKey. */
  key: string;
  agency: string | null;
  theme: string | null;
  recommendations: number;
  reviews: number;
  hidden: boolean;
  /** 1 (lightest) to SHADE_STEPS (darkest); 0 for a hidden count, which is not shaded. */
  shade: number;
  /** What the cell prints: its count of reviews, or "<3" where room-safe hides it. */
  text: string;
  /** The cell in words, for its label and tooltip. */
  label: string;
}

export interface MatrixView {
  rowKind: RecommendationRows;
  rows: Axis[];
  columns: Axis[];
  /** grid[row][column]; null where no recommendation asks that agency about that theme. */
  grid: Array<Array<CellView | null>>;
  /** The most reviews in any cell shown (hidden counts left out), which the darkest shade stands for. */
  maxReviews: number;
  hideBelow: number | null;
}

/** "police~strategy-meetings"; an empty side is the row or column of recommendations that name none. */
export function cellKey(agency: string | null, theme: string | null): string {
  return `${agency ?? ''}~${theme ?? ''}`;
}

export function parseCellKey(key: string): { agency: string | null; theme: string | null } | null {
  const at = key.indexOf('~');
  if (at < 0 || key.indexOf('~', at + 1) >= 0) return null;
  const agency = key.slice(0, at);
  const theme = key.slice(at + 1);
  if (!agency && !theme) return null;
  return { agency: agency || null, theme: theme || null };
}

/** The shade of a count: the share of the largest count shown, in SHADE_STEPS equal steps. */
export function shadeStep(reviews: number, maxReviews: number): number {
  if (reviews <= 0) return 0;
  if (maxReviews <= 0) return SHADE_STEPS;
  return Math.min(SHADE_STEPS, Math.max(1, Math.ceil((reviews / maxReviews) * SHADE_STEPS - 1e-9)));
}

/** What each shade stands for: the counts of reviews it covers (a shade covering no whole count is left out). */
export function shadeLegend(maxReviews: number): Array<{ shade: number; from: number; to: number }> {
  const out: Array<{ shade: number; from: number; to: number }> = [];
  for (let n = 1; n <= maxReviews; n++) {
    const shade = shadeStep(n, maxReviews);
    const last = out.at(-1);
    if (last && last.shade === shade) last.to = n;
    else out.push({ shade, from: n, to: n });
  }
  return out;
}

function reviewsWord(n: number): string {
  return n === 1 ? 'review' : 'reviews';
}

function recommendationsWord(n: number): string {
  return n === 1 ? 'recommendation' : 'recommendations';
}

/** "3 reviews, 4 recommendations", or "fewer than 3 reviews" where room-safe hides the counts. */
export function countWords(reviews: number, recommendations: number, hideBelow: number | null): string {
  if (hidden(reviews, hideBelow)) return `fewer than ${hideBelow} reviews`;
  return `${reviews} ${reviewsWord(reviews)}, ${recommendations} ${recommendationsWord(recommendations)}`;
}

/** The cell in words: "Police asked about Escalation: 2 reviews, 3 recommendations". */
export function cellWords(
  agency: string,
  theme: string,
  reviews: number,
  recommendations: number,
  hideBelow: number | null,
): string {
  const whom = agency === NO_AGENCY ? 'No agency named' : agency;
  const about = theme === NO_THEME ? 'no theme named' : theme;
  return `${whom}, asked about ${about}: ${countWords(reviews, recommendations, hideBelow)}`;
}

/**
 * The matrix as drawn: rows and columns in the API's order (most recommendations first, the none-named
 * one last), every count of reviews under the room-safe threshold hidden along with its recommendations.
 */
export function shapeMatrix(
  m: RecommendationMatrix,
  rowKind: RecommendationRows,
  hideBelow: number | null,
): MatrixView {
  const agencies: Axis[] = m.rows.map((r) => ({
    id: r.agency?.id ?? null,
    label: r.agency?.label ?? NO_AGENCY,
    noneNamed: r.agency === null,
    recommendations: r.recommendationCount,
    reviews: r.reviewCount,
    hidden: hidden(r.reviewCount, hideBelow),
  }));
  const themes: Axis[] = m.columns.map((c) => ({
    id: c.theme?.id ?? null,
    label: c.theme?.label ?? NO_THEME,
    noneNamed: c.theme === null,
    recommendations: c.recommendationCount,
    reviews: c.reviewCount,
    hidden: hidden(c.reviewCount, hideBelow),
  }));
  const byKey = new Map(m.cells.map((c) => [cellKey(c.agency?.id ?? null, c.theme?.id ?? null), c]));
  const maxReviews = Math.max(
    0,
    ...m.cells.filter((c) => !hidden(c.reviewCount, hideBelow)).map((c) => c.reviewCount),
  );
  const agencyLabel = new Map(agencies.map((a) => [a.id, a.label]));
  const themeLabel = new Map(themes.map((t) => [t.id, t.label]));
  const cell = (agency: string | null, theme: string | null): CellView | null => {
    const key = cellKey(agency, theme);
    const c = byKey.get(key);
    if (!c || c.recommendationCount === 0) return null;
    const hide = hidden(c.reviewCount, hideBelow);
    return {
      key,
      agency,
      theme,
      recommendations: c.recommendationCount,
      reviews: c.reviewCount,
      hidden: hide,
      shade: hide ? 0 : shadeStep(c.reviewCount, maxReviews),
      text: hide ? `<${hideBelow}` : String(c.reviewCount),
      label: cellWords(
        agencyLabel.get(agency) ?? agency ?? NO_AGENCY,
        themeLabel.get(theme) ?? theme ?? NO_THEME,
        c.reviewCount,
        c.recommendationCount,
        hideBelow,
      ),
    };
  };
  const [rows, columns] = rowKind === 'agencies' ? [agencies, themes] : [themes, agencies];
  const grid = rows.map((r) =>
    columns.map((c) => (rowKind === 'agencies' ? cell(r.id, c.id) : cell(c.id, r.id))),
  );
  return { rowKind, rows, columns, grid, maxReviews, hideBelow };
}

/** Every cell drawn, row by row. */
export function shownCells(view: MatrixView): CellView[] {
  return view.grid.flat().filter((c): c is CellView => c !== null);
}

export function findCell(view: MatrixView, key: string): CellView | null {
  return shownCells(view).find((c) => c.key === key) ?? null;
}

/** The recommendationsFor arguments that list a cell's recommendations under the view's filters. */
export function cellQueryVars(
  key: string,
  filter: CaseFilter,
  first: number,
  after: string | null = null,
): RecommendationsForVars | null {
  const cell = parseCellKey(key);
  if (!cell) return null;
  const vars: RecommendationsForVars = { filter, first };
  if (cell.agency) vars.agency = cell.agency;
  else vars.noAgency = true;
  if (cell.theme) vars.theme = cell.theme;
  else vars.noTheme = true;
  if (after) vars.after = after;
  return vars;
}

/** A review as the view names it: its title, or "A child (SCR, 2016)" in room-safe mode. */
export function reviewName(review: RecommendationReview, roomSafe: boolean): string {
  return reviewCaption(
    {
      title: review.title,
      child: review.case?.child ?? null,
      reviewType: review.case?.reviewType ?? 'SCR',
      reportYear: review.case?.reportYear ?? review.year,
    },
    roomSafe,
  );
}

/** A recommendation's words as shown: verbatim, or with the children's pseudonyms replaced in a room. */
export function safeText(text: string, reviews: readonly RecommendationReview[], roomSafe: boolean): string {
  if (!roomSafe) return text;
  return anonymise(
    text,
    reviews.flatMap((r) => pseudonymsOf(r.case?.child ?? null)),
  );
}

/** "2019–2023", "in 2021", or "" when no review has a year. */
export function yearSpan(first: number | null, last: number | null): string {
  if (first === null || last === null) return '';
  return first === last ? `in ${first}` : `${first}–${last}`;
}

/** A recurring ask in one line: "made in 4 reviews, 2016–2023 · 5 recommendations in 3 wordings". */
export function recurringLine(g: RecurringRecommendation, hideBelow: number | null): string {
  if (hidden(g.reviewCount, hideBelow)) return `made in fewer than ${hideBelow} reviews`;
  const years = yearSpan(g.firstYear, g.lastYear);
  const wordings = g.wordingCount === 1 ? 'one wording' : `${g.wordingCount} wordings`;
  return [
    `made in ${g.reviewCount} ${reviewsWord(g.reviewCount)}${years ? `, ${years}` : ''}`,
    `${g.recommendationCount} ${recommendationsWord(g.recommendationCount)} in ${wordings}`,
  ].join(' · ');
}
