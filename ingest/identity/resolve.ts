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

export class RunIdentities {
  private readonly byChild = new Map<string, Seen[]>();

  resolve(c: ExtractedCase): Resolution {
    const key = c.reviewType === 'NATIONAL' ? '' : pseudonymKey(c.child);
    if (!key) return { id: c.id, uncertain: [] };
    const seen = this.byChild.get(key) ?? [];
    const me = describe(c);
    const compatible = seen.filter((s) => s.id !== c.id && compatibleWith(s, me));
    if (seen.some((s) => s.id === c.id)) return { id: c.id, uncertain: [] };
    const settled = compatible.filter((s) => settledWith(s, me));
    if (settled.length === 1) return { id: (settled[0] as Seen).id, uncertain: [] };
    seen.push(me);
    this.byChild.set(key, seen);
    return { id: c.id, uncertain: settled.length > 1 ? settled : compatible };
  }
}

function describe(c: ExtractedCase): Seen {
  return {
    id: c.id,
    title: c.title,
    area: normalArea(c.partnership),
    year: c.reportYear,
    ageBand: c.ageBand,
    harms: new Set(c.harmTypes.map((h) => h.id)),
  };
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
  const taken = new Set<string>();
  const cases = doc.cases.map((c) => {
    const resolved = run.resolve(c);
    // Two reviews of one document are two reviews, even if both resemble one met earlier.
    const id = taken.has(resolved.id) ? c.id : resolved.id;
    const { uncertain } = resolved;
    taken.add(id);
    for (const u of uncertain) {
      warnings.push(
        `possible duplicate: "${c.title}" (${c.id}) may be the review "${u.title}" (${u.id}) met earlier; kept apart because the printed fields do not settle it`,
      );
    }
    return id === c.id ? c : { ...c, id };
  });
  return { ...doc, cases, warnings };
}
