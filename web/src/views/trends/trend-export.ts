/** What the trends view exports: its picture (every theme shown, as small multiples), its CSV and its query. */
import type { ThemeTrend, ThemeTrends } from '../../api/analytics-queries.ts';
import { THEME_TRENDS } from '../../api/analytics-queries.ts';
import type { CaseFilter } from '../../api/types.ts';
import { type Cell, toCsv } from '../../export/csv.ts';
import type { ViewQuery } from '../../share/snippets.ts';
import { num, xml } from '../common/format.ts';
import { type SheetFrame, sheetSvg, wrap } from '../common/sheet.ts';
import type { YearBasis } from '../view-params.ts';
import { totalsMarkup, trendChartMarkup, type YearTotal } from './trend-chart.ts';
import { describeTrend, shareCeiling, span, yearPoints } from './trend-model.ts';

export function trendsQuery(filter: CaseFilter, by: YearBasis): ViewQuery {
  return {
    operationName: THEME_TRENDS.name,
    query: THEME_TRENDS.query,
    variables: { filter, by },
    mainField: 'themeTrends',
  };
}

export function yearTotals(data: ThemeTrends, hideBelow: number | null): YearTotal[] {
  const first = data.themes[0];
  const totals = new Map(first?.years.map((y) => [y.year, y.total]) ?? []);
  return data.years.map((year) => {
    const total = totals.get(year) ?? 0;
    return { year, total, hidden: hideBelow !== null && total > 0 && total < hideBelow };
  });
}

const COLUMNS = 3;
const CARD_W = 360;
const CARD_H = 190;
const CHART = { width: CARD_W - 16, height: 110 };

export function trendsPicture(
  data: ThemeTrends,
  shown: readonly ThemeTrend[],
  frame: Omit<SheetFrame, 'width'>,
  hideBelow: number | null,
): { svg: string; width: number; height: number } {
  const width = COLUMNS * CARD_W + 64;
  const totalsH = 90;
  const parts = [
    `<text x="0" y="12" font-size="13" font-weight="700" fill="#0b0c0c">Reviews counted each year</text>`,
    `<g transform="translate(0 16)">${totalsMarkup(yearTotals(data, hideBelow), { width: width - 64, height: totalsH - 20 })}</g>`,
  ];
  shown.forEach((t, i) => {
    const x = (i % COLUMNS) * CARD_W;
    const y = totalsH + 12 + Math.floor(i / COLUMNS) * CARD_H;
    const points = yearPoints(t, hideBelow);
    const sentence = wrap(describeTrend(t), 56).slice(0, 3);
    parts.push(
      `<g transform="translate(${x} ${y})">`,
      `<rect x="0" y="0" width="${CARD_W - 12}" height="${CARD_H - 12}" rx="6" fill="#ffffff" stroke="#c9cdd0"/>`,
      `<text x="8" y="18" font-size="13" font-weight="700" fill="#0b0c0c">${xml(t.theme.label)}</text>`,
      `<text x="8" y="33" font-size="11" fill="#4b5257">${xml(span(t, hideBelow))}</text>`,
      `<g transform="translate(0 38)">${trendChartMarkup(points, data.years, shareCeiling(points), CHART)}</g>`,
      ...sentence.map(
        (line, j) =>
          `<text x="8" y="${num(38 + CHART.height + 12 + j * 13)}" font-size="11" fill="#0b0c0c">${xml(line)}</text>`,
      ),
      '</g>',
    );
  });
  const rows = Math.ceil(shown.length / COLUMNS);
  return sheetSvg({ ...frame, width }, { markup: parts.join(''), height: totalsH + 12 + rows * CARD_H });
}

export const TRENDS_CSV_HEADER = [
  'theme_id',
  'theme',
  'year',
  'reviews_with_theme',
  'reviews_that_year',
  'share',
  'direction',
  'sen_slope_points_per_year',
  'slope_low',
  'slope_high',
  'mann_kendall_p',
] as const;

/** One row per theme and year; counts hidden by room-safe are left empty. */
export function trendsCsv(shown: readonly ThemeTrend[], hideBelow: number | null): string {
  const pts = (x: number | null) => (x === null ? null : Number((x * 100).toPrecision(6)));
  const rows: Cell[][] = [];
  for (const t of shown) {
    for (const p of yearPoints(t, hideBelow)) {
      rows.push([
        t.theme.id,
        t.theme.label,
        p.year,
        p.hidden ? null : p.reviews,
        p.hidden ? null : p.total,
        p.hidden ? null : Number(p.share.toPrecision(6)),
        t.direction,
        pts(t.slope),
        pts(t.slopeLow),
        pts(t.slopeHigh),
        t.pValue === null ? null : Number(t.pValue.toPrecision(6)),
      ]);
    }
  }
  return toCsv(TRENDS_CSV_HEADER, rows);
}
