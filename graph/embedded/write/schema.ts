/** Creating the tables of graph/schema/model.ts, and adding columns a database made by an older model lacks. */
import { addColumnDdl, ladybugDdl, tableColumns } from '../../schema/ladybug.ts';
import { NODE_LABELS, REL_TYPES } from '../../schema/model.ts';
import type { Session } from '../database.ts';
import { text } from '../read/values.ts';

export async function ensureSchema(session: Session): Promise<void> {
  for (const ddl of ladybugDdl()) await session.run(ddl);
  for (const table of [...NODE_LABELS, ...REL_TYPES]) {
    const present = new Set(
      (await session.rows(`CALL table_info('${table}') RETURN name AS name`)).map((row) => text(row, 'name')),
    );
    for (const column of tableColumns(table)) {
      if (!present.has(column.name)) await session.run(addColumnDdl(table, column));
    }
  }
}
