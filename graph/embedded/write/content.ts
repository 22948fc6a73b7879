/** What a load writes, worked out once for both paths: records per node id, links by type, new vs stored. */
import type { LinkRecord, SourceBatch, SourceRecord, StatementRecord } from '../../records.ts';
import { type NodeLabel, REL_TYPES, type RelType } from '../../schema/model.ts';
import type { Session } from '../database.ts';
import { existingIds, type LoadContext, type RowSink } from './sinks.ts';
import { chunks, type NodeRecord, nodeParamRow, updateNodesCypher } from './tables.ts';

/** Everything a load writes: one record per node id (the latest wins), links grouped by type. */
export interface LoadContent {
  batches: readonly SourceBatch[];
  sources: SourceRecord[];
  nodes: Record<ContentLabel, NodeRecord[]>;
  /** The statements by id, per label (the same maps the latest-wins merge built). */
  statements: Record<'Learning' | 'Recommendation', Map<string, StatementRecord>>;
  links: Map<RelType, LinkRecord[]>;
  /** Per relationship type, the distinct ids its links end at (taxonomy ends are checked before writing). */
  targets: Map<RelType, Set<string>>;
}

export const CONTENT_LABELS = ['CaseReview', 'Learning', 'Recommendation'] as const;
type ContentLabel = (typeof CONTENT_LABELS)[number];

function latestOf<T extends { id: string }>(batches: readonly SourceBatch[], pick: (b: SourceBatch) => T[]) {
  const latest = new Map<string, T>();
  for (const b of batches) for (const record of pick(b)) latest.set(record.id, record);
  return latest;
}

/** One pass over the links, one over each kind of node. */
export function contentOf(batches: readonly SourceBatch[]): LoadContent {
  const links = new Map<RelType, LinkRecord[]>();
  const targets = new Map<RelType, Set<string>>();
  for (const type of REL_TYPES) {
    links.set(type, []);
    targets.set(type, new Set());
  }
  for (const b of batches) {
    for (const link of b.links) {
      links.get(link.type)?.push(link);
      targets.get(link.type)?.add(link.to);
    }
  }
  const learning = latestOf(batches, (b) => b.learning);
  const recommendations = latestOf(batches, (b) => b.recommendations);
  return {
    batches,
    sources: batches.map((b) => b.source),
    nodes: {
      CaseReview: [...latestOf(batches, (b) => b.cases).values()],
      Learning: [...learning.values()],
      Recommendation: [...recommendations.values()],
    },
    statements: { Learning: learning, Recommendation: recommendations },
    links,
    targets,
  };
}

/**
 * The content of some of the batches of `whole`, each node as `whole` has it: a case review another batch
 * of the load also publishes keeps the latest record of the whole load, whichever part writes it.
 */
export function partOf(whole: LoadContent, batches: readonly SourceBatch[]): LoadContent {
  const part = contentOf(batches);
  for (const label of CONTENT_LABELS) {
    const latest = new Map(whole.nodes[label].map((n) => [n.id, n]));
    part.nodes[label] = part.nodes[label].map((n) => latest.get(n.id) ?? n);
  }
  return part;
}

export function loadContext(content: LoadContent): LoadContext {
  const paths = new Map(content.sources.map((s) => [s.id, s.path]));
  // Id sets are only needed to explain a failure, so they are built on first use.
  const ids = new Map<NodeLabel, Set<string>>();
  const idsOf = (label: NodeLabel): Set<string> => {
    let set = ids.get(label);
    if (!set) {
      const records: readonly { id: string }[] =
        label === 'Source'
          ? content.sources
          : label in content.nodes
            ? content.nodes[label as ContentLabel]
            : [];
      set = new Set(records.map((r) => r.id));
      ids.set(label, set);
    }
    return set;
  };
  return {
    pathOf: (sourceId) => paths.get(sourceId) ?? sourceId,
    creates: idsOf,
    statementText: (label, id) => content.statements[label].get(id)?.text,
  };
}

/** Which records of the content already exist (to update) and which are new (to create). */
export async function splitByPresence(session: Session, content: LoadContent) {
  const create = {} as LoadContent['nodes'];
  const update = {} as LoadContent['nodes'];
  for (const label of CONTENT_LABELS) {
    const records = content.nodes[label];
    // Loading into an empty table (the first big import) needs no lookups at all.
    const [count] = await session.rows(`MATCH (n:${label}) RETURN count(*) AS n`);
    const stored =
      Number(count?.n ?? 0) === 0
        ? new Set<string>()
        : await existingIds(
            session,
            label,
            records.map((r) => r.id),
          );
    create[label] = records.filter((r) => !stored.has(r.id));
    update[label] = records.filter((r) => stored.has(r.id));
  }
  return { create, update };
}

export async function updateNodes(session: Session, update: LoadContent['nodes']): Promise<void> {
  for (const label of CONTENT_LABELS) {
    for (const part of chunks(update[label])) {
      await session.run(updateNodesCypher(label), { rows: part.map((r) => nodeParamRow(label, r)) });
    }
  }
}

/** Sources, then new nodes, then links (every end exists before a link to it is written). */
export async function createContent(
  sink: RowSink,
  sources: readonly NodeRecord[],
  create: LoadContent['nodes'],
  links: LoadContent['links'],
): Promise<void> {
  if (sources.length > 0) await sink.createNodes('Source', sources);
  for (const label of CONTENT_LABELS)
    if (create[label].length > 0) await sink.createNodes(label, create[label]);
  for (const type of REL_TYPES) {
    const list = links.get(type) ?? [];
    if (list.length > 0) await sink.createLinks(type, list);
  }
  await sink.flush();
}
