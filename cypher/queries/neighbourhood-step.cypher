// One breadth-first step: the not yet seen neighbours (either direction, any type) of the frontier nodes,
// at most $limit of them, by label and id.
// params: $frontier, $seen, $limit
UNWIND $frontier AS frontierId
MATCH (n)--(m)
WHERE elementId(n) = frontierId AND NOT elementId(m) IN $seen
WITH DISTINCT m
RETURN
  elementId(m) AS elementId,
  labels(m)[0] AS label,
  m.id AS id,
  coalesce(m.label, m.title, m.text, m.id) AS caption
ORDER BY label, id
LIMIT $limit
