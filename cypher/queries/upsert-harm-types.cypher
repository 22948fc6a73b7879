// Creates or updates harm types from the taxonomy; entries no longer in it are kept.
// params: $rows
UNWIND $rows AS row
MERGE (h:HarmType {id: row.id})
SET h.label = row.label, h.description = row.description
