/**
 * Tags one review entry with harm types, agencies and themes, each link with the sentence it came from.
 * Pure: text in, a classified copy of the case out.
 *
 * - Nothing is tagged from publisher, metadata or method lines (metadata.ts), nor a theme a hedge denies
 *   ("no concerns about", "was not a feature"; prune.ts).
 * - Harm types and agencies come from the whole entry (a body that commissions reviews, such as the local
 *   partnership, only from learning, recommendations and actions), skipping negated mentions, the linked research that
 *   follows an entry, and sentences about other reviews (facts.ts). A harm type also needs the harm to have
 *   happened to the child: not a parent's history, a risk or a recommendation's warning (subject.ts).
 * - Themes come from each learning statement, recommendation and action (statements.ts); the case's themes
 *   are their union plus themes named in the summary, each quoting the first sentence that matched
 *   (themes.ts).
 * - A recommendation targets the agencies it addresses ("the YOI should ...") and those its list label
 *   names (recommendations.ts, targets.ts).
 */
import type { ExtractedCase } from '../extract/types.ts';
import { compileTaxonomy } from '../taxonomy/compile.ts';
import type { Taxonomy } from '../taxonomy/types.ts';
import { agencyFilter, factFilter, harmFilter, tagFacts } from './facts.ts';
import { scanSpan } from './matches.ts';
import { metadataSpans } from './metadata.ts';
import { pruneMatches, withRawAgencies } from './prune.ts';
import { RecommendationTargets } from './recommendations.ts';
import { type Span, sentenceSpans, unitSpans } from './sentences.ts';
import { placeStatements, type Statement } from './statements.ts';
import { caseThemes, summarySpan } from './themes.ts';

export function classifyCase(c: ExtractedCase, text: string, taxonomy: Taxonomy): ExtractedCase {
  const compiled = compileTaxonomy(taxonomy);
  const entry = clamp({ start: c.start, end: c.end }, text.length);
  const matches = scanSpan(text, entry, compiled);
  const units = unitSpans(text, entry.start, entry.end);
  const metadata = metadataSpans(text, entry, () => sentenceSpans(text, entry.start, entry.end));
  const tagging = pruneMatches(matches, text, units, metadata);
  const facts = factFilter(text, entry, units, c);
  const placed = placeStatements(
    text,
    entry,
    [...c.learning, ...c.recommendations, ...c.actions],
    withRawAgencies(tagging, matches),
    compiled,
  );
  const themesOf = (s: Statement) => placed.get(s)?.themes ?? [];
  const targets = new RecommendationTargets(text, entry, [...placed.values()], matches, compiled);
  const general = [...c.recommendations, ...c.actions].flatMap((s) => placed.get(s)?.span ?? []);
  const statements = [...placed.values()].flatMap((p) => p.span ?? []);
  return {
    ...c,
    harmTypes: tagFacts(compiled.harmTypes, tagging, text, harmFilter(text, units, general, facts)),
    agencies: tagFacts(compiled.agencies, tagging, text, agencyFilter(text, units, facts), statements),
    themes: caseThemes(
      compiled.themes,
      text,
      units,
      [...placed.values()],
      summarySpan(c, text, entry),
      tagging,
      facts,
    ),
    learning: c.learning.map((l) => ({ ...l, themes: themesOf(l) })),
    recommendations: c.recommendations.map((r) => ({
      ...r,
      agencies: targets.of(r, placed.get(r)),
      themes: themesOf(r),
    })),
    actions: c.actions.map((a) => ({ ...a, themes: themesOf(a) })),
  };
}

function clamp(span: Span, length: number): Span {
  const start = Math.min(Math.max(0, span.start), length);
  return { start, end: Math.min(Math.max(start, span.end), length) };
}
