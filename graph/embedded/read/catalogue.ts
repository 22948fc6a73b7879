/** Counts, sources and the taxonomy. */

import { compareBy } from '../../read-rules.ts';
import type { AgencyRecord, Sector, SourceRecord, TaxonRecord, ThemeRecord } from '../../records.ts';
import { NODE_LABELS, type NodeLabel, REL_TYPES, type RelType } from '../../schema/model.ts';
import type { GraphCounts, SourceReading, SourceSummary } from '../../store.ts';
import type { Row, Session } from '../database.ts';
import { int, text, textOrNull } from './values.ts';

export async function counts(session: Session): Promise<GraphCounts> {
  const nodes = {} as Record<NodeLabel, number>;
  for (const label of NODE_LABELS) {
    nodes[label] = int((await session.rows(`MATCH (n:${label}) RETURN count(*) AS n`))[0] ?? {}, 'n');
  }
  const relationships = {} as Record<RelType, number>;
  for (const type of REL_TYPES) {
    relationships[type] = int(
      (await session.rows(`MATCH ()-[r:${type}]->() RETURN count(*) AS n`))[0] ?? {},
      'n',
    );
  }
  return { nodes, relationships };
}

export const SOURCE_SUMMARY_COLUMNS =
  's.id AS id, s.title AS title, s.publisher AS publisher, s.published AS published, s.path AS path, ' +
  's.format AS format, s.kind AS kind, s.ingestedAt AS ingestedAt, s.sha256 AS sha256';

export function sourceSummary(row: Row): SourceSummary {
  return {
    id: text(row, 'id'),
    // A source stored before content hashes were has its content hash as its id.
    sha256: textOrNull(row, 'sha256') ?? text(row, 'id'),
    title: text(row, 'title'),
    publisher: textOrNull(row, 'publisher'),
    published: textOrNull(row, 'published'),
    path: text(row, 'path'),
    format: text(row, 'format'),
    kind: text(row, 'kind'),
    ingestedAt: text(row, 'ingestedAt'),
    caseCount: int(row, 'caseCount'),
  } satisfies Omit<SourceRecord, 'text'> & { caseCount: number };
}

export const compareSources = compareBy<SourceSummary>(
  (s) => s.path,
  (s) => s.id,
);

export async function listSources(session: Session): Promise<SourceSummary[]> {
  const rows = await session.rows(
    'MATCH (s:Source) OPTIONAL MATCH (c:CaseReview)-[:PUBLISHED_IN]->(s) ' +
      `WITH s, count(DISTINCT c) AS caseCount RETURN ${SOURCE_SUMMARY_COLUMNS}, caseCount AS caseCount`,
  );
  return rows.map(sourceSummary).sort(compareSources);
}

export async function sourceReadings(session: Session, ids: readonly string[]): Promise<SourceReading[]> {
  if (ids.length === 0) return [];
  const rows = await session.rows(
    // A source without ingestedAt is one a bulk load is still writing (write/bulk.ts): not stored yet.
    'UNWIND $ids AS i MATCH (s:Source) WHERE s.id = i AND s.ingestedAt IS NOT NULL ' +
      'RETURN s.id AS id, s.extractor AS extractor, s.extraction AS extraction',
    { ids: [...ids] },
  );
  return rows.map((row) => ({
    id: text(row, 'id'),
    extractor: textOrNull(row, 'extractor'),
    extraction: textOrNull(row, 'extraction'),
  }));
}

export async function sourceText(session: Session, sourceId: string): Promise<string | null> {
  const rows = await session.rows('MATCH (s:Source) WHERE s.id = $id RETURN s.text AS text', {
    id: sourceId,
  });
  return rows[0] ? textOrNull(rows[0], 'text') : null;
}

const byId = compareBy<{ id: string }>((x) => x.id);

export async function taxonomy(
  session: Session,
): Promise<{ harmTypes: TaxonRecord[]; agencies: AgencyRecord[]; themes: ThemeRecord[] }> {
  const taxon = (row: Row): TaxonRecord => ({
    id: text(row, 'id'),
    label: text(row, 'label'),
    description: text(row, 'description'),
  });
  const columns = 'n.id AS id, n.label AS label, n.description AS description';
  const harmTypes = (await session.rows(`MATCH (n:HarmType) RETURN ${columns}`)).map(taxon);
  const agencies = (await session.rows(`MATCH (n:Agency) RETURN ${columns}, n.sector AS sector`)).map(
    (row) => ({
      ...taxon(row),
      sector: text(row, 'sector') as Sector,
    }),
  );
  const themes = (await session.rows(`MATCH (n:Theme) RETURN ${columns}, n.\`group\` AS grp`)).map((row) => ({
    ...taxon(row),
    group: text(row, 'grp'),
  }));
  return { harmTypes: harmTypes.sort(byId), agencies: agencies.sort(byId), themes: themes.sort(byId) };
}
