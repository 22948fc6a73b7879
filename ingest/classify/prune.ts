/**
 * Mentions that never tag anything: those inside publisher, metadata and method lines, themes that a
 * hedge denies ("no concerns about neglect", "domestic abuse was not a feature"), themes named only in a
 * sentence about how the review was done ("the reviewer read agency chronologies"), and themes about the
 * child met in a parent's own history ("the mother had been in care as a child").
 */
import { type CompiledEntry, spacesAsWhitespace } from '../taxonomy/compile.ts';
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
  if (isMethodSentence(text, unit)) return false;
  return !(entry.aboutChild && isParentHistory(text, m.start, m.end, unit));
}

/**
 * A sentence about how the review was done: what the reviewer read and whom they met, the guidance it
 * was commissioned under, the records agencies supplied. The chronologies a reviewer read and the
 * statutory guidance a board followed are not what practice should learn.
 */
const METHOD_SENTENCE = new RegExp(
  spacesAsWhitespace(
    String.raw`\b(?:the (?:lead |independent )?reviewers? (?:also )?(?:read|met|spoke|interviewed|examined|analysed|considered|looked at|reviewed|received|requested|had access)|(?:the )?review(?:ing)? (?:team|panel) (?:read|met|spoke|interviewed|examined|analysed|considered|looked at|reviewed|received|requested)|(?:commissioned|conducted|carried out|undertaken) (?:a |an |the |this )?(?:[\w-]+ ){0,5}(?:in line with|in accordance with|under) (?:the )?(?:[\w-]+ ){0,4}(?:guidance|regulations|procedures)|(?:agency )?chronologies (?:and (?:[\w-]+ ){1,3})?(?:were|was) (?:requested|provided|submitted|received|supplied|completed for the review))\b`,
  ),
  'i',
);
/** Every method sentence has one of these words: without them the expression need not run. */
const METHOD_CUE = /\b(?:reviewers?|team|panel|guidance|regulations|procedures|chronologies)\b/i;

function isMethodSentence(text: string, unit: Span): boolean {
  const sentence = text.slice(unit.start, unit.end);
  return METHOD_CUE.test(sentence) && METHOD_SENTENCE.test(sentence);
}

/** Theme and harm mentions from `pruned`, agency mentions from `raw`: a recommendation still targets a board it names. */
export function withRawAgencies(pruned: Matches, raw: Matches): Matches {
  const merged: Matches = new Map(pruned);
  for (const [entry, spans] of raw) if (entry.kind === 'agencies') merged.set(entry, spans);
  return merged;
}
