// Creates or updates learning statements, verbatim, with their offsets into the source text.
// $rows: [{id, text, sourceId, start, end}]
// params: $rows
UNWIND $rows AS row
MERGE (l:Learning {id: row.id})
SET
  l.text = row.text,
  l.sourceId = row.sourceId,
  l.start = toInteger(row.start),
  l.end = toInteger(row.end)
