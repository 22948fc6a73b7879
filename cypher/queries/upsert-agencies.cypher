// Creates or updates agencies from the taxonomy; entries no longer in it are kept.
// params: $rows
UNWIND $rows AS row
MERGE (a:Agency {id: row.id})
SET a.label = row.label, a.description = row.description, a.sector = row.sector
