/**
 * Recommendation targets: the agencies a recommendation addresses in its own words, plus those named by the
 * label it was listed under ("Recommendations for the Director of Children's Services include:").
 */
import type { ExtractedRecommendation } from '../extract/types.ts';
import type { CompiledTaxonomy } from '../taxonomy/compile.ts';
import { type Matches, scanSpan, within } from './matches.ts';
import type { Span } from './sentences.ts';
import type { PlacedStatement } from './statements.ts';
import { recommendationTargets } from './targets.ts';

interface Label {
  at: number;
  agencies: string[];
}

const RECOMMENDATION_LABEL = /\brecommend(ations?|s)?\b(?:\s+(?:are\s+|is\s+)?made)?\s+([^.;:\n]{0,160})/gi;

export class RecommendationTargets {
  private readonly labels: Label[];
  private readonly hints = new Map<string, string[]>();

  constructor(
    private readonly text: string,
    entry: Span,
    statements: readonly PlacedStatement[],
    entryMatches: Matches,
    private readonly compiled: CompiledTaxonomy,
  ) {
    this.labels = listLabels(text, entry, statements, entryMatches, compiled);
  }

  /** Target agency ids, in taxonomy order. */
  of(r: ExtractedRecommendation, placed: PlacedStatement | undefined): string[] {
    const span = placed?.span ?? null;
    const named = this.named(r, span);
    const targets = span ? recommendationTargets(this.text, span, placed?.agencies ?? [], named) : named;
    const wanted = new Set(targets);
    return this.compiled.agencies.filter((e) => wanted.has(e.id)).map((e) => e.id);
  }

  /**
   * Agencies named by the recommendation's label: its `targetHint` when the segmenter supplied the field
   * (null: the label names nobody), else the nearest label before it in the text.
   */
  private named(r: ExtractedRecommendation, span: Span | null): string[] {
    if ('targetHint' in r) return typeof r.targetHint === 'string' ? this.agenciesIn(r.targetHint) : [];
    if (span === null) return [];
    return this.labels.filter((l) => l.at < span.start).pop()?.agencies ?? [];
  }

  private agenciesIn(hint: string): string[] {
    let ids = this.hints.get(hint);
    if (!ids) {
      const found = scanSpan(hint, { start: 0, end: hint.length }, this.compiled);
      ids = this.compiled.agencies.filter((e) => found.has(e)).map((e) => e.id);
      this.hints.set(hint, ids);
    }
    return ids;
  }
}

/**
 * The labels recommendations are listed under, outside any statement, with the agencies they name:
 * "Recommendations for the two LSCBs include:" names the partnership; "Recommendations include:" names
 * nobody and ends the previous label's reach.
 */
function listLabels(
  text: string,
  entry: Span,
  statements: readonly PlacedStatement[],
  entryMatches: Matches,
  compiled: CompiledTaxonomy,
): Label[] {
  const spans = statements.map((s) => s.span).filter((s): s is Span => s !== null);
  const region = text.slice(entry.start, entry.end);
  const labels: Label[] = [];
  RECOMMENDATION_LABEL.lastIndex = 0;
  for (let m = RECOMMENDATION_LABEL.exec(region); m !== null; m = RECOMMENDATION_LABEL.exec(region)) {
    const at = entry.start + m.index;
    if (spans.some((s) => at >= s.start && at < s.end)) continue;
    const tail = m[2] ?? '';
    const named = m[1] === 's' ? tail : (tail.match(/^(?:for|to)\s+(.*)$/is)?.[1] ?? '');
    const namedStart = at + m[0].length - named.length;
    const nextStatement = Math.min(...spans.filter((s) => s.start > at).map((s) => s.start), Infinity);
    const namedSpan = { start: namedStart, end: Math.min(namedStart + named.length, nextStatement) };
    const agencies = named
      ? compiled.agencies.filter((e) => within(entryMatches, e, namedSpan).length > 0).map((e) => e.id)
      : [];
    labels.push({ at, agencies });
  }
  return labels;
}
