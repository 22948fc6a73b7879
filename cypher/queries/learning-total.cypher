// How many learning statements match the filters of learning-page.cypher.
// params: $caseIds, $themes, $agencies
MATCH (c:CaseReview)-[:HAS_LEARNING]->(s:Learning)
WHERE (size($caseIds) = 0 OR c.id IN $caseIds)
  AND (size($themes) = 0 OR EXISTS { MATCH (s)-[:ABOUT]->(t:Theme) WHERE t.id IN $themes })
  AND size($agencies) = 0
RETURN count(DISTINCT s) AS total
