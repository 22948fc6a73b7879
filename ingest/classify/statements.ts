/**
 * Learning statements, recommendations and actions: where each sits in the text, and which themes and
 * agencies are mentioned in it. Statements are located by their offsets, or by their text when the
 * offsets do not point at it, or scanned on their own when the text is not there at all.
 */
import type { ExtractedLearning, ExtractedRecommendation } from '../extract/types.ts';
import type { CompiledEntry, CompiledTaxonomy } from '../taxonomy/compile.ts';
import { containing, type Matches, scanSpan } from './matches.ts';
import type { Span } from './sentences.ts';
import type { AgencyMention } from './targets.ts';

export type Statement = ExtractedLearning | ExtractedRecommendation;

export interface PlacedStatement {
  statement: Statement;
  /** Where the statement sits in the text; null when its text cannot be found there. */
  span: Span | null;
  /** Theme ids, in taxonomy order. */
  themes: string[];
  /** Per theme, its first match in the statement (document offsets; only when `span` is known). */
  firstMatch: Map<CompiledEntry, Span>;
  agencies: AgencyMention[];
}

export function placeStatements(
  text: string,
  entry: Span,
  statements: readonly Statement[],
  entryMatches: Matches,
  compiled: CompiledTaxonomy,
): Map<Statement, PlacedStatement> {
  const placed = new Map<Statement, PlacedStatement>();
  const inside: PlacedStatement[] = [];
  for (const statement of statements) {
    const span = statementSpan(text, entry, statement);
    const p: PlacedStatement = { statement, span, themes: [], firstMatch: new Map(), agencies: [] };
    placed.set(statement, p);
    if (span && span.start >= entry.start && span.end <= entry.end) inside.push(p);
    else if (span) assign(compiled, scanSpan(text, span, compiled), [p]);
    else
      assign(
        compiled,
        scanSpan(statement.text, { start: 0, end: statement.text.length }, compiled),
        [p],
        false,
      );
  }
  const { disjoint, overlapping } = splitOverlapping(inside);
  assign(compiled, entryMatches, disjoint);
  for (const p of overlapping) assign(compiled, entryMatches, [p]);
  for (const p of placed.values()) dropGeneric(compiled, p);
  return placed;
}

const genericCache = new WeakMap<CompiledTaxonomy, ReadonlySet<string>>();

function genericIds(compiled: CompiledTaxonomy): ReadonlySet<string> {
  let ids = genericCache.get(compiled);
  if (!ids) {
    ids = new Set(compiled.themes.filter((t) => t.generic).map((t) => t.id));
    genericCache.set(compiled, ids);
  }
  return ids;
}

/**
 * A generic theme ("training", "policy and procedures") describes what a statement is about only when the
 * statement names no specific theme: "training on harmful sexual behaviour" is about harmful sexual
 * behaviour.
 */
function dropGeneric(compiled: CompiledTaxonomy, p: PlacedStatement): void {
  const generic = genericIds(compiled);
  if (p.themes.every((id) => generic.has(id))) return;
  p.themes = p.themes.filter((id) => !generic.has(id));
  for (const theme of [...p.firstMatch.keys()]) if (theme.generic) p.firstMatch.delete(theme);
}

/** Files each theme and agency match under the statement it falls in. */
function assign(
  compiled: CompiledTaxonomy,
  matches: Matches,
  statements: PlacedStatement[],
  located = true,
): void {
  const spans = statements.map((s) => s.span ?? { start: 0, end: Number.MAX_SAFE_INTEGER });
  for (const theme of compiled.themes) {
    for (const m of matches.get(theme) ?? []) {
      const s = statements[containing(spans, m.start, m.end)];
      if (!s) continue;
      if (s.themes[s.themes.length - 1] !== theme.id) s.themes.push(theme.id);
      if (located && !s.firstMatch.has(theme)) s.firstMatch.set(theme, m);
    }
  }
  for (const agency of compiled.agencies) {
    for (const m of matches.get(agency) ?? []) {
      const s = statements[containing(spans, m.start, m.end)];
      if (s) s.agencies.push({ ...m, id: agency.id });
    }
  }
}

/** Sorted by position; statements overlapping an earlier one are set apart to be filed one by one. */
function splitOverlapping(statements: PlacedStatement[]): {
  disjoint: PlacedStatement[];
  overlapping: PlacedStatement[];
} {
  const sorted = [...statements].sort((a, b) => (a.span?.start ?? 0) - (b.span?.start ?? 0));
  const disjoint: PlacedStatement[] = [];
  const overlapping: PlacedStatement[] = [];
  for (const s of sorted) {
    const last = disjoint[disjoint.length - 1];
    if (last?.span && s.span && s.span.start < last.span.end) overlapping.push(s);
    else disjoint.push(s);
  }
  return { disjoint, overlapping };
}

function statementSpan(text: string, entry: Span, s: Statement): Span | null {
  if (s.start >= 0 && s.end <= text.length && s.end > s.start && text.slice(s.start, s.end) === s.text) {
    return { start: s.start, end: s.end };
  }
  if (s.text.length === 0) return null;
  const at = text.indexOf(s.text, entry.start);
  return at >= 0 ? { start: at, end: at + s.text.length } : null;
}
