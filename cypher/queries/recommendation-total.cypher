// How many recommendations match the filters of recommendation-page.cypher.
// params: $caseIds, $themes, $agencies
MATCH (c:CaseReview)-[:MAKES]->(s:Recommendation)
WHERE (size($caseIds) = 0 OR c.id IN $caseIds)
  AND (size($themes) = 0 OR EXISTS { MATCH (s)-[:ADDRESSES]->(t:Theme) WHERE t.id IN $themes })
  AND (size($agencies) = 0 OR EXISTS { MATCH (s)-[:TARGETS]->(a:Agency) WHERE a.id IN $agencies })
RETURN count(DISTINCT s) AS total
