/** The taxonomy's harm types, agencies and themes: created or updated in place; entries no longer listed stay. */
import type { TaxonomyRecords } from '../../records.ts';
import type { NodeLabel } from '../../schema/model.ts';
import { inTransaction, type Session } from '../database.ts';
import { existingIds, UnwindSink } from './sinks.ts';
import { chunks, type NodeRecord, nodeParamRow, updateNodesCypher } from './tables.ts';

export async function upsertTaxonomy(session: Session, taxonomy: TaxonomyRecords): Promise<void> {
  const parts: Array<[NodeLabel, readonly NodeRecord[]]> = [
    ['HarmType', taxonomy.harmTypes],
    ['Agency', taxonomy.agencies],
    ['Theme', taxonomy.themes],
  ];
  const sink = new UnwindSink(session, {
    pathOf: (id) => id,
    creates: () => new Set(),
    statementText: () => undefined,
  });
  await inTransaction(session, async () => {
    for (const [label, entries] of parts) {
      const latest = [...new Map(entries.map((e) => [e.id, e])).values()];
      const stored = await existingIds(
        session,
        label,
        latest.map((e) => e.id),
      );
      for (const part of chunks(latest.filter((e) => stored.has(e.id)))) {
        await session.run(updateNodesCypher(label), { rows: part.map((e) => nodeParamRow(label, e)) });
      }
      await sink.createNodes(
        label,
        latest.filter((e) => !stored.has(e.id)),
      );
    }
  });
}
