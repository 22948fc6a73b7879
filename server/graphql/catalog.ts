/**
 * Taxonomy entries as the API shows them (HarmType, Agency, Theme objects), each with its case count under
 * the filter it was asked with (case reviews only, without one). Theme views remember that filter so
 * Theme.cases/related stay inside it.
 */

import {
  isEmptyFilter,
  type ListField,
  type NormalizedFilter,
  normalizeFilter,
} from '../analytics/filter.ts';
import type { AnalyticsIndex } from '../analytics/index.ts';
import { populationFilter } from '../analytics/population.ts';

export interface TaxonView {
  id: string;
  label: string;
  description: string | null;
  caseCount: number;
}

export interface AgencyView extends TaxonView {
  sector: string;
}

export interface ThemeView extends TaxonView {
  group: string | null;
  /** The filter this theme was listed under (null = none). */
  scope: NormalizedFilter | null;
}

type Kind = 'harmTypes' | 'agencies' | 'themes';

interface Entry {
  id: string;
  label: string;
  description: string | null;
  sector?: string;
  group?: string;
}

const catalogs = new WeakMap<AnalyticsIndex, Catalog>();

export function catalogOf(index: AnalyticsIndex): Catalog {
  let catalog = catalogs.get(index);
  if (!catalog) {
    catalog = new Catalog(index);
    catalogs.set(index, catalog);
  }
  return catalog;
}

export class Catalog {
  private readonly entries: Record<Kind, Map<string, Entry>>;
  private readonly overall: Record<Kind, Map<string, number>>;

  constructor(private readonly index: AnalyticsIndex) {
    const t = index.taxonomy;
    this.entries = {
      harmTypes: new Map(t.harmTypes.map((e) => [e.id, { ...e }])),
      agencies: new Map(t.agencies.map((e) => [e.id, { ...e }])),
      themes: new Map(t.themes.map((e) => [e.id, { ...e }])),
    };
    // Counts follow the analytics population: national publications only when asked for.
    const population = populationFilter(normalizeFilter(null));
    this.overall = {
      harmTypes: index.countBy('harmTypes', population),
      agencies: index.countBy('agencies', population),
      themes: index.countBy('themes', population),
    };
    // Ids met in cases (national publications' too) but missing from the taxonomy still get an entry,
    // labelled by their id.
    for (const kind of ['harmTypes', 'agencies', 'themes'] as const) {
      for (const id of index.countBy(kind).keys()) {
        if (!this.entries[kind].has(id)) this.entries[kind].set(id, { id, label: id, description: null });
      }
    }
  }

  has(kind: Kind, id: string): boolean {
    return this.entries[kind].has(id);
  }

  harmType(id: string, fallbackLabel?: string): TaxonView {
    const e = this.entry('harmTypes', id, fallbackLabel);
    return { id, label: e.label, description: e.description, caseCount: this.overall.harmTypes.get(id) ?? 0 };
  }

  agency(id: string, fallbackLabel?: string): AgencyView {
    const e = this.entry('agencies', id, fallbackLabel);
    return {
      id,
      label: e.label,
      description: e.description,
      sector: e.sector ?? 'other',
      caseCount: this.overall.agencies.get(id) ?? 0,
    };
  }

  theme(id: string, fallbackLabel?: string): ThemeView {
    const e = this.entry('themes', id, fallbackLabel);
    return {
      id,
      label: e.label,
      description: e.description,
      group: e.group ?? null,
      caseCount: this.overall.themes.get(id) ?? 0,
      scope: null,
    };
  }

  /** Every entry of a kind with its count under `filter`, most cases first, then by label. */
  list(kind: 'harmTypes', filter: NormalizedFilter): TaxonView[];
  list(kind: 'agencies', filter: NormalizedFilter): AgencyView[];
  list(kind: 'themes', filter: NormalizedFilter): ThemeView[];
  list(kind: Kind, filter: NormalizedFilter): TaxonView[] {
    const counts = this.index.countBy(kind as ListField, filter);
    const scope = isEmptyFilter(filter) ? null : filter;
    const views = [...this.entries[kind].keys()].map((id) => {
      const base =
        kind === 'harmTypes' ? this.harmType(id) : kind === 'agencies' ? this.agency(id) : this.theme(id);
      return { ...base, caseCount: counts.get(id) ?? 0, ...(kind === 'themes' ? { scope } : {}) };
    });
    return views.sort((a, b) => b.caseCount - a.caseCount || a.label.localeCompare(b.label));
  }

  label(kind: Kind, id: string): string {
    return this.entries[kind].get(id)?.label ?? id;
  }

  private entry(kind: Kind, id: string, fallbackLabel?: string): Entry {
    return this.entries[kind].get(id) ?? { id, label: fallbackLabel ?? id, description: null };
  }
}
