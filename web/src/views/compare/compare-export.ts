/** What the comparison view exports: its table and forest plot as a picture, its rows as CSV, its query. */
import type { CohortComparison, CohortFeature } from '../../api/analytics-queries.ts';
import { COMPARE_COHORTS } from '../../api/analytics-queries.ts';
import { type Cell, toCsv } from '../../export/csv.ts';
import type { ViewQuery } from '../../share/snippets.ts';
import { hidden, num, xml } from '../common/format.ts';
import { type SheetFrame, sheetSvg } from '../common/sheet.ts';
import type { Cohorts } from './cohorts.ts';
import { forestScale, KIND_LABELS, rowText } from './compare-model.ts';
import { forestAxisMarkup, forestRowMarkup } from './forest-plot.ts';

export function compareQuery(cohorts: Cohorts, first: number): ViewQuery {
  return {
    operationName: COMPARE_COHORTS.name,
    query: COMPARE_COHORTS.query,
    variables: { a: cohorts.a, b: cohorts.b, first },
    mainField: 'compareCohorts',
  };
}

/** The same columns as /export/compare-cohorts.csv; counts hidden by room-safe are left empty. */
export const COMPARE_CSV_HEADER = [
  'kind',
  'id',
  'label',
  'a_count',
  'a_reviews',
  'a_share',
  'b_count',
  'b_reviews',
  'b_share',
  'ratio',
  'ratio_low',
  'ratio_high',
  'zero_corrected',
  'p_value',
  'small_counts',
] as const;

export function compareCsv(
  result: CohortComparison,
  rows: readonly CohortFeature[],
  hideBelow: number | null,
): string {
  const digits = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(6)) : null);
  const count = (n: number): Cell => (hidden(n, hideBelow) ? null : n);
  const share = (n: number, s: number): Cell => (hidden(n, hideBelow) ? null : digits(s));
  return toCsv(
    COMPARE_CSV_HEADER,
    rows.map((f) => [
      f.kind,
      f.id,
      f.label,
      count(f.a.count),
      result.a.reviews,
      share(f.a.count, f.a.share),
      count(f.b.count),
      result.b.reviews,
      share(f.b.count, f.b.share),
      digits(f.ratio),
      digits(f.ratioLow),
      digits(f.ratioHigh),
      f.zeroCorrected ? 'true' : 'false',
      digits(f.pValue),
      f.smallCounts ? 'true' : 'false',
    ]),
  );
}

const ROW_H = 24;
const PLOT_W = 300;
const COLS = { kind: 0, label: 80, a: 420, b: 520, ratio: 620, p: 760, plot: 850 };
const WIDTH = COLS.plot + PLOT_W + 64;

export function comparePicture(
  cohorts: Cohorts,
  rows: readonly CohortFeature[],
  frame: Omit<SheetFrame, 'width'>,
  hideBelow: number | null,
): { svg: string; width: number; height: number } {
  const scale = forestScale(rows);
  const text = (x: number, y: number, s: string, opts = '') =>
    `<text x="${x}" y="${num(y)}" font-size="12" fill="#0b0c0c" ${opts}>${xml(s)}</text>`;
  const head = 36;
  const parts = [
    text(COLS.kind, 14, 'Kind', 'font-weight="700"'),
    text(COLS.label, 14, 'Feature', 'font-weight="700"'),
    text(COLS.a, 14, `A: ${cohorts.aLabel}`.slice(0, 16), 'font-weight="700"'),
    text(COLS.b, 14, `B: ${cohorts.bLabel}`.slice(0, 16), 'font-weight="700"'),
    text(COLS.ratio, 14, 'Ratio (95% interval)', 'font-weight="700"'),
    text(COLS.p, 14, 'p', 'font-weight="700"'),
    `<g transform="translate(${COLS.plot} 0)">${forestAxisMarkup(scale, PLOT_W, 32)}</g>`,
  ];
  rows.forEach((f, i) => {
    const y = head + i * ROW_H;
    const t = rowText(f, hideBelow);
    if (i % 2 === 0)
      parts.push(`<rect x="-4" y="${y}" width="${WIDTH - 56}" height="${ROW_H}" fill="#f5f6f7"/>`);
    const base = y + 16;
    parts.push(
      text(COLS.kind, base, KIND_LABELS[f.kind]),
      text(COLS.label, base, f.label.length > 48 ? `${f.label.slice(0, 47)}…` : f.label),
      text(COLS.a, base, `${t.a.count} (${t.a.share})`),
      text(COLS.b, base, `${t.b.count} (${t.b.share})`),
      text(COLS.ratio, base, `${t.ratio} (${t.interval})`),
      text(
        COLS.p,
        base,
        `${t.p.replace(/^p [=<] /, (m) => (m.includes('<') ? '<' : ''))}${f.smallCounts ? ' *' : ''}`,
      ),
      `<g transform="translate(${COLS.plot} ${y})">${forestRowMarkup(f, scale, PLOT_W, ROW_H)}</g>`,
    );
  });
  const notesY = head + rows.length * ROW_H + 20;
  const notes = [
    '* few reviews: an expected count is under 5, so the interval and p-value rest on few reviews (drawn hollow).',
    ...cohorts.notes,
  ];
  notes.forEach((n, i) => {
    parts.push(text(0, notesY + i * 16, n, 'font-style="italic"'));
  });
  return sheetSvg({ ...frame, width: WIDTH }, { markup: parts.join(''), height: notesY + notes.length * 16 });
}
