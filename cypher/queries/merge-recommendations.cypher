// Creates or updates recommendations, verbatim, with their offsets into the source text.
// $rows: [{id, text, sourceId, start, end}]
// params: $rows
UNWIND $rows AS row
MERGE (m:Recommendation {id: row.id})
SET
  m.text = row.text,
  m.sourceId = row.sourceId,
  m.start = toInteger(row.start),
  m.end = toInteger(row.end)
