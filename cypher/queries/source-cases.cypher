// The case reviews published in one source (read before its links are removed, to find orphans after).
// params: $sourceId
MATCH (c:CaseReview)-[:PUBLISHED_IN]->(s:Source)
WHERE s.id = $sourceId
RETURN collect(DISTINCT c.id) AS caseIds
