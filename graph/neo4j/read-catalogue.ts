/** Reads about what is loaded: counts, sources, their text, the taxonomy. */
import { compareBy } from '../read-rules.ts';
import type { AgencyRecord, TaxonRecord, ThemeRecord } from '../records.ts';
import { NODE_LABELS, type NodeLabel, REL_TYPES, type RelType } from '../schema/model.ts';
import type { GraphCounts, SourceReading, SourceSummary } from '../store.ts';
import { readerOf, SECTORS, sourceSummaryOf } from './rows.ts';
import type { QueryRunner } from './session.ts';

function tally<K extends string>(
  keys: readonly K[],
  rows: Array<{ name: string; total: number }>,
): Record<K, number> {
  const totals = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const { name, total } of rows) {
    if ((keys as readonly string[]).includes(name)) totals[name as K] = total;
  }
  return totals;
}

async function nameTotals(q: QueryRunner, query: 'count-nodes' | 'count-relationships') {
  return (await q.run(query))
    .map(readerOf(query))
    .map((r) => ({ name: r.str('name'), total: r.num('total') }));
}

export async function countsIn(q: QueryRunner): Promise<GraphCounts> {
  const nodes = await nameTotals(q, 'count-nodes');
  const relationships = await nameTotals(q, 'count-relationships');
  return {
    nodes: tally<NodeLabel>(NODE_LABELS, nodes),
    relationships: tally<RelType>(REL_TYPES, relationships),
  };
}

export const compareSources = compareBy<SourceSummary>(
  (s) => s.path,
  (s) => s.id,
);
const byId = compareBy<{ id: string }>((x) => x.id);

export async function listSourcesIn(q: QueryRunner): Promise<SourceSummary[]> {
  return (await q.run('list-sources'))
    .map(readerOf('list-sources'))
    .map(sourceSummaryOf)
    .sort(compareSources);
}

export async function sourceReadingsIn(q: QueryRunner, ids: readonly string[]): Promise<SourceReading[]> {
  if (ids.length === 0) return [];
  return (await q.run('source-readings', { ids: [...ids] })).map(readerOf('source-readings')).map((r) => ({
    id: r.str('id'),
    extractor: r.strOrNull('extractor'),
    extraction: r.strOrNull('extraction'),
  }));
}

export async function sourceTextIn(q: QueryRunner, sourceId: string): Promise<string | null> {
  const [row] = await q.run('source-text', { sourceId });
  return row ? readerOf('source-text')(row).strOrNull('text') : null;
}

export async function taxonomyIn(
  q: QueryRunner,
): Promise<{ harmTypes: TaxonRecord[]; agencies: AgencyRecord[]; themes: ThemeRecord[] }> {
  const harmTypes = (await q.run('taxonomy-harm-types')).map(readerOf('taxonomy-harm-types')).map((r) => ({
    id: r.str('id'),
    label: r.str('label'),
    description: r.strOrNull('description') ?? '',
  }));
  const agencies = (await q.run('taxonomy-agencies')).map(readerOf('taxonomy-agencies')).map((r) => ({
    id: r.str('id'),
    label: r.str('label'),
    description: r.strOrNull('description') ?? '',
    sector: r.oneOf('sector', SECTORS),
  }));
  const themes = (await q.run('taxonomy-themes')).map(readerOf('taxonomy-themes')).map((r) => ({
    id: r.str('id'),
    label: r.str('label'),
    description: r.strOrNull('description') ?? '',
    group: r.strOrNull('group') ?? '',
  }));
  return { harmTypes: harmTypes.sort(byId), agencies: agencies.sort(byId), themes: themes.sort(byId) };
}
