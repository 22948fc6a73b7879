// Creates or updates learning themes from the taxonomy; entries no longer in it are kept.
// params: $rows
UNWIND $rows AS row
MERGE (t:Theme {id: row.id})
SET t.label = row.label, t.description = row.description, t.group = row.group
