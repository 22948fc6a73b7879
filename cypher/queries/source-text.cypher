// The normalised text of one source, which evidence offsets point into.
// params: $sourceId
MATCH (s:Source)
WHERE s.id = $sourceId
RETURN s.text AS text
