// One page of learning statements. Filters: an empty list does not filter; OR within a list, AND across lists.
// Learning statements target no agencies, so a non-empty $agencies matches none of them.
// params: $caseIds, $themes, $agencies, $offset, $limit
MATCH (c:CaseReview)-[:HAS_LEARNING]->(s:Learning)
WHERE (size($caseIds) = 0 OR c.id IN $caseIds)
  AND (size($themes) = 0 OR EXISTS { MATCH (s)-[:ABOUT]->(t:Theme) WHERE t.id IN $themes })
  AND size($agencies) = 0
WITH s, min(c.id) AS caseId
RETURN
  s.id AS id,
  s.text AS text,
  s.sourceId AS sourceId,
  s.start AS start,
  s.end AS end,
  caseId AS caseId,
  COLLECT { MATCH (s)-[:ABOUT]->(t:Theme) RETURN DISTINCT t.id AS themeId ORDER BY themeId } AS themes
ORDER BY caseId, start, id
SKIP $offset
LIMIT $limit
