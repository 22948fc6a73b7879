// All shortest paths between two nodes, either direction, at most $maxHops relationships long (the pattern
// itself stops at 10: hop bounds cannot be parameters). A path met several times through parallel links
// (the same link evidenced by several sources) is returned once. Ordered by the ids along the path.
// params: $fromElementId, $toElementId, $maxHops, $limit
MATCH (a)
WHERE elementId(a) = $fromElementId
MATCH (b)
WHERE elementId(b) = $toElementId
MATCH p = allShortestPaths((a)-[*..10]-(b))
WITH p
WHERE length(p) <= $maxHops
WITH DISTINCT
  [n IN nodes(p) | {label: labels(n)[0], id: n.id, caption: coalesce(n.label, n.title, n.text, n.id)}] AS pathNodes,
  [
    r IN relationships(p) |
    {
      type: type(r),
      fromLabel: labels(startNode(r))[0],
      fromId: startNode(r).id,
      toLabel: labels(endNode(r))[0],
      toId: endNode(r).id
    }
  ] AS pathEdges
RETURN pathNodes AS nodes, pathEdges AS edges
ORDER BY [n IN pathNodes | n.id]
LIMIT $limit
