/**
 * A theme's share of reviews by year as SVG markup: the same text draws the chart on the page and in the
 * exported picture. Every point carries its counts as a <title>, which browsers show on hover.
 */
import { num, xml } from '../common/format.ts';
import type { YearPoint } from './trend-model.ts';

export interface ChartBox {
  width: number;
  height: number;
}

const INK = '#0b0c0c';
const INK_2 = '#4b5257';
const LINE = '#1d5fa8';
const GRID = '#c9cdd0';
const PAD = { left: 34, right: 8, top: 8, bottom: 18 };

/** The chart's inner markup, drawn in a box at the origin (wrap it in <svg> or place it with <g>). */
export function trendChartMarkup(
  points: readonly YearPoint[],
  years: readonly number[],
  ceiling: number,
  box: ChartBox,
): string {
  const first = years[0] ?? 0;
  const last = years.at(-1) ?? first;
  const plotW = box.width - PAD.left - PAD.right;
  const plotH = box.height - PAD.top - PAD.bottom;
  const x = (year: number) =>
    PAD.left + (last === first ? plotW / 2 : ((year - first) / (last - first)) * plotW);
  const y = (share: number) => PAD.top + plotH - (Math.min(share, ceiling) / ceiling) * plotH;
  const base = PAD.top + plotH;
  const out: string[] = [
    `<line x1="${PAD.left}" y1="${num(base)}" x2="${num(PAD.left + plotW)}" y2="${num(base)}" stroke="${GRID}"/>`,
    `<line x1="${PAD.left}" y1="${PAD.top}" x2="${num(PAD.left + plotW)}" y2="${PAD.top}" stroke="${GRID}" stroke-dasharray="2 3"/>`,
    label(PAD.left - 4, PAD.top + 4, `${Math.round(ceiling * 100)}%`, 'end'),
    label(PAD.left - 4, base + 3, '0%', 'end'),
    label(x(first), box.height - 3, String(first), last === first ? 'middle' : 'start'),
  ];
  if (last !== first) out.push(label(x(last), box.height - 3, String(last), 'end'));
  for (const run of visibleRuns(points)) {
    if (run.length < 2) continue;
    const d = run.map((p, i) => `${i ? 'L' : 'M'}${num(x(p.year))} ${num(y(p.share))}`).join(' ');
    out.push(`<path d="${d}" fill="none" stroke="${LINE}" stroke-width="2" stroke-linejoin="round"/>`);
  }
  for (const p of points) {
    const tip = `<title>${xml(p.text)}</title>`;
    if (p.hidden) {
      out.push(
        `<line x1="${num(x(p.year) - 3)}" y1="${num(base)}" x2="${num(x(p.year) + 3)}" y2="${num(base)}" stroke="${INK_2}" stroke-width="2">${tip}</line>`,
      );
    } else {
      out.push(
        `<circle cx="${num(x(p.year))}" cy="${num(y(p.share))}" r="3.5" fill="${p.reviews ? LINE : '#ffffff'}" stroke="${LINE}" stroke-width="1.5">${tip}</circle>`,
      );
    }
  }
  return out.join('');
}

export function trendChartSvg(
  points: readonly YearPoint[],
  years: readonly number[],
  ceiling: number,
  box: ChartBox,
  description: string,
): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${box.width} ${box.height}" width="${box.width}" height="${box.height}" role="img" aria-label="${xml(description)}" font-family="system-ui, sans-serif">${trendChartMarkup(points, years, ceiling, box)}</svg>`;
}

/** Runs of consecutive points that are shown; a hidden year breaks the line rather than being guessed. */
function visibleRuns(points: readonly YearPoint[]): YearPoint[][] {
  const runs: YearPoint[][] = [[]];
  for (const p of points) {
    if (p.hidden) runs.push([]);
    else runs.at(-1)!.push(p);
  }
  return runs.filter((r) => r.length > 0);
}

function label(x: number, y: number, text: string, anchor: 'start' | 'middle' | 'end'): string {
  return `<text x="${num(x)}" y="${num(y)}" font-size="10" fill="${INK_2}" text-anchor="${anchor}">${xml(text)}</text>`;
}

export interface YearTotal {
  year: number;
  total: number;
  hidden: boolean;
}

/** Reviews counted each year, as bars with their counts: the denominators of every share. */
export function totalsMarkup(totals: readonly YearTotal[], box: ChartBox): string {
  const max = Math.max(1, ...totals.map((t) => t.total));
  const slot = (box.width - PAD.left - PAD.right) / Math.max(1, totals.length);
  const plotH = box.height - 14 - 16;
  const out: string[] = [];
  totals.forEach((t, i) => {
    const h = (t.total / max) * plotH;
    const x = PAD.left + i * slot + slot * 0.15;
    const top = 14 + plotH - h;
    const text = t.hidden ? '·' : String(t.total);
    const tip = t.hidden
      ? `${t.year}: a few reviews (hidden in room-safe mode)`
      : `${t.year}: ${t.total} reviews`;
    out.push(
      `<rect x="${num(x)}" y="${num(top)}" width="${num(slot * 0.7)}" height="${num(h)}" fill="#9ec5e8" stroke="#123a5c"><title>${xml(tip)}</title></rect>`,
      `<text x="${num(x + slot * 0.35)}" y="${num(top - 3)}" font-size="10" fill="${INK}" text-anchor="middle">${xml(text)}</text>`,
      `<text x="${num(x + slot * 0.35)}" y="${num(box.height - 3)}" font-size="10" fill="${INK_2}" text-anchor="middle">${xml(String(t.year).slice(slot < 26 ? 2 : 0))}</text>`,
    );
  });
  return out.join('');
}
