// Every learning theme, by id.
// params: none
MATCH (t:Theme)
RETURN t.id AS id, t.label AS label, t.description AS description, t.group AS group
ORDER BY id
