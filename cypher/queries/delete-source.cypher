// Removes the source node itself (its contributions are removed first).
// params: $sourceId
MATCH (s:Source)
WHERE s.id = $sourceId
DETACH DELETE s
