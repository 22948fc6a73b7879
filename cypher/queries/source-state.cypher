// Before a load: is this source id already loaded, and which other sources came from the same path?
// params: $sourceId, $path
OPTIONAL MATCH (same:Source)
WHERE same.id = $sourceId
WITH count(same) AS present
OPTIONAL MATCH (other:Source)
WHERE other.path = $path AND other.id <> $sourceId
RETURN present > 0 AS present, collect(other.id) AS samePath
