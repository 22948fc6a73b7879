/**
 * The case's themes: every theme of its statements, quoted from the first statement sentence that names
 * it, plus themes named in the summary (when no statement names them), quoted from the summary.
 *
 * A summary sentence counts when it is a fact about this case (not about another review, not in the
 * resources after the entry). A plain "not" does not deny a theme: "the case was not escalated" and
 * "this was not shared with the school" are the theme itself; hedges that deny the topic ("no concerns
 * about", "was not a feature") were pruned before.
 */
import type { ExtractedCase, TaggedEntity } from '../extract/types.ts';
import type { CompiledEntry } from '../taxonomy/compile.ts';
import { evidence, type FactFilter } from './facts.ts';
import { type Matches, within } from './matches.ts';
import { type Span, spanAt } from './sentences.ts';
import type { PlacedStatement } from './statements.ts';

export function caseThemes(
  themes: readonly CompiledEntry[],
  text: string,
  units: readonly Span[],
  statements: readonly PlacedStatement[],
  summary: Span | null,
  entryMatches: Matches,
  facts: FactFilter,
): TaggedEntity[] {
  const quotes = new Map<CompiledEntry, Span>();
  const ordered = statements
    .filter((s): s is PlacedStatement & { span: Span } => s.span !== null)
    .sort((a, b) => a.span.start - b.span.start);
  for (const s of ordered) {
    for (const [theme, match] of s.firstMatch) {
      if (quotes.has(theme)) continue;
      const unit = spanAt(units, match.start) ?? s.span;
      quotes.set(theme, trim(text, clip(unit, s.span)));
    }
  }
  if (summary) {
    const sentences = sentenceFacts(units, facts);
    const specific = specificUnits(themes, summary, entryMatches, sentences);
    for (const theme of themes) {
      if (quotes.has(theme)) continue;
      const quote = summaryQuote(theme, summary, entryMatches, sentences);
      if (quote && !(theme.generic && specific.has(quote.start))) quotes.set(theme, quote);
    }
  }
  return themes
    .filter((t) => quotes.has(t))
    .map((t) => ({ id: t.id, label: t.label, evidence: evidence(text, quotes.get(t) as Span) }))
    .sort((a, b) => a.evidence.start - b.evidence.start);
}

/** Where the summary sentences that name a specific (not generic) theme start. */
function specificUnits(
  themes: readonly CompiledEntry[],
  summary: Span,
  matches: Matches,
  facts: FactFilter,
): Set<number> {
  const starts = new Set<number>();
  for (const theme of themes) {
    if (theme.generic) continue;
    for (const mention of within(matches, theme, summary)) {
      const unit = facts(mention);
      if (unit) starts.add(clip(unit, summary).start);
    }
  }
  return starts;
}

/**
 * Asks the fact filter about the sentence a mention sits in rather than about the mention, so that
 * negation near the mention is not held against a theme.
 */
function sentenceFacts(units: readonly Span[], facts: FactFilter): FactFilter {
  return (mention) => {
    const unit = spanAt(units, mention.start);
    return unit ? facts({ start: unit.start, end: unit.start }) : facts(mention);
  };
}

function summaryQuote(theme: CompiledEntry, summary: Span, matches: Matches, facts: FactFilter): Span | null {
  for (const mention of within(matches, theme, summary)) {
    const unit = facts(mention);
    if (unit) return clip(unit, summary);
  }
  return null;
}

/** Where the summary sits: the segmenter's span when given, else found by its text inside the entry. */
export function summarySpan(c: ExtractedCase, text: string, entry: Span): Span | null {
  const given = c.summarySpan;
  if (given && given.start >= entry.start && given.end <= entry.end && given.end > given.start) return given;
  if (!c.summary) return null;
  const at = text.indexOf(c.summary, entry.start);
  return at >= 0 && at + c.summary.length <= entry.end ? { start: at, end: at + c.summary.length } : null;
}

function clip(span: Span, to: Span): Span {
  return { start: Math.max(span.start, to.start), end: Math.min(span.end, to.end) };
}

/** Drops list punctuation and bullets at the edges of a quote. */
function trim(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /[\s>\-\u2022*;:,]/.test(text[start] ?? '')) start++;
  while (end > start && /[\s;,]/.test(text[end - 1] ?? '')) end--;
  return end > start ? { start, end } : span;
}
