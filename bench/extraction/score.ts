/**
 * Scoring of extracted reviews against expected ones. Pure: no files, no pipeline.
 *
 * Matching pairs each expected review with at most one predicted review, in three passes: the same child
 * once words such as "child", "baby" and "the" are set aside; then the best title word overlap, never
 * between two reviews whose children's names share no word; then the unnamed expected reviews with the
 * unnamed predicted ones, in document order.
 */
import type { ExpectedCase } from './expected.ts';

export interface PredictedCase {
  child: string | null;
  title: string | null;
  partnership: string | null;
  year: number | null;
  outcome: string | null;
  reviewType: string;
  ageBand: string | null;
  harmTypes: string[];
  agencies: string[];
  themes: string[];
  learningCount: number;
  recommendationCount: number;
}

export const FIELDS = [
  'child',
  'partnership',
  'year',
  'outcome',
  'reviewType',
  'ageBand',
  'learningCount',
  'recommendationCount',
] as const;
export type Field = (typeof FIELDS)[number];

export const TAG_SETS = ['harmTypes', 'agencies', 'themes'] as const;
export type TagSet = (typeof TAG_SETS)[number];

export interface SetTally {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export interface FieldTally {
  right: number;
  total: number;
}

export interface Tally {
  documents: number;
  expectedReviews: number;
  predictedReviews: number;
  matchedReviews: number;
  /** Themes over every predicted review, for the mean per review. */
  predictedThemes: number;
  /** Themes over every expected review: the mean an analyst signs, to read the predicted mean against. */
  expectedThemes: number;
  fields: Record<Field, FieldTally>;
  sets: Record<TagSet, SetTally>;
}

export interface FieldMiss {
  field: Field;
  expected: string | number | null;
  predicted: string | number | null;
}

export interface MatchedPair {
  expected: ExpectedCase;
  predicted: PredictedCase;
  fieldMisses: FieldMiss[];
  /** Per tag set: ids expected but not predicted, and predicted but not expected. */
  missingTags: Record<TagSet, string[]>;
  extraTags: Record<TagSet, string[]>;
}

export interface DocumentScore {
  tally: Tally;
  pairs: MatchedPair[];
  missed: ExpectedCase[];
  extra: PredictedCase[];
}

const IGNORED_NAME_WORDS = new Set([
  'child',
  'children',
  'baby',
  'babies',
  'infant',
  'the',
  'young',
  'person',
  'pseudonym',
  'known',
  'as',
  'siblings',
  'sibling',
]);

const TITLE_STOP_WORDS = new Set([
  'a',
  'an',
  'and',
  'the',
  'of',
  'for',
  'in',
  'into',
  'on',
  'to',
  'review',
  'reviews',
  'case',
  'serious',
  'practice',
  'local',
  'child',
  'safeguarding',
  'learning',
  'briefing',
]);

const PARTNERSHIP_WORDS = new Set([
  'safeguarding',
  'children',
  'childrens',
  'child',
  'partnership',
  'partnerships',
  'board',
  'local',
  'lscb',
  'lscp',
  'scp',
  'the',
  'council',
  'county',
  'borough',
  'city',
  'of',
  'and',
  'protection',
  'committee',
  'regional',
  'multi',
  'agency',
  'arrangements',
]);

function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** "Child M (pseudonym)", "Baby M" and "M" are one child. */
export function childKey(name: string | null): string {
  if (!name) return '';
  return words(name.replace(/\([^)]*\)/g, ' '))
    .filter((w) => !IGNORED_NAME_WORDS.has(w))
    .join(' ');
}

/** "Eastmere", "Eastmere Safeguarding Children Partnership" and "Eastmere LSCB" are one partnership. */
export function partnershipKey(name: string | null): string {
  if (!name) return '';
  return words(name)
    .filter((w) => !PARTNERSHIP_WORDS.has(w))
    .join(' ');
}

function titleWords(c: { child: string | null; title: string | null }): Set<string> {
  const fromTitle = words(c.title ?? '').filter((w) => !TITLE_STOP_WORDS.has(w));
  return new Set([...fromTitle, ...childKey(c.child).split(' ').filter(Boolean)]);
}

function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / Math.min(a.size, b.size);
}

const MIN_TITLE_OVERLAP = 0.5;

/** Two named reviews whose names share no word are different reviews, however alike their titles. */
function namesDiffer(a: string | null, b: string | null): boolean {
  const mine = childKey(a).split(' ').filter(Boolean);
  const theirs = new Set(childKey(b).split(' ').filter(Boolean));
  return mine.length > 0 && theirs.size > 0 && !mine.some((w) => theirs.has(w));
}

/** Index pairs [expected, predicted]. */
export function matchCases(expected: ExpectedCase[], predicted: PredictedCase[]): [number, number][] {
  const pairs: [number, number][] = [];
  const usedPredicted = new Set<number>();
  const usedExpected = new Set<number>();
  const take = (e: number, p: number) => {
    pairs.push([e, p]);
    usedExpected.add(e);
    usedPredicted.add(p);
  };

  expected.forEach((e, ei) => {
    const key = childKey(e.child);
    if (!key) return;
    const pi = predicted.findIndex((p, i) => !usedPredicted.has(i) && childKey(p.child) === key);
    if (pi >= 0) take(ei, pi);
  });

  expected.forEach((e, ei) => {
    if (usedExpected.has(ei)) return;
    const mine = titleWords(e);
    let best = -1;
    let bestScore = 0;
    predicted.forEach((p, pi) => {
      if (usedPredicted.has(pi) || namesDiffer(e.child, p.child)) return;
      const score = overlap(mine, titleWords(p));
      if (score > bestScore) {
        best = pi;
        bestScore = score;
      }
    });
    if (best >= 0 && bestScore >= MIN_TITLE_OVERLAP) take(ei, best);
  });

  const unnamedPredicted = predicted
    .map((_, i) => i)
    .filter((i) => !usedPredicted.has(i) && !predicted[i]?.child);
  expected.forEach((e, ei) => {
    if (usedExpected.has(ei) || e.child) return;
    const pi = unnamedPredicted.shift();
    if (pi !== undefined) take(ei, pi);
  });

  return pairs.sort((a, b) => a[0] - b[0]);
}

function fieldValue(c: ExpectedCase | PredictedCase, field: Field): string | number | null {
  return c[field];
}

function sameField(
  field: Field,
  expected: string | number | null,
  predicted: string | number | null,
): boolean {
  if (field === 'child') return childKey(expected as string | null) === childKey(predicted as string | null);
  if (field === 'partnership') {
    return partnershipKey(expected as string | null) === partnershipKey(predicted as string | null);
  }
  return expected === predicted;
}

export function emptyTally(): Tally {
  const fields = Object.fromEntries(FIELDS.map((f) => [f, { right: 0, total: 0 }])) as Record<
    Field,
    FieldTally
  >;
  const sets = Object.fromEntries(
    TAG_SETS.map((s) => [s, { truePositives: 0, falsePositives: 0, falseNegatives: 0 }]),
  ) as Record<TagSet, SetTally>;
  return {
    documents: 0,
    expectedReviews: 0,
    predictedReviews: 0,
    matchedReviews: 0,
    predictedThemes: 0,
    expectedThemes: 0,
    fields,
    sets,
  };
}

export function scoreDocument(expected: ExpectedCase[], predicted: PredictedCase[]): DocumentScore {
  const tally = emptyTally();
  tally.documents = 1;
  tally.expectedReviews = expected.length;
  tally.predictedReviews = predicted.length;
  tally.predictedThemes = predicted.reduce((n, p) => n + new Set(p.themes).size, 0);
  tally.expectedThemes = expected.reduce((n, e) => n + new Set(e.themes).size, 0);
  const pairs: MatchedPair[] = [];
  const matchedExpected = new Set<number>();
  const matchedPredicted = new Set<number>();
  for (const [ei, pi] of matchCases(expected, predicted)) {
    const e = expected[ei];
    const p = predicted[pi];
    if (!e || !p) continue;
    matchedExpected.add(ei);
    matchedPredicted.add(pi);
    pairs.push(scorePair(e, p, tally));
  }
  tally.matchedReviews = pairs.length;
  return {
    tally,
    pairs,
    missed: expected.filter((_, i) => !matchedExpected.has(i)),
    extra: predicted.filter((_, i) => !matchedPredicted.has(i)),
  };
}

function scorePair(e: ExpectedCase, p: PredictedCase, tally: Tally): MatchedPair {
  const fieldMisses: FieldMiss[] = [];
  for (const field of FIELDS) {
    const want = fieldValue(e, field);
    const got = fieldValue(p, field);
    tally.fields[field].total++;
    if (sameField(field, want, got)) tally.fields[field].right++;
    else fieldMisses.push({ field, expected: want, predicted: got });
  }
  const missingTags = {} as Record<TagSet, string[]>;
  const extraTags = {} as Record<TagSet, string[]>;
  for (const set of TAG_SETS) {
    const want = new Set(e[set]);
    const got = new Set(p[set]);
    missingTags[set] = [...want].filter((id) => !got.has(id));
    extraTags[set] = [...got].filter((id) => !want.has(id));
    const t = tally.sets[set];
    t.truePositives += want.size - missingTags[set].length;
    t.falseNegatives += missingTags[set].length;
    t.falsePositives += extraTags[set].length;
  }
  return { expected: e, predicted: p, fieldMisses, missingTags, extraTags };
}

export function addTally(into: Tally, from: Tally): Tally {
  into.documents += from.documents;
  into.expectedReviews += from.expectedReviews;
  into.predictedReviews += from.predictedReviews;
  into.matchedReviews += from.matchedReviews;
  into.predictedThemes += from.predictedThemes;
  into.expectedThemes += from.expectedThemes;
  for (const f of FIELDS) {
    into.fields[f].right += from.fields[f].right;
    into.fields[f].total += from.fields[f].total;
  }
  for (const s of TAG_SETS) {
    into.sets[s].truePositives += from.sets[s].truePositives;
    into.sets[s].falsePositives += from.sets[s].falsePositives;
    into.sets[s].falseNegatives += from.sets[s].falseNegatives;
  }
  return into;
}

/** A ratio, or null when there is nothing to divide (shown as a dash, never as 0 or 100%). */
export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

export function reviewPrecision(t: Tally): number | null {
  return ratio(t.matchedReviews, t.predictedReviews);
}

export function reviewRecall(t: Tally): number | null {
  return ratio(t.matchedReviews, t.expectedReviews);
}

export function fieldAccuracy(t: Tally, field: Field): number | null {
  return ratio(t.fields[field].right, t.fields[field].total);
}

export function setPrecision(s: SetTally): number | null {
  return ratio(s.truePositives, s.truePositives + s.falsePositives);
}

export function setRecall(s: SetTally): number | null {
  return ratio(s.truePositives, s.truePositives + s.falseNegatives);
}

export function setF1(s: SetTally): number | null {
  return ratio(2 * s.truePositives, 2 * s.truePositives + s.falsePositives + s.falseNegatives);
}

export function meanThemesPerReview(t: Tally): number | null {
  return ratio(t.predictedThemes, t.predictedReviews);
}

export function meanExpectedThemesPerReview(t: Tally): number | null {
  return ratio(t.expectedThemes, t.expectedReviews);
}
