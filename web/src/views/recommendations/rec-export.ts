/**
 * What the recommendations view exports: the matrix (and the recurring asks listed) as a picture, the
 * matrix's counts and the recurring asks as CSV, and the query behind it for GraphQL or Python.
 */
import type { RecurringRecommendation } from '../../api/analytics-queries.ts';
import { RECOMMENDATION_MATRIX_FIELDS, RECOMMENDATIONS_VIEW } from '../../api/analytics-queries.ts';
import type { CaseFilter } from '../../api/types.ts';
import { type Cell, toCsv } from '../../export/csv.ts';
import type { ViewQuery } from '../../share/snippets.ts';
import { pythonFetch } from '../../share/snippets.ts';
import { hidden, num, xml } from '../common/format.ts';
import { type SheetFrame, sheetSvg } from '../common/sheet.ts';
import { type Axis, type MatrixView, recurringLine, safeText, shadeLegend, shownCells } from './rec-model.ts';

/** Reviews listed under each recurring ask. */
export const REVIEWS_PER_ASK = 100;

/**
 * The query behind the view. In room-safe mode it asks for no words of a review and no review at all: a
 * recommendation may name a child, and a review's id and title carry the child's pseudonym.
 */
export function recommendationsQuery(
  filter: CaseFilter,
  minReviews: number,
  first: number,
  roomSafe: boolean,
  hideBelow: number | null,
): ViewQuery {
  if (!roomSafe)
    return {
      operationName: RECOMMENDATIONS_VIEW.name,
      query: RECOMMENDATIONS_VIEW.query,
      variables: { filter, minReviews, first, reviews: REVIEWS_PER_ASK },
      mainField: 'recommendationMatrix',
    };
  const note = hideBelow
    ? `# Room-safe: no review, title or recommendation text is asked for; counts of fewer than ${hideBelow} reviews are not shown in the view.`
    : '# Room-safe: no review, title or recommendation text is asked for.';
  return {
    operationName: 'RecommendationsViewRoomSafe',
    query: `${note}
query RecommendationsViewRoomSafe($filter: CaseFilter, $minReviews: Int, $first: Int) {
  ${RECOMMENDATION_MATRIX_FIELDS}
  recurringRecommendations(filter: $filter, minReviews: $minReviews, first: $first) {
    population { reviews: reviewCount excluded { national unknownYear } }
    similarity threshold minReviews totalCount
    edges {
      node {
        id reviewCount recommendationCount wordingCount firstYear lastYear
        agencies { agency { id label } recommendationCount }
        themes { theme { id label } recommendationCount }
      }
    }
  }
}`,
    variables: { filter, minReviews, first },
    mainField: 'recommendationMatrix',
  };
}

/** The first columns of /export/recommendation-matrix.csv: kind, the agency, the theme and the two counts. */
export const MATRIX_CSV_HEADER = [
  'kind',
  'agency_id',
  'agency_label',
  'theme_id',
  'theme_label',
  'recommendations',
  'reviews',
] as const;

/**
 * One row per cell shown (row by row), then one per agency, one per theme and the total, as the server's
 * file has them; the none-named agency or theme has an empty id. Counts room-safe hides are left empty.
 */
export function matrixCsv(view: MatrixView, total: { recommendations: number; reviews: number }): string {
  const hide = view.hideBelow;
  const counts = (recommendations: number, reviews: number): Cell[] =>
    hidden(reviews, hide) ? [null, null] : [recommendations, reviews];
  const side = (a: Axis): Cell[] => [a.id ?? '', a.label];
  const [agencies, themes] =
    view.rowKind === 'agencies' ? [view.rows, view.columns] : [view.columns, view.rows];
  const agencyOf = new Map(agencies.map((a) => [a.id, a]));
  const themeOf = new Map(themes.map((t) => [t.id, t]));
  const rows: Cell[][] = [
    ...shownCells(view).map((c) => [
      'cell',
      ...side(agencyOf.get(c.agency)!),
      ...side(themeOf.get(c.theme)!),
      ...counts(c.recommendations, c.reviews),
    ]),
    ...agencies.map((a) => ['agency', ...side(a), '', '', ...counts(a.recommendations, a.reviews)]),
    ...themes.map((t) => ['theme', '', '', ...side(t), ...counts(t.recommendations, t.reviews)]),
    ['total', '', '', '', '', ...counts(total.recommendations, total.reviews)],
  ];
  return toCsv(MATRIX_CSV_HEADER, rows);
}

/** The columns of /export/recurring-recommendations.csv. */
export const RECURRING_CSV_HEADER = [
  'rank',
  'id',
  'representative',
  'reviews',
  'recommendations',
  'wordings',
  'first_year',
  'last_year',
  'agencies',
  'themes',
  'review_ids',
  'review_titles',
  'review_years',
] as const;

/**
 * The recurring asks listed, as the server's file has them. In room-safe mode the words are anonymised,
 * the reviews are not named, and the counts of an ask made in fewer reviews than the threshold are empty.
 */
export function recurringCsv(
  groups: readonly RecurringRecommendation[],
  roomSafe: boolean,
  hideBelow: number | null,
): string {
  return toCsv(
    RECURRING_CSV_HEADER,
    groups.map((g, i) => {
      const hide = hidden(g.reviewCount, hideBelow);
      return [
        i + 1,
        g.id,
        safeText(g.representative ?? '', g.reviews, roomSafe),
        hide ? null : g.reviewCount,
        hide ? null : g.recommendationCount,
        g.wordingCount,
        g.firstYear,
        g.lastYear,
        g.agencies.map((a) => `${a.agency.label} (${a.recommendationCount})`).join('; '),
        g.themes.map((t) => `${t.theme.label} (${t.recommendationCount})`).join('; '),
        roomSafe ? null : g.reviews.map((r) => r.id).join('; '),
        roomSafe ? null : g.reviews.map((r) => r.title).join('; '),
        g.reviews.map((r) => (r.year === null ? '' : String(r.year))).join('; '),
      ];
    }),
  );
}

const INK = '#0b0c0c';
const INK_2 = '#4b5257';
/** Index = shade step (0: a hidden count); the same colours as views.css. */
export const SHADES = ['#f1f2f3', '#e3eef9', '#b9d4ee', '#86b3de', '#2f6ead', '#123a5c'];
export const SHADE_INK = [INK_2, INK, INK, INK, '#ffffff', '#ffffff'];

const LABEL_W = 270;
const CELL = 30;
const HEAD_H = 180;
const MAX_ASKS = 12;

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The matrix drawn as in the view (counts of reviews, shaded), its legend and the first recurring asks. */
export function recommendationsPicture(
  view: MatrixView,
  asks: readonly RecurringRecommendation[],
  roomSafe: boolean,
  frame: Omit<SheetFrame, 'width'>,
): { svg: string; width: number; height: number } {
  const hide = view.hideBelow;
  const width = Math.max(760, LABEL_W + (view.columns.length + 1) * CELL + 64);
  const text = (x: number, y: number, s: string, opts = '', size = 11, fill = INK) =>
    `<text x="${num(x)}" y="${num(y)}" font-size="${size}" fill="${fill}" ${opts}>${xml(s)}</text>`;
  const parts: string[] = [];
  const colX = (j: number) => LABEL_W + j * CELL;
  view.columns.forEach((c, j) => {
    const x = colX(j) + CELL / 2 + 4;
    parts.push(
      `<text transform="translate(${num(x)} ${HEAD_H - 6}) rotate(-90)" font-size="11" fill="${INK}">${xml(clip(c.label, 32))}</text>`,
    );
  });
  parts.push(
    `<text transform="translate(${num(colX(view.columns.length) + CELL / 2 + 4)} ${HEAD_H - 6}) rotate(-90)" font-size="11" font-weight="700" fill="${INK}">All (reviews)</text>`,
  );
  view.rows.forEach((r, i) => {
    const y = HEAD_H + i * CELL;
    if (i % 2 === 0)
      parts.push(`<rect x="0" y="${y}" width="${LABEL_W - 4}" height="${CELL}" fill="#f5f6f7"/>`);
    parts.push(text(4, y + CELL / 2 + 4, clip(r.label, 42)));
    view.grid[i]!.forEach((c, j) => {
      const x = colX(j);
      if (!c) {
        parts.push(
          `<rect x="${x}" y="${y}" width="${CELL}" height="${CELL}" fill="#ffffff" stroke="#e3e6e8"/>`,
        );
        return;
      }
      parts.push(
        `<rect x="${x}" y="${y}" width="${CELL}" height="${CELL}" fill="${SHADES[c.shade]}" stroke="#c9cdd0"><title>${xml(c.label)}</title></rect>`,
        `<text x="${num(x + CELL / 2)}" y="${num(y + CELL / 2 + 4)}" font-size="11" text-anchor="middle" fill="${SHADE_INK[c.shade]}">${xml(c.text)}</text>`,
      );
    });
    parts.push(
      text(
        colX(view.columns.length) + CELL / 2,
        y + CELL / 2 + 4,
        r.hidden ? `<${hide}` : String(r.reviews),
        'text-anchor="middle" font-weight="700"',
      ),
    );
  });
  let y = HEAD_H + view.rows.length * CELL + 24;
  parts.push(text(0, y, 'Reviews asking (count in each cell):', 'font-weight="700"'));
  let x = 230;
  for (const step of shadeLegend(view.maxReviews)) {
    const label = step.from === step.to ? String(step.from) : `${step.from}–${step.to}`;
    parts.push(
      `<rect x="${x}" y="${y - 12}" width="16" height="16" fill="${SHADES[step.shade]}" stroke="#c9cdd0"/>`,
      text(x + 20, y, label),
    );
    x += 28 + label.length * 7;
  }
  if (hide) {
    parts.push(
      `<rect x="${x}" y="${y - 12}" width="16" height="16" fill="${SHADES[0]}" stroke="#c9cdd0"/>`,
      text(x + 20, y, `fewer than ${hide} (room-safe)`),
    );
  }
  y += 36;
  parts.push(
    text(
      0,
      y,
      'Recurring asks: near-identical recommendations made in several reviews',
      'font-weight="700"',
      13,
    ),
  );
  y += 8;
  const shown = asks.slice(0, MAX_ASKS);
  if (shown.length === 0) {
    y += 18;
    parts.push(text(0, y, 'None under these filters.'));
  }
  for (const g of shown) {
    y += 18;
    parts.push(text(0, y, clip(safeText(g.representative ?? '', g.reviews, roomSafe), 150)));
    y += 15;
    parts.push(text(12, y, recurringLine(g, hide), '', 11, INK_2));
  }
  if (asks.length > shown.length) {
    y += 18;
    parts.push(text(0, y, `… and ${asks.length - shown.length} more (see the CSV).`, '', 11, INK_2));
  }
  return sheetSvg({ ...frame, width }, { markup: parts.join(''), height: y + 8 });
}

const PRINT = `matrix = data["recommendationMatrix"]
recurring = data["recurringRecommendations"]
total = matrix["total"]
print(total["recommendationCount"], "recommendations from", total["reviewCount"], "reviews")

def shown(reviews):
    """A count of reviews as the view shows it (room-safe hides small ones)."""
    return f"fewer than {HIDE_BELOW}" if HIDE_BELOW and 0 < reviews < HIDE_BELOW else str(reviews)

agency = {(r["agency"] or {}).get("id"): (r["agency"] or {}).get("label", "No agency named") for r in matrix["rows"]}
theme = {(c["theme"] or {}).get("id"): (c["theme"] or {}).get("label", "No theme named") for c in matrix["columns"]}
for c in matrix["cells"]:
    a = agency[(c["agency"] or {}).get("id")]
    t = theme[(c["theme"] or {}).get("id")]
    print(f'{a[:40]:40} {t[:45]:45} {shown(c["reviewCount"]):>14} reviews')

print(recurring["totalCount"], "recurring asks made in", recurring["minReviews"], "or more reviews")
for edge in recurring["edges"]:
    ask = edge["node"]
    print(f'{shown(ask["reviewCount"]):>14} reviews  {ask.get("representative", ask["id"])}')

# As a table, agencies down the side and themes across:
#   import pandas as pd
#   cells = pd.DataFrame([dict(agency=agency[(c["agency"] or {}).get("id")], theme=theme[(c["theme"] or {}).get("id")],
#                              reviews=c["reviewCount"]) for c in matrix["cells"]])
#   table = cells.pivot(index="agency", columns="theme", values="reviews").fillna(0).astype(int)`;

/** A standard-library Python script that prints the matrix's cells and the recurring asks, as the view shows them. */
export function recommendationsPython(q: ViewQuery, endpoint: string, hideBelow: number | null): string {
  return `${pythonFetch(q, endpoint)}
HIDE_BELOW = ${hideBelow ?? 'None'}
${PRINT}
`;
}
