/**
 * Classification of the real seed documents, read with the simple list reader in seed-cases.ts. The seeds
 * live outside the repository; without them these specifications are skipped and say so.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyCase } from '../../../../ingest/classify/index.ts';
import type { ExtractedCase } from '../../../../ingest/extract/types.ts';
import { loadTaxonomy } from '../../../../ingest/taxonomy/index.ts';
import { ids } from './fixture.ts';
import { nationalLearningPoints, readSeed, SEEDS_DIR, seedsPresent } from './seed-cases.ts';

if (!seedsPresent) console.log(`seed documents not found at ${SEEDS_DIR}; seed classification specs skipped`);

const taxonomy = loadTaxonomy();
const ENTRY_FILES = ['000_0ff53f17f3882be0.txt', '001_21a86219fc7bc350.txt', '003_fcca8598beaff0b9.txt'];
const NATIONAL_FILES = ['002_1a63f12ad85dbbc8.txt', '004_c4416a36beb88ed5.txt'];

function classified(file: string): { text: string; cases: ExtractedCase[] } {
  const seed = readSeed(file);
  return { text: seed.text, cases: seed.cases.map((c) => classifyCase(c, seed.text, taxonomy)) };
}

function nationalCase(file: string): { text: string; case: ExtractedCase } {
  const text = readFileSync(path.join(SEEDS_DIR, file), 'utf8');
  const learning = nationalLearningPoints(file).map((p) => ({ ...p, themes: [] }));
  const c: ExtractedCase = {
    ...readSeed(ENTRY_FILES[0] ?? '').cases[0],
    id: file,
    title: file,
    child: null,
    reviewType: 'NATIONAL',
    start: 0,
    end: text.length,
    learning,
    recommendations: [],
    actions: [],
  } as ExtractedCase;
  return { text, case: classifyCase(c, text, taxonomy) };
}

function coverage(statements: ReadonlyArray<{ themes: string[] }>): number {
  return statements.filter((s) => s.themes.length > 0).length / statements.length;
}

describe.skipIf(!seedsPresent)('classifying the seed documents', () => {
  it('quotes every piece of evidence exactly as it stands at its offsets', () => {
    for (const file of ENTRY_FILES) {
      const { text, cases } = classified(file);
      for (const c of cases) {
        for (const tag of [...c.harmTypes, ...c.agencies, ...c.themes]) {
          expect(text.slice(tag.evidence.start, tag.evidence.end), `${file} ${c.title} ${tag.id}`).toBe(
            tag.evidence.quote,
          );
          expect(tag.evidence.quote.trim().length).toBeGreaterThan(0);
        }
      }
    }
    for (const file of NATIONAL_FILES) {
      const { text, case: c } = nationalCase(file);
      for (const tag of [...c.harmTypes, ...c.agencies, ...c.themes]) {
        expect(text.slice(tag.evidence.start, tag.evidence.end)).toBe(tag.evidence.quote);
      }
    }
  });

  it('finds a theme for more than 85% of the learning statements in the bulletins and the newsletter', () => {
    const statements = ENTRY_FILES.flatMap((f) =>
      classified(f).cases.flatMap((c) => [...c.learning, ...c.actions]),
    );
    const share = coverage(statements);
    console.log(
      `seed learning statements with a theme: ${Math.round(share * 1000) / 10}% of ${statements.length}`,
    );
    expect(statements.length).toBeGreaterThan(100);
    expect(share).toBeGreaterThan(0.85);
  });

  it('finds a theme for more than 85% of the learning points in the national publications', () => {
    const points = NATIONAL_FILES.flatMap((f) => nationalCase(f).case.learning);
    const share = coverage(points);
    console.log(
      `national learning points with a theme: ${Math.round(share * 1000) / 10}% of ${points.length}`,
    );
    expect(share).toBeGreaterThan(0.85);
  });

  it('gives each learning list of the June 2023 bulletin the themes a reader would expect', () => {
    const { cases } = classified('000_0ff53f17f3882be0.txt');
    const themes = cases.map((c) => ids(c.themes));
    expect(cases).toHaveLength(6);
    expect(themes[0]).toEqual(
      expect.arrayContaining([
        'child-criminal-exploitation-response',
        'contextual-safeguarding',
        'culture-and-identity',
      ]),
    );
    expect(themes[1]).toEqual(
      expect.arrayContaining([
        'harmful-sexual-behaviour-response',
        'language-and-terminology',
        'professional-curiosity',
      ]),
    );
    expect(themes[2]).toEqual(
      expect.arrayContaining(['child-protection-planning', 'thresholds', 'escalation', 'covid-19']),
    );
    expect(themes[3]).toEqual(
      expect.arrayContaining(['child-sexual-abuse-response', 'disclosure', 'transitions']),
    );
    expect(themes[4]).toEqual(
      expect.arrayContaining([
        'information-sharing',
        'pre-birth-assessment',
        'escalation',
        'hospital-discharge',
      ]),
    );
    expect(themes[5]).toEqual(expect.arrayContaining(['suicide-and-self-harm', 'professional-curiosity']));
  });

  it('tags the harm types of the June 2023 bulletin entries', () => {
    const harm = classified('000_0ff53f17f3882be0.txt').cases.map((c) => ids(c.harmTypes));
    expect(harm[0]).toContain('child-criminal-exploitation');
    expect(harm[1]).toContain('harmful-sexual-behaviour');
    expect(harm[2]).toContain('neglect');
    expect(harm[3]).toEqual(expect.arrayContaining(['suicide', 'sexual-abuse']));
    expect(harm[4]).toContain('physical-abuse');
    expect(harm[5]).toEqual(expect.arrayContaining(['suicide', 'self-harm']));
  });

  it('does not tag a cause of death the entry says was only assumed at first', () => {
    const toby = classified('001_21a86219fc7bc350.txt').cases[6];
    expect(ids(toby?.harmTypes ?? [])).toContain('non-accidental-head-injury');
    expect(ids(toby?.harmTypes ?? [])).not.toContain('sudden-unexpected-death-in-infancy');
  });

  it('targets the agency each labelled recommendation list names', () => {
    const cases = classified('000_0ff53f17f3882be0.txt').cases;
    for (const r of cases[1]?.recommendations ?? [])
      expect(r.agencies).toContain('director-of-childrens-services');
    for (const r of cases[3]?.recommendations ?? []) expect(r.agencies).toContain('safeguarding-partnership');
    expect(cases[0]?.recommendations.some((r) => r.agencies.includes('childrens-social-care'))).toBe(true);
  });
});
