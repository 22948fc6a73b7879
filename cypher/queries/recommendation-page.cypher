// One page of recommendations. Filters: an empty list does not filter; OR within a list, AND across lists.
// params: $caseIds, $themes, $agencies, $offset, $limit
MATCH (c:CaseReview)-[:MAKES]->(s:Recommendation)
WHERE (size($caseIds) = 0 OR c.id IN $caseIds)
  AND (size($themes) = 0 OR EXISTS { MATCH (s)-[:ADDRESSES]->(t:Theme) WHERE t.id IN $themes })
  AND (size($agencies) = 0 OR EXISTS { MATCH (s)-[:TARGETS]->(a:Agency) WHERE a.id IN $agencies })
WITH s, min(c.id) AS caseId
RETURN
  s.id AS id,
  s.text AS text,
  s.sourceId AS sourceId,
  s.start AS start,
  s.end AS end,
  caseId AS caseId,
  COLLECT { MATCH (s)-[:ADDRESSES]->(t:Theme) RETURN DISTINCT t.id AS themeId ORDER BY themeId } AS themes,
  COLLECT { MATCH (s)-[:TARGETS]->(a:Agency) RETURN DISTINCT a.id AS agencyId ORDER BY agencyId } AS agencies
ORDER BY caseId, start, id
SKIP $offset
LIMIT $limit
