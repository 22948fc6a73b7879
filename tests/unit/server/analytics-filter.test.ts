/**
 * Filters that say no (`not`), the unknown-year choice and the population rule, checked against a plain
 * reading of the reviews: every filter is also evaluated here case by case, with no bitsets, and the two
 * answers must agree.
 */
import { describe, expect, it } from 'vitest';
import type { GraphCounts } from '../../../graph/store.ts';
import {
  type CaseFilter,
  LIST_FIELDS,
  type ListField,
  normalizeFilter,
} from '../../../server/analytics/filter.ts';
import { AnalyticsIndex, type IndexedCase } from '../../../server/analytics/index.ts';
import { populationFilter, populationOf } from '../../../server/analytics/population.ts';

const HARMS = ['neglect', 'physical-abuse', 'sexual-abuse', 'emotional-abuse'];
const THEMES = ['info', 'risk', 'voice', 'supervision', 'housing', 'escalation'];
const AGENCIES = ['police', 'health-visiting', 'school', 'childrens-social-care'];
const OUTCOMES = ['death', 'serious-harm', 'other'];
const BANDS = ['under 1', '1-5', '6-10', '11-15', '16+'];
const TYPES = ['SCR', 'LCSPR', 'CSPR', 'NATIONAL', 'OTHER'];
const SOURCES = ['src-a', 'src-b', 'src-c'];
const PARTNERSHIPS = ['Northby', 'Eastwold', 'Southmere'];

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(next: () => number, from: readonly T[]): T {
  return from[Math.floor(next() * from.length)] as T;
}

function some(next: () => number, from: readonly string[], chance: number): string[] {
  return from.filter(() => next() < chance);
}

function corpus(size: number, seed: number): IndexedCase[] {
  const next = random(seed);
  return Array.from({ length: size }, (_, i) => ({
    id: `case-${String(i).padStart(3, '0')}`,
    reportYear: next() < 0.15 ? null : 2010 + Math.floor(next() * 14),
    outcome: next() < 0.1 ? null : pick(next, OUTCOMES),
    ageBand: next() < 0.1 ? null : pick(next, BANDS),
    reviewType: next() < 0.15 ? 'NATIONAL' : pick(next, TYPES),
    harmTypes: some(next, HARMS, 0.35).sort(),
    agencies: some(next, AGENCIES, 0.4).sort(),
    themes: some(next, THEMES, 0.35).sort(),
    sources: [pick(next, SOURCES)],
    partnership: next() < 0.2 ? null : pick(next, PARTNERSHIPS),
    text: `review ${i} ${next() < 0.3 ? 'lantern' : 'harbour'}`,
  }));
}

const VALUES: Record<ListField, readonly string[]> = {
  harmTypes: HARMS,
  themes: THEMES,
  agencies: AGENCIES,
  outcome: OUTCOMES,
  ageBands: BANDS,
  reviewTypes: TYPES,
  sources: SOURCES,
  partnerships: PARTNERSHIPS,
};

/** The values a review carries for a field, read straight from its row. */
function valuesOf(c: IndexedCase, field: ListField): (string | null | undefined)[] {
  switch (field) {
    case 'outcome':
      return [c.outcome];
    case 'ageBands':
      return [c.ageBand];
    case 'reviewTypes':
      return [c.reviewType];
    case 'partnerships':
      return [c.partnership];
    default:
      return c[field];
  }
}

/** The filter's meaning, one review at a time. */
function matches(c: IndexedCase, f: CaseFilter): boolean {
  for (const field of LIST_FIELDS) {
    const wanted = f[field];
    if (wanted && wanted.length > 0 && !valuesOf(c, field).some((v) => v != null && wanted.includes(v)))
      return false;
    const refused = f.not?.[field];
    if (refused && valuesOf(c, field).some((v) => v != null && refused.includes(v))) return false;
  }
  if (f.themesAll && !f.themesAll.every((t) => c.themes.includes(t))) return false;
  const ranged = f.yearFrom != null || f.yearTo != null;
  if (c.reportYear === null) {
    const keep = f.unknownYear == null ? !ranged : f.unknownYear !== 'EXCLUDE';
    if (!keep) return false;
  } else {
    if (f.unknownYear === 'ONLY') return false;
    if (f.yearFrom != null && c.reportYear < f.yearFrom) return false;
    if (f.yearTo != null && c.reportYear > f.yearTo) return false;
  }
  if (
    f.text &&
    !f.text
      .toLowerCase()
      .split(/\s+/)
      .filter(Boolean)
      .every((w) => c.text.includes(w))
  )
    return false;
  return true;
}

function randomFilter(next: () => number): CaseFilter {
  const f: CaseFilter = { not: {} };
  for (const field of LIST_FIELDS) {
    if (next() < 0.25) f[field] = some(next, VALUES[field], 0.4);
    if (next() < 0.3 && f.not) f.not[field] = some(next, VALUES[field], 0.3);
  }
  if (next() < 0.15) f.themesAll = some(next, THEMES, 0.25);
  if (next() < 0.3) f.yearFrom = 2010 + Math.floor(next() * 10);
  if (next() < 0.3) f.yearTo = 2014 + Math.floor(next() * 10);
  const choice = next();
  if (choice < 0.2) f.unknownYear = 'INCLUDE';
  else if (choice < 0.4) f.unknownYear = 'EXCLUDE';
  else if (choice < 0.5 && f.yearFrom == null && f.yearTo == null) f.unknownYear = 'ONLY';
  if (next() < 0.1) f.text = 'lantern';
  return f;
}

function indexOf(cases: IndexedCase[]): AnalyticsIndex {
  return new AnalyticsIndex({
    cases,
    taxonomy: {
      harmTypes: HARMS.map((id) => ({ id, label: id, description: '' })),
      agencies: AGENCIES.map((id) => ({ id, label: id, description: '', sector: 'police' as const })),
      themes: THEMES.map((id) => ({ id, label: id, description: '', group: 'g' })),
    },
    sources: [],
    counts: { nodes: {}, relationships: {} } as GraphCounts,
  });
}

const rows = corpus(300, 20_240_611);
const index = indexOf(rows);
const expected = (f: CaseFilter) =>
  rows
    .filter((c) => matches(c, f))
    .map((c) => c.id)
    .sort();

describe('filters that say no', () => {
  it('leave out every review carrying a value listed under not, whatever else the filter asks', () => {
    expect(index.caseIds({ not: { harmTypes: ['neglect'] } }).sort()).toEqual(
      expected({ not: { harmTypes: ['neglect'] } }),
    );
    const both = { themes: ['info'], not: { themes: ['risk'], agencies: ['police'] } };
    const found = index.caseIds(both);
    expect(found.sort()).toEqual(expected(both));
    expect(found.length).toBeGreaterThan(0);
    for (const id of found) {
      const c = rows.find((r) => r.id === id);
      expect(c?.themes).toContain('info');
      expect(c?.themes).not.toContain('risk');
      expect(c?.agencies).not.toContain('police');
    }
  });

  it('agree with a review-by-review reading on 400 random filters mixing positive lists, not and years', () => {
    const next = random(7);
    let nonEmpty = 0;
    for (let i = 0; i < 400; i++) {
      const f = randomFilter(next);
      const want = expected(f);
      if (want.length > 0) nonEmpty++;
      expect(index.caseIds(f).sort(), JSON.stringify(f)).toEqual(want);
    }
    // The generator must exercise filters that keep reviews, not only ones that keep none.
    expect(nonEmpty).toBeGreaterThan(200);
  });

  it('match partnerships by the name the reviews give, and exclude by it', () => {
    const f = { partnerships: ['Northby', 'Eastwold'], not: { partnerships: ['Eastwold'] } };
    expect(index.caseIds(f).sort()).toEqual(expected({ partnerships: ['Northby'] }));
    expect(index.unknownIds({ not: { partnerships: ['Atlantis'] } })).toEqual([
      'filter.not.partnerships: unknown id "Atlantis" (list them with { facets { partnerships { id } } })',
    ]);
  });

  it('name unknown ids under not by their path', () => {
    expect(index.unknownIds({ not: { themes: ['info', 'nope'] } })).toEqual([
      'filter.not.themes: unknown id "nope" (list the ids with { themes { id } })',
    ]);
  });
});

describe('the unknown-year choice', () => {
  const undated = rows.filter((c) => c.reportYear === null).map((c) => c.id);

  it('keeps reviews with no year by default and leaves them out by default once a year range is given', () => {
    expect(undated.length).toBeGreaterThan(10);
    expect(index.count({})).toBe(rows.length);
    const ranged = index.caseIds({ yearFrom: 2012 });
    expect(ranged.some((id) => undated.includes(id))).toBe(false);
  });

  it('INCLUDE keeps them beside a range, EXCLUDE leaves them out, ONLY keeps them alone', () => {
    const include = index.caseIds({ yearFrom: 2012, unknownYear: 'INCLUDE' });
    expect(undated.every((id) => include.includes(id))).toBe(true);
    expect(index.caseIds({ unknownYear: 'EXCLUDE' }).some((id) => undated.includes(id))).toBe(false);
    expect(index.count({ unknownYear: 'EXCLUDE' })).toBe(rows.length - undated.length);
    expect(index.caseIds({ unknownYear: 'ONLY' }).sort()).toEqual([...undated].sort());
  });

  it('gives a filter with an explicit choice a cache key of its own', () => {
    expect(normalizeFilter({ unknownYear: 'EXCLUDE' }).key).not.toBe(normalizeFilter({}).key);
    expect(normalizeFilter({ not: { themes: ['info'] } }).key).not.toBe(
      normalizeFilter({ themes: ['info'] }).key,
    );
  });
});

describe('the population as a filter', () => {
  it("chooses the reviews populationOf counts: the filter's, national publications only when asked for", () => {
    const next = random(11);
    for (let i = 0; i < 100; i++) {
      const raw = randomFilter(next);
      const f = normalizeFilter(raw);
      const asks = raw.reviewTypes?.includes('NATIONAL') ?? false;
      const want = rows
        .filter((c) => matches(c, raw) && (asks || c.reviewType !== 'NATIONAL'))
        .map((c) => c.id)
        .sort();
      expect(index.caseIds(populationFilter(f)).sort(), JSON.stringify(raw)).toEqual(want);
      expect(populationOf(index, f).population.reviews).toBe(want.length);
    }
  });

  it('counts themes without national publications unless the filter lists NATIONAL', () => {
    const national = rows.filter((c) => c.reviewType === 'NATIONAL');
    expect(national.length).toBeGreaterThan(20);
    const counts = index.countBy('themes', populationFilter(normalizeFilter({})));
    for (const theme of THEMES) {
      expect(counts.get(theme)).toBe(
        rows.filter((c) => c.reviewType !== 'NATIONAL' && c.themes.includes(theme)).length,
      );
    }
    const asked = populationFilter(normalizeFilter({ reviewTypes: ['NATIONAL'] }));
    expect(index.countBy('themes', asked).get('info')).toBe(
      national.filter((c) => c.themes.includes('info')).length,
    );
  });

  it('relates themes over the population only', () => {
    const related = index.relatedThemes('info', populationFilter(normalizeFilter({})), 10);
    const counted = rows.filter((c) => c.reviewType !== 'NATIONAL');
    for (const r of related) {
      expect(r.shared).toBe(
        counted.filter((c) => c.themes.includes('info') && c.themes.includes(r.id)).length,
      );
    }
    expect(related.length).toBeGreaterThan(0);
  });
});
