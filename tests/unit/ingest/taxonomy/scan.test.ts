import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  accepts,
  type CompiledTaxonomy,
  compileTaxonomy,
  type Matcher,
  matchTaxonomy,
  overlaps,
  type Span,
} from '../../../../ingest/taxonomy/compile.ts';
import { loadTaxonomy } from '../../../../ingest/taxonomy/index.ts';
import { sentenceAround, withoutOverlaps } from '../../../../ingest/taxonomy/scan.ts';
import { SEEDS_DIR, seedsPresent } from '../classify/seed-cases.ts';

const compiled = compileTaxonomy(loadTaxonomy());

/** The obvious way: every pattern over the whole text, then exclusions and overlaps. */
function naive(c: CompiledTaxonomy, text: string): Map<string, string> {
  const out = new Map<string, string>();
  const all = (matcher: Matcher, within = text): Span[] =>
    [...within.matchAll(new RegExp(matcher.regex.source, 'gi'))]
      .filter((m) => m[0].length > 0 && accepts(matcher, m[0]))
      .map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
  for (const entry of c.all) {
    const withContext = entry.weak
      .flatMap((w) => all(w))
      .filter((span) => {
        const sentence = sentenceAround(text, span);
        const local = { start: span.start - sentence.start, end: span.end - sentence.start };
        const window = text.slice(sentence.start, sentence.end);
        return entry.context.some((m) => all(m, window).some((x) => !overlaps(local, x)));
      });
    const found = [...entry.matchers.flatMap((m) => all(m)), ...withContext];
    const excluded = entry.exclusions.flatMap((m) => all(m));
    const kept = withoutOverlaps(found.filter((s) => !excluded.some((x) => overlaps(s, x))));
    if (kept.length > 0) out.set(entry.id, kept.map((s) => `${s.start}-${s.end}`).join(','));
  }
  return out;
}

function fast(c: CompiledTaxonomy, text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [entry, spans] of matchTaxonomy(c, text)) {
    out.set(entry.id, spans.map((s) => `${s.start}-${s.end}`).join(','));
  }
  return out;
}

const FICTIONAL = [
  'Death of a 9-week-old baby after co-sleeping on a sofa; the parents had been drinking. The health visitor',
  "and the GP had raised concerns with children\u2019s social care, and the family's multi-agency plan was stepped",
  'down. Learning includes: the role of fathers and hidden men; a lack of professional curiosity; school nurses',
  'should share information with the school; CAMHS and adult mental health services did not communicate;',
  'the LSCB should test its escalation policy. Neglect, self-harm and child sexual exploitation (CSE) were not',
  'ruled out. A&E staff referred the family to the MASH.',
].join('\n');

describe('scanning a text for every taxonomy entry at once', () => {
  it('finds exactly what running every pattern over the text finds', () => {
    expect(fast(compiled, FICTIONAL)).toEqual(naive(compiled, FICTIONAL));
  });

  it('returns offsets into the text it was given, with no overlapping matches for one entry', () => {
    for (const [entry, spans] of matchTaxonomy(compiled, FICTIONAL)) {
      for (const s of spans) expect(s.end, entry.id).toBeGreaterThan(s.start);
      expect(withoutOverlaps(spans), entry.id).toEqual(spans);
    }
  });

  it('keeps offsets right when lower-casing changes the length of the text', () => {
    const text = 'İİ The GP referred the family.';
    const gp = [...matchTaxonomy(compiled, text)].find(([e]) => e.id === 'gp')?.[1][0];
    expect(gp && text.slice(gp.start, gp.end)).toBe('GP');
  });

  it.skipIf(!seedsPresent)('finds exactly what the obvious scan finds in every seed document', () => {
    for (const file of readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt'))) {
      const text = readFileSync(path.join(SEEDS_DIR, file), 'utf8');
      expect(fast(compiled, text), file).toEqual(naive(compiled, text));
    }
  });
});
