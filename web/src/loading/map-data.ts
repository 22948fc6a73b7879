/**
 * The data behind the theme map: the bootstrap (stats, capabilities, themes, sources), the unfiltered
 * significant network that fixes the geography and the communities, the network of the view (its filters
 * and link thresholds) and the facet counts. Loads them and says when
 * each arrives; the host decides what to draw.
 */
import type { Api, ApiError } from '../api/client.ts';
import { ANALYTIC_NETWORK, type AnalyticNetwork } from '../api/network-queries.ts';
import { BOOTSTRAP, FACETS, type FacetSlices } from '../api/queries.ts';
import { sessionTokens } from '../api/tokens.ts';
import type { Capabilities, SourceSummary, Stats, ThemeSummary } from '../api/types.ts';
import {
  type FilterLabels,
  facetVariables,
  hasActiveFilters,
  toCaseFilter,
} from '../filters/filter-model.ts';
import { Geography } from '../map/geography.ts';
import type { StageState } from '../shell/status.ts';
import { LEVELS, type LinkThresholds, linkThresholds } from '../state/thresholds.ts';
import type { ViewState } from '../state/view-state.ts';

export interface Boot {
  stats: Stats;
  capabilities: Capabilities;
  themes: Map<string, ThemeSummary>;
  sources: Map<string, SourceSummary>;
}

export interface MapDataHost {
  api: Api;
  state(): ViewState;
  stage(state: StageState): void;
  /** The stage is (or is no longer) waiting for a network. */
  busy(busy: boolean): void;
  /** How many times the map has been drawn. */
  drawn(): number;
  askToken(retry: () => void, refused: boolean): void;
  booted(capabilities: Capabilities): void;
  networkLoaded(): void;
  facetsLoaded(): void;
  /** The bootstrap is done and the first network and facets are in. */
  ready(state: ViewState): void;
}

export class MapData {
  boot: Boot | null = null;
  labels: FilterLabels = { harmTypes: new Map(), agencies: new Map(), sources: new Map() };
  readonly geography = new Geography();
  network: AnalyticNetwork | null = null;
  /** The thresholds the current network was asked with. */
  thresholds: LinkThresholds = BASE_THRESHOLDS;
  facets: FacetSlices | null = null;
  private readonly seq = { network: 0, facets: 0 };

  constructor(private readonly host: MapDataHost) {}

  async bootstrap(): Promise<void> {
    this.host.stage({ kind: 'loading', what: 'the theme map' });
    const result = await this.host.api.request(BOOTSTRAP, {});
    if (!result.ok) return this.failed(result.error, () => void this.bootstrap());
    const data = result.data;
    this.boot = {
      stats: data.stats,
      capabilities: data.capabilities,
      themes: new Map(data.themes.map((t) => [t.id, t])),
      sources: new Map(data.sources.map((s) => [s.id, s])),
    };
    this.labels = { ...this.labels, sources: new Map(data.sources.map((s) => [s.id, s.title])) };
    this.host.booted(data.capabilities);
    const base = await this.loadBase();
    if (!base) return;
    const state = this.host.state();
    await Promise.all([this.loadNetwork(state, base), this.loadFacets(state)]);
    this.host.ready(state);
  }

  /** The unfiltered significant network fixes the geography; every view reuses its positions. */
  private async loadBase(): Promise<AnalyticNetwork | null> {
    const result = await this.host.api.request(ANALYTIC_NETWORK, { filter: {}, ...BASE_THRESHOLDS });
    if (!result.ok) {
      this.failed(result.error, () => void this.bootstrap());
      return null;
    }
    const t0 = performance.now();
    this.geography.place(result.data.themeNetwork);
    performance.measure('threadline:layout', { start: t0, end: performance.now() });
    return result.data.themeNetwork;
  }

  async loadNetwork(state: ViewState, base?: AnalyticNetwork): Promise<void> {
    const seq = ++this.seq.network;
    if (this.host.drawn() === 0) this.host.stage({ kind: 'loading', what: 'the theme map' });
    this.host.busy(true);
    const thresholds = linkThresholds(state);
    let network: AnalyticNetwork;
    if (base && !hasActiveFilters(state.filters) && sameThresholds(thresholds, BASE_THRESHOLDS))
      network = base;
    else {
      const result = await this.host.api.request(ANALYTIC_NETWORK, {
        filter: toCaseFilter(state.filters),
        ...thresholds,
      });
      if (seq !== this.seq.network) return;
      if (!result.ok) return this.failed(result.error, () => void this.loadNetwork(this.host.state()));
      network = result.data.themeNetwork;
    }
    this.host.busy(false);
    this.network = network;
    this.thresholds = thresholds;
    this.host.networkLoaded();
  }

  async loadFacets(state: ViewState): Promise<void> {
    const seq = ++this.seq.facets;
    const result = await this.host.api.request(FACETS, facetVariables(state.filters));
    if (seq !== this.seq.facets) return;
    if (!result.ok) {
      if (result.error.kind === 'unauthorised')
        this.failed(result.error, () => void this.loadFacets(this.host.state()));
      return;
    }
    this.facets = result.data;
    this.labels = {
      harmTypes: new Map(result.data.harmTypes.harmTypes.map((v) => [v.id, v.label])),
      agencies: new Map(result.data.agencies.agencies.map((v) => [v.id, v.label])),
      sources: this.labels.sources,
    };
    this.host.facetsLoaded();
  }

  private failed(error: ApiError, retry: () => void): void {
    if (error.kind === 'aborted') return;
    if (error.kind === 'unauthorised') {
      this.host.stage({ kind: 'loading', what: 'the theme map (waiting for the API token)' });
      // A token already stored and still refused was wrong: say so, and forget it.
      const refused = sessionTokens.apiToken() !== null;
      if (refused) sessionTokens.setApiToken(null);
      this.host.askToken(retry, refused);
      return;
    }
    this.host.stage({ kind: 'error', error, retry });
  }
}

/** The API's defaults: the significant backbone of the whole collection. */
const BASE_THRESHOLDS: LinkThresholds = {
  minShared: LEVELS.significant.minShared,
  minLift: LEVELS.significant.minLift,
  maxP: LEVELS.significant.maxP,
};

function sameThresholds(a: LinkThresholds, b: LinkThresholds): boolean {
  return a.minShared === b.minShared && a.minLift === b.minLift && a.maxP === b.maxP;
}
