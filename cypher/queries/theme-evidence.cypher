// The evidence of every CaseReview-[HAS_THEME]->Theme link between the given cases and themes.
// params: $caseIds, $themeIds
UNWIND $caseIds AS caseId
MATCH (c:CaseReview)-[r:HAS_THEME]->(t:Theme)
WHERE c.id = caseId AND t.id IN $themeIds
RETURN
  c.id AS caseId,
  t.id AS themeId,
  r.sourceId AS sourceId,
  r.quote AS quote,
  r.start AS start,
  r.end AS end
ORDER BY caseId, themeId, sourceId, start, end
