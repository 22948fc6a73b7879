// The relationships whose two ends are both among the given nodes, one row per type and pair.
// params: $elementIds
UNWIND $elementIds AS startElementId
MATCH (a)-[r]->(b)
WHERE elementId(a) = startElementId AND elementId(b) IN $elementIds
RETURN DISTINCT
  type(r) AS type,
  labels(a)[0] AS fromLabel,
  a.id AS fromId,
  labels(b)[0] AS toLabel,
  b.id AS toId
ORDER BY type, fromLabel, fromId, toLabel, toId
