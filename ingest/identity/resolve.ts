/**
 * One review met in several documents of a run (a list entry, a learning briefing, a news item) is one
 * CaseReview, even when each document prints different fields: the later mention takes the id of the
 * earlier one when the two agree on the child's pseudonym and, with some tolerance, on where, when and
 * what happened. Two children who only share a pseudonym stay apart; a match that the fields cannot
 * settle is kept apart and named in the document's warnings, so a curator can decide.
 *
 * Compatible: the areas, report years (±1), age bands and harm types do not contradict each other.
 * Settled: the same area; or, where one area is missing, the same year and the same age band or a
 * shared harm type.
 */

import { pseudonymKey } from '../extract/pseudonym.ts';
import type { ExtractedCase } from '../extract/types.ts';
import { areaOf } from './area.ts';

export interface Seen {
  id: string;
  title: string;
  area: string | null;
  year: number | null;
  ageBand: string | null;
  harms: Set<string>;
}

export interface Resolution {
  /** The id to use: the earlier review's when the match is settled, else the case's own. */
  id: string;
  /** Earlier reviews that may be the same one but could not be settled. */
  uncertain: Seen[];
}

/** What a case review brings to the run's identities: its own id, and the fields that tell reviews apart. */
export type IdentitySeed = Pick<
  ExtractedCase,
  'id' | 'title' | 'child' | 'reviewType' | 'partnership' | 'reportYear' | 'ageBand'
>;

export class RunIdentities {
  private readonly byChild = new Map<string, Seen[]>();
  /** Normalised areas by partnership as printed: a corpus names a few hundred partnerships many times over. */
  private readonly areas = new Map<string, string | null>();

  resolve(c: IdentitySeed, harmIds: readonly string[]): Resolution {
    const key = c.reviewType === 'NATIONAL' ? '' : pseudonymKey(c.child);
    if (!key) return { id: c.id, uncertain: [] };
    const seen = this.byChild.get(key) ?? [];
    const me = this.describe(c, harmIds);
    const compatible = seen.filter((s) => s.id !== c.id && compatibleWith(s, me));
    if (seen.some((s) => s.id === c.id)) return { id: c.id, uncertain: [] };
    const settled = compatible.filter((s) => settledWith(s, me));
    if (settled.length === 1) return { id: (settled[0] as Seen).id, uncertain: [] };
    seen.push(me);
    this.byChild.set(key, seen);
    return { id: c.id, uncertain: settled.length > 1 ? settled : compatible };
  }

  private describe(c: IdentitySeed, harmIds: readonly string[]): Seen {
    return {
      id: c.id,
      title: c.title,
      area: this.areaKey(c.partnership),
      year: c.reportYear,
      ageBand: c.ageBand,
      harms: new Set(harmIds),
    };
  }

  private areaKey(partnership: string | null): string | null {
    if (partnership === null) return null;
    let area = this.areas.get(partnership);
    if (area === undefined) {
      area = normalArea(partnership);
      this.areas.set(partnership, area);
    }
    return area;
  }
}

function normalArea(partnership: string | null): string | null {
  return (
    areaOf(partnership)
      ?.toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim() || null
  );
}

function compatibleWith(a: Seen, b: Seen): boolean {
  if (a.area && b.area && a.area !== b.area) return false;
  if (a.year !== null && b.year !== null && Math.abs(a.year - b.year) > 1) return false;
  if (a.ageBand && b.ageBand && a.ageBand !== b.ageBand) return false;
  return !(a.harms.size > 0 && b.harms.size > 0 && !overlaps(a.harms, b.harms));
}

function settledWith(a: Seen, b: Seen): boolean {
  if (a.area && b.area) return true;
  const sameYear = a.year !== null && a.year === b.year;
  const sameAge = a.ageBand !== null && a.ageBand === b.ageBand;
  return sameYear && (sameAge || overlaps(a.harms, b.harms));
}

function overlaps(a: Set<string>, b: Set<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

/** Gives each case of a document its run-wide id, and warns of matches that could not be settled. */
export function settleIdentities<T extends { cases: ExtractedCase[]; warnings: string[] }>(
  doc: T,
  run: RunIdentities,
): T {
  const warnings = [...doc.warnings];
  const ids = settleSeeds(doc.cases, (c) => c.harmTypes.map((h) => h.id), run, warnings);
  const cases = doc.cases.map((c, i) => {
    const id = ids[i] as string;
    return id === c.id ? c : { ...c, id };
  });
  return { ...doc, cases, warnings };
}

/**
 * Plays a document's case reviews into the run's identities in order; returns the id each one takes and
 * adds a warning to `warnings` for each match that could not be settled.
 */
export function settleSeeds<C extends IdentitySeed>(
  cases: readonly C[],
  harmIdsOf: (c: C) => readonly string[],
  run: RunIdentities,
  warnings: string[],
): string[] {
  const taken = new Set<string>();
  return cases.map((c) => {
    const resolved = run.resolve(c, harmIdsOf(c));
    // Two reviews of one document are two reviews, even if both resemble one met earlier.
    const id = taken.has(resolved.id) ? c.id : resolved.id;
    taken.add(id);
    for (const u of resolved.uncertain) {
      warnings.push(
        `possible duplicate: "${c.title}" (${c.id}) may be the review "${u.title}" (${u.id}) met earlier; kept apart because the printed fields do not settle it`,
      );
    }
    return id;
  });
}
