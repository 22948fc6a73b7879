/** Prints scored tallies as fixed-width tables, and per-document misses for --verbose. */
import {
  type DocumentScore,
  fieldAccuracy,
  meanExpectedThemesPerReview,
  meanThemesPerReview,
  type PredictedCase,
  reviewPrecision,
  reviewRecall,
  setF1,
  setPrecision,
  setRecall,
  type Tally,
} from './score.ts';

interface Column {
  head: string;
  value(t: Tally): string;
}

const pct = (x: number | null): string => (x === null ? '–' : `${Math.round(x * 100)}%`);
const num = (x: number | null): string => (x === null ? '–' : x.toFixed(1));

const COLUMNS: Column[] = [
  { head: 'files', value: (t) => String(t.documents) },
  { head: 'exp', value: (t) => String(t.expectedReviews) },
  { head: 'pred', value: (t) => String(t.predictedReviews) },
  { head: 'rev P', value: (t) => pct(reviewPrecision(t)) },
  { head: 'rev R', value: (t) => pct(reviewRecall(t)) },
  { head: 'child', value: (t) => pct(fieldAccuracy(t, 'child')) },
  { head: 'partn', value: (t) => pct(fieldAccuracy(t, 'partnership')) },
  { head: 'year', value: (t) => pct(fieldAccuracy(t, 'year')) },
  { head: 'outc', value: (t) => pct(fieldAccuracy(t, 'outcome')) },
  { head: 'type', value: (t) => pct(fieldAccuracy(t, 'reviewType')) },
  { head: 'age', value: (t) => pct(fieldAccuracy(t, 'ageBand')) },
  { head: 'harm F1', value: (t) => pct(setF1(t.sets.harmTypes)) },
  { head: 'agency F1', value: (t) => pct(setF1(t.sets.agencies)) },
  { head: 'theme P', value: (t) => pct(setPrecision(t.sets.themes)) },
  { head: 'theme R', value: (t) => pct(setRecall(t.sets.themes)) },
  { head: 'th/rev', value: (t) => num(meanThemesPerReview(t)) },
  { head: 'exp th/rev', value: (t) => num(meanExpectedThemesPerReview(t)) },
  { head: 'learn#', value: (t) => pct(fieldAccuracy(t, 'learningCount')) },
  { head: 'recs#', value: (t) => pct(fieldAccuracy(t, 'recommendationCount')) },
];

export const LEGEND = [
  'rev P / rev R: reviews found that match an expected review / expected reviews found.',
  'child … age, learn#, recs#: share of matched reviews with that field right (counts must be exact).',
  'harm F1, agency F1, theme P/R: over matched reviews.',
  'th/rev: mean themes per predicted review; exp th/rev: mean themes per expected review.',
  '–: nothing to measure in that group.',
];

export function table(title: string, rows: [string, Tally][]): string {
  const labelWidth = Math.max(title.length, ...rows.map(([label]) => label.length));
  const cells = rows.map(([label, t]) => [label, ...COLUMNS.map((c) => c.value(t))]);
  const widths = COLUMNS.map((c, i) => Math.max(c.head.length, ...cells.map((r) => (r[i + 1] ?? '').length)));
  const line = (label: string, values: string[]) =>
    [label.padEnd(labelWidth), ...values.map((v, i) => v.padStart(widths[i] ?? 0))].join('  ');
  const out = [
    line(
      title,
      COLUMNS.map((c) => c.head),
    ),
  ];
  out.push('-'.repeat(out[0]?.length ?? 0));
  for (const [label, ...values] of cells) out.push(line(label ?? '', values));
  return out.join('\n');
}

const name = (c: { child: string | null; title: string | null }): string =>
  c.child ?? (c.title ? `“${c.title.slice(0, 60)}”` : 'unnamed');

export function documentDetail(file: string, score: DocumentScore, failure: string | null): string[] {
  const lines: string[] = [];
  if (failure) lines.push(`  failed: ${failure}`);
  for (const c of score.missed) lines.push(`  missed review: ${name(c)}`);
  for (const c of score.extra) lines.push(`  extra review: ${describeExtra(c)}`);
  for (const pair of score.pairs) {
    const problems: string[] = pair.fieldMisses.map(
      (m) => `${m.field} ${JSON.stringify(m.expected)} got ${JSON.stringify(m.predicted)}`,
    );
    for (const set of ['harmTypes', 'agencies', 'themes'] as const) {
      const missing = pair.missingTags[set].map((id) => `-${id}`);
      const extra = pair.extraTags[set].map((id) => `+${id}`);
      if (missing.length + extra.length > 0) problems.push(`${set} ${[...missing, ...extra].join(' ')}`);
    }
    if (problems.length > 0) lines.push(`  ${name(pair.expected)}: ${problems.join('; ')}`);
  }
  return lines.length > 0 ? [file, ...lines] : [];
}

function describeExtra(c: PredictedCase): string {
  return c.child && c.title ? `${c.child} (“${c.title.slice(0, 60)}”)` : name(c);
}
