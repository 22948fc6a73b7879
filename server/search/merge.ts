/** How the taxonomy's hits and the store's hits become one answer. */
import type { SearchHit } from '../../graph/store.ts';

/** The taxonomy ids a graph holds, by hit kind: a taxon hit is only useful if the graph has that node. */
export interface KnownTaxa {
  theme: ReadonlySet<string>;
  harmType: ReadonlySet<string>;
  agency: ReadonlySet<string>;
}

interface TaxonomyIds {
  themes: readonly { id: string }[];
  harmTypes: readonly { id: string }[];
  agencies: readonly { id: string }[];
}

/** One set per graph taxonomy (an analytics index keeps its own until it is rebuilt). */
const knownByTaxonomy = new WeakMap<TaxonomyIds, KnownTaxa>();

export function knownTaxa(taxonomy: TaxonomyIds): KnownTaxa {
  const cached = knownByTaxonomy.get(taxonomy);
  if (cached) return cached;
  const ids = (list: readonly { id: string }[]) => new Set(list.map((t) => t.id));
  const known = {
    theme: ids(taxonomy.themes),
    harmType: ids(taxonomy.harmTypes),
    agency: ids(taxonomy.agencies),
  };
  knownByTaxonomy.set(taxonomy, known);
  return known;
}

function isKnown(known: KnownTaxa, hit: SearchHit): boolean {
  if (hit.kind === 'theme' || hit.kind === 'harmType' || hit.kind === 'agency')
    return known[hit.kind].has(hit.id);
  return false;
}

/**
 * Taxon hits first (they are what the analyst named), then the store's, each kind and id once, at most
 * `limit`. A store hit for a taxon already found by its words is the same node and is dropped.
 */
export function mergeSearchHits(
  taxa: readonly SearchHit[],
  stored: readonly SearchHit[],
  known: KnownTaxa,
  limit: number,
): SearchHit[] {
  const seen = new Set<string>();
  const merged: SearchHit[] = [];
  for (const hit of [...taxa.filter((h) => isKnown(known, h)), ...stored]) {
    const key = `${hit.kind}\u0000${hit.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    merged.push(hit);
    if (merged.length >= limit) break;
  }
  return merged;
}
