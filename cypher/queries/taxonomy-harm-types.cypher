// Every harm type, by id.
// params: none
MATCH (h:HarmType)
RETURN h.id AS id, h.label AS label, h.description AS description
ORDER BY id
