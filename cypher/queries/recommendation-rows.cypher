// Every recommendation with the case review that makes it (the first by id when several do), the agencies it
// targets and the themes it addresses (ids), for the server's recommendation analytics.
// params: none
MATCH (c:CaseReview)-[:MAKES]->(s:Recommendation)
WITH s, min(c.id) AS caseId
MATCH (c:CaseReview)
WHERE c.id = caseId
RETURN
  s.id AS id,
  s.text AS text,
  s.sourceId AS sourceId,
  s.start AS start,
  s.end AS end,
  caseId AS caseId,
  c.title AS caseTitle,
  COLLECT { MATCH (s)-[:TARGETS]->(a:Agency) RETURN DISTINCT a.id AS agencyId ORDER BY agencyId } AS agencies,
  COLLECT { MATCH (s)-[:ADDRESSES]->(t:Theme) RETURN DISTINCT t.id AS themeId ORDER BY themeId } AS themes
ORDER BY caseId, start, id
