/**
 * Search over the taxonomy's own words: a theme, agency or harm type is found when the query names its
 * label or one of its synonyms, in any case and inflection ("drowned" finds Drowning, "health visitor"
 * finds Health visiting). Built once per taxonomy; each query is a scan of a few thousand short phrases.
 */
import { compareText, SEARCH_KIND_ORDER } from '../../graph/read-rules.ts';
import type { SearchHit } from '../../graph/store.ts';
import type { TaxonEntry, Taxonomy } from '../../ingest/index.ts';
import { stem, words } from './stem.ts';

export type TaxonKind = 'theme' | 'harmType' | 'agency';

/** How well a query names an entry; lower is better. */
export const TAXON_TIERS = {
  exactLabel: 0,
  labelPrefix: 1,
  synonym: 2,
  /** The query's words appear together inside the label or a synonym ("hidden men" in a longer label). */
  withinPhrase: 3,
} as const;

/** A phrase as words and their stems, both in order. */
interface Phrase {
  words: string[];
  stems: string[];
}

interface SearchableTaxon {
  kind: TaxonKind;
  id: string;
  label: string;
  labelPhrase: Phrase;
  synonyms: Phrase[];
}

export interface TaxonSearch {
  /** Every entry the query names, best first (tier, then theme / harm type / agency, then label). */
  find(text: string): SearchHit[];
}

function phraseOf(text: string): Phrase {
  const w = words(text);
  return { words: w, stems: w.map(stem) };
}

function searchable(kind: TaxonKind, entry: TaxonEntry): SearchableTaxon {
  return {
    kind,
    id: entry.id,
    label: entry.label,
    labelPhrase: phraseOf(entry.label),
    synonyms: entry.synonyms.map(phraseOf),
  };
}

/** A half-typed last word shorter than this is not taken as the start of a longer one ("a" is not "abuse"). */
const MIN_PARTIAL = 3;

/**
 * Word `i` of the query against word `j` of the phrase: the same stem, or, for the last query word when
 * `partialLast`, the start of the phrase's word as written ("health vis" while typing "health visiting").
 * Stems are not compared by prefix: "police" would then start "policy".
 */
function wordMatches(query: Phrase, i: number, phrase: Phrase, j: number, partialLast: boolean): boolean {
  const qs = query.stems[i];
  const ps = phrase.stems[j];
  if (qs === undefined || ps === undefined) return false;
  if (qs === ps) return true;
  if (!partialLast || i !== query.stems.length - 1) return false;
  const qw = query.words[i] ?? '';
  return qw.length >= MIN_PARTIAL && (phrase.words[j] ?? '').startsWith(qw);
}

/** The query's words match the phrase's words from position `at` on. */
function matchesAt(query: Phrase, phrase: Phrase, at: number, partialLast: boolean): boolean {
  if (at + query.stems.length > phrase.stems.length) return false;
  return query.stems.every((_, i) => wordMatches(query, i, phrase, at + i, partialLast));
}

function equals(query: Phrase, phrase: Phrase): boolean {
  return query.stems.length === phrase.stems.length && matchesAt(query, phrase, 0, false);
}

function startsWith(query: Phrase, phrase: Phrase): boolean {
  return matchesAt(query, phrase, 0, true);
}

function within(query: Phrase, phrase: Phrase): boolean {
  for (let at = 1; at + query.stems.length <= phrase.stems.length; at++) {
    if (matchesAt(query, phrase, at, false)) return true;
  }
  return false;
}

function tierOf(query: Phrase, taxon: SearchableTaxon): number | null {
  const label = taxon.labelPhrase;
  if (equals(query, label)) return TAXON_TIERS.exactLabel;
  if (startsWith(query, label)) return TAXON_TIERS.labelPrefix;
  if (taxon.synonyms.some((s) => equals(query, s) || startsWith(query, s))) return TAXON_TIERS.synonym;
  // A lone short word ("a", "of") is inside too many phrases to say anything.
  if (query.words.join('').length < MIN_PARTIAL) return null;
  if (within(query, label) || taxon.synonyms.some((s) => within(query, s))) return TAXON_TIERS.withinPhrase;
  return null;
}

export function taxonSearch(taxonomy: Taxonomy): TaxonSearch {
  const taxa: SearchableTaxon[] = [
    ...taxonomy.themes.map((e) => searchable('theme', e)),
    ...taxonomy.harmTypes.map((e) => searchable('harmType', e)),
    ...taxonomy.agencies.map((e) => searchable('agency', e)),
  ];
  return {
    find(text) {
      const query = phraseOf(text);
      if (query.stems.length === 0) return [];
      const found: Array<{ taxon: SearchableTaxon; tier: number }> = [];
      for (const taxon of taxa) {
        const tier = tierOf(query, taxon);
        if (tier !== null) found.push({ taxon, tier });
      }
      return found
        .sort(
          (a, b) =>
            a.tier - b.tier ||
            SEARCH_KIND_ORDER.indexOf(a.taxon.kind) - SEARCH_KIND_ORDER.indexOf(b.taxon.kind) ||
            compareText(a.taxon.label, b.taxon.label) ||
            compareText(a.taxon.id, b.taxon.id),
        )
        .map(({ taxon }) => ({ kind: taxon.kind, id: taxon.id, caption: taxon.label, caseId: null }));
    },
  };
}
