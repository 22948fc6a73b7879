/**
 * Mentions that never tag anything: those inside publisher, metadata and method lines, themes that a
 * hedge denies ("no concerns about neglect", "domestic abuse was not a feature"), and themes about the child
 * met in a parent's own history ("the mother had been in care as a child").
 */
import type { CompiledEntry } from '../taxonomy/compile.ts';
import { isHedged } from './context.ts';
import type { Matches } from './matches.ts';
import { insideAny } from './metadata.ts';
import { type Span, spanAt } from './sentences.ts';
import { isParentHistory } from './subject.ts';

/** A copy of `matches` without the mentions that must not tag. */
export function pruneMatches(
  matches: Matches,
  text: string,
  units: readonly Span[],
  metadata: readonly Span[],
): Matches {
  const pruned: Matches = new Map();
  for (const [entry, spans] of matches) {
    const kept = spans.filter((m) => keeps(entry, m, text, units, metadata));
    if (kept.length > 0) pruned.set(entry, kept);
  }
  return pruned;
}

function keeps(
  entry: CompiledEntry,
  m: Span,
  text: string,
  units: readonly Span[],
  metadata: readonly Span[],
): boolean {
  if (metadata.length > 0 && insideAny(metadata, m.start, m.end)) return false;
  if (entry.kind !== 'themes') return true;
  const unit = spanAt(units, m.start) ?? m;
  if (isHedged(text, m.start, m.end, unit.start, unit.end)) return false;
  return !(entry.aboutChild && isParentHistory(text, m.start, m.end, unit));
}

/** Theme and harm mentions from `pruned`, agency mentions from `raw`: a recommendation still targets a board it names. */
export function withRawAgencies(pruned: Matches, raw: Matches): Matches {
  const merged: Matches = new Map(pruned);
  for (const [entry, spans] of raw) if (entry.kind === 'agencies') merged.set(entry, spans);
  return merged;
}
