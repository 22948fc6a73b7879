/**
 * Harm types and agencies: facts about the case, taken from the whole entry. A mention counts unless it
 * is negated, sits in the resources after the entry, or is in a sentence about another review; the first
 * mention that counts is quoted as evidence.
 */
import type { EvidenceSpan, ExtractedCase, TaggedEntity } from '../extract/types.ts';
import type { CompiledEntry } from '../taxonomy/compile.ts';
import { isAboutOtherCase, isNegated, ownNames, resourcesStart } from './context.ts';
import type { Matches } from './matches.ts';
import { type Span, sentenceSpans, spanAt } from './sentences.ts';
import { isChildHarm } from './subject.ts';

/** The sentence to quote for a mention that is a fact about this case, or null when it is not one. */
export type FactFilter = (mention: Span) => Span | null;

/** A list item or clause shorter than this is quoted with its whole sentence ("LSCB:" says nothing). */
const SHORT_QUOTE = 40;

export function factFilter(text: string, entry: Span, units: readonly Span[], c: ExtractedCase): FactFilter {
  const resources = entry.start + resourcesStart(text.slice(entry.start, entry.end));
  const names = ownNames(c.child, c.title);
  const national = c.reviewType === 'NATIONAL';
  const otherCase = new Map<Span, boolean>();
  let sentences: Span[] | null = null;
  return (mention) => {
    if (mention.start >= resources) return null;
    const unit = spanAt(units, mention.start) ?? mention;
    if (isNegated(text, mention.start, mention.end, unit.start, unit.end)) return null;
    if (!national) {
      let other = otherCase.get(unit);
      if (other === undefined) {
        other = isAboutOtherCase(text.slice(unit.start, unit.end), names);
        otherCase.set(unit, other);
      }
      if (other) return null;
    }
    if (unit.end - unit.start >= SHORT_QUOTE) return unit;
    sentences ??= sentenceSpans(text, entry.start, entry.end);
    return spanAt(sentences, mention.start) ?? unit;
  };
}

/**
 * The agencies a partnership is made of are not agencies involved with the child: "the Partnership, which
 * includes the council, police and NHS, has revealed…"; nor are the speakers and guests of a learning event
 * ("guest speakers along with colleagues from schools, health and social care"). A mention counts unless its
 * clause, before it, says whom a body or an event brings together.
 */
const MEMBERSHIP_BEFORE =
  /\b(?:(?:which|that|who) (?:includes?|included|is made up of|comprises?|brings together)|(?:partners|members) (?:are|include|were)|made up of|comprising|brings together|(?:guest )?speakers|attendees|delegates|attended by|colleagues from)\b[^.;:()]{0,120}$/i;

export function agencyFilter(text: string, units: readonly Span[], facts: FactFilter): FactFilter {
  return (mention) => {
    const unit = spanAt(units, mention.start) ?? mention;
    const before = text.slice(Math.max(unit.start, mention.start - 160), mention.start);
    if (MEMBERSHIP_BEFORE.test(before)) return null;
    return facts(mention);
  };
}

/**
 * Harm types are narrower facts: the harm happened to the subject child (subject.ts), and a recommendation
 * or action that warns about a harm in general is not evidence that it happened.
 */
export function harmFilter(
  text: string,
  units: readonly Span[],
  general: readonly Span[],
  facts: FactFilter,
): FactFilter {
  return (mention) => {
    if (general.some((s) => s.start <= mention.start && mention.end <= s.end)) return null;
    const unit = spanAt(units, mention.start) ?? mention;
    if (!isChildHarm(text, mention.start, mention.end, unit)) return null;
    return facts(mention);
  };
}

/** One tag per entry that has a mention counting as a fact, in order of appearance. */
export function tagFacts(
  entries: readonly CompiledEntry[],
  matches: Matches,
  text: string,
  facts: FactFilter,
  statements: readonly Span[] = [],
): TaggedEntity[] {
  const tagged: TaggedEntity[] = [];
  for (const entry of entries) {
    for (const mention of matches.get(entry) ?? []) {
      if (entry.statementsOnly && !within(statements, mention)) continue;
      const quote = facts(mention);
      if (quote === null) continue;
      tagged.push({ id: entry.id, label: entry.label, evidence: evidence(text, quote) });
      break;
    }
  }
  return tagged.sort((a, b) => a.evidence.start - b.evidence.start);
}

function within(spans: readonly Span[], mention: Span): boolean {
  return spans.some((s) => s.start <= mention.start && mention.end <= s.end);
}

export function evidence(text: string, span: Span): EvidenceSpan {
  return { quote: text.slice(span.start, span.end), start: span.start, end: span.end };
}
