/** The forest plot of ratios: one row per feature, its ratio as a square, its 95% interval as a line. */
import type { CohortFeature } from '../../api/analytics-queries.ts';
import { num, xml } from '../common/format.ts';
import { type LogScale, place, ticks } from './compare-model.ts';

const INK = '#0b0c0c';
const INK_2 = '#4b5257';
const MARK = '#123a5c';
const CAUTION = '#8a4b00';
/** Room at each end for the outermost tick label. */
const END = 16;

/** One row's plot, in a box at the origin. Small-count rows are drawn hollow, in the caution colour. */
export function forestRowMarkup(f: CohortFeature, scale: LogScale, width: number, height: number): string {
  const x = (v: number) => END + place(v, scale) * (width - 2 * END);
  const mid = height / 2;
  const colour = f.smallCounts ? CAUTION : MARK;
  const tip = `<title>${xml(`ratio ${f.ratio.toPrecision(3)}, 95% interval ${f.ratioLow.toPrecision(3)} to ${f.ratioHigh.toPrecision(3)}`)}</title>`;
  return [
    `<line x1="${num(x(1))}" y1="0" x2="${num(x(1))}" y2="${height}" stroke="${INK_2}" stroke-dasharray="3 2"/>`,
    `<line x1="${num(x(f.ratioLow))}" y1="${num(mid)}" x2="${num(x(f.ratioHigh))}" y2="${num(mid)}" stroke="${colour}" stroke-width="2"/>`,
    `<rect x="${num(x(f.ratio) - 4.5)}" y="${num(mid - 4.5)}" width="9" height="9" fill="${f.smallCounts ? '#ffffff' : colour}" stroke="${colour}" stroke-width="2">${tip}</rect>`,
  ].join('');
}

export function forestRowSvg(f: CohortFeature, scale: LogScale, width: number, height: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" aria-hidden="true" focusable="false">${forestRowMarkup(f, scale, width, height)}</svg>`;
}

/** The scale's axis: tick labels (¼, ½, 1, 2, 4 …) and which side means "more common in A". */
export function forestAxisMarkup(scale: LogScale, width: number, height: number): string {
  const x = (v: number) => END + place(v, scale) * (width - 2 * END);
  const label = (v: number) => (v >= 1 ? String(v) : `1/${Math.round(1 / v)}`);
  return [
    ...ticks(scale).map(
      (v) =>
        `<text x="${num(x(v))}" y="${height - 4}" font-size="10" fill="${INK_2}" text-anchor="middle">${label(v)}</text>`,
    ),
    `<text x="${num(x(1) + 6)}" y="11" font-size="10" fill="${INK}">more in A →</text>`,
    `<text x="${num(x(1) - 6)}" y="11" font-size="10" fill="${INK}" text-anchor="end">← more in B</text>`,
  ].join('');
}

export function forestAxisSvg(scale: LogScale, width: number, height: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Ratio scale, logarithmic, 1 means equally common" font-family="system-ui, sans-serif">${forestAxisMarkup(scale, width, height)}</svg>`;
}
