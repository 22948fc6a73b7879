// Every agency, by id.
// params: none
MATCH (a:Agency)
RETURN a.id AS id, a.label AS label, a.description AS description, a.sector AS sector
ORDER BY id
