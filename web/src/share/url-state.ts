/**
 * ViewState <-> URL query string. Defaults are left out so links stay short; anything unreadable in a
 * hand-edited link is dropped rather than breaking the page.
 */
import { AGE_BANDS, OUTCOMES, REVIEW_TYPES } from '../api/types.ts';
import {
  DEFAULT_STATE,
  type Filters,
  type LinkLevel,
  type Selection,
  type SizeBy,
  type View,
  type ViewState,
} from '../state/view-state.ts';
import { readViewParams, writeViewParams } from '../views/view-params.ts';

const LIST_SEPARATOR = ',';
const LINK_LEVELS: readonly LinkLevel[] = ['strongest', 'significant', 'suggestive', 'all'];
const SIZE_MEASURES: readonly SizeBy[] = ['reviews', 'weightedDegree', 'betweenness', 'pageRank'];
const PAIR_SEPARATOR = '|';

export function stateToQuery(state: ViewState): string {
  const p = new URLSearchParams();
  if (state.view !== DEFAULT_STATE.view) p.set('view', state.view);
  writeFilters(p, state.filters);
  if (state.minShared !== null) p.set('min', String(state.minShared));
  if (state.linkLevel !== DEFAULT_STATE.linkLevel) p.set('links', state.linkLevel);
  if (state.sizeBy !== DEFAULT_STATE.sizeBy) p.set('size', state.sizeBy);
  if (state.bridges) p.set('bridges', '1');
  if (state.weighting !== DEFAULT_STATE.weighting) p.set('weight', state.weighting);
  writeSelection(p, state.selection);
  if (state.graphRoots.length) p.set('roots', state.graphRoots.join(LIST_SEPARATOR));
  if (state.graphPath) p.set('path', `${state.graphPath.from}${PAIR_SEPARATOR}${state.graphPath.to}`);
  if (state.presenting) p.set('present', '1');
  // Presenting implies room-safe unless it was turned off, which the link must then say.
  if (state.roomSafe && !state.presenting) p.set('safe', '1');
  if (!state.roomSafe && state.presenting) p.set('safe', '0');
  if (state.safeMinShared !== DEFAULT_STATE.safeMinShared) p.set('safemin', String(state.safeMinShared));
  if (state.webgl) p.set('webgl', '1');
  writeViewParams(p, state.views);
  const text = p.toString();
  return text ? `?${text}` : '';
}

export function queryToState(query: string): ViewState {
  const p = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query);
  return {
    view: readView(p.get('view')),
    filters: readFilters(p),
    minShared: positiveInt(p.get('min')),
    linkLevel: LINK_LEVELS.find((l) => l === p.get('links')) ?? DEFAULT_STATE.linkLevel,
    sizeBy: SIZE_MEASURES.find((m) => m === p.get('size')) ?? DEFAULT_STATE.sizeBy,
    bridges: p.get('bridges') === '1',
    weighting: p.get('weight') === 'lift' ? 'lift' : 'shared',
    selection: readSelection(p),
    graphRoots: list(p.get('roots')).filter(isNodeRef),
    graphPath: readPath(p.get('path')),
    presenting: p.get('present') === '1',
    roomSafe: p.get('safe') === '1' || (p.get('present') === '1' && p.get('safe') !== '0'),
    safeMinShared: positiveInt(p.get('safemin')) ?? DEFAULT_STATE.safeMinShared,
    webgl: p.get('webgl') === '1',
    views: readViewParams(p),
  };
}

const VIEWS: readonly View[] = ['map', 'graph', 'trends', 'compare', 'recommendations'];

function readView(value: string | null): View {
  return VIEWS.find((v) => v === value) ?? 'map';
}

function writeFilters(p: URLSearchParams, f: Filters): void {
  const lists: Array<[string, readonly string[]]> = [
    ['harm', f.harmTypes],
    ['agency', f.agencies],
    ['outcome', f.outcome],
    ['age', f.ageBands],
    ['type', f.reviewTypes],
    ['source', f.sources],
  ];
  for (const [key, values] of lists) if (values.length) p.set(key, values.join(LIST_SEPARATOR));
  if (f.yearFrom !== null) p.set('from', String(f.yearFrom));
  if (f.yearTo !== null) p.set('to', String(f.yearTo));
}

function readFilters(p: URLSearchParams): Filters {
  return {
    harmTypes: list(p.get('harm')),
    agencies: list(p.get('agency')),
    outcome: list(p.get('outcome')).filter(member(OUTCOMES)),
    ageBands: list(p.get('age')).filter(member(AGE_BANDS)),
    reviewTypes: list(p.get('type')).filter(member(REVIEW_TYPES)),
    sources: list(p.get('source')),
    yearFrom: year(p.get('from')),
    yearTo: year(p.get('to')),
  };
}

function writeSelection(p: URLSearchParams, selection: Selection): void {
  if (!selection) return;
  if (selection.kind === 'link') p.set('link', `${selection.source}${PAIR_SEPARATOR}${selection.target}`);
  else p.set(selection.kind, selection.id);
}

function readSelection(p: URLSearchParams): Selection {
  const theme = p.get('theme');
  if (theme) return { kind: 'theme', id: theme };
  const review = p.get('case');
  if (review) return { kind: 'case', id: review };
  const pair = splitPair(p.get('link'));
  return pair ? { kind: 'link', source: pair[0], target: pair[1] } : null;
}

function readPath(value: string | null): { from: string; to: string } | null {
  const pair = splitPair(value);
  return pair && isNodeRef(pair[0]) && isNodeRef(pair[1]) ? { from: pair[0], to: pair[1] } : null;
}

function splitPair(value: string | null): [string, string] | null {
  if (!value) return null;
  const at = value.indexOf(PAIR_SEPARATOR);
  if (at <= 0 || at === value.length - 1) return null;
  return [value.slice(0, at), value.slice(at + 1)];
}

function list(value: string | null): string[] {
  if (!value) return [];
  const items = value
    .split(LIST_SEPARATOR)
    .map((v) => v.trim())
    .filter(Boolean);
  return [...new Set(items)];
}

function member<T extends string>(allowed: readonly T[]): (v: string) => v is T {
  return (v: string): v is T => (allowed as readonly string[]).includes(v);
}

function isNodeRef(value: string): boolean {
  return /^[A-Za-z]+:.+/.test(value);
}

function positiveInt(value: string | null): number | null {
  if (value === null || !/^\d{1,4}$/.test(value)) return null;
  const n = Number(value);
  return n >= 1 ? n : null;
}

function year(value: string | null): number | null {
  if (value === null || !/^\d{4}$/.test(value)) return null;
  return Number(value);
}
