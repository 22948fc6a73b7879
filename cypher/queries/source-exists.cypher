// Whether a source with this id is loaded (one row if it is).
// params: $sourceId
MATCH (s:Source)
WHERE s.id = $sourceId
RETURN s.id AS id
